"""Trial 51 F17: at 03:0x the QA lead's `campaign create …` showed "[message to U0MGRN001] Care leavers winter…: you
audit 4 cases…" delivered at once, while every DM to a worker that night was "Held: it is out of … working hours…
at 08:00". A campaign's DMs to its auditors, managers too, are now held out of their working hours the same way
(bot.audits.held_dms), and the QA lead is told until when; in working hours they go at once as before."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.audits import held_dms
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
QA, NORTH_MANAGER = "U0QALEAD1", "U0MGRN001"


def coming_tuesday(hour: int) -> datetime:
    """A Tuesday at least a week on from today, at `hour`, in London: never stale."""
    start = date.today() + timedelta(days=7)
    return datetime.combine(start + timedelta(days=(1 - start.weekday()) % 7), time(hour), LONDON)


def create(engine: Engine, at: datetime) -> list[str]:
    """The QA lead's `campaign create` at `at`, opening the next day: what each reply says, with whom it is for."""
    opens, deadline = at.date() + timedelta(days=1), at.date() + timedelta(days=14)
    with time_machine.travel(at, tick=False):
        replies = engine.command(QA, f'campaign create name="Care leavers winter" theme=care-leavers '
                                     f"checklist=neglect teams=north-assessment start={opens} deadline={deadline} "
                                     "per-worker=2 auditors=managers moderate=20", surface="terminal")
    return [f"{reply.to_user or 'me'}: {flat(reply.text, '*`')}" for reply in replies]


def test_a_campaign_dm_to_a_manager_at_3am_is_held_until_their_working_hours(engine: Engine,
                                                                             services: Services) -> None:
    at = coming_tuesday(3)
    said = create(engine, at)
    assert not any(line.startswith(f"{NORTH_MANAGER}:") for line in said), said
    assert any(line.startswith("me: Held: it is out of Team manager (North)'s working hours, so they get the "
                               "message about this at 08:00") for line in said), said
    assert held_dms.due_outgoing(services, at + timedelta(hours=4)) == []  # 07:00: still held
    [(dm, outgoing)] = held_dms.due_outgoing(services, at + timedelta(hours=5))  # 08:00: sent
    assert dm.to_user == NORTH_MANAGER
    assert "Care leavers winter (care-leavers): you audit 4 cases" in flat(outgoing.replies[0].text, "*`")


def test_a_campaign_dm_to_a_manager_in_working_hours_goes_at_once(engine: Engine, services: Services) -> None:
    at = coming_tuesday(10)
    said = create(engine, at)
    assert any(line.startswith(f"{NORTH_MANAGER}: Care leavers winter (care-leavers): you audit 4 cases")
               for line in said), said
    assert not any("Held:" in line for line in said), said
    assert held_dms.due_outgoing(services, at + timedelta(days=1)) == []
