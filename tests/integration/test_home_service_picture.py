"""A head of service's Home shows the whole service: the month's audits across teams, the moderation backlog and
the open campaigns (a user trial found it showed only their own, empty, work)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_campaigns import create
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # Wednesday; the month so far is 1 and 2 December


def _service(engine: Engine, services: Services, user: str) -> list[Reply]:
    return [r for p in engine.home_providers for r in p(services.directory.person(user)) if r.title == "Whole service"]


def test_the_admins_home_has_the_month_across_teams_the_moderation_backlog_and_open_campaigns(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        rows.audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))  # North, this month, waiting
        opened = rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
                            submitted=datetime(2026, 12, 2, 9, tzinfo=UTC), status="in_moderation")
        rows.moderation(opened, "U0QALEAD1", datetime(2026, 12, 2, 9, 30, tzinfo=UTC))
        rows.audit(submitted=datetime(2026, 11, 20, 11, tzinfo=UTC), status="moderated")  # last month, decided
        create(engine)
        [picture] = _service(engine, services, "U0ADMIN01")
        managers = _service(engine, services, "U0MGRN001")
        digest = engine.action("U0ADMIN01", "digest.show", picture.choices[0].value, surface="terminal")
    assert digest[0].title is not None and digest[0].title.startswith("Service audit digest")
    fields = dict(picture.fields)
    assert fields["Audits this month"] == (
        "2 in December (to 2 December) across 3 teams; target 6, 4 to go; 3 teams behind their target for the whole "
        "month (North "
        "Assessment Team: 1 of 2 for December so far, 1 to go; South Child in Need and Protection: 1 of 2 for "
        "December so far, 1 to go; Children in Care "
        "Team: 0 of 2 for December so far, 2 to go)")
    assert "North Assessment Team 1 · South Child in Need and Protection 1 · Children in Care Team 0" in picture.text
    assert fields["Waiting for moderation"] == (
        "2 across the service (1 opened by a moderator, not decided yet); the oldest submitted 1 Dec. `/audit "
        "moderate` lists those you may moderate, never your own audits or cases, so its count may be lower")
    assert fields["Open campaigns"] == "1 (Neglect December: 0 of 4 submitted, deadline Fri 11 Dec)"
    assert [c.action for c in picture.choices] == ["digest.show"]
    assert managers == []  # a manager has their own teams' figures instead
