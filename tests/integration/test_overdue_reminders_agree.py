"""Trial 41 (M7): the manager's `reminders` said "8 actions in your team are overdue; their owners will not be
reminded again" while the owner's `reminders` listed all 8 for that Monday. Both were half true: the Monday run that
sends the manager's weekly list still reminds the owner, and only after it are they no longer reminded. Now the list
says "not reminded of them after today", the owner's reminder that day says it is the last, and the owner's
`reminders` says until when an overdue action is reminded."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from schedules.jobs import reminders_job
from tests.integration.test_reminders_preview import AUDITOR, WORKER, asked, submitted

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2027, 1, 6, 10, 0, tzinfo=LONDON)  # action 1, due Wed 30 Dec 2026, is overdue
MONDAY_RUN = datetime(2027, 1, 11, 9, 30, tzinfo=LONDON)  # the first working day of the week: the manager's list


def test_both_previews_say_the_owner_is_reminded_until_the_list_goes(engine: Engine) -> None:
    submitted(engine)  # AUDITOR is WORKER's manager
    owner = asked(engine, WORKER, when=WEDNESDAY)
    assert ("• Thu 7 Jan: Action 1 “Share the plan with the school.” (audit #1, CR-555555) was due Wed 30 Dec and is "
            "overdue. Reminded each working day until Mon 11 Jan, the last: it then goes on your manager's weekly "
            "list of overdue actions.") in owner
    manager = asked(engine, AUDITOR, when=WEDNESDAY)
    assert ("• Mon 11 Jan: 2 actions in your team are overdue. Their owners get the last daily reminder of them on "
            "Mon 11 Jan: from the day an overdue action first goes on this weekly list, it is chased through you, not "
            "its owner:") in " ".join(manager.split())
    assert "after today" not in manager  # trial 48: which day "today" was, beside "Mon 11 Jan", was not clear
    assert "will not be reminded again" not in manager


def test_the_monday_run_reminds_the_owner_for_the_last_time_and_tuesday_does_not(engine: Engine,
                                                                                 services: Services) -> None:
    submitted(engine)
    with time_machine.travel(MONDAY_RUN, tick=False):
        sent = {o.recipient: o for o in reminders_job(services, services.clock())}
        for outgoing in sent.values():
            if outgoing.after_send is not None:
                outgoing.after_send(services.clock())
    owner = " ".join(sent[WORKER].replies[0].text.split())
    assert ("Share the plan with the school.” (audit #1, CR-555555) was due Wed 30 Dec and is overdue. It goes on "
            "your manager's weekly list of overdue actions today, so this is the last reminder of it you get.") in owner
    assert "Their owners get the last daily reminder of them on Mon 11 Jan" in sent[AUDITOR].replies[0].text
    with time_machine.travel(MONDAY_RUN.replace(day=12), tick=False):
        tuesday = {o.recipient: o for o in reminders_job(services, services.clock())}
    assert WORKER not in tuesday or "Share the plan" not in tuesday[WORKER].replies[0].text
