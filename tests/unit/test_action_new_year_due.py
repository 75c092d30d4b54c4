"""Trial 61 G3: `update the chronology after new year` typed as an action was kept whole and "When is it due?" asked,
where `… by 25/12` has its date read out of the text. A known way of saying "after New Year" ending the action is now
its due date, the first working day of January (bot.audits.action_fields.due_in_text); "new year" that says what the
action is about ("discuss new year contact arrangements with mum") never is. Clock pinned to a working day."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.action_fields import due_in_text, due_taken_said
from tests.support.examples import examples

LONDON = ZoneInfo("Europe/London")
CLOCK = SimpleNamespace(settings=SimpleNamespace(timezone=LONDON))
MONDAY = SimpleNamespace(now=datetime(2026, 12, 7, 10, 0, tzinfo=LONDON))  # pinned: the trial's day
FIRST_BACK = date(2027, 1, 4)  # Monday 4 January 2027: 1 January is a Friday
ACTION = st.lists(st.sampled_from(["update", "the", "chronology", "share", "plan", "with", "school", "visit", "mum",
                                   "hold", "a", "core", "group", "contact"]), min_size=2, max_size=6).filter(
    lambda words: words[-1] not in ("the", "a", "with")).map(" ".join)  # an action ends on what is to be done
NEW_YEAR = st.sampled_from(["after new year", "in the new year", "first week of january", "early january",
                            "after the new year", "straight after new year", "in the first week of jan",
                            "After New Year", "start of january"])
JOINER = st.sampled_from([" ", ", ", " - "])


def _read(text: str) -> tuple[str, str, date] | None:
    return due_in_text(CLOCK, MONDAY, text)  # type: ignore[arg-type]


def test_the_trials_action_has_its_due_date_read_and_said_back() -> None:
    assert _read("update the chronology after new year") == ("update the chronology", "after new year", FIRST_BACK)
    assert due_taken_said("after new year", FIRST_BACK, "update the chronology", MONDAY.now.date()) == (
        "I've taken “after new year” as the action's due date, **Monday 4 January 2027** (in 28 days), the first "
        "working day after New Year, and left it out of its text: “update the chronology”.")


@settings(max_examples=examples(200))
@given(action=ACTION, joiner=JOINER, when=NEW_YEAR, end=st.sampled_from(["", ".", "!"]))
def test_an_after_new_year_phrase_ending_the_action_is_its_due_date(action: str, joiner: str, when: str,
                                                                   end: str) -> None:
    assert _read(f"{action}{joiner}{when}{end}") == (action, when, FIRST_BACK)


@settings(max_examples=examples(200))
@given(action=ACTION, about=st.sampled_from(["new year contact arrangements", "the new year", "new year",
                                             "plans over new year", "contact over the new year",
                                             "new year contact with mum"]))
def test_new_year_as_what_the_action_is_about_is_never_a_due_date(action: str, about: str) -> None:
    assert _read(f"{action} {about}") is None
    assert _read(f"discuss {about} {action}") is None


def test_the_trials_good_case_is_still_not_a_date() -> None:
    assert _read("discuss new year contact arrangements with mum") is None


def test_a_labelled_date_beside_it_is_the_due_date() -> None:
    assert _read("update the chronology after new year, by 18/12") == ("update the chronology after new year",
                                                                        "18/12", date(2026, 12, 18))
