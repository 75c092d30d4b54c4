"""Trial 60 (F12): a manager booked away over Christmas asked "when will my reminders start again" (the general entry
on when reminders are sent), "when do my reminders restart" (the entry on resuming an audit) and "am i still on leave
in the bot" (a "Did you mean" on leavers). Each now gets the person's own answer from their time away. The clock is
pinned (18 and 29 December 2026, London), so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.engine.routing import Engine
from bot.reminders.reminder_time import RESTART
from tests.support.text import flat
from tests.support.trial_day import LONDON

MANAGER = "U0MGRN001"
BOOKING_DAY = datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)  # a Friday, before the leave starts
AWAY_DAY = datetime(2026, 12, 29, 10, 0, tzinfo=LONDON)  # a Tuesday in the middle of it
ASKED = ["when will my reminders start again", "when do my reminders restart", "am i still on leave in the bot"]
GENERAL_ENTRY = "When are reminders sent"


def said(engine: Engine, text: str, when: datetime) -> str:
    """The bot's reply to the manager in the terminal chat at `when`, on one line."""
    with time_machine.travel(when, tick=False):
        replies = engine.message(MANAGER, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies), drop="`*")


def book_christmas(engine: Engine) -> None:
    said(engine, "im on leave over xmas from 21st dec back on 4th jan, tm south covering", BOOKING_DAY)


@pytest.mark.parametrize("typed", ASKED)
def test_away_the_reply_says_when_reminders_start_again_and_how_to_restart_them_now(engine: Engine,
                                                                                  typed: str) -> None:
    book_christmas(engine)
    reply = said(engine, typed, AWAY_DAY)
    assert ("You're away until Sunday 3 January 2027: your reminders start again on Monday 4 January 2027 "
            "(away off restarts them now).") in reply, reply
    assert GENERAL_ENTRY not in reply and "carry on with an audit" not in reply


def test_booked_ahead_the_reply_says_they_come_until_the_leave_then_when_they_start_again(engine: Engine) -> None:
    book_christmas(engine)
    reply = said(engine, "when will my reminders start again", BOOKING_DAY)
    assert ("you're booked away from Monday 21 December 2026 to Sunday 3 January 2027, so your reminders come as "
            "usual until then") in reply, reply
    assert "start again on Monday 4 January 2027 (away off cancels it)" in reply


def test_not_away_the_reply_says_so_and_when_reminders_come(engine: Engine) -> None:
    reply = said(engine, "am i still on leave in the bot", AWAY_DAY)
    assert "You aren't marked away: reminders come at 9:30 on each of your working days" in reply, reply


def test_away_off_then_the_same_question_says_not_away(engine: Engine) -> None:
    book_christmas(engine)
    said(engine, "away off", AWAY_DAY)
    assert "You aren't marked away" in said(engine, "when do my reminders restart", AWAY_DAY)


def test_how_reminders_work_is_still_the_knowledge_base_s(engine: Engine) -> None:
    reply = said(engine, "when are reminders sent?", AWAY_DAY)
    assert "You aren't marked away" not in reply and "You're away" not in reply, reply


@given(lead=st.sampled_from(["", "hi ", "bot, ", "ok ", "please "]),
       asked=st.sampled_from(["when will my reminders start again", "when do my reminders restart",
                              "when are my reminders back on", "am i still on leave in the bot", "am i still away",
                              "is my leave still booked", "are my reminders still paused"]),
       end=st.sampled_from(["", "?", " ?", "??", "."]), upper=st.booleans())
def test_the_question_is_read_however_it_is_cased_and_ended(lead: str, asked: str, end: str, upper: bool) -> None:
    typed = f"{lead}{asked}{end}"
    assert RESTART.match(typed.upper() if upper else typed)


@pytest.mark.parametrize("other", ["when are reminders sent", "am i on track", "when is the icpc due",
                                   "how do i pause reminders while i am on leave", "am i off to a meeting now then"])
def test_other_questions_are_not_read_as_this_one(other: str) -> None:
    assert RESTART.match(other) is None
