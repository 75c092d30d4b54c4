""""Behind" says against which target (trial 40 M10): on 6 December Home said Children in Care was "behind (1 of 2)",
the whole month's target, while `digest this quarter` measured a pro-rated target to date. Each now says which."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # Sunday 6 December


def test_home_says_the_whole_months_target_and_the_quarter_digest_its_pro_rata_target(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        for day in (1, 2):
            rows.audit(submitted=datetime(2026, 12, day, 9, tzinfo=UTC))
            rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
                       submitted=datetime(2026, 12, day, 10, tzinfo=UTC))
        rows.audit(auditor="U0MGRC001", team="children-in-care", worker="U0PRAC001",
                   submitted=datetime(2026, 12, 3, 9, tzinfo=UTC))
        person = services.directory.person("U0ADMIN01")
        [picture] = [r for p in engine.home_providers for r in p(person) if r.title == "Whole service"]
        quarter = flat(engine.command("U0ADMIN01", "digest this quarter", surface="terminal")[0].text)
    assert dict(picture.fields)["Audits this month"].endswith(
        "1 team behind its target for the whole month (Children in Care Team: 1 of 2 for December so far, 1 to go)")
    assert ("Children in Care Team**: 1 audit completed by its auditors (target 6; pro-rata share to date 4.4)"
            in quarter)


def test_the_period_digests_agreement_rate_names_its_period_in_the_line(engine: Engine, services: Services) -> None:
    """Trial 40 M11: 81% (`agreement rate`), 84% (`digest this quarter`) and 87% (`digest last month`) were three
    periods' rates, and the period digest's line named none."""
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        audit_id = rows.audit(submitted=datetime(2026, 11, 10, 9, tzinfo=UTC))
        rows.moderation(audit_id, "U0QALEAD1", datetime(2026, 11, 11, 9, tzinfo=UTC),
                        datetime(2026, 11, 11, 10, tzinfo=UTC), agrees=True, grade="good")
        month = flat(engine.command("U0ADMIN01", "digest last month", surface="terminal")[0].text)
    assert "moderation agreement 100% (1 of 1 moderated agreed, of audits submitted in November 2026)" in month
