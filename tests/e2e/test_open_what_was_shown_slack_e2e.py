"""Trial 43: `open N` worked after `/audit campaign mine` only. In Slack, after a campaign's first DM and after the
daily reminders, `open 1` was "Did you mean show 1?" (audit #1, a case nobody listed); in the terminal, after Home,
too. Now it opens what that message's button N opens. Signed requests into the real Bolt app, replies read back from
the Web API stand-in; the reminders sent by the scheduler itself; Home through the terminal chat."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as campaign_store
from bot.storage import moderation as moderation_store
from bot.terminal.chat import run_chat
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_campaign_open_listed import CREATE, NORTH_MANAGER, QA
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def test_open_2_after_the_campaigns_first_dm_in_slack(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [created] = SlackPerson(bot, standin, QA).send("command", CREATE.format(start="2026-12-07"))
        number = int(re.search(r"Campaign (\d+)", created.text).group(1))
        auditor = SlackPerson(bot, standin, NORTH_MANAGER)
        [dm] = auditor._replies(auditor._dm_posts())
        assert [c.action for c in dm.choices] == ["campaign.start", "campaign.start"]
        [asked] = auditor.send("type", "open 2")
        assert "which case of Social worker N2 are you auditing? Type its case reference." in asked.text
        auditor.send("type", "CR-123456")
    second = campaign_store.allocations(services.storage, number, NORTH_MANAGER)[1]
    assert second.id == int(dm.choices[1].value) and second.audit_id is not None


def test_open_1_after_the_daily_reminder_opens_its_moderation(bot: RunningBot, standin, services: Services) -> None:
    from handlers.delivery import SlackDelivery

    audit = AuditRows(services).audit(submitted=datetime(2026, 12, 7, 11, tzinfo=UTC))
    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    lead = SlackPerson(bot, standin, QA)
    with time_machine.travel(datetime(2026, 12, 10, 9, 30, tzinfo=LONDON), tick=False):
        runner.fire("reminders")
        [reminder] = lead._replies(lead._dm_posts())
        assert reminder.choices[0].label == f"Moderate #{audit}"
        [opened] = lead.send("type", "open 1")
    assert "You are moderating this audit. Do you agree with the overall grade?" in opened.text
    held = moderation_store.current_moderation(services.storage, audit)
    assert held is not None and held.moderator_id == QA


def test_open_2_with_nothing_listed_says_what_to_type_in_slack(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [told] = SlackPerson(bot, standin, NORTH_MANAGER).send("type", "open 2")
    assert told.kind == "error" and "There is no list of cases or audits just shown, so `open 2` opens nothing" in \
        told.text and "type `show 2`" in told.text


def test_open_n_after_home_in_the_terminal_opens_the_case_numbered_n(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [created, *_] = engine.command(QA, CREATE.format(start="2026-12-07"), surface="terminal")
        number = int(re.search(r"Campaign (\d+)", created.text).group(1))
        second = campaign_store.allocations(services.storage, number, NORTH_MANAGER)[1].id
        out = io.StringIO()
        run_chat(engine, NORTH_MANAGER, io.StringIO("home\n"), out)
        shown = re.search(rf"(\d+)\) Start allocation {second}\b", out.getvalue())
        assert shown is not None, out.getvalue()
        out = io.StringIO()
        run_chat(engine, NORTH_MANAGER, io.StringIO(f"home\nopen {shown.group(1)}\nCR-123456\n"), out)
    assert "which case of Social worker N2 are you auditing?" in flat(out.getvalue())
    assert campaign_store.get_allocation(services.storage, second).audit_id is not None
