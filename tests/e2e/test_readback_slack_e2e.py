"""Reading an audit back through signed Slack requests: `/audit show`, `/audit list` and its View button."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit


def test_show_and_the_view_button_through_slack(bot: RunningBot, standin, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
                            auditor="U0PRAN002", worker="U0PRAN001", team="north-assessment")
    manager = SlackPerson(bot, standin, "U0MGRN001")
    [shown] = manager.send("command", f"show {audit_id}")
    assert shown.kind != "error" and f"Audit #{audit_id}" in shown.text

    [listing] = manager.send("command", "list team")
    assert f"#{audit_id}" in listing.text and "CR-100001" in listing.text
    [view] = [c for c in listing.choices if c.action == "audit.view"]
    [opened] = manager.send("press", f"audit.view|{view.value}")
    assert f"Audit #{audit_id}" in opened.text and opened.kind != "error"

    outsider = SlackPerson(bot, standin, "U0MGRS001")
    [refused] = outsider.send("command", f"show {audit_id}")
    assert refused.kind == "error" and "not one you have access to" in refused.text
    assert "CR-100001" not in refused.text
