"""fix74a A2: a worker's request for more time for a day inside their manager's booked time away was told "falls
before they are back" only once the time away had started. Booked on 7 December (`away 21/12 to 3/1`), a request the
same day for 23 December said nothing of it; now it is said at once, and on the other side of the start as before."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage.reminders import set_away
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
BOOKED = datetime(2026, 12, 7, 9, 0, tzinfo=LONDON)
BEFORE_START = datetime(2026, 12, 18, 16, 0, tzinfo=LONDON)  # the last working day before the time away
AFTER_START = datetime(2026, 12, 21, 9, 0, tzinfo=LONDON)
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"
FALLS = "Wednesday 23 December 2026 falls before they are back on Monday 4 January 2027"


def _action(services: Services) -> int:
    """The worker's action due 16 Dec on their manager's audit; the manager booked away 21 Dec-3 Jan on 7 Dec."""
    audit_id = insert_audit(services.storage, "CR-654321", BOOKED, status="submitted", auditor=MANAGER)
    set_away(services.storage, MANAGER, date(2027, 1, 3), None, BOOKED, starts=date(2026, 12, 21))
    return action_store.add_action(services.storage, audit_id, "Update the chronology", WORKER, "2026-12-16",
                                   MANAGER, BOOKED)


def _ask(engine: Engine, when: datetime, text: str) -> str:
    with time_machine.travel(when, tick=False):
        return flat(engine.message(WORKER, text, surface="terminal")[0].text)


def test_a_day_inside_booked_time_away_is_said_the_day_it_is_booked(engine: Engine, services: Services) -> None:
    action = _action(services)
    said = _ask(engine, BOOKED, f"extend {action} to 23/12 - family away")
    assert "Team manager (North) is booked away from Monday 21 December 2026 until Sunday 3 January 2027; nobody " \
           "covers for them." in said
    assert f"{FALLS}, so unless they answer it by Friday 18 December 2026, it would pass unanswered" in said
    assert "type `actually make it 5/1` to ask for a day after their return" in said


def test_the_last_day_before_the_start_still_says_it(engine: Engine, services: Services) -> None:
    action = _action(services)
    assert FALLS in _ask(engine, BEFORE_START, f"extend {action} to 23/12 - family away")


def test_once_the_time_away_has_started_it_is_said_as_before(engine: Engine, services: Services) -> None:
    action = _action(services)
    said = _ask(engine, AFTER_START, f"extend {action} to 23/12 - family away")
    assert "Team manager (North) is away until Sunday 3 January 2027" in said
    assert f"{FALLS}, so it would pass unanswered" in said
    assert "booked away" not in said


def test_a_day_before_the_time_away_or_after_the_return_says_nothing_of_it(engine: Engine,
                                                                          services: Services) -> None:
    action = _action(services)
    before = _ask(engine, BOOKED, f"extend {action} to 18/12 - family away")
    assert "away" not in before.replace("family away", "")
    _ask(engine, BOOKED, f"withdraw {action}")
    after = _ask(engine, BOOKED, f"extend {action} to 5/1 - family away")
    assert "booked away" not in after and "falls before" not in after
