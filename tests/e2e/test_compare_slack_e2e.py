"""Comparing a re-audit with the audit before it through signed Slack requests: `/audit compare`, `compare 12`
typed in the DM, and the Compare button on `/audit show`; someone who may not read the audits is refused."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_audit_compare import CASE_FILE
from tests.support.audit_rows import insert_answered_audit

NOW = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)


def test_compare_by_command_by_dm_and_by_the_show_button(bot: RunningBot, standin, services: Services) -> None:
    before = insert_answered_audit(services.storage, CASE_FILE, "CR-100001", datetime(2026, 8, 3, 10, 0, tzinfo=UTC),
                                   {"plan-quality": "inadequate", "seen-alone": "no"}, "inadequate",
                                   auditor="U0PRAN002")
    after = insert_answered_audit(services.storage, CASE_FILE, "CR-100001", datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
                                  {"plan-quality": "good", "seen-alone": "yes"}, "good", auditor="U0PRAN002")
    manager = SlackPerson(bot, standin, "U0MGRN001")
    with time_machine.travel(NOW, tick=False):
        [by_command] = manager.send("command", f"compare {after}")
        [by_dm] = manager.send("message", f"compare {after} with {before}")
        [shown] = manager.send("command", f"show {after}")
        [button] = [c for c in shown.choices if c.action == "audit.compare"]
        [by_button] = manager.send("press", f"{button.action}|{button.value}")
        outsider = SlackPerson(bot, standin, "U0MGRS001")
        [refused] = outsider.send("command", f"compare {after}")
    for reply in (by_command, by_dm, by_button):
        assert reply.kind != "error", reply.text
        assert f"Audit #{after} compared with audit #{before}" in reply.text
        assert "Inadequate → Good" in reply.text and "improved" in reply.text
        assert "No → Yes (better)" in reply.text
    assert button.label == f"Compare #{after} with #{before}"
    assert refused.kind == "error" and "not one you have access to" in refused.text
    assert "CR-100001" not in refused.text
