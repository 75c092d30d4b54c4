"""fix74a A1: a request for more time sent to an admin as well, while the manager who was asked is away past the day
asked for, was kept as asked of the manager only: the worker's `my actions` and "did i get more time", the trail,
the admin's Home and reminders, and the manager's own list when back named the manager alone, and the manager never
heard that the admin had answered it. Now the request keeps everyone it was sent to, and each of those says them
all."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core import more_time_said
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from bot.storage.reminders import set_away
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
BOOKED = datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)
ASKED = datetime(2026, 12, 22, 10, 0, tzinfo=LONDON)
BACK = datetime(2027, 1, 4, 10, 0, tzinfo=LONDON)
MANAGER, COVER, WORKER, ADMIN = "U0MGRN001", "U0MGRS001", "U0PRAN001", "U0ADMIN01"
BOTH = "Team manager (North) and Head of service"


def _asked_while_away(engine: Engine, services: Services) -> int:
    """The worker asks on 22 Dec for 1 Jan on a moderated audit's action while their manager is away to 3 Jan."""
    audit_id = insert_audit(services.storage, "CR-123456", BOOKED, status="moderated", auditor=MANAGER)
    set_away(services.storage, MANAGER, date(2027, 1, 3), COVER, BOOKED, starts=date(2026, 12, 21))
    action = action_store.add_action(services.storage, audit_id, "Add the school's view", WORKER, "2026-12-24",
                                     MANAGER, BOOKED)
    replies = _say(engine, ASKED, f"extend {action} to 1/1 - school closed", WORKER)
    assert [r.to_user for r in replies[1:]] == [MANAGER, ADMIN]
    return action


def _say(engine: Engine, when: datetime, text: str, user: str) -> list:
    with time_machine.travel(when, tick=False):
        return engine.message(user, text, surface="terminal")


def test_the_request_keeps_everyone_it_was_sent_to_and_the_trail_says_so(engine: Engine, services: Services) -> None:
    action = _asked_while_away(engine, services)
    asked = requests.latest(services.storage, action)
    assert asked is not None and asked.sent_to == (MANAGER, ADMIN)
    row = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'action.more_time'").fetchone()
    assert '"also": ["U0ADMIN01"]' in row[0]


def test_the_worker_is_told_both_were_asked(engine: Engine, services: Services) -> None:
    action = _asked_while_away(engine, services)
    mine = flat(_say(engine, ASKED, "my actions", WORKER)[0].text)
    assert f"more time asked to 1 Jan, waiting for {BOTH}" in mine
    status = flat(_say(engine, ASKED, f"did i get more time on {action}", WORKER)[0].text)
    assert f"Not yet: you asked {BOTH} for more time on action {action}" in status
    again = flat(_say(engine, ASKED, f"extend {action} to 2/1", WORKER)[0].text)
    assert f"You already asked {BOTH} for more time" in again


def test_the_admin_sees_it_waiting_and_both_are_named(engine: Engine, services: Services) -> None:
    action = _asked_while_away(engine, services)
    listed = flat(_say(engine, ASKED, "has anyone asked me for more time", ADMIN)[0].text)
    assert f"Action {action}, _Add the school's view_" in listed
    assert f"asked 22 Dec of {BOTH}" in listed
    with time_machine.travel(ASKED, tick=False):
        waiting = more_time_said.waiting_for_you(services, ADMIN)
    assert [a.id for a, _ in waiting] == [action]


def test_the_manager_back_sees_who_else_was_asked_and_hears_the_admins_answer(engine: Engine,
                                                                             services: Services) -> None:
    action = _asked_while_away(engine, services)
    listed = flat(_say(engine, BACK, "has anyone asked me for more time", MANAGER)[0].text)
    assert f"asked 22 Dec of {BOTH}" in listed
    replies = _say(engine, ASKED, f"action {action} due 1/1", ADMIN)
    told = [r for r in replies if r.to_user == MANAGER]
    assert len(told) == 1
    assert "Head of service answered Social worker N1's request for more time on action" in flat(told[0].text)
    assert "which was sent to you too: it is now due **Friday 1 January 2027**" in flat(told[0].text)
    quiet = flat(_say(engine, BACK, "has anyone asked me for more time", MANAGER)[0].text)
    assert "No request for more time is waiting for your answer" in quiet


def test_a_withdrawal_tells_everyone_it_was_sent_to(engine: Engine, services: Services) -> None:
    action = _asked_while_away(engine, services)
    replies = _say(engine, ASKED, f"withdraw {action}", WORKER)
    assert f"and told {BOTH}" in flat(replies[0].text)
    assert [r.to_user for r in replies[1:]] == [MANAGER, ADMIN]


def test_a_no_from_the_admin_is_told_to_the_manager(engine: Engine, services: Services) -> None:
    action = _asked_while_away(engine, services)
    replies = _say(engine, ASKED, f"no more time on action {action} - needed before christmas", ADMIN)
    told = [r for r in replies if r.to_user == MANAGER]
    assert len(told) == 1 and "they said no, so it stays due **Thursday 24 December 2026**" in flat(told[0].text)
