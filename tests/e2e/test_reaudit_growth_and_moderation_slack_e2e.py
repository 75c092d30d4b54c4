"""Trial 60 F18 and F19 through signed Slack requests: a head of service compares a PLO re-audit and asks whether the
re-audits improved. Weeks in pre-proceedings that grew between the audits are set against the 16 weeks, not called
worse, and an Inadequate → Good on the re-auditor's grade alone is said to be not yet moderated, in compare and in
the outcomes count."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_compare_growing_answers import PLO
from tests.support.audit_rows import insert_answered_audit

NOW = datetime(2026, 12, 7, 11, 0, tzinfo=ZoneInfo("Europe/London"))  # a Monday
HEAD_OF_SERVICE = "U0ADMIN01"


def test_compare_and_outcomes_say_what_grew_with_time_and_what_is_not_moderated(bot: RunningBot, standin,
                                                                                 services: Services) -> None:
    insert_answered_audit(services.storage, PLO, "CR-373208", NOW - timedelta(weeks=12),
                          {"weeks-in-pre-proceedings": "2", "late-visits": "2"}, "inadequate", auditor="U0MGRN001")
    reaudit = insert_answered_audit(services.storage, PLO, "CR-373208", NOW - timedelta(days=1),
                                    {"weeks-in-pre-proceedings": "14", "late-visits": "0"}, "good",
                                    auditor="U0MGRN001")
    head = SlackPerson(bot, standin, HEAD_OF_SERVICE)
    with time_machine.travel(NOW, tick=False):
        [compared] = head.send("message", f"compare {reaudit}")
        [counted] = head.send("command", "reaudits outcomes")
    assert compared.kind != "error", compared.text
    assert "Inadequate → Good (the auditor's grade, not yet moderated): *improved*" in compared.text
    assert ("How many weeks has the child been in pre-proceedings? — 2 → 14 (a duration, which grows with time, so "
            "neither better nor worse: under 17 weeks, not flagged, as before)") in compared.text
    assert "How many statutory visits were late? — 2 → 0 (better)" in compared.text
    assert "(worse)" not in compared.text
    assert "1. Improved 1 (on the auditor's grade, not yet moderated) · same 0 · worse 0" in counted.text
