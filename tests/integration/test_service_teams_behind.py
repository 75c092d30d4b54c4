"""A service total that meets its target names each team behind its own (trial 23: a head of service read "target
6, met" while South had done none of its 2)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # Wednesday 2 December; every team's target is 2


def _audits(services: Services) -> None:
    rows = AuditRows(services)
    for hour in (9, 10, 11, 12):  # North: 4 of 2
        rows.audit(submitted=datetime(2026, 12, 1, hour, tzinfo=UTC))
    for hour in (9, 10):  # Children in care: 2 of 2
        rows.audit(auditor="U0MGRC001", team="children-in-care", worker="U0PRAC001",
                   submitted=datetime(2026, 12, 1, hour, tzinfo=UTC))


def test_the_service_digest_names_the_team_behind_beside_a_total_that_is_met(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        [digest, *_] = engine.command("U0QALEAD1", "digest this week service", surface="terminal")
    total = next(line for line in digest.text.splitlines() if line.startswith("**Whole service**"))
    assert ("6 in December (to 2 December); target 6, met; 1 team behind its target for the whole month (South "
            "Child in Need and "
            "Protection: 0 of 2 for December so far, 2 to go) · ") in total


def test_the_home_service_picture_names_the_team_behind(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        [picture] = [r for p in engine.home_providers for r in p(services.directory.person("U0ADMIN01"))
                     if r.title == "Whole service"]
    assert dict(picture.fields)["Audits this month"] == (
        "6 in December (to 2 December) across 3 teams; target 6, met; 1 team behind its target for the whole month "
        "(South Child in "
        "Need and Protection: 0 of 2 for December so far, 2 to go)")


def test_no_team_behind_says_nothing_more(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        rows = AuditRows(services)
        for hour in (9, 10):
            rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
                       submitted=datetime(2026, 12, 1, hour, tzinfo=UTC))
        [digest, *_] = engine.command("U0QALEAD1", "digest this week service", surface="terminal")
    assert "8 in December (to 2 December); target 6, met · " in digest.text
    assert "behind" not in digest.text
