"""Trial 51, findings 11–13, through the terminal chat: a grade's reason that says no why is asked for once more; `none`
at the areas for development of an audit with flagged answers is asked about once, naming them; and an action typed
`…, due 18/1` or `…, owner N2, by the 31st` has its due date and owner read and taken out of its text."""

from __future__ import annotations

from types import SimpleNamespace

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits import action_typed
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import AUDITOR, DRAFTED, WORKER
from tests.support.examples import examples

# The early help spot check to its overall grade (suggested Good; question 4 answered No, which it flags).
TO_GRADE = ["start audit early-help-spot", "CR-555555", WORKER, "no", "yes", "yes", "no", "yes", "yes", "good",
            "The plan and the visits show steady progress.", "yes", "1", "good",
            "The step-down decision is recorded with the family's views.", "next"]
ASKED_AGAIN = "“targeted early help” doesn't say why, so I haven't stored it yet. Please say in a sentence why"
TO_ACTIONS = [*TO_GRADE, "good", "skip", "skip"]


def chat(engine: Engine, lines: list[str]) -> str:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, lines, user=AUDITOR)
    return " ".join(out.replace("`", "").split())


def test_a_reason_that_says_no_why_is_asked_for_once_more_and_a_second_is_kept(engine: Engine,
                                                                                services: Services) -> None:
    out = chat(engine, [*TO_GRADE, "requires improvment", "targeted early help", "targeted early help"])
    assert out.count(ASKED_AGAIN) == 1
    assert "To keep it as it is, type it again." in out
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.grade_reason == "targeted early help" and audit.step == "strengths"


def test_a_short_real_reason_is_taken_first_time(engine: Engine, services: Services) -> None:
    out = chat(engine, [*TO_GRADE, "requires improvment", "plan lacks dates and contingency"])
    assert "doesn't say why" not in out
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.grade_reason == "plan lacks dates and contingency"


def test_none_at_development_with_a_flagged_answer_is_asked_about_once_naming_it(engine: Engine,
                                                                                 services: Services) -> None:
    out = chat(engine, [*TO_GRADE, "requires improvment", "plan lacks dates and contingency", "skip", "none",
                        "none"])
    assert out.count("Q4 was flagged: what would make the biggest difference there? Or skip to leave it out.") == 1
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.development is None and audit.step == "actions"  # the second `none` skips


def test_skip_at_development_leaves_it_out_without_asking(engine: Engine, services: Services) -> None:
    out = chat(engine, [*TO_GRADE, "requires improvment", "plan lacks dates and contingency", "skip", "skip"])
    assert "was flagged" not in out
    assert (audit := store.get_audit(services.storage, 1)) is not None and audit.step == "actions"


def test_a_typed_due_date_after_the_actions_timescale_is_read_and_left_out(engine: Engine,
                                                                           services: Services) -> None:
    out = chat(engine, [*TO_ACTIONS, "Hold a TAF review within 6 weeks, due 18/1", WORKER])
    assert "I've taken “18/1” as the action's due date" in out and "When is it due?" not in out
    (action,) = action_store.actions_of_audit(services.storage, 1)
    assert action.description == "Hold a TAF review within 6 weeks" and action.due_date.endswith("-01-18")


def test_an_owner_labelled_by_the_end_of_their_name_is_read_and_left_out(engine: Engine,
                                                                         services: Services) -> None:
    out = chat(engine, [*TO_ACTIONS, "Review the family plan with dates for each outcome, owner N2, by the 31st"])
    assert "Got it: Social worker N2 owns “Review the family plan with dates for each outcome”." in out
    (action,) = action_store.actions_of_audit(services.storage, 1)
    assert action.description == "Review the family plan with dates for each outcome"
    assert action.owner_id == "U0PRAN002"


def test_a_question_prefix_still_works_with_a_due_word(engine: Engine, services: Services) -> None:
    chat(engine, [*TO_ACTIONS, "Q4: Share the plan with the school within 2 weeks, due 18/1", WORKER])
    (action,) = action_store.actions_of_audit(services.storage, 1)
    assert action.description == "Share the plan with the school within 2 weeks" and action.question_id is not None


ACTION = st.lists(st.sampled_from(["review", "the", "family", "plan", "share", "with", "school", "update", "visit"]),
                  min_size=2, max_size=5).map(" ".join)
OWNER = st.sampled_from(["owner N2", "owner: N2", "owner Social worker N2", "owner is N2", "owner the worker"])
DATE = st.sampled_from(["", ", by the 31st", ", due 18/1", " due 18/1", ", by next friday"])


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(action=ACTION, owner=OWNER, when=DATE)
def test_the_read_text_never_ends_with_the_owner_or_date_words(engine: Engine, services: Services, action: str,
                                                                owner: str, when: str) -> None:
    if store.get_audit(services.storage, 1) is None:
        chat(engine, TO_ACTIONS)
    audit = store.get_audit(services.storage, 1)
    turn = SimpleNamespace(now=DRAFTED, user_id=AUDITOR)
    typed = action_typed.read(services, turn, audit, f"{action}, {owner}{when}")  # type: ignore[arg-type]
    assert typed.description == action and typed.owner is not None
    assert (typed.due is not None) == bool(when)
