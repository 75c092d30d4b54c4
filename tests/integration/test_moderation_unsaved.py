"""A moderation held at its alert check ("Send it?") says it is not saved above whatever else the moderator does
(trial 52, F15: the head of service typed `home` there, and the moderation was never saved). Terminal chat."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a working day, in working hours
AUDITOR, HEAD = "U0MGRN001", "U0ADMIN01"  # the North manager audits; the head of service moderates
TO_CHECK = ["/audit moderate", "1", "2", "3", "The plan has drifted and the child was not seen."]  # Inadequate, why
LINE = "Your moderation of #{} is not saved yet: send to save it (and send the alert) or no."


def _moderated(engine: Engine, services: Services, then: list[str]) -> tuple[int, str]:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [*TO_CHECK, *then], user=HEAD)
    return audit_id, out


def test_home_at_the_alert_check_says_the_moderation_is_not_saved(engine: Engine, services: Services) -> None:
    audit_id, out = _moderated(engine, services, ["home"])
    home = out[out.index("== audit-bot =="):]
    assert LINE.format(audit_id) in home
    assert home.index(LINE.format(audit_id)) < home.index("== Your audits ==")  # at the top of Home
    assert "Back to your moderation of audit" in home


def test_another_command_at_the_alert_check_is_led_by_the_line(engine: Engine, services: Services) -> None:
    audit_id, out = _moderated(engine, services, ["/audit list"])
    after = out[out.rindex("Send it?"):]
    assert LINE.format(audit_id) in after
    assert after.index(LINE.format(audit_id)) < after.index(f"#{audit_id} Early help spot audit")  # first


def test_no_line_once_sent_or_taken_back(engine: Engine, services: Services) -> None:
    audit_id, out = _moderated(engine, services, ["send", "home"])
    assert f"Moderation of audit #{audit_id} saved" in out
    assert LINE.format(audit_id) not in out
