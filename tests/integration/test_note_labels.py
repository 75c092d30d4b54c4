"""A label that repeats the step's own name is dropped from the note (user trial 10, F13): `strengths: the child is seen
regularly` typed at "Strengths: …" read "Strengths: strengths: the child is seen regularly" in the review, the submitted
audit and the worker's DM. The same for the areas for development, an action and an evidence note; the rest is kept
as typed, and a name that is part of the sentence stays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.note_labels import other_heading, without_label
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
# The early help spot check with every note typed after a label: the grade's note at "Why this grade?", a yes/no
# answer's note, the strengths, the areas for development and an action.
LABELLED = [*TO_ACTIONS[:10], "Evidence: The plan and the visits show steady progress.",
            "yes, evidence - the step-down was agreed with the family", "1", "good",
            "evidence the step-down decision is recorded with the family's views.", "next", "good",
            "strengths: the child is seen regularly", "Areas for development — more direct work with the child",
            "ACTION: Share the plan with the school.", WORKER, "30/12/2026", "done", "submit"]


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
    told = flat(out.split(f"[message to {WORKER}]", 1)[1], "*")  # the worker's DM
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
    ("development", "devastating impact of the neglect is not recorded"),
])
def test_a_name_that_is_part_of_the_sentence_is_kept(step: str, typed: str) -> None:
    assert without_label(typed, step) == typed


NAMES = {"strengths": ["strengths", "Strength", "STRENGTHS"],
         "development": ["areas for development", "Area for development", "Development", "areas for dev", "AFD",
                         "dev"],
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


# `/audit edit 12 development strengths: …` kept the label in the areas for development ("Areas for development:
# strengths: …"), where the guided steps file the note under the heading it names.
FILED_BY_EDIT = [
    ("development", "strengths: use age appropriate tools like three houses", "strengths",
     "the child is seen regularly; use age appropriate tools like three houses",
     "That starts with Strengths, so I've added it to the strengths of audit #1: “use age appropriate tools like three "
     "houses”. The areas for development are unchanged. If it belongs there, type /audit edit 1 development and the "
     "text without the label; /audit edit 1 strengths changes the strengths back. The earlier version is kept as a "
     "revision."),
    ("strengths", "Areas for development - more life story work", "development",
     "more direct work with the child; more life story work",
     "That starts with Areas for development, so I've added it to the areas for development of audit #1: “more life "
     "story work”. The strengths are unchanged. If it belongs there, type /audit edit 1 strengths and the text "
     "without the label; /audit edit 1 development changes the areas for development back. The earlier version is "
     "kept as a revision."),
]


@pytest.mark.parametrize(("field", "typed", "other", "kept", "said"), FILED_BY_EDIT)
def test_an_edit_labelled_with_the_other_heading_is_filed_under_it_as_the_steps_file_it(
        engine: Engine, services: Services, field: str, typed: str, other: str, kept: str, said: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        before = store.get_audit(services.storage, 1)
        [reply] = engine.command(AUDITOR, f"edit 1 {field} {typed}")
    assert flat(reply.text, "`*") == said
    audit = store.get_audit(services.storage, 1)
    assert getattr(audit, other) == kept and getattr(audit, field) == getattr(before, field)


EDITED_NOTES = ["use age appropriate tools", "more life story work", "the plan is shared with the school"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(OTHER)), st.sampled_from([": ", ":", " - ", " — ", "–"]), st.data())
def test_any_label_of_the_other_heading_in_an_edit_files_the_note_under_it(
        engine: Engine, services: Services, field: str, separator: str, data: st.DataObject) -> None:
    other = OTHER[field]
    name, note = data.draw(st.sampled_from(NAMES[other])), data.draw(st.sampled_from(EDITED_NOTES))
    with time_machine.travel(DRAFTED, tick=False):
        if store.get_audit(services.storage, 1) is None:  # one submitted audit for every example
            drive(engine, LABELLED, user=AUDITOR)
        before = store.get_audit(services.storage, 1)
        engine.command(AUDITOR, f"edit 1 {field} {name}{separator}{note}")
    audit = store.get_audit(services.storage, 1)
    assert getattr(audit, other) == f"{getattr(before, other)}; {note}"
    assert getattr(audit, field) == getattr(before, field)


@pytest.mark.parametrize("typed", ["add: reviews to be held on time", "also reviews to be held on time",
                                   "Add - reviews to be held on time", "plus, reviews to be held on time"])
def test_an_edit_that_says_add_adds_to_the_heading_rather_than_replacing_it(engine: Engine, services: Services,
                                                                            typed: str) -> None:
    """Trial 20: `edit 137 development add: reviews to be held on time` replaced the areas for development, and they
    read "add: reviews to be held on time"."""
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        before = store.get_audit(services.storage, 1)
        [reply] = engine.command(AUDITOR, f"edit 1 development {typed}")
    audit = store.get_audit(services.storage, 1)
    assert audit.development == f"{before.development}; reviews to be held on time"
    assert flat(reply.text, "`*") == ("Audit #1: added to the areas for development: “reviews to be held on time”. "
                                      "What was there stays; the earlier version is kept as a revision.")


def test_a_note_that_starts_with_a_word_like_add_is_still_the_note(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, LABELLED, user=AUDITOR)
        engine.command(AUDITOR, "edit 1 strengths Additional visits were made when the placement wobbled")
    assert store.get_audit(services.storage, 1).strengths == "Additional visits were made when the placement wobbled"
