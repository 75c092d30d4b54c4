"""fix52c: a held DM says how near a due date is as it was on the day it was written ("(in 13 days)" on a Friday
evening); handed over on Monday, at the worker's first message or by the 08:00 run, it says the Monday-true figure."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.audits import held_dms
from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.dates import long_date
from tests.support.action_rows import open_action
from tests.support.posted import posted
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"


def _friday_evening() -> datetime:
    """A Friday at least a week on from today, at 19:00 in London: never stale."""
    start = date.today() + timedelta(days=7)
    return datetime.combine(start + timedelta(days=(4 - start.weekday()) % 7), time(19), LONDON)


def _held_due_change(engine: Engine, services: Services, friday: datetime) -> date:
    """On Friday evening the manager moves the worker's action to the Thursday 13 days on; the DM is held."""
    _, action_id = open_action(services.storage, friday.date() + timedelta(days=20))
    new = friday.date() + timedelta(days=13)
    with time_machine.travel(friday, tick=False):
        said = [flat(reply.text) for reply in engine.message(MANAGER, f"action {action_id} due {new.day}/{new.month}")]
    assert any(text.startswith("Held: it is out of Social worker N1") for text in said), said
    return new


def test_handed_over_on_monday_it_says_how_near_the_date_is_on_monday(engine: Engine, services: Services) -> None:
    friday = _friday_evening()
    new = _held_due_change(engine, services, friday)
    monday = datetime.combine(friday.date() + timedelta(days=3), time(7, 30), LONDON)
    with time_machine.travel(monday, tick=False):
        said = [flat(reply.text) for reply in posted(engine.message(WORKER, "help"))]
    changed = [text for text in said if "changed the due date" in text]
    assert len(changed) == 1 and f"to **{long_date(new)}** (in 10 days):" in changed[0], said
    assert "(in 13 days)" not in changed[0]


def test_sent_at_monday_0800_it_says_how_near_the_date_is_on_monday(engine: Engine, services: Services) -> None:
    friday = _friday_evening()
    new = _held_due_change(engine, services, friday)
    monday = datetime.combine(friday.date() + timedelta(days=3), time(8), LONDON)
    sent = [flat(reply.text) for _, outgoing in held_dms.due_outgoing(services, monday)
            for reply in outgoing.replies]
    assert len(sent) == 1 and f"to **{long_date(new)}** (in 10 days):" in sent[0], sent
