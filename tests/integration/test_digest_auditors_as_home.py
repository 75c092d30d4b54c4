"""The digest's per-auditor lines count as `/audit auditors` and the Home tab do (trial 26): a member with all their
audits, whatever the case's team, against their own target. Trial 35 (H2): the team's figure against its target
counted audits of its cases by others (another team's manager in a peer campaign, a QA lead), so `digest this week
south` said "2 in December; target 2, met" while its manager had "1 to go", and Home dropped "1 team behind its
target". The team's figure is now what its auditors (members holding a target) did, and others' audits of its cases
are said apart; Home, the weekly and period digests and `auditors` say the same numbers."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.core.targets import month_said, month_so_far
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # Wednesday 2 December


def _line(text: str, label: str) -> str:
    return next(line.strip() for line in text.splitlines() if line.strip().startswith(f"• {label}"))


def _peer_audits(services: Services) -> None:
    """South's manager 1 of South's cases; North's manager 1 of North's and 1 of South's (a peer campaign); a QA
    lead 1 of South's; the children in care manager 2 of theirs."""
    rows = AuditRows(services)
    south = {"team": "south-cin-cp", "worker": "U0PRAS001"}
    rows.audit(auditor="U0MGRS001", submitted=datetime(2026, 12, 1, 8, tzinfo=UTC), **south)
    rows.audit(submitted=datetime(2026, 12, 1, 9, tzinfo=UTC))
    rows.audit(submitted=datetime(2026, 12, 1, 10, tzinfo=UTC), **south)
    rows.audit(auditor="U0QALEAD1", submitted=datetime(2026, 12, 1, 11, tzinfo=UTC), **south)
    for hour in (12, 13):
        rows.audit(auditor="U0MGRC001", team="children-in-care", worker="U0PRAC001",
                   submitted=datetime(2026, 12, 1, hour, tzinfo=UTC))


def test_home_the_weekly_and_period_digests_and_auditors_give_a_team_the_same_figure(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _peer_audits(services)
        weekly = engine.command("U0ADMIN01", "digest this week south", surface="terminal")[0].text
        service = engine.command("U0ADMIN01", "digest this week", surface="terminal")[0].text
        period = flat(engine.command("U0ADMIN01", "digest this month south", surface="terminal")[0].text)
        [auditors] = engine.command("U0MGRS001", "auditors", surface="terminal")
        home = [r for p in engine.home_providers for r in p(services.directory.person("U0ADMIN01"))
                if r.title == "Whole service"]
        team_home = [r for p in engine.home_providers for r in p(services.directory.person("U0MGRS001"))
                     if r.title == "South Child in Need and Protection"]
        own = month_said(*month_so_far(services, "U0MGRS001", NOW.date()))
    assert "1 audit completed, against your target of 2 (1 to go)" in own
    assert weekly.splitlines()[1].startswith(
        "**Audits completed**: 1 this week so far · 1 in December (to 2 December). Target 2 a month: 1 to go (1 done). "
        "Also 2 audits of its cases by others (2 this week so far), not counted toward the target.")
    assert _line(weekly, "Team manager (South)") == (
        "• Team manager (South): 1 this week so far · 1 in December (to 2 December); target 2, 1 to go")
    assert "• **South Child in Need and Protection**: 1 · 1 (target 2, 1 to go; +2 by others)" in service
    assert ("**South Child in Need and Protection, December 2026** (1 Dec 2026 to 2 Dec 2026, so far): 1 audit "
            "completed by the team's auditors") in period
    assert "(+2 of its cases by others, not counted against it)" in period
    assert auditors.text.splitlines()[0] == (
        "**South Child in Need and Protection**: 1 audit by its auditors in December (to 2 December) (target 2, 1 to "
        "go); +2 of its cases by others, not counted against it")
    assert dict(team_home[0].fields)["Month vs target"] == (
        "3 in December (to 2 December): 1 by its auditors (target 2, 1 to go), +2 of its cases by others, not "
        "counted against the target")
    assert dict(home[0].fields)["Audits this month"] == (
        "6 in December (to 2 December) across 3 teams: 5 by the teams' auditors (target 6, 1 to go), +1 of their "
        "cases by others, not counted against the target; 1 team behind its target for the whole month (South Child "
        "in Need and "
        "Protection: 1 of 2 for December so far, 1 to go)")


def test_an_auditor_of_another_teams_case_counts_under_their_own_team_everywhere(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _peer_audits(services)
        north_digest = engine.command("U0MGRN001", "digest this week", surface="terminal")[0].text
        [auditors] = engine.command("U0MGRN001", "auditors", surface="terminal")
        home = month_said(*month_so_far(services, "U0MGRN001", NOW.date()))
    assert "2 audits completed, against your target of 2 (met)" in home
    assert "• Team manager (North): 2 audits, 1 of them for South Child in Need and Protection (target 2, met)" \
        in auditors.text
    assert auditors.text.startswith("**North Assessment Team**: 2 audits by its auditors in December (to 2 "
                                    "December) (target 2, met)\n")
    assert north_digest.startswith("**Audits completed**: 2 this week so far · 2 in December (to 2 December). "
                                   "Target 2 a month: met (2 done).\n")
    assert _line(north_digest, "Team manager (North)") == (
        "• Team manager (North): 2 this week so far · 2 in December (to 2 December); target 2, met; of them for "
        "South Child in Need and Protection: 1 this week so far · 1 in the month")
    assert "and so does the team's figure above; others' audits of its cases are shown apart" in north_digest
