"""Trial 27 (a manager in the terminal chat): answers in people's own words, refused or stored word for word.

- `needs improvement - slow and health missed` at a grade question: "Please give a grade" (`RI - …` worked).
- `not really, outcomes vague` at a yes/no question: "Please answer yes or no"; `not due yet` alone at a yes/no/N/A
  question refused (`na not due yet` worked). `partly`, with no "partly" answer, stays asked.
- `chase school attendance data - sw n2 in 2 weeks` at the actions step stored word for word, where `… - sw n1 by 19
  dec` had its owner and due date read.
(`/audit edit 1 grade …`: tests/integration/test_grade_change_in_own_words.py.)
"""

from __future__ import annotations

import contextlib
from types import SimpleNamespace

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.action_fields import due_in_text
from bot.audits.grade_words import grade_words_and_note, without_because
from bot.audits.hedged_answer import hedged_note
from bot.audits.hedged_answers import hedged
from bot.audits.regrade import split_grade
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from tests.e2e.test_action_due_in_its_text import CLOCK
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY, TO_ACTIONS, TO_REVIEWS

TO_FIRST_GRADE = ["start audit child protection plan", "CR-448812", "Social worker N1", "no", "yes", "yes", "yes",
                  "yes"]
TO_YES_NO = ["start audit child protection plan", "CR-448812", "Social worker N1", "no"]  # at strategy-timely
SOCIAL_WORKER_N2 = "U0PRAN002"


def _flat(out: str) -> str:
    return " ".join(out.split()).replace("*", "")


def _answers(services: Services) -> dict[str, tuple[str, str | None]]:
    return {qid: (a.value, a.evidence) for qid, a in store.answers_of(services.storage, 1).items()}


@pytest.mark.parametrize(("typed", "grade", "note"), [
    ("needs improvement - slow and health missed", "requires_improvement", "slow and health missed"),
    ("needs work, health was never asked", "requires_improvement", "health was never asked"),
    ("needs improving: the enquiry was slow", "requires_improvement", "the enquiry was slow"),
    ("needs improvment, health was never asked", "requires_improvement", "health was never asked"),
    ("good cos the child was seen the same day", "good", "the child was seen the same day"),
])
def test_a_grade_in_everyday_words_with_a_note_is_taken(engine: Engine, services: Services, typed: str, grade: str,
                                                        note: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_FIRST_GRADE, typed])
    assert "Please give a grade" not in _flat(out)
    assert _answers(services)["enquiry-quality"] == (grade, note)


@pytest.mark.parametrize(("typed", "said", "stored"), [
    ("not really, outcomes vague", "Got it: No, with your note: “not really, outcomes vague”.",
     ("no", "not really, outcomes vague")),
    ("not really", "Got it: No.", ("no", None)),
    ("not at all - held a week late", "Got it: No, with your note: “not at all - held a week late”.",
     ("no", "not at all - held a week late")),
])
def test_not_really_at_a_yes_no_question_is_no_with_its_words_as_the_note(engine: Engine, services: Services,
                                                                           typed: str, said: str,
                                                                           stored: tuple[str, str | None]) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, typed])
    assert "Please answer yes or no" not in _flat(out)
    assert said in _flat(out)
    assert _answers(services)["strategy-timely"] == stored


@pytest.mark.parametrize(("typed", "note"), [("not due yet", "not due yet"),
                                             ("not due yet, booked for 1 dec", "not due yet, booked for 1 dec"),
                                             ("not yet due - booked for January", "not yet due - booked for January")])
def test_not_due_yet_at_a_question_that_allows_not_applicable_is_not_applicable(engine: Engine, services: Services,
                                                                                typed: str, note: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_REVIEWS, typed])
    assert f"Got it: Not applicable, with your note: “{note}”." in _flat(out)
    assert _answers(services)["first-review-timely"] == ("na", note)


def test_not_due_yet_where_not_applicable_is_no_answer_stays_asked(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, "not due yet"])
    assert "Please answer yes or no" in _flat(out)
    assert "strategy-timely" not in _answers(services)


@pytest.mark.parametrize("typed", ["partly", "partly, held late but partners joined", "not fully",
                                   "to some extent, police were there"])
def test_partly_at_a_yes_no_question_is_asked_to_choose_and_nothing_stored(engine: Engine, services: Services,
                                                                           typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, typed])
    assert "could be more than one answer, so I haven't stored one. Is that a yes or a no?" in _flat(out)
    assert "strategy-timely" not in _answers(services)


@pytest.mark.parametrize(("typed", "due"), [
    ("chase school attendance data - sw n2 in 2 weeks", "2026-12-21"),
    ("chase school attendance data - sw n2 in 10 days", "2026-12-17"),
    ("chase school attendance data - sw n2 in a month", "2027-01-07"),
    ("chase school attendance data - sw n2 within 2 weeks", "2026-12-21"),
    ("chase school attendance data - sw n2 end of next week", "2026-12-18"),
    ("chase school attendance data - sw n2 by the end of next week", "2026-12-18"),
])
def test_an_owner_then_a_due_date_from_today_are_both_read(engine: Engine, services: Services, typed: str,
                                                           due: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, typed])
    after = _flat(out)[_flat(out).index("Actions (0 so far)"):]
    assert "Who owns this action?" not in after and "When is it due?" not in after
    assert "Got it: Social worker N2 owns “chase school attendance data”." in after
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.owner_id, action.due_date) == ("chase school attendance data",
                                                                      SOCIAL_WORKER_N2, due)


YES_NO = Question("q", "Is it?", "yes_no")
YES_NO_NA = Question("q", "Is it?", "yes_no", allow_na=True)


TYPED_WORDS = st.lists(st.sampled_from(["not", "really", "due", "yet", "partly", "no", ",", "-", "in", "2", "a",
                                         "weeks", "month", "end", "of", "next", "week", "within", "by", "the",
                                         "sw", "n2", "needs", "improvement", "work", "back", "to", "as", "cos",
                                         "cause", "RI", "good", "because", "for", "concern", "chase", "school"]),
                      max_size=14).map(" ".join)


@given(st.one_of(st.text(max_size=200), TYPED_WORDS))
def test_the_new_readers_never_raise_on_any_text(text: str) -> None:
    for question in (YES_NO, YES_NO_NA):
        said = hedged(question, text)
        assert said is None or said[0] in ("no", "na", "yes")
        noted = hedged_note(text)
        assert noted is None or (noted[0] and noted[1] in " ".join(text.split()))
    grade_words_and_note(text)
    without_because(text)
    with contextlib.suppress(UserError):  # no grade at its start: said in words, never a traceback
        split_grade(text)
    found = due_in_text(CLOCK, SimpleNamespace(now=MONDAY), text)  # type: ignore[arg-type]
    assert found is None or found[0].strip()


@given(st.sampled_from(["not really", "Not really", "not at all", "no, not really", "not due yet"]),
       st.sampled_from(["", ", outcomes vague", " - the plan was late", ". booked for January"]))
def test_a_hedged_answer_keeps_its_words_as_the_note_only_with_more_after_them(said: str, more: str) -> None:
    value, note = hedged(YES_NO_NA, f"{said}{more}") or ("", "")
    assert value == ("na" if "due" in said else "no")
    assert note == (f"{said}{more}" if more or "due" in said else None)
