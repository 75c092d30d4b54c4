"""Moderation agreement is one figure, counted one way wherever it is shown (trial 23: `/audit moderate` counted every
decision ever made, the digest five weeks of submissions): of the completed audits submitted in the last complete
week and the 4 weeks before it, each at its latest decision, said with those dates; the whole service's for QA leads
and admins on the Home and in the service digest."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # Wednesday: last week is 23 to 29 November
SAID = ("50% (1 of 2 moderated audits agreed with the auditor's grade, of audits submitted 26 Oct to 29 Nov 2026: "
        "the week of 23 to 29 Nov and the 4 weeks before it); 1 moderated down, 0 up; 1 moderated of those "
        "submitted since "
        "(in next week's figure)")


def _moderated(rows: AuditRows, submitted: datetime, agrees: bool, team: str = "north-assessment") -> int:
    auditor, worker = ("U0MGRN001", "U0PRAN001") if team == "north-assessment" else ("U0MGRS001", "U0PRAS001")
    audit = rows.audit(auditor=auditor, team=team, worker=worker, submitted=submitted, status="moderated")
    decided = submitted.replace(hour=15)
    rows.moderation(audit, "U0QALEAD1", submitted.replace(hour=14), decided, agrees=agrees,
                    grade="good" if agrees else "requires_improvement")
    return audit


def _history(services: Services) -> None:
    rows = AuditRows(services)
    _moderated(rows, datetime(2026, 11, 24, 10, tzinfo=UTC), agrees=True)  # last week
    _moderated(rows, datetime(2026, 11, 3, 10, tzinfo=UTC), agrees=False, team="south-cin-cp")  # 4 weeks before
    _moderated(rows, datetime(2026, 9, 1, 10, tzinfo=UTC), agrees=True)  # before the window: not counted
    _moderated(rows, datetime(2026, 12, 1, 10, tzinfo=UTC), agrees=True)  # this week: in next week's figure
    rows.audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))  # waiting, so /audit moderate lists something


def test_moderate_home_and_service_digest_give_the_same_figure_over_the_same_dates(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _history(services)
        waiting = engine.command("U0QALEAD1", "moderate", surface="terminal")
        [picture] = [r for p in engine.home_providers for r in p(services.directory.person("U0ADMIN01"))
                     if r.title == "Whole service"]
        [digest, *_] = engine.command("U0QALEAD1", "digest service", surface="terminal")
    assert [r.note for r in waiting if r.note] == [f"Moderation agreement across the service: {SAID}."]
    assert dict(picture.fields)["Moderation agreement"] == SAID
    assert f"**Moderation agreement, whole service**: {SAID}; each team's beside it counts the same audits" \
        in digest.text


def test_an_audit_decided_twice_counts_once_at_its_latest_decision(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        audit = _moderated(rows, datetime(2026, 11, 24, 10, tzinfo=UTC), agrees=False)
        rows.moderation(audit, "U0QALEAD2", datetime(2026, 11, 25, 9, tzinfo=UTC),
                        datetime(2026, 11, 25, 10, tzinfo=UTC), agrees=True, grade="good")
        [picture] = [r for p in engine.home_providers for r in p(services.directory.person("U0ADMIN01"))
                     if r.title == "Whole service"]
    assert dict(picture.fields)["Moderation agreement"].startswith(
        "100% (1 of 1 moderated audits agreed with the auditor's grade, of audits submitted 26 Oct to 29 Nov 2026")
