"""bot.audits.action_due_words: an action's due date changed in a manager's own words (trial 28), as a property."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.action_due_words import DueChange, parse
from bot.core.services import Services

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
