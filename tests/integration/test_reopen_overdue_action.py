"""Reopening an action whose due date has passed (trial 22: `reopen action 38` said "open again, due 14 Oct 2026",
overdue at once and sent to the manager's overdue list, nobody told): the reopen says the date has passed, asks
whoever may set a new one for it (`action 38 due <date>`) or says who can, and the weekly overdue list leaves it out
the day it was reopened."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import moderation as moderation_store
from schedules.jobs import reminders_job
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
SET = datetime(2026, 9, 30, 10, 0, tzinfo=LONDON)
DONE = datetime(2026, 10, 12, 10, 0, tzinfo=LONDON)
MONDAY = datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)  # the first working day: the managers' overdue lists
AUDITOR, WORKER, WORKERS_MANAGER = "U0MGRS001", "U0PRAN001", "U0MGRN001"


@pytest.fixture
def action_id(services: Services) -> int:
    """The North worker's action from the South manager's audit, due 14 Oct, marked done by the worker on 12 Oct."""
    audit_id = insert_audit(services.storage, "CR-123456", SET, auditor=AUDITOR)
    action_id = action_store.add_action(services.storage, audit_id, "Share the plan with the school", WORKER,
                                        "2026-10-14", AUDITOR, SET)
    action_store.complete_action(services.storage, action_id, WORKER, True, DONE)
    return action_id


def texts(replies: list, to: str | None = None) -> str:
    return "\n".join(reply.text for reply in replies if reply.to_user == to)


PASSED = ("Its due date, Wednesday 14 October 2026, has passed, so it counts as overdue until it has a new date, and "
          "Team manager (North) will see it among the overdue actions on the next weekly list.")  # trial 41: garbled


def test_the_auditor_reopening_it_is_asked_for_the_new_date_and_the_owner_told(engine: Engine, services: Services,
                                                                              action_id: int) -> None:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(AUDITOR, f"reopen action {action_id}", surface="terminal")
        said, told = texts(replies), texts(replies, WORKER)
        assert said == (f"Reopened: action {action_id}, _Share the plan with the school_ (audit #1, CR-123456), is "
                        f"open again. {PASSED} When is it due now? Type `action {action_id} due <date>`, like "
                        f"`action {action_id} due 14/12`. Type `done {action_id}` when it is complete.")
        assert "due 14 Oct 2026" not in said
        assert told == (f"Team manager (South) reopened your action {action_id}: _Share the plan with the school_ "
                        f"(audit #1, CR-123456). It is back in `/audit actions`. {PASSED} Team manager (South) has "
                        "been asked for a new date.")
        changed = texts(engine.message(AUDITOR, f"action {action_id} due 18/12", surface="terminal"))
    assert "is now due **Friday 18 December 2026** (in 11 days), not Wednesday 14 October 2026" in changed
    assert action_store.get_action(services.storage, action_id).due_date == "2026-12-18"


def test_the_owner_reopening_it_is_told_only_the_auditor_can_give_it_a_date(engine: Engine, action_id: int) -> None:
    with time_machine.travel(MONDAY, tick=False):
        said = texts(engine.message(WORKER, f"reopen action {action_id}", surface="terminal"))
    assert (f"{PASSED} Only its auditor, Team manager (South), can give it a new due date: to ask them for one, type "
            f"`extend {action_id} to <date>`, like `extend {action_id} to 14/12`.") in said  # trial 43: how to ask


def test_on_a_moderated_audit_it_says_the_date_cannot_change(engine: Engine, services: Services,
                                                            action_id: int) -> None:
    moderation_store.open_moderation(services.storage, 1, "U0QALEAD1", DONE)
    moderation_store.decide_moderation(services.storage, 1, "U0QALEAD1", True, "good", "Agreed, a sound audit.", DONE)
    with time_machine.travel(MONDAY, tick=False):
        said = texts(engine.message(AUDITOR, f"reopen action {action_id}", surface="terminal"))
    assert (f"{PASSED} Its audit, #1, can't be changed now (an action's date is changed by its auditor, on a "
            f"submitted audit before moderation), so type `done {action_id}` when it is complete.") in said
    assert said.count("when it is complete") == 1  # trial 34: it was said twice
    assert "When is it due now?" not in said


def test_an_action_not_yet_due_is_reopened_with_how_near_its_date_is(engine: Engine, services: Services,
                                                                     action_id: int) -> None:
    services.storage.db.execute("UPDATE actions SET due_date = '2026-12-18' WHERE id = ?", [action_id])
    with time_machine.travel(MONDAY, tick=False):
        said = texts(engine.message(AUDITOR, f"reopen action {action_id}", surface="terminal"))
    assert said == (f"Reopened: action {action_id}, _Share the plan with the school_ (audit #1, CR-123456), is open "
                    f"again, due Friday 18 December 2026 (in 11 days). Type `done {action_id}` when it is complete.")


def test_the_weekly_overdue_list_leaves_it_out_the_day_it_is_reopened(engine: Engine, services: Services,
                                                                      action_id: int) -> None:
    """Reopened at 08:00 on the list's Monday, it is not sent to the manager at 09:30 that day (the owner, told it
    is overdue, is reminded); a week on, still with no new date, it is on the list."""
    with time_machine.travel(MONDAY, tick=False):
        engine.message(WORKER, f"reopen action {action_id}", surface="terminal")
    with time_machine.travel(MONDAY.replace(hour=9, minute=30), tick=False):
        sent = {o.recipient: o for o in reminders_job(services, services.clock())}
    assert WORKERS_MANAGER not in sent
    assert "was due Wed 14 Oct and is overdue" in sent[WORKER].replies[0].text
    with time_machine.travel(MONDAY.replace(day=14, hour=9, minute=30), tick=False):
        week_on = {o.recipient: o for o in reminders_job(services, services.clock())}
    assert "Share the plan with the school" in week_on[WORKERS_MANAGER].replies[0].text
    assert "overdue" in week_on[WORKERS_MANAGER].replies[0].text


def test_undo_straight_after_done_says_who_will_see_it_in_a_sentence(engine: Engine, services: Services) -> None:
    """Trial 41: `undo` after `done 141 - …` said "… until it has a new date and from the next weekly list on Team
    manager (South) sees it among overdue actions"."""
    audit_id = insert_audit(services.storage, "CR-123456", SET, auditor=AUDITOR)
    action_id = action_store.add_action(services.storage, audit_id, "Book a supervision discussion", WORKER,
                                        "2026-10-14", AUDITOR, SET)
    with time_machine.travel(MONDAY, tick=False):
        engine.message(WORKER, f"done {action_id} - supervision booked for tues", surface="terminal")
        said = texts(engine.message(WORKER, "undo", surface="terminal"))
    assert said.startswith(f"Reopened: action {action_id}")
    assert PASSED in said
    assert "from the next weekly list on" not in said


