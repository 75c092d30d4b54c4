"""fix50b: held messages Slack refused when they were handed over are released for the run at the worker's time,
and the worker is told so in one line of the same reply, however many were refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.audits.handed_over import Handed, comes_at, posted_replies
from bot.core.replies import Reply
from bot.engine.routing import Turn
from bot.settings.people import Person, Role

LONDON = ZoneInfo("Europe/London")


def _turn(now: datetime) -> Turn:
    return Turn(Person("U0PRAN001", "Social worker N1", Role.PRACTITIONER, ("north",)), "slack", now)


def test_two_refused_messages_give_one_line_saying_when_they_come_and_both_are_released() -> None:
    now = datetime.now(UTC)
    monday_8 = datetime(2031, 3, 3, 8, 0, tzinfo=LONDON)
    released: list[str] = []
    handed = [Handed(Reply(text=name), lambda: None, lambda name=name: released.append(name), send_at=monday_8)
              for name in ("summary", "chase")]
    told = [reply.receipt.failed([]) for reply in posted_replies(_turn(now), handed) if reply.receipt is not None]
    assert released == ["summary", "chase"]
    assert [reply.text for said in told for reply in said] == [
        "Slack did not take every message above just now: the ones missing come again at 08:00 on Monday 3 March, "
        "the start of your working hours."]


def test_a_message_whose_time_has_come_is_said_to_come_with_the_next_send() -> None:
    now = datetime.now(UTC)
    assert comes_at(now - timedelta(minutes=1), now, LONDON) is None
    handed = [Handed(Reply(text="chase"), lambda: None, lambda: None, send_at=None)]
    reply = posted_replies(_turn(now), handed)[0]
    assert reply.receipt is not None
    assert [r.text for r in reply.receipt.failed([])] == [
        "Slack did not take every message above just now: the ones missing come again with my next scheduled "
        "send, shortly."]
