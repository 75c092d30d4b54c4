"""Trial 51, findings 11 and 13: a grade's reason of a few words that says no why (`targeted early help`) is asked
for once more (bot.audits.brief_reason), and a due date typed `due 18/1` after the action's own timescale is read as
`by 18/1` is, never left at the end of the action's text (bot.audits.action_fields.due_in_text)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.action_fields import due_in_text
from bot.audits.brief_reason import FEW_WORDS, note_says_what, says_why
from tests.support.examples import examples

LONDON = ZoneInfo("Europe/London")
CLOCK = SimpleNamespace(settings=SimpleNamespace(timezone=LONDON))
WEDNESDAY = SimpleNamespace(now=datetime(2026, 12, 2, 10, 0, tzinfo=LONDON))  # pinned: a working day
# Words that name things (an answer to another question), never why.
THINGS = st.sampled_from(["early", "help", "plan", "family", "child", "school", "chronology", "review",
                          "core", "group", "voice", "of", "the", "and", "safety", "direct", "work", "tac", "meeting"])
WHY = st.sampled_from(["lacks", "no", "not", "missing", "overdue", "was", "hasn't", "drifted", "unclear", "poor"])
ACTION = st.lists(st.sampled_from(["hold", "a", "taf", "review", "share", "the", "plan", "with", "school", "update",
                                   "chronology", "visit", "mum"]), min_size=2, max_size=6).map(" ".join)
SCALE = st.sampled_from(["", " within 6 weeks", " in 2 weeks", " within 10 working days"])
JOINER = st.sampled_from([", due ", " due ", ", by ", " by ", ", due by ", " - due "])
WHEN = st.sampled_from(["18/1", "18/01/2027", "18 January", "18th jan", "the 18th", "next friday", "end of january"])


def test_the_trials_phrase_is_no_reason_and_a_short_real_reason_is() -> None:
    assert not says_why("targeted early help")
    assert says_why("plan lacks dates and contingency")
    assert says_why("visits lapsed") and says_why("no contingency plan") and says_why("chronology out of date")


@given(first=st.sampled_from(["targeted", "planned", "early", "family"]),
       words=st.lists(THINGS, min_size=0, max_size=FEW_WORDS - 2))
def test_a_few_words_naming_things_do_not_say_why(first: str, words: list[str]) -> None:
    assert not says_why(" ".join([first, *words]))  # a leading `targeted` describes; it says nothing happened


@given(words=st.lists(THINGS, min_size=0, max_size=FEW_WORDS - 2), why=WHY, at=st.integers(0, FEW_WORDS))
def test_a_few_words_with_a_verb_negation_or_judgement_say_why(words: list[str], why: str, at: int) -> None:
    assert says_why(" ".join([*words[:at], why, *words[at:]]))


@given(words=st.lists(THINGS, min_size=FEW_WORDS, max_size=12))
def test_five_words_or_more_are_always_taken(words: list[str]) -> None:
    assert says_why(" ".join(words))


@settings(max_examples=examples(300))
@given(action=ACTION, scale=SCALE, joiner=JOINER, when=WHEN)
def test_a_due_date_read_from_the_text_never_stays_at_its_end(action: str, scale: str, joiner: str,
                                                              when: str) -> None:
    read = due_in_text(CLOCK, WEDNESDAY, f"{action}{scale}{joiner}{when}")  # type: ignore[arg-type]
    assert read is not None, "the labelled date is the due date, the action's own timescale stays in it"
    text, said, _ = read
    assert said == when
    assert text == f"{action}{scale}"
    assert not text.lower().rstrip(" ,-").endswith(("due", "by", when.lower()))


def test_two_labelled_dates_are_still_not_guessed() -> None:
    assert due_in_text(CLOCK, WEDNESDAY, "Meet with mum before 18/12 and dad by 20/12") is None  # type: ignore[arg-type]


SEEN = st.sampled_from(["clear", "good", "regular", "every", "2", "signed", "dated", "consistent", "seen", "timely"])


@given(words=st.lists(THINGS, min_size=2, max_size=FEW_WORDS - 2), seen=SEEN, at=st.integers(0, FEW_WORDS))
def test_a_grade_note_with_a_word_of_what_was_seen_says_what(words: list[str], seen: str, at: int) -> None:
    assert note_says_what(" ".join([*words[:at], seen, *words[at:]]))  # trial 52 F2: `clear plan with dates`


@given(first=st.sampled_from(["targeted", "planned", "early", "family"]),
       words=st.lists(THINGS, min_size=0, max_size=FEW_WORDS - 2))
def test_a_grade_note_naming_things_says_nothing_seen(first: str, words: list[str]) -> None:
    assert not note_says_what(" ".join([first, *words]))  # `targeted early help`: asked for once more
