"""A message Slack refuses is recorded (kind and time, never the text) and shown to an admin (item 10)."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.cli.modes import slack_sender
from bot.engine.home import home_sections
from schedules.scheduler import JobRunner
from tests.conftest import RunningBot
from tests.e2e.test_digests import seed
from tests.support.slack_standin import _chat_post_message

LONDON = ZoneInfo("Europe/London")
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)
REFUSED = "U0MGRS001"
ADMIN = "U0ADMIN01"
TITLE = "Messages Slack would not deliver"


def _refuse_dms_to(standin, user_id: str) -> None:
    def respond(params: dict) -> dict:
        if str(params.get("channel")) == f"D{user_id}":
            return {"ok": False, "error": "account_inactive"}
        return _chat_post_message(standin, params)

    standin.set_response("chat.postMessage", respond)


def test_a_scheduled_message_slack_refuses_is_recorded_and_an_admin_is_told_once(running_bot: RunningBot,
                                                                                  standin) -> None:
    services = running_bot.services
    seed(services)
    _refuse_dms_to(standin, REFUSED)
    runner = JobRunner(services, slack_sender(running_bot.app, services), holder="process-a")
    with time_machine.travel(MONDAY_9, tick=False):
        runner.fire("weekly_digest")

    rows = list(services.storage.db.query("SELECT * FROM undelivered"))
    assert [(r["user_id"], r["failed_at"][:16]) for r in rows] == [(REFUSED, "2026-11-23T09:00")]
    assert set(rows[0]) == {"id", "user_id", "kind", "failed_at", "told_at", "admin_told_at"}
    assert "South" not in json.dumps(rows) and "Audits completed" not in json.dumps(rows)

    with time_machine.travel(MONDAY_9.replace(hour=10), tick=False):
        home = {s.title: s.text for s in home_sections(running_bot.engine, services, ADMIN)}
        manager_home = [s.title for s in home_sections(running_bot.engine, services, "U0MGRN001")]
        assert "Team manager (South)" in home[TITLE] and "09:00" in home[TITLE]
        assert TITLE not in manager_home

        before = len(standin.calls_to("chat.postMessage"))
        running_bot.slack.message_im(ADMIN, "help")
        standin.wait_for("chat.postMessage", count=before + 2)
        summaries = [c for c in standin.messages_to(ADMIN) if TITLE in json.dumps(c.params)]
        assert len(summaries) == 1 and "Team manager (South)" in json.dumps(summaries[0].params)

        running_bot.slack.message_im(ADMIN, "help")
        standin.wait_for("chat.postMessage", count=before + 3)
        assert len([c for c in standin.messages_to(ADMIN) if TITLE in json.dumps(c.params)]) == 1
