"""Trial 60 (F16): a manager booked away from 21 December to 3 January got week 52's digest on Tuesday 29 December
(the Monday a bank holiday), while her reminders waited and were summed up on her return. A digest due while its
manager is away now waits for her first working morning back, held as a DM out of working hours is, and the booking
says so; the other managers get theirs as usual. The clock is frozen at each step over the Christmas leave."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NORTH, SOUTH = "U0MGRN001", "U0MGRS001"
WEEK_52 = "North Assessment Team: week 52, 21 Dec to 27 Dec 2026"


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> time_machine.travel:
    return time_machine.travel(datetime(year, month, day, hour, minute, tzinfo=LONDON), tick=False)


def booked_over_christmas(engine: Engine) -> str:
    with at(2026, 12, 18, 15):
        replies = engine.message(NORTH, "im on leave over xmas from 21st dec back on 4th jan, tm south covering",
                                 surface="terminal")
    return flat(" ".join(reply.text for reply in replies))


def digest_run_while_away(services: Services) -> RecordingSender:
    """The weekly digest's run on Tuesday 29 December (Monday 28 is the Boxing Day bank holiday)."""
    sender = RecordingSender()
    with at(2026, 12, 29, 9):
        JobRunner(services, sender, holder="process-a").fire("weekly_digest")
    return sender


def test_the_booking_says_the_digest_waits(engine: Engine) -> None:
    said = booked_over_christmas(engine)
    assert ("Your weekly digest waits too: a digest due while you are away comes on your first working day back, "
            "with anything else held for you.") in said, said


def test_a_practitioner_booking_leave_is_told_nothing_of_a_digest(engine: Engine) -> None:
    with at(2026, 12, 18, 15):
        replies = engine.message("U0PRAN001", "im on leave from 21st dec back on 4th jan", surface="terminal")
    assert "Booked" in replies[0].text and "digest" not in replies[0].text


def test_the_digest_waits_while_away_and_comes_on_the_first_morning_back(services: Services,
                                                                        engine: Engine) -> None:
    booked_over_christmas(engine)
    sender = digest_run_while_away(services)
    to = {reply.to_user for _, reply in sender.sent}
    assert NORTH not in to and SOUTH in to  # South's manager, not away, gets hers as usual
    with at(2027, 1, 4, 7, 59):  # before her working morning: still waiting
        JobRunner(services, sender, holder="process-a").send_held()
    assert all(reply.to_user != NORTH for _, reply in sender.sent)
    with at(2027, 1, 4, 8):
        JobRunner(services, sender, holder="process-a").send_held()
    [held, chart] = [reply for _, reply in sender.sent if reply.to_user == NORTH]  # its chart too (fix74b B1)
    assert held.title == WEEK_52 and chart.image is not None
    assert "Audits completed**: 0 in week 52" in held.text
    assert held.note is not None and held.note.startswith(
        "Audit digest from audit-bot, held for your time away (to Sunday 3 January 2027).")


def test_using_the_bot_on_her_return_hands_the_digest_over(services: Services, engine: Engine) -> None:
    booked_over_christmas(engine)
    digest_run_while_away(services)
    with at(2027, 1, 4, 9, 45):
        replies = engine.message(NORTH, "my reminders", surface="terminal")
    assert replies[0].text == "While you were away: 1 message was waiting for you."
    assert replies[1].title == WEEK_52
    with at(2027, 1, 4, 10):  # handed over once
        assert all(reply.title != WEEK_52 for reply in engine.message(NORTH, "my reminders", surface="terminal"))


def test_not_away_the_digest_comes_at_once(services: Services) -> None:
    sender = digest_run_while_away(services)
    assert WEEK_52 in [reply.title for _, reply in sender.sent if reply.to_user == NORTH]


def test_opening_the_chat_while_still_away_says_the_digest_is_waiting_in_the_present(services: Services,
                                                                                    engine: Engine) -> None:
    """Trial 61 (G2): opened on Tuesday 29 December, still away to 3 January, the bot said "While you were away: 1
    message was waiting for you", as if it thought the leave was over."""
    booked_over_christmas(engine)
    digest_run_while_away(services)
    with at(2026, 12, 29, 9, 5):
        replies = engine.message(NORTH, "my reminders", surface="terminal")
    assert replies[0].text == "While you're away: 1 message is waiting for you."
    assert replies[1].title == WEEK_52
    assert replies[1].note is not None and replies[1].note.startswith(
        "Audit digest from audit-bot, held for your time away (to Sunday 3 January 2027).")
