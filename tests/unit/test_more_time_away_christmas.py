"""Trial 60 (F10): a worker asked on 22 December 2026 for more time on an action until 1 January while their manager
was away from 21 December until 3 January, and was told only that the request "waits for their return"; on 4 January
the manager's *Approve* said "Friday 1 January 2027 has passed, so action … was not changed". Now the worker is told at
once that the day falls before the manager is back and what they can do, and on return the manager is offered the
working days asked for, counted from the day of the answer (22 Dec to 1 Jan is 5 working days: Monday 11 January)."""

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
BOOKED = datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)
ASKED = datetime(2026, 12, 22, 10, 0, tzinfo=LONDON)
BACK = datetime(2027, 1, 4, 10, 0, tzinfo=LONDON)
MANAGER, COVER, WORKER, ADMIN = "U0MGRN001", "U0MGRS001", "U0PRAN001", "U0ADMIN01"


def _action(services: Services, status: str = "submitted") -> int:
    """The worker's action due Christmas Eve on the away manager's audit; the manager booked away 21 Dec-3 Jan."""
    audit_id = insert_audit(services.storage, "CR-123456", BOOKED, status=status, auditor=MANAGER)
    set_away(services.storage, MANAGER, date(2027, 1, 3), COVER, BOOKED, starts=date(2026, 12, 21))
    return action_store.add_action(services.storage, audit_id, "Add the school's view", WORKER, "2026-12-24",
                                   MANAGER, BOOKED)


def _say(engine: Engine, when: datetime, text: str, user: str) -> list:
    with time_machine.travel(when, tick=False):
        return engine.message(user, text, surface="terminal")


def test_a_day_before_the_managers_return_is_said_with_how_to_ask_for_a_later_one(engine: Engine,
                                                                                  services: Services) -> None:
    action = _action(services)
    mine, sent = _say(engine, ASKED, f"extend {action} to 1/1 - school closed", WORKER)[:2]
    said = flat(mine.text)
    assert "Friday 1 January 2027 falls before they are back on Monday 4 January 2027, so it would pass " \
           "unanswered" in said
    assert "nobody else may change its date while audit #1 waits for moderation (only its auditor may; a cover " \
           "takes moderation requests only)" in said
    assert "type `actually make it 5/1` to ask for a day after their return" in said
    assert "waits for their return" not in said
    assert sent.to_user == MANAGER


def test_once_only_the_owners_manager_answers_the_request_also_goes_to_an_admin(engine: Engine,
                                                                                services: Services) -> None:
    action = _action(services, status="moderated")
    replies = _say(engine, ASKED, f"extend {action} to 1/1 - school closed", WORKER)
    said = flat(replies[0].text)
    assert "I've sent your request to Head of service (an admin) as well, who may answer it now" in said
    assert [r.to_user for r in replies[1:]] == [MANAGER, ADMIN]
    assert [c.label for c in replies[2].choices] == ["Approve the new date", "Say no"]


def test_a_day_after_the_return_still_waits_for_it(engine: Engine, services: Services) -> None:
    action = _action(services)
    mine = _say(engine, ASKED, f"extend {action} to 8/1 - school closed", WORKER)[0]
    assert "Team manager (North) is away until Sunday 3 January 2027; Team manager (South) covers their " \
           "moderation requests only: your request waits for their return." in flat(mine.text)


def test_on_return_the_passed_day_offers_the_working_days_asked_for_and_the_button_gives_them(
        engine: Engine, services: Services) -> None:
    action = _action(services)
    _say(engine, ASKED, f"extend {action} to 1/1 - school closed", WORKER)
    listed = flat(_say(engine, BACK, "has anyone asked me for more time", MANAGER)[0].text)
    assert "1 Jan has passed, so **Approve** gives Mon 11 Jan (the 5 working days asked for on 22 Dec, counted from " \
           "today)" in listed
    offer = _say(engine, BACK, f"action {action} due 1/1", MANAGER)[0]
    assert "To give them **Monday 11 January 2027** instead (the 5 working days asked for on 22 Dec, counted from " \
           f"today), press **Approve the new date** or type `action {action} due 11/1`" in flat(offer.text)
    assert action_store.get_action(services.storage, action).due_date == "2026-12-24"
    approve = offer.choices[0]
    with time_machine.travel(BACK, tick=False):
        done, told = engine.action(MANAGER, approve.action, approve.value, surface="terminal")
    assert action_store.get_action(services.storage, action).due_date == "2027-01-11"
    assert "is now due **Monday 11 January 2027**" in done.text
    assert told.to_user == WORKER
    assert "You asked for Friday 1 January 2027, which passed while your request waited: this is the 5 working days " \
           "you asked for on 22 Dec, counted from today." in flat(told.text)


def test_a_bank_holiday_asked_for_while_away_offers_only_the_day_after_the_return(engine: Engine,
                                                                                  services: Services) -> None:
    """Trial 61 (G1): 1 January is a bank holiday, but its "day before" (31 December) falls before the manager is
    back too, so offering it would only ask for another day that passes unanswered."""
    action = _action(services)
    said = flat(_say(engine, ASKED, f"extend {action} to 1/1 - school closed", WORKER)[0].text)
    assert "type `actually make it 5/1` to ask for a day after their return" in said
    assert "actually make it 31/12" not in said
    assert "bank holiday" not in said


def test_a_bank_holiday_asked_for_while_someone_else_may_answer_still_offers_the_day_before(
        engine: Engine, services: Services) -> None:
    """When an admin may answer now, the working day before the bank holiday can be answered in time: it is offered."""
    action = _action(services, status="moderated")
    said = flat(_say(engine, ASKED, f"extend {action} to 1/1 - school closed", WORKER)[0].text)
    assert "I've sent your request to Head of service (an admin) as well" in said
    assert "type `actually make it 31/12`" in said
