"""Trial 35 (LOW): the monthly and quarterly digests did not say their figures include demo data, as the weekly one
does. They now end their figures with the same line (bot.digests.period_digest). The clock is pinned to the trial's
Saturday by the demo fixture, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import said, with_demo_data

HEAD = "U0ADMIN01"


@pytest.mark.parametrize("typed", ["digest last month", "digest this quarter", "digest last month south"])
def test_a_month_or_quarter_says_its_figures_include_demo_data(services: Services, engine: Engine,
                                                               typed: str) -> None:
    with_demo_data(services)
    reply = said(engine, HEAD, typed)
    assert "audits are invented demo data (`audit-bot demo-data --remove` takes them out)" in reply, reply


def test_no_demo_line_without_demo_data(services: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "digest last month")
    assert "November 2026" in reply or "completed" in reply, reply
    assert "invented demo data" not in reply
