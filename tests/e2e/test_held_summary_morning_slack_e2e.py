"""An audit submitted through Slack out of its worker's hours (trial 43, finding 24; fix44e: only the chase was tested
end to end): on a Saturday evening the worker's DM gets nothing and the auditor is told when it goes; the scheduler's
run for held news posts nothing before 08:00 on Monday, then the summary with its *Add my reflections* button, once,
and the team manager's copy went at once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import audits as store
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.audit_driver import complete_audit
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SATURDAY_EVENING = datetime(2026, 12, 5, 19, 0, tzinfo=LONDON)
MONDAY_EARLY = datetime(2026, 12, 7, 7, 59, tzinfo=LONDON)
MONDAY_MORNING = datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)
AUDITOR = "U0QALEAD1"


def test_a_saturday_evening_summary_reaches_the_worker_on_monday_morning(bot: RunningBot, standin,
                                                                         services: Services) -> None:
    from handlers.delivery import SlackDelivery

    auditor = SlackPerson(bot, standin, AUDITOR)
    with time_machine.travel(SATURDAY_EVENING, tick=False):
        replies = []
        first = auditor.send("command", "start early-help-spot")
        complete_audit(lambda kind, payload: replies.extend(got := auditor.send(kind, payload)) or got, first)
    audit = store.get_audit(services.storage, int(services.storage.db.execute("SELECT max(id) FROM audits")
                                                  .fetchone()[0]))
    assert audit is not None and audit.worker_id
    worker = SlackPerson(bot, standin, audit.worker_id)
    [manager_id] = services.directory.managers_of(audit.worker_id)
    said = flat(" ".join(reply.text for reply in replies), "*")
    assert f"they get audit #{audit.id} at 08:00 on Monday 7 December" in said, said
    assert worker._dm_posts() == []
    assert any("has been submitted" in flat(call.text, "*") for call in standin.messages_to(manager_id))

    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    with time_machine.travel(MONDAY_EARLY, tick=False):
        assert runner.send_held() == 0
    assert worker._dm_posts() == []
    with time_machine.travel(MONDAY_MORNING, tick=False):
        assert runner.send_held() == 1
        assert runner.send_held() == 0
    [summary] = worker._replies(worker._dm_posts())
    assert flat(summary.text, "*").startswith("QA lead (practice) has audited one of your cases. Here is the summary")
    assert audit.case_ref in str(worker._dm_posts()[0].params["blocks"])
    assert [(c.action, c.value) for c in summary.choices] == [("audit.reflect", str(audit.id))]
