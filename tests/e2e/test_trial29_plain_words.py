"""Trial 29 (a busy manager in the terminal chat): a yes or a no said as what they found on the file.

- `cant see it recorded anywhere` at a yes/no question: "Please answer yes or no", where `no cant see it recorded` was
  No with its note. A clear negative statement is now No with the words as the note ("can't find", "not recorded",
  "nothing on file", "there isn't one", "never happened"…) and its mirror Yes ("it's on file", "can see it", "been
  done", "is recorded"); a question back (`can't see what?`) is never an answer, and a statement that takes itself back
  (`recorded but out of date`) asks which answer it is, keeping the words for it.
"""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.hedged_answers import MIN_NOTE_WORDS, hedged, mixed
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY, TO_REVIEWS
from tests.e2e.test_trial27_own_words import TO_YES_NO
from tests.support.text import flat

ASKED = "strategy-timely"  # the yes/no question TO_YES_NO stands at (no Not applicable)


def _answers(services: Services) -> dict[str, tuple[str, str | None]]:
    return {qid: (a.value, a.evidence) for qid, a in store.answers_of(services.storage, 1).items()}


def _said(value: str, note: str | None) -> str:
    shown = {"no": "No", "yes": "Yes", "na": "Not applicable"}[value]
    return f"Got it: {shown}, with your note: “{note}”." if note else f"Got it: {shown}."


@pytest.mark.parametrize(("typed", "stored"), [
    ("cant see it recorded anywhere", ("no", "cant see it recorded anywhere")),
    ("can't find", ("no", None)),
    ("I can’t find it in the case notes", ("no", "I can’t find it in the case notes")),
    ("not recorded", ("no", None)),
    ("nothing on file", ("no", "nothing on file")),
    ("there isn't one", ("no", "there isn't one")),
    ("none on file for this period", ("no", "none on file for this period")),
    ("not been done", ("no", "not been done")),
    ("wasn't done", ("no", None)),
    ("never happened", ("no", None)),
    ("not recorded, no minutes either", ("no", "not recorded, no minutes either")),
    ("it's on file", ("yes", "it's on file")),
    ("can see it on the system dated 3/11", ("yes", "can see it on the system dated 3/11")),
    ("been done", ("yes", None)),
    ("is recorded", ("yes", None)),
    ("is recorded in the strategy minutes", ("yes", "is recorded in the strategy minutes")),
    ("no cant see it recorded", ("no", "cant see it recorded")),  # as before
])
def test_a_plain_statement_of_what_was_found_is_the_answer_with_its_words_as_the_note(
        engine: Engine, services: Services, typed: str, stored: tuple[str, str | None]) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, typed])
    assert "Please answer yes or no" not in flat(out)
    assert _said(*stored) in flat(out)
    assert _answers(services)[ASKED] == stored


def test_a_statement_at_a_question_that_allows_not_applicable_is_read_too(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_REVIEWS, "cant see it recorded anywhere"])
    assert "Got it: No, with your note: “cant see it recorded anywhere”." in flat(out)
    assert _answers(services)["first-review-timely"] == ("no", "cant see it recorded anywhere")


@pytest.mark.parametrize("typed", ["can't see what?", "where would it be recorded?", "not recorded?",
                                  "cant see why not", "cant find the guidance for this one", "is recorded where"])
def test_a_question_back_or_a_statement_turned_round_is_never_taken_as_the_answer(
        engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, typed])
    after = flat(out).split("Question 2 of 19)", 1)[1]  # what the line typed at the question got
    assert "Got it:" not in after and "Question 3 of 19" not in after
    assert ASKED not in _answers(services)
    assert flat(out).rstrip().endswith("Bye.")  # the chat goes on, the question still waiting


@pytest.mark.parametrize(("typed", "shown"), [("recorded but out of date", "Recorded but …"),
                                              ("it's on file, not signed by the manager", "It's on file, not …")])
def test_a_statement_that_says_both_asks_which_answer_and_keeps_the_words_for_it(
        engine: Engine, services: Services, typed: str, shown: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, asked = drive(engine, [*TO_YES_NO, typed])
        stored_before = dict(_answers(services))
        _, out = drive(engine, ["no"])
    assert (f"“{shown}” could be more than one answer, so I haven't stored one. Is that a yes or a no? I'll keep your "
            f"note: “{typed}”.") in flat(asked)
    assert ASKED not in stored_before
    assert f"Got it: No, with your note: “{typed}”." in flat(out)
    assert _answers(services)[ASKED] == ("no", typed)


YES_NO = Question("q", "Is it?", "yes_no")
YES_NO_NA = Question("q", "Is it?", "yes_no", allow_na=True)
NEGATIVE = ["cant see", "can't see", "can’t find", "couldn't find", "not recorded", "not on file", "nothing on file",
            "there isn't one", "none on file", "not been done", "wasn't done", "never happened", "hasnt been done",
            "not that i can see", "there's nothing on the file", "Not recorded", "CANT SEE"]
# Words a note goes on with: never a question mark, nor a word that takes the statement back ("but", "though")
NOTE_WORDS = ["it", "on", "the", "file", "since", "march", "visits", "plan", "no", "minutes", "3/4", "-", ",", "(",
              ")", ";", "anywhere", "child", "seen", "review", "not", "recorded", "nothing", "lapsed", "either"]
NOTE = st.lists(st.sampled_from(NOTE_WORDS), max_size=12).map(" ".join)


@given(st.sampled_from(NEGATIVE), NOTE, st.sampled_from([YES_NO, YES_NO_NA]))
def test_any_text_starting_with_a_negative_statement_is_no_with_the_words_kept_as_the_note(
        said: str, note: str, question: Question) -> None:
    typed = f"{said} {note}"
    whole = " ".join(typed.split()).rstrip(" .!")
    value, kept = hedged(question, typed) or ("", "")
    assert value == "no"
    assert kept == (whole if len(whole.split()) >= MIN_NOTE_WORDS else None)
    assert mixed(question, typed) is None


@given(st.text(max_size=200), st.sampled_from([*NEGATIVE, "it's on file", "recorded", "can see it", ""]))
def test_the_reader_never_raises_and_never_answers_a_question(text: str, said: str) -> None:
    for question in (YES_NO, YES_NO_NA, Question("c", "Which?", "choice", options=("A", "B"))):
        typed = f"{said} {text}"
        read, both = hedged(question, typed), mixed(question, typed)
        assert read is None or read[0] in ("yes", "no", "na")
        assert read is None or both is None  # never both an answer and asked which
        if "?" in typed:  # a question back is never a statement (only "not really …?" stays a No, as before)
            assert both is None and (read is None or read[0] != "yes")
