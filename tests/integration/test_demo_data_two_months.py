"""fix57b: `audit-bot demo-data` must let a trial try "compare this month with last month" (bot.digests.
months_compared): it seeds audits completed in this calendar month and in the one before, dated from the clock, so
last month is never shown as zero. Pinned to the trial's Monday morning and to the moved clock (a Sunday night at the
end of October, the clocks going back), so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
HEAD = "U0ADMIN01"
CLOCKS = [datetime(2026, 12, 7, 9, 0, tzinfo=LONDON), datetime(2027, 10, 31, 1, 30, tzinfo=LONDON)]


def _month_before(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def _completed_months(services: Services) -> dict[date, int]:
    """How many demo audits were submitted in each calendar month (London time)."""
    months: dict[date, int] = {}
    for row in services.storage.db.query("SELECT submitted_at FROM audits WHERE submitted_at IS NOT NULL"):
        local = datetime.fromisoformat(row["submitted_at"]).astimezone(LONDON).date().replace(day=1)
        months[local] = months.get(local, 0) + 1
    return months


@pytest.mark.parametrize("now", CLOCKS, ids=["trial-monday", "moved-clock"])
def test_demo_data_has_audits_this_month_and_last_month(services: Services, engine: Engine, now: datetime) -> None:
    with time_machine.travel(now, tick=False):
        generate(services)
        replies = engine.message(HEAD, "compare this month with last month", surface="terminal")
    months = _completed_months(services)
    this, last = now.date().replace(day=1), _month_before(now.date())
    assert months.get(this, 0) > 0 and months.get(last, 0) >= 10, months
    assert max(months) == this  # nothing dated after the clock
    reply = flat("\n".join(reply.text for reply in replies)).replace("**", "")
    found = re.search(rf"Every team, {last:%B %Y} \(1 {last:%b %Y} to [^)]*\): (\d+) audits? completed", reply)
    assert found is not None and int(found.group(1)) > 0, reply
