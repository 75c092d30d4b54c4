"""Trial 62 F9 and F4: a head of service's plain questions about targets and overdue actions across the service got a
Did you mean and a knowledge-base entry, and `/audit actions overdue` (owning none, in no team) said only "You have no
open actions from audits." though 24 were overdue across the teams; a QA lead's `/audit moderate` showed every audit
waiting and nothing of how much of each team's month had been moderated. Now the questions reach the figures and the
list, the command points to the teams' list with its count, and the queue's heading says each team's share moderated.

The clock is pinned (time_machine, tick=False) to Monday 7 December 2026, so these pass under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.moderated_share import share_said
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
HEAD, QA_LEAD, NORTH_MANAGER = "U0ADMIN01", "U0QALEAD1", "U0MGRN001"


def said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''}\n{r.text}\n{r.note or ''}" for r in replies)


@pytest.fixture
def december(services: Services) -> None:
    """North: three audits submitted in December, one moderated; South: two, none moderated; one of North's from
    November, moderated (not this month's). Two actions overdue in North, one due later."""
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        north = [rows.audit(submitted=datetime(2026, 12, day, 10, tzinfo=UTC)) for day in (1, 2, 3)]
        for day in (2, 4):
            rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
                       submitted=datetime(2026, 12, day, 10, tzinfo=UTC))
        rows.moderation(north[0], QA_LEAD, datetime(2026, 12, 4, 9, tzinfo=UTC), datetime(2026, 12, 4, 10, tzinfo=UTC),
                        True, "good")
        november = rows.audit(submitted=datetime(2026, 11, 20, 10, tzinfo=UTC))
        rows.moderation(november, QA_LEAD, datetime(2026, 11, 23, 9, tzinfo=UTC),
                        datetime(2026, 11, 23, 10, tzinfo=UTC), True, "good")
        rows.action(north[0], "U0PRAN001", date(2026, 12, 1))
        rows.action(north[1], "U0PRAN001", date(2026, 12, 3))
        rows.action(north[2], "U0PRAN001", date(2026, 12, 18))


def test_the_share_moderated_is_said_with_its_count() -> None:
    assert share_said(2, 11) == "2 of 11 (18%)" and share_said(0, 6) == "0 of 6"
    assert share_said(0, 0) == "none submitted"


def test_the_moderation_queue_says_each_teams_month_moderated_least_first(engine: Engine, december: None) -> None:
    with time_machine.travel(NOW, tick=False):
        [queue] = [r for r in engine.command(QA_LEAD, "moderate", surface="terminal")
                   if r.text.startswith("**Audits waiting for moderation**")]
    assert queue.text.splitlines()[1] == (
        "_Moderated this month (audits submitted in December 2026): South Child in Need and Protection 0 of 2, "
        "North Assessment Team 1 of 3 (33%), Children in Care Team none submitted._")


def test_actions_overdue_for_someone_in_no_team_points_to_every_teams(engine: Engine, december: None) -> None:
    with time_machine.travel(NOW, tick=False):
        [overdue] = engine.command(HEAD, "actions overdue", surface="terminal")
        [mine] = engine.command(HEAD, "actions", surface="terminal")
        [manager] = engine.command(NORTH_MANAGER, "actions overdue", surface="terminal")
    assert overdue.text == "You own no open actions; `/audit actions team overdue` lists every team's (2 overdue)."
    assert mine.text == "You own no open actions; `/audit actions team` lists every team's (3 open actions, 2 overdue)."
    assert manager.text == "You own no open actions; `/audit actions team overdue` lists your teams' (2 overdue)."


def test_overdue_actions_across_the_service_is_the_teams_list(engine: Engine, december: None) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(HEAD, "which actions are overdue across the service", surface="terminal")
    text = said(replies)
    assert "**Overdue actions in every team**" in text and "Update the chronology" in text
    assert "How is the service doing on audits" not in text


@pytest.mark.parametrize("typed", ["how are we doing against audit targets across the service",
                                   "how are we doing against our targets this month"])
def test_targets_across_the_service_is_each_auditor_against_target(engine: Engine, december: None,
                                                                   typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        text = said(engine.message(HEAD, typed, surface="terminal"))
        behind = said(engine.message(HEAD, "which teams are behind on their audits this month", surface="terminal"))
    assert text == behind
    assert "• Team manager (North): 3 audits (target 2, met)" in text and "Did you mean" not in text
