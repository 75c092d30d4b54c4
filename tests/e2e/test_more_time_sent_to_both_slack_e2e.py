"""fix74a A1 and A2, through the real Bolt stack with signed requests. A1: a request sent to an admin as well, while
the manager asked is away past the day asked for, waits on the admin's Home with its buttons; the admin's *Approve*
there gives it, and the manager is told in their DM who answered it. A2: a request on 7 December for a day inside
the manager's time away booked to start on 21 December is told at once that it falls before they are back."""

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
BOOKED = datetime(2026, 12, 7, 9, 0, tzinfo=LONDON)
ASKED = datetime(2026, 12, 22, 10, 0, tzinfo=LONDON)
MANAGER, WORKER, ADMIN = "U0MGRN001", "U0PRAN001", "U0ADMIN01"


def _action(services: Services, status: str) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", BOOKED, status=status, auditor=MANAGER)
    set_away(services.storage, MANAGER, date(2027, 1, 3), None, BOOKED, starts=date(2026, 12, 21))
    return action_store.add_action(services.storage, audit_id, "Add the school's view", WORKER, "2026-12-16",
                                   MANAGER, BOOKED)


def _asked(bot: RunningBot, standin, action: int, day: str, seen: str) -> str:
    SlackPerson(bot, standin, WORKER).send("type", f"extend action {action} to {day} - school closed")
    return flat(standin.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == dm_channel_for(
        WORKER) and seen in c.params["text"])[-1].params["text"])


def test_the_admins_approve_on_home_gives_it_and_the_manager_is_told(bot: RunningBot, standin,
                                                                     services: Services) -> None:
    with time_machine.travel(ASKED, tick=False):
        action = _action(services, "moderated")
        said = _asked(bot, standin, action, "1/1", "as well")
        assert "I've sent your request to Head of service (an admin) as well" in said
        approve = _home_buttons(bot, standin, ADMIN)[f"Approve: action {action}"]
        bot.slack.block_action(ADMIN, approve["action_id"], approve["value"], view=HOME)
        standin.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == dm_channel_for(MANAGER)
                         and "answered" in c.params["text"])
    assert action_store.get_action(services.storage, action).due_date == "2027-01-01"
    told = flat(_last_to(standin, MANAGER))
    assert "Head of service answered Social worker N1's request for more time on action" in told, told
    assert "which was sent to you too: it is now due *Friday 1 January 2027*" in told


def test_a_day_inside_time_away_booked_ahead_is_said_the_day_it_is_asked(bot: RunningBot, standin,
                                                                         services: Services) -> None:
    with time_machine.travel(BOOKED, tick=False):
        action = _action(services, "submitted")
        said = _asked(bot, standin, action, "23/12", "falls before")
    assert "Team manager (North) is booked away from Monday 21 December 2026 until Sunday 3 January 2027" in said
    assert "Wednesday 23 December 2026 falls before they are back on Monday 4 January 2027, so unless they answer " \
           "it by Friday 18 December 2026, it would pass unanswered" in said