def test_the_owner_reopening_one_on_a_moderated_audit_is_told_how_to_ask_for_a_date(
        engine: Engine, services: Services, action_id: int) -> None:
    """Trial 43 (finding 29): "it counts as overdue until it has a new date" said nothing of how to ask for one."""
    moderation_store.open_moderation(services.storage, 1, "U0QALEAD1", DONE)
    moderation_store.decide_moderation(services.storage, 1, "U0QALEAD1", True, "good", "Agreed, a sound audit.", DONE)
    with time_machine.travel(MONDAY, tick=False):
        said = texts(engine.message(WORKER, f"reopen action {action_id}", surface="terminal"))
        assert (f"{PASSED} Its audit, #1, can't be changed now (an action's date is changed by its auditor, on a "
                f"submitted audit before moderation): to ask for a new date, type `extend {action_id} to <date>`, like "
                f"`extend {action_id} to 14/12`; type `done {action_id}` when it is complete.") in said
        asked = texts(engine.message(WORKER, f"extend {action_id} to 14/12", surface="terminal"))
    assert asked.startswith(f"I've asked Team manager (North), your manager, for more time on action {action_id}")


def test_the_owners_manager_reopening_one_on_a_moderated_audit_may_set_the_date(
        engine: Engine, services: Services, action_id: int) -> None:
    moderation_store.open_moderation(services.storage, 1, "U0QALEAD1", DONE)
    moderation_store.decide_moderation(services.storage, 1, "U0QALEAD1", True, "good", "Agreed, a sound audit.", DONE)
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(WORKERS_MANAGER, f"reopen action {action_id}", surface="terminal")
        assert ("but as Social worker N1's manager you can give it a new date: type `action "
                f"{action_id} due <date>`") in texts(replies)
        assert "Team manager (North) has been asked for a new date." in texts(replies, WORKER)
        changed = texts(engine.message(WORKERS_MANAGER, f"action {action_id} due 14/12", surface="terminal"))
    assert "is now due **Monday 14 December 2026**" in changed
