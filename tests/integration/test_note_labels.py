"""A label that repeats the step's own name is dropped from the note (user trial 10, F13): `strengths: the child is seen
regularly` typed at "Strengths: …" read "Strengths: strengths: the child is seen regularly" in the review, the submitted
audit and the worker's DM. The same for the areas for development, an action and an evidence note; the rest is kept
as typed, and a name that is part of the sentence stays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.note_labels import other_heading, without_label
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
# The early help spot check with every note typed after a label: the grade's note at "Why this grade?", a yes/no
# answer's note, the strengths, the areas for development and an action.
LABELLED = [*TO_ACTIONS[:10], "Evidence: The plan and the visits show steady progress.",
            "yes, evidence - the step-down was agreed with the family", "1", "good",
            "evidence the step-down decision is recorded with the family's views.", "next", "good",
            "strengths: the child is seen regularly", "Areas for development — more direct work with the child",
            "ACTION: Share the plan with the school.", WORKER, "30/12/2026", "done", "submit"]


def flat(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def test_labels_repeating_the_steps_name_are_dropped_from_what_the_worker_reads(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, LABELLED, user=AUDITOR)
    audit = store.get_audit(services.storage, 1)
    assert audit.status == "submitted"
    assert (audit.strengths, audit.development) == ("the child is seen regularly", "more direct work with the child")
    assert [a.description for a in action_store.actions_of_audit(services.storage, 1)] == [
        "Share the plan with the school."]
    notes = {a.evidence for a in store.answers_of(services.storage, 1).values() if a.evidence}
    assert notes == {"The plan and the visits show steady progress.", "the step-down was agreed with the family",
                     "the step-down decision is recorded with the family's views."}
    told = flat(out.split(f"[message to {WORKER}]", 1)[1])  # the worker's DM
    assert "Strengths: the child is seen regularly" in told and "Evidence: The plan and the visits" in told
    assert "Areas for development: more direct work with the child" in told


def test_a_label_typed_in_an_edit_of_the_strengths_is_dropped_too(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        engine.command(AUDITOR, "edit 1 strengths Strengths: direct work with the child is thoughtful")
    assert store.get_audit(services.storage, 1).strengths == "direct work with the child is thoughtful"


@pytest.mark.parametrize(("step", "typed"), [
    ("strengths", "Strengths include regular visits and direct work"),
    ("strengths", "Strengths-based work is embedded in the plan"),
    ("strengths", "strengths are clear in the plan"),
    ("evidence", "Evidence of visits is on file every month"),
    ("actions", "Action plan to be shared with the school"),
    ("development", "Development of the plan with the family"),
])
def test_a_name_that_is_part_of_the_sentence_is_kept(step: str, typed: str) -> None:
    assert without_label(typed, step) == typed


NAMES = {"strengths": ["strengths", "Strength", "STRENGTHS"],
         "development": ["areas for development", "Area for development", "Development"],
         "actions": ["action", "Actions"], "evidence": ["evidence", "Evidence note"]}
REST = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'", min_size=1, max_size=40).map(str.strip).filter(bool)


@given(st.sampled_from(sorted(NAMES)).flatmap(lambda step: st.tuples(st.just(step), st.sampled_from(NAMES[step]))),
       st.sampled_from([": ", ":", " : ", " - ", " — ", "–"]), REST)
def test_a_label_and_a_separator_leave_the_rest_as_typed(step_and_name: tuple[str, str], separator: str,
                                                         rest: str) -> None:
    step, name = step_and_name
    assert without_label(f"{name}{separator}{rest}", step) == rest


@given(st.sampled_from(sorted(NAMES)), REST)
def test_text_not_starting_with_the_steps_name_is_kept_as_typed(step: str, rest: str) -> None:
    typed = f"The {rest}"
    assert without_label(typed, step) == typed


# Trial 12, F6: at "Areas for development…", `strengths: use age appropriate tools like three houses` was stored as the
# area for development, label and all ("Areas for development: strengths: use …"), without a word.
TO_STRENGTHS = TO_ACTIONS[:17]


def test_a_note_labelled_with_the_other_heading_is_filed_under_it_and_the_auditor_is_told(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 9, 10, 0, tzinfo=UTC), tick=False):
        _, out = drive(engine, [*TO_STRENGTHS, "the child is seen regularly and alone at school",
                                "strengths: use age appropriate tools like three houses",
                                "more direct work with the child"], user=AUDITOR)
    after = flat(out.split("That starts with Strengths, so I've added it to the strengths", 1)[1])
    assert after.startswith(": “use age appropriate tools like three houses”. If it belongs to the areas for "
                            "development, type it here without the label (back goes to the strengths, to change them).")
    assert "Areas for development: what would make the biggest difference?" in after  # then the step again
    audit = store.get_audit(services.storage, 1)
    assert audit.strengths == ("the child is seen regularly and alone at school; use age appropriate tools like three "
                               "houses")
    assert audit.development == "more direct work with the child"
    assert audit.step == "actions"


def test_an_area_for_development_typed_at_the_strengths_waits_for_its_own_step(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 9, 10, 0, tzinfo=UTC), tick=False):
        _, out = drive(engine, [*TO_STRENGTHS, "Areas for development: more direct work with the child",
                                "the child is seen regularly"], user=AUDITOR)
    assert "so I've added it to the areas for development: “more direct work with the child”" in flat(out)
    assert "Noted already: more direct work with the child" in flat(out)  # shown at its own step
    audit = store.get_audit(services.storage, 1)
    assert (audit.strengths, audit.development) == ("the child is seen regularly", "more direct work with the child")
    assert audit.step == "development"


OTHER = {"strengths": "development", "development": "strengths"}


@given(st.sampled_from(sorted(OTHER)), st.sampled_from([": ", ":", " - ", " — ", "–"]), REST)
def test_the_other_headings_label_names_where_the_rest_belongs(step: str, separator: str, rest: str) -> None:
    other = OTHER[step]
    for name in NAMES[other]:
        assert other_heading(f"{name}{separator}{rest}", step) == (other, rest)
        assert other_heading(f"{name}{separator}{rest}", other) is None  # its own label: dropped, not moved
        assert other_heading(f"The {rest}", step) is None


@pytest.mark.parametrize(("step", "typed"), [
    ("development", "Strengths include regular visits and direct work"),
    ("development", "Strengths-based work could be embedded in the plan"),
    ("strengths", "Development of the plan with the family is strong"),
    ("actions", "strengths: share the plan with the school"),
])
def test_a_heading_that_is_part_of_the_sentence_or_another_steps_note_stays_where_typed(step: str,
                                                                                        typed: str) -> None:
    assert other_heading(typed, step) is None
