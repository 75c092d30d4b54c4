"""How a typed change to an action reads (`action 2 due 11/12`, `action 41 owner Social worker N2`), and how a due
date read from a weekday named is said back: "next Friday" typed on a Thursday is tomorrow, and the echo says so
(user trial: a manager meant the Friday of the week after)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.action_edit import ActionEdit, parse
from bot.audits.action_fields import due_said
from bot.core.calendar import is_working_day
from knowledge.dates import bank_holidays, day_off, names_weekday, parse_day, working_day_near
from tests.support.examples import examples

THURSDAY = date(2026, 12, 3)


@pytest.mark.parametrize(("typed", "read"), [
    ("action 2 due 11/12", ActionEdit(2, "due", "11/12")),
    ("Action #41 due date: next Friday", ActionEdit(41, "due", "next Friday")),
    ("change action 2 due to 11/12", ActionEdit(2, "due", "11/12")),
    ("action 2 due today", ActionEdit(2, "due", "today")),  # `to` only as its own word
    ("action 2 deadline = 24 December", ActionEdit(2, "due", "24 December")),
    ("action 3 owner Social worker N2", ActionEdit(3, "owner", "Social worker N2")),
    ("ACTION 3 OWNED BY <@U0PRAN002>", ActionEdit(3, "owner", "<@U0PRAN002>")),
    ("action 3's owner: @Team manager (North)", ActionEdit(3, "owner", "@Team manager (North)")),
    ("action 2 due", ActionEdit(2, "due", "")),
    ("action 2", ActionEdit(2, None, "")),
])
def test_a_change_names_the_action_what_changes_and_the_new_value(typed: str, read: ActionEdit) -> None:
    assert parse(typed) == read


@pytest.mark.parametrize("typed", [
    "Action 1 of the plan is to be reviewed by the manager",  # an action's own words stay an action
    "actions 2 due 11/12", "action due 11/12", "remove action 2", "done 2", "reopen action 2",
    "action 2 dues 11/12", "action 2 ownership", "the action is due friday", "",
])
def test_other_text_is_not_a_change(typed: str) -> None:
    assert parse(typed) is None


FIELD_WORDS = {"due": "due", "due date": "due", "due by": "due", "deadline": "due", "owner": "owner",
               "owned by": "owner", "assigned to": "owner"}
# A value as people type one after the field: never starting with a word the field reading takes as its own.
VALUES = st.text(st.characters(categories=("L", "N"), include_characters=" /@<>()-.'"), min_size=1, max_size=40) \
    .map(lambda text: " ".join(text.split())) \
    .filter(lambda text: bool(text) and text.split()[0].lower() not in ("to", "date", "by") and text[0] not in ":=")


@settings(max_examples=examples(300))
@given(action_id=st.integers(1, 999_999_999), field=st.sampled_from(sorted(FIELD_WORDS)), value=VALUES,
       lead=st.sampled_from(["", "change ", "Move ", "  "]), mark=st.sampled_from(["", "#"]),
       spacing=st.sampled_from([" ", "  ", "\t"]))
def test_any_change_typed_reads_back_as_typed(action_id: int, field: str, value: str, lead: str, mark: str,
                                              spacing: str) -> None:
    typed = f"{lead}action {mark}{action_id}{spacing}{field}{spacing}{value}"
    assert parse(typed) == ActionEdit(action_id, FIELD_WORDS[field], value)  # type: ignore[arg-type]


@settings(max_examples=examples(300))
@given(text=st.text(max_size=60))
def test_parsing_never_fails_and_only_reads_lines_naming_an_action(text: str) -> None:
    read = parse(text)
    if read is not None:  # the line names the action by its number after the word "action"
        named = re.search(r"action\s*#?(\d+)", text, re.IGNORECASE)
        assert named is not None and int(named.group(1)) == read.action_id
        assert read.field in ("due", "owner", None) and read.value == read.value.strip()


@pytest.mark.parametrize(("typed", "named"), [
    ("next Friday", True), ("friday", True), ("Fri", True), ("this coming Tuesday", True), ("on Monday", True),
    ("Friday week", False), ("last Friday", False), ("11/12", False), ("tomorrow", False), ("in 3 days", False),
    ("Friday 11 December", False),
])
def test_only_a_weekday_said_relative_to_today_is_named(typed: str, named: bool) -> None:
    assert names_weekday(typed) is named


@pytest.mark.parametrize(("typed", "said"), [
    ("next Friday", ("**Friday 4 December 2026** (tomorrow)",
                     "To change it, type `action 2 due` and the date, like `action 2 due 11/12` for the Friday "
                     "after.")),
    ("Monday", ("**Monday 7 December 2026** (in 4 days)",
                "To change it, type `action 2 due` and the date, like `action 2 due 14/12` for the Monday after.")),
    ("thursday", ("**Thursday 3 December 2026** (today)",
                  "To change it, type `action 2 due` and the date, like `action 2 due 10/12` for the Thursday after.")),
    ("next Thursday", ("**Thursday 10 December 2026** (in 7 days)", "")),  # a week away: no nearer reading
    ("4/12", ("**Friday 4 December 2026** (tomorrow)", "")),  # a date typed as a date: no sentence
    ("tomorrow", ("**Friday 4 December 2026** (tomorrow)", "")),
])
def test_a_near_date_from_a_weekday_says_how_near_and_how_to_change_it(typed: str, said: tuple[str, str]) -> None:
    due = parse_day(typed, THURSDAY, "future")
    assert due_said(typed, due, THURSDAY, "action 2 due") == said


@settings(max_examples=examples(200))
@given(today=st.dates(date(2020, 1, 1), date(2090, 12, 31)),
       day=st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
       which=st.sampled_from(["", "next ", "this ", "on ", "coming "]))
def test_what_a_weekday_means_is_unchanged_and_a_near_one_is_always_explained(today: date, day: str,
                                                                               which: str) -> None:
    due = parse_day(f"{which}{day}", today, "future")
    assert today <= due <= today + timedelta(days=7)
    _, to_change = due_said(f"{which}{day}", due, today, "action 2 due")
    off = day_off(due, today)
    assert bool(to_change) == ((due - today).days <= 6 or off is not None)
    if off is not None:  # a weekend or a bank holiday is said to be one, with a working day from today to give
        example = parse_day(to_change.split("`")[3].removeprefix("action 2 due "), today, "future")
        assert to_change.startswith(f"That is {off.what}:") and example == off.instead >= today
        assert is_working_day(example)
    elif to_change:  # the example it gives is the same weekday a week on, and reads as that, unless that day is a
        # bank holiday: then the working day before it, and the holiday is named (never "due 25/12")
        example = parse_day(to_change.split("`")[3].removeprefix("action 2 due "), today, "future")
        holiday = bank_holidays().get(due + timedelta(days=7))
        assert example == (working_day_near(due + timedelta(days=7), later=False) if holiday
                           else due + timedelta(days=7))
        assert (f"is {holiday})." in to_change) if holiday else to_change.endswith("after.")
