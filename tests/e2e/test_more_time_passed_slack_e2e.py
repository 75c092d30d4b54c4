"""Trial 60 (F10), through the real Bolt stack with signed requests: a worker asks on 22 December 2026 for more time
until 1 January while their manager is away 21 December-3 January; on 4 January the manager's *Approve* on Home gives
the 5 working days asked for, counted from that day (Monday 11 January), not a dead "has passed" refusal, and the
worker is told what was given and why."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from bot.storage.reminders import set_away
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_more_time_home_slack_e2e import HOME, _home_buttons, _last_to
from tests.support.audit_rows import insert_audit
from tests.support.slack_standin import dm_channel_for
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
BOOKED = datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)
ASKED = datetime(2026, 12, 22, 10, 0, tzinfo=LONDON)
BACK = datetime(2027, 1, 4, 10, 0, tzinfo=LONDON)
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"


def test_approve_on_home_after_the_return_gives_the_working_days_asked_for(bot: RunningBot, standin,
                                                                           services: Services) -> None:
    with time_machine.travel(ASKED, tick=False):
        audit_id = insert_audit(services.storage, "CR-123456", BOOKED, status="submitted", auditor=MANAGER)
        set_away(services.storage, MANAGER, date(2027, 1, 3), "U0MGRS001", BOOKED, starts=date(2026, 12, 21))
        action = action_store.add_action(services.storage, audit_id, "Add the school's view", WORKER, "2026-12-24",
                                         MANAGER, BOOKED)
        SlackPerson(bot, standin, WORKER).send("type", f"extend action {action} to 1/1 - school closed")
        asked = standin.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == dm_channel_for(WORKER)
                                 and "falls before they are back" in c.params["text"])[-1]
    assert "Friday 1 January 2027 falls before they are back on Monday 4 January 2027" in flat(asked.params["text"])
    with time_machine.travel(BACK, tick=False):
        approve = _home_buttons(bot, standin, MANAGER)[f"Approve: action {action}"]
        told_before = len([c for c in standin.calls_to("chat.postMessage")
                           if c.params["channel"] == dm_channel_for(WORKER)])
        bot.slack.block_action(MANAGER, approve["action_id"], approve["value"], view=HOME)
        standin.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == dm_channel_for(WORKER),
                         count=told_before + 1)
    assert action_store.get_action(services.storage, action).due_date == "2027-01-11"
    told = flat(_last_to(standin, WORKER))
    assert "it is now due *Monday 11 January 2027* (in 7 days), not Thursday 24 December 2026." in told, told
    assert "You asked for Friday 1 January 2027, which passed while your request waited: this is the 5 working " \
           "days you asked for on 22 Dec, counted from today." in told
