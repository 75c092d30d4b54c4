"""Trial 29, item 9: at the review, `actually q5 shud be n/a shes 11 and talks fine` got "I haven't stored that
anywhere. To change an answer…". Where the answers are listed (the review, "Ready to submit?"), the new answer said
with the number, in text-speak too, is given to that question, a note after it kept as its note."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.answer_change import asked_label, said_answer
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY, TO_ACTIONS, TO_DRIFT

AT_REVIEW = [*TO_DRIFT, "1", "good", "The child is making steady progress."]
AT_SUBMIT = [*TO_ACTIONS, "done"]
SEEN_ALONE = "visits-seen-alone"


def _flat(out: str) -> str:
    return " ".join(out.split())


def _answer(services: Services, question_id: str) -> tuple[str, str | None]:
    answer = store.answers_of(services.storage, 1)[question_id]
    return answer.value, answer.evidence


@pytest.mark.parametrize(("steps", "back_at"), [(AT_REVIEW, "== Review: audit #1 =="),
                                                (AT_SUBMIT, "Ready to submit?")])
@pytest.mark.parametrize(("typed", "note"), [("actually q13 shud be n/a shes 11 months and not talking",
                                              "shes 11 months and not talking"),
                                             ("q13 shld be n/a - baby of 11 months", "baby of 11 months"),
                                             ("sorry question 13 should have been not applicable", None)])
def test_the_new_answer_said_with_its_number_is_stored_with_its_note(engine: Engine, services: Services,
                                                                     steps: list[str], back_at: str, typed: str,
                                                                     note: str | None) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*steps, typed])
    after = _flat(out)[_flat(out).rindex("Changing your answer to question 13."):]
    assert "haven't stored that" not in after
    assert back_at in after  # back where it was typed, the question not asked again
    assert "Was the child seen alone on visits" in after.split(back_at)[1]  # in the answers listed again
    assert _answer(services, SEEN_ALONE) == ("na", note)
    assert store.get_audit(services.storage, 1).step == ("review" if steps is AT_REVIEW else "submit")


def test_words_that_are_no_answer_leave_the_question_asked_saying_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_REVIEW, "q5 shud be n/a", "no"])
    flat = _flat(out)
    assert "I couldn't read that as an answer to question 5: This question has no 'not applicable': answer yes or no" \
        in flat  # q5 offers no N/A (trial 55 F16 says so)
    assert _answer(services, "s47-conclusion")[0] == "no"
    assert "== Review: audit #1 ==" in flat.split("Got it: No.")[-1]  # answered at the question, back to the review
    assert store.get_audit(services.storage, 1).step == "review"


SHOULDS = ["should be", "shud be", "shld be", "should have been", "shud b", "was meant to be", "is actually"]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["", "actually ", "sorry ", "oh wait, "]), st.sampled_from(["q", "q ", "question ", "answer "]),
       st.integers(min_value=1, max_value=99), st.sampled_from(SHOULDS), st.sampled_from(["n/a", "no", "yes", "NA"]),
       st.sampled_from(["", " shes 11 and talks fine", " - seen at school"]))
def test_every_should_be_reads_its_number_and_its_answer(opening: str, marker: str, number: int, should: str,
                                                         answer: str, note: str) -> None:
    typed = f"{opening}{marker}{number} {should} {answer}{note}"
    assert asked_label(typed) == str(number), typed
    assert said_answer(typed) == f"{answer}{note}", typed


@pytest.mark.parametrize("typed", ["q5 is wrong", "change q5", "change 5", "question 5 was wrong, sorry"])
def test_a_change_with_no_answer_said_gives_none(typed: str) -> None:
    assert asked_label(typed) == "5" and said_answer(typed) is None


@pytest.mark.parametrize(("typed", "stored"), [("change 13 to no", ("no", None)),
                                               ("q13 n/a shes 11 months", ("na", "shes 11 months")),
                                               ("13 should be no", ("no", None)),
                                               ("change q13 to not applicable", ("na", None))])
def test_change_n_to_an_answer_at_the_review_changes_it_at_once(engine: Engine, services: Services, typed: str,
                                                                 stored: tuple[str, str | None]) -> None:
    """Trial 32: `change 10 to no` at the review was told to type `change 10`; it now changes the answer."""
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_REVIEW, typed])
    after = _flat(out)[_flat(out).rindex("Changing your answer to question 13."):]
    assert "like `change 3`" not in after
    assert "== Review: audit #1 ==" in after
    assert _answer(services, SEEN_ALONE) == stored


@pytest.mark.parametrize("typed", ["change 1 to fri", "visits every 10 should be weekly", "q13 was fine really"])
def test_an_action_or_a_note_with_a_number_is_not_a_change(typed: str) -> None:
    assert said_answer(typed) is None
