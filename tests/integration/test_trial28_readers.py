"""The readers of typed text trial 28 added, as properties: an action's due date changed in a manager's words
(bot.audits.action_due_words), a hedged yes/no (bot.audits.hedged_answer), an option's words then a note
(bot.audits.option_start) and a rough number in short words (bot.audits.flow.parse_number)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.action_due_words import DueChange, parse
from bot.audits.flow import parse_number
from bot.audits.hedged_answer import hedged_note
from bot.audits.note_answer_word import without_answer_word
from bot.audits.option_start import option_then_note
from bot.core.services import Services
from knowledge.checklist_schema import Question

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
TURN = SimpleNamespace(now=MONDAY)  # the reader needs only the turn's clock
LEADS = st.sampled_from(["", "actually ", "sorry, ", "oh and ", "can you ", "pls "])
VERBS = st.sampled_from(["make", "change", "move", "set", "push", "update"])
LINKS = st.sampled_from([" due", " due date", " to be due", " due to", "'s due date"])
NOTES = st.sampled_from(["", ", im off after that", " - cover away", "; thanks", " (xmas)"])
WORDS = st.text(alphabet="abcdefghij klmnop", max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lead=LEADS, verb=VERBS, named=st.booleans(), number=st.integers(1, 99999), link=LINKS,
       day=st.integers(8, 28), note=NOTES)
def test_the_number_and_the_date_are_read_whatever_is_around_them(services: Services, lead: str, verb: str,
                                                                  named: bool, number: int, link: str, day: int,
                                                                  note: str) -> None:
    typed = f"{lead}{verb} {'action ' if named else ''}{number}{link} {day}/12{note}"
    assert parse(services, TURN, typed) == DueChange(number, f"{day}/12")  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=WORDS)
def test_text_without_a_change_verb_and_a_number_is_never_read_as_one(services: Services, words: str) -> None:
    assert parse(services, TURN, words) is None  # type: ignore[arg-type]
    assert parse(services, TURN, f"change 9 {words}") is None or " due " in f" {words} "  # type: ignore[arg-type]


NOTE = st.lists(st.sampled_from(["risks", "clear", "but", "not", "what", "happens", "w/o", "help", "poss", "review"]),
                min_size=3, max_size=8).map(" ".join)


@given(hedge=st.sampled_from(["mostly", "Largely", "partly", "in part", "PARTLY"]),
       mark=st.sampled_from([" - ", ", ", ": ", " ", " (", "; "]), note=NOTE)
def test_a_hedge_and_the_note_after_it_are_told_apart(hedge: str, mark: str, note: str) -> None:
    said = hedged_note(f"{hedge}{mark}{note}{')' if '(' in mark else ''}")
    assert said == (hedge, note)


@given(words=WORDS)
def test_a_line_not_starting_with_a_hedge_is_never_held(words: str) -> None:
    first = words.split()[0].lower() if words.split() else ""
    assert hedged_note(words) is None or first in {"mostly", "largely", "partly", "partially", "in", "half",
                                                   "somewhat", "sort", "kind", "not", "to"}


NEXT_STEP = Question(id="next-step", text="What does the child need now?", type="choice",
                     options=("Continue the plan", "Step down to early help", "Close, as outcomes are met",
                              "Step up to a strategy discussion"))
STARTS = {"continue plan": "Continue the plan", "continue the plan": "Continue the plan",
          "step down to early help": "Step down to early help", "step up to strategy discussion":
          "Step up to a strategy discussion", "close as outcomes met": "Close, as outcomes are met"}


@given(start=st.sampled_from(sorted(STARTS)), mark=st.sampled_from([" for now, ", " ", ", ", " - "]),
       note=NOTE.filter(lambda note: not note.startswith("not ")))  # a note denying the option: the test below
def test_an_options_words_then_a_note_give_that_option_and_the_note(start: str, mark: str, note: str) -> None:
    option, kept = option_then_note(NEXT_STEP, f"{start}{mark}{note}", 3)  # type: ignore[misc]
    assert option == STARTS[start]
    assert kept.endswith(note) and not kept.startswith((",", "-"))


@given(start=st.sampled_from(sorted(STARTS)), denial=st.sampled_from(["not needed", "no longer", "isn't right",
                                                                      "never considered"]), note=NOTE)
def test_an_option_denied_straight_after_is_not_read(start: str, denial: str, note: str) -> None:
    assert option_then_note(NEXT_STEP, f"{start} {denial}, {note}", 3) is None


@given(words=WORDS)
def test_a_start_naming_no_option_by_two_words_is_not_read(words: str) -> None:
    assert option_then_note(NEXT_STEP, f"not {words}", 3) is None


@given(lead=st.sampled_from(["", "abt ", "about ", "approx ", "~", "~ ", "around "]), number=st.integers(0, 500),
       unit=st.sampled_from(["", " mnths", "mths", " wks", " months", " weeks"]))
def test_a_rough_number_in_short_words_is_the_number(lead: str, number: int, unit: str) -> None:
    assert parse_number(f"{lead}{number}{unit}") == str(number)


NEED_EXPLAINED = Question(id="need-explained", text="Does the assessment explain why the child is in need?",
                          type="yes_no")


@given(word=st.sampled_from(["no", "No", "nope", "n"]), mark=st.sampled_from([" - ", ", ", ": ", "; "]), note=NOTE)
def test_the_answer_on_file_before_a_mark_leaves_the_note(word: str, mark: str, note: str) -> None:
    assert without_answer_word(NEED_EXPLAINED, "no", f"{word}{mark}{note}") == note


@given(word=st.sampled_from(["yes", "Yes", "yep"]), mark=st.sampled_from([" - ", ", ", ": "]), note=NOTE)
def test_another_answers_word_stays_in_the_note(word: str, mark: str, note: str) -> None:
    assert without_answer_word(NEED_EXPLAINED, "no", f"{word}{mark}{note}") == f"{word}{mark}{note}"


@given(note=NOTE)
def test_a_no_run_into_the_notes_words_stays(note: str) -> None:
    assert without_answer_word(NEED_EXPLAINED, "no", f"no {note}") == f"no {note}"
