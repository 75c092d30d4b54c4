"""`/audit campaign 3 report`: a campaign's whole report in chat for QA leads and admins, as posted at close (trial 23:
it was on the command line only); a manager is told to read their teams' progress. Its moderation agreement counts
each audit once, at its latest decision, as every agreement figure does (bot.core.agreement)."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_campaigns import LONDON, QA, create
from tests.support.digest_rows import AuditRows

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)


def _moderated_twice(services: Services, campaign_id: int) -> None:
    """One campaign audit, submitted and decided twice: first regraded, then (the latest) agreed."""
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 12, 2, 9, tzinfo=UTC), status="moderated")
    services.storage.db.execute("UPDATE campaign_allocations SET audit_id = ? WHERE id = (SELECT min(id) FROM "
                                "campaign_allocations WHERE campaign_id = ?)", [audit, campaign_id])
    rows.moderation(audit, "U0QALEAD2", datetime(2026, 12, 2, 9, 10, tzinfo=UTC),
                    datetime(2026, 12, 2, 9, 20, tzinfo=UTC), agrees=False, grade="requires_improvement")
    rows.moderation(audit, "U0QALEAD2", datetime(2026, 12, 2, 9, 30, tzinfo=UTC),
                    datetime(2026, 12, 2, 9, 40, tzinfo=UTC), agrees=True, grade="good")


def test_a_qa_lead_reads_the_report_in_chat_either_way_round(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        campaign_id = create(engine)
        _moderated_twice(services, campaign_id)
        [report] = engine.command(QA, f"campaign {campaign_id} report", surface="terminal")
        [again] = engine.command("U0ADMIN01", f"campaign report {campaign_id}", surface="terminal")
    assert report.title == "Audit campaign report: Neglect December"
    assert again.text == report.text
    assert "**Completion**: 1 of " in report.text
    assert ("agreement 100% (1 of 1 moderated audits agreed with the auditor's grade, of audits in the campaign)"
            in report.text)
    assert report.image is not None  # grades by team, as at close


def test_a_manager_is_sent_to_their_teams_progress_and_an_unknown_campaign_is_named(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        campaign_id = create(engine)
        [manager] = engine.command("U0MGRN001", f"campaign {campaign_id} report", surface="terminal")
        [unknown] = engine.command(QA, "campaign 99 report", surface="terminal")
    assert manager.kind == "error"
    assert manager.text == (f"The whole campaign report is for QA leads and admins; `/audit campaign {campaign_id}` "
                            "gives your teams' progress.")
    assert unknown.kind == "error" and "There is no campaign 99 you can see" in unknown.text
