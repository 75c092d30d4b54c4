"""fix80a: which lines are one's own time away with an overdue or due action (bot.audits.away_overdue_own.asked), and
the days such a line says. Pinned dates: nothing reads the clock."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.away_overdue_own import asked, days_said, first_day_said
from tests.support.examples import examples

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize("line", [
    "im on leave next week and my action is overdue",
    "I'm off from Monday and action 12 is due while I'm away, what do I do?",
    "I\u2019m on leave and my actions are overdue",
    "I'm away next week and my overdue actions need sorting",
    "hi, im on annual leave from 21/12 to 4/1 and action 82 is due on the 23rd"])
def test_own_leave_with_an_action_due_or_overdue_is_asked(line: str) -> None:
    assert asked(line)


@pytest.mark.parametrize("line", [  # trial 64 F1: these got the HR leave policy
    "i am on annual leave next week, can i have more time on my actions?",
    "what happens to my actions while im on leave",
    "will my actions be paused when im on holiday",
    "do my action due dates change if im off sick",
    "when i go on holiday do my tasks stop",
    "I’m going on leave on Friday - can I get an extension on my actions?"])
def test_own_actions_while_away_asked_anywhere_in_the_line(line: str) -> None:
    assert asked(line)


@pytest.mark.parametrize("line", [
    "s1 is on leave and action 89 is overdue",  # someone else's: bot.audits.away_overdue
    "im on leave next week, tm north covering",  # a booking: bot.reminders.away_worded
    "can i have more time on action 82, im off till the 12th",  # a request for more time: sent as one
    "im on leave next week, can i have more time on 93?",
    "can i have more time on my actions?",  # no time away: bot.audits.more_time asks which
    "i have a worker on leave, what happens to my actions",  # not the writer away
    "what happens to my actions when my manager is on leave",
    "my action is overdue",  # no time away
    "im on leave next week",
    "how do I pause reminders while I am on leave?"])
def test_other_lines_are_not(line: str) -> None:
    assert not asked(line)


def test_the_days_a_line_says() -> None:
    assert days_said("im on leave next week and my action is overdue", MONDAY) == (date(2026, 12, 14),
                                                                                  date(2026, 12, 18))
    assert days_said("im off from 21/12 to 4/1 and action 82 is due", MONDAY) == (date(2026, 12, 21),
                                                                                date(2027, 1, 4))
    assert days_said("im on leave and my action is overdue", MONDAY) is None


def test_a_first_day_alone() -> None:
    assert first_day_said("I'm off from Monday and action 12 is due", MONDAY) == date(2026, 12, 14)
    assert first_day_said("I'm off from Wednesday, action 12 is due", MONDAY) == date(2026, 12, 9)
    assert first_day_said("I'm off and action 12 is due", MONDAY) is None


WORDS = st.lists(st.sampled_from(["im", "i'm", "on", "leave", "off", "from", "monday", "next", "week", "and", "my",
                                  "action", "12", "is", "overdue", "due", "until", "4/1", "21/12", "to", "away",
                                  ",", "what", "do", "i", "the", "tm", "north", "covering", "-"]),
                 max_size=14).map(" ".join)


@settings(max_examples=examples(80), deadline=None)
@given(line=WORDS)
def test_no_line_crashes_and_days_come_only_from_days_said(line: str) -> None:
    """No wording raises; a window is read only from words naming days, and runs forward from today."""
    asked(line)
    window = days_said(line, MONDAY)
    first = first_day_said(line, MONDAY)
    if window is not None:
        assert MONDAY <= window[0] <= window[1]
        assert any(word in line for word in ("week", "4/1", "21/12", "monday"))
    if first is not None:
        assert "from" in line and first >= MONDAY
