"""The moderation-wait reminder's button through the real Slack stack (user trial 9, finding 12: the reminder said
"Audit 5 (Early help spot audit) has waited 6 working days for moderation." with only *Snooze*, so the QA lead had
to type `/audit moderate 5`, while the manager's reminders carry *Resume audit 4* and *Mark action 4 done*).

The scheduled job posts the reminder to each QA lead's DM over Slack; pressing *Moderate #N* there opens the audit
for moderation, as *Open* in `/audit moderate` does."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import moderation as moderation_store
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
QA_LEAD = "U0QALEAD1"


def test_the_moderation_reminder_s_button_opens_the_audit_for_moderation(bot: RunningBot, standin,
                                                                       services: Services) -> None:
    from handlers.delivery import SlackDelivery

    audit = AuditRows(services).audit(submitted=datetime(2026, 12, 7, 11, tzinfo=UTC))  # Monday 7 December
    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    lead = SlackPerson(bot, standin, QA_LEAD)
    with time_machine.travel(datetime(2026, 12, 10, 9, 30, tzinfo=LONDON), tick=False):  # three working days on
        runner.fire("reminders")
        [reminder] = lead._replies(lead._dm_posts())
        assert f"Audit #{audit} (*Full case audit*) has waited 3 working days for moderation." in reminder.text
        assert [(c.label, c.action, c.value) for c in reminder.choices] == [
            (f"Moderate #{audit}", "audit.moderate_open", str(audit)),
            ("Snooze for a working day", "reminder.snooze", f"moderation:{audit}")]
        [opened] = lead.send("press", f"audit.moderate_open|{audit}")
    assert "You are moderating this audit. Do you agree with the overall grade?" in opened.text
    assert {c.action for c in opened.choices} >= {"audit.moderate_agree", "audit.moderate_disagree"}
    held = moderation_store.current_moderation(services.storage, audit)
    assert held is not None and held.moderator_id == QA_LEAD
