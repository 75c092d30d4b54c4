"""The digest's per-auditor lines count as `/audit auditors` and the Home tab do (trial 26): a member with all their
audits, whatever the case's team, against their own target; the team's total with its own cases."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.core.targets import month_said, month_so_far
from bot.digests.digest import build_team_digests
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # Wednesday 2 December
MONDAY = datetime(2026, 11, 30).date()


def _line(text: str, label: str) -> str:
    return next(line.strip() for line in text.splitlines() if line.strip().startswith(f"• {label}"))


def test_an_auditor_of_another_teams_case_reads_the_same_in_the_digest_auditors_and_home(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        rows.audit(submitted=datetime(2026, 12, 1, 9, tzinfo=UTC))  # North's manager, a North case
        rows.audit(team="south-cin-cp", worker="U0PRAS001", submitted=datetime(2026, 12, 1, 10, tzinfo=UTC))
        north_digest = engine.command("U0MGRN001", "digest this week", surface="terminal")[0]
        south_digest = engine.command("U0QALEAD1", "digest this week south", surface="terminal")[0]
        [auditors] = engine.command("U0MGRN001", "auditors", surface="terminal")
        home = month_said(*month_so_far(services, "U0MGRN001", NOW.date()))
        [north, south] = build_team_digests(services, MONDAY, ["north-assessment", "south-cin-cp"])
    assert "2 audits completed, against your target of 2 (met)" in home
    assert "• Team manager (North): 2 audits, 1 of them for South Child in Need and Protection (target 2, met)" \
        in auditors.text
    assert _line(north_digest.text, "Team manager (North)") == (
        "• Team manager (North): 2 this week so far · 2 in December (to 2 December); target 2, met; of them for "
        "South Child in Need and Protection: 1 this week so far · 1 in the month")
    # The team's own figures stay its cases: North one, South one, the service two (not three).
    assert north_digest.text.startswith("**Audits completed**: 1 this week so far · 1 in December (to 2 December); "
                                        "target 2, 1 to go")
    assert "the total above counts the team's own cases" in north_digest.text
    assert (north.completed_week, north.completed_month, south.completed_week) == (1, 1, 1)
    assert _line(south_digest.text, "Team manager (North)") == (
        "• Team manager (North): 1 this week so far · 1 in December (to 2 December) of this team's cases (all theirs "
        "under North Assessment Team)")
