"""Fix70a C through the real Bolt stack: a manager opens the Home tab (a signed app_home_opened event) and the team's
line names both questions that tie at the top of the ranking, as the digest and `themes` list them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/London"))  # last complete week: 16 to 22 Nov


def _home_text(bot: RunningBot, standin, user: str) -> str:
    """Every text on the person's Home as published, on one line."""
    before = len(standin.calls_to("views.publish"))
    bot.slack.app_home_opened(user)
    view = standin.wait_for("views.publish", count=before + 1)[-1].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    return flat(json.dumps(view, ensure_ascii=False).replace("\\n", " "))


def test_home_says_two_questions_tie_at_the_top(bot: RunningBot, standin, services: Services) -> None:
    rows = AuditRows(services)
    for day in (17, 18):
        rows.audit(submitted=datetime(2026, 11, day, 11, tzinfo=UTC), flagged=("plan-smart", "child-seen"))
    with time_machine.travel(WEDNESDAY, tick=False):
        home = _home_text(bot, standin, "U0MGRN001")
    assert "2 questions tie, each in 2 audits: (Full case audit) Is the plan specific, measurable and time-bound? " \
           "answered “No”; (Full case audit) Was the child seen alone at the last visit? answered “No”" in home, home
