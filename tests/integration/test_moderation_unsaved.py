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


def test_another_command_at_the_alert_check_is_followed_by_the_check_again(engine: Engine,
                                                                          services: Services) -> None:
    """fix57b: after `/audit list` the line only pointed to the check, no longer on screen; the check itself, its
    question and options, now comes again below the list, and `send` typed next saves the moderation."""
    audit_id, out = _moderated(engine, services, ["/audit list", "send"])
    after = out[out.rindex("Audits you can read"):]
    listing = after.index(f"#{audit_id} Early help spot audit")
    again = after.index("Send it?", listing)
    assert after.index(f"You chose Inadequate at the moderation of audit #{audit_id}", listing) < again
    assert "1) Send the alert" in after[again:] and "2) No, go back and change it" in after[again:]  # as first shown
    assert LINE.format(audit_id) not in after
    assert f"Moderation of audit #{audit_id} saved" in after[again:]


def test_the_check_shown_again_is_answered_by_its_number(engine: Engine, services: Services) -> None:
    audit_id, out = _moderated(engine, services, ["/audit list", "1"])
    assert f"Moderation of audit #{audit_id} saved" in out[out.rindex("Send it?"):]


def test_no_line_once_sent_or_taken_back(engine: Engine, services: Services) -> None:
    audit_id, out = _moderated(engine, services, ["send", "home"])
    assert f"Moderation of audit #{audit_id} saved" in out
    assert LINE.format(audit_id) not in out


def test_a_command_asking_its_own_yes_or_no_keeps_its_question_last_and_the_check_comes_back_once(
        engine: Engine, services: Services) -> None:
    """Its own question stays last (a typed `yes` answers it, never the alert), led by the line; once answered,
    the check is shown again once."""
    audit_id, out = _moderated(engine, services, ["/audit away from 14/12 until 18/12 for S1", "yes"])
    after = out[out.index(LINE.format(audit_id)):]
    assert after.index("Set Social worker S1 away from Monday 14 December") > 0
    assert "Done: Social worker S1 is away" in after and f"Moderation of audit #{audit_id} saved" not in after
    assert after.count("Send it?") == 1
