"""Trial 62 F2, F4 and F9 in Slack: a head of service's `grade drift by team` gets each team's agreement with how many
disagreements were moderated down and up, `/audit actions overdue` (owning none, in no team) points to every team's
list with its count, and a QA lead's `/audit moderate` says each team's month moderated: signed requests into the
real Bolt app, replies read back from the Web API stand-in. The clock is pinned to Monday 7 December 2026."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.digest_rows import AuditRows

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))
HEAD, QA_LEAD = "U0ADMIN01", "U0QALEAD1"


def _seed(services: Services) -> None:
    """North: a Good audit moderated down to RI (submitted 20 Nov) and one of December's waiting, with an action
    overdue."""
    rows = AuditRows(services)
    down = rows.audit(submitted=datetime(2026, 11, 20, 10, tzinfo=UTC), status="moderated")
    rows.moderation(down, QA_LEAD, datetime(2026, 11, 23, 9, tzinfo=UTC), datetime(2026, 11, 23, 10, tzinfo=UTC),
                    False, "requires_improvement")
    waiting = rows.audit(submitted=datetime(2026, 12, 2, 10, tzinfo=UTC))
    rows.action(waiting, "U0PRAN001", date(2026, 12, 4))


def test_leaders_figures_in_slack(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _seed(services)
        head, qa_lead = SlackPerson(bot, standin, HEAD), SlackPerson(bot, standin, QA_LEAD)
        drift = " ".join(r.text for r in head.send("type", "grade drift by team"))
        overdue = " ".join(r.text for r in head.send("command", "actions overdue"))
        queue = " ".join(r.text for r in qa_lead.send("command", "moderate"))
    assert "North Assessment Team*: 0 of 1 (0%); 1 moderated down, 0 up" in drift, drift
    assert "drift and delay" not in drift
    assert "You own no open actions; `/audit actions team overdue` lists every team's (1 overdue)." in overdue, overdue
    assert ("Moderated this month (audits submitted in December 2026): North Assessment Team 0 of 1, "
            "Children in Care Team none submitted, South Child in Need and Protection none submitted.") in queue, queue
