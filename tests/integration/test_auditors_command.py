"""`/audit auditors`: the audits each auditor completed for a manager's teams (any team for QA leads and admins) in
a period, in chat (trial 23: a head of service found "who has done what" only in a week's digest or an export)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # Wednesday 2 December
NOTE = ("Completed audits by the day submitted, by the audit's team. Other periods: `this month`, `last month`, "
        "`this week`, `last week`.")


def _audits(services: Services) -> None:
    rows = AuditRows(services)
    for hour in (9, 10, 11):
        rows.audit(submitted=datetime(2026, 12, 1, hour, tzinfo=UTC))  # North's manager, this month
    rows.audit(submitted=datetime(2026, 11, 20, 9, tzinfo=UTC))  # last month
    rows.audit(auditor="U0QALEAD1", submitted=datetime(2026, 11, 24, 9, tzinfo=UTC))  # a QA lead's, for North
    rows.audit(submitted=datetime(2026, 12, 2, 8, tzinfo=UTC), status="draft")  # not completed


def test_a_manager_sees_their_teams_auditors_this_month_against_their_targets(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        [month] = engine.command("U0MGRN001", "auditors", surface="terminal")
    assert month.text == ("**North Assessment Team**: 3 audits completed in December (to 2 December)\n"
                          "• Team manager (North): 3 audits (target 2, met)")
    assert month.note == NOTE


def test_last_month_counts_the_whole_month_and_anyone_who_audited_for_the_team(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        [month] = engine.command("U0MGRN001", "auditors last month", surface="terminal")
        [week] = engine.message("U0MGRN001", "auditors last week north", surface="terminal")
    assert month.text == ("**North Assessment Team**: 2 audits completed in November 2026 (whole month)\n"
                          "• QA lead (practice): 1 audit\n"
                          "• Team manager (North): 1 audit (target 2, missed by 1)")
    assert week.text == ("**North Assessment Team**: 1 audit completed last week, 23 Nov to 29 Nov 2026\n"
                         "• QA lead (practice): 1 audit\n"
                         "• Team manager (North): 0 audits")


def test_a_qa_lead_sees_every_team_and_others_are_refused(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        every = engine.command("U0QALEAD1", "auditors this month", surface="terminal")
        [other] = engine.command("U0MGRN001", "auditors south", surface="terminal")
        [worker] = engine.command("U0PRAN001", "auditors", surface="terminal")
    assert [r.text.split("**")[1] for r in every] == ["North Assessment Team", "South Child in Need and Protection",
                                                      "Children in Care Team"]
    assert other.kind == "error" and "You can see the audits by auditor of your own teams only" in other.text
    assert worker.kind == "error" and "team managers, QA leads and admins" in worker.text
