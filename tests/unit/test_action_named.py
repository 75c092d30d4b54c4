"""Trial 43: action numbers count across the service (a team with 4 actions sees "action 150"), so a number on its own
says nothing of which child's case it is. The numbers stay; every message naming one gives its words and case too:
the owner's request for more time, its withdrawal and "did I get more time", a chase, the daily reminder (whose
*Mark action 150 done* button the line now matches)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.action_named import action_named
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.inputs import reminder_inputs
from bot.reminders.rules import due_reminders
from bot.storage import actions as action_store
from bot.storage.actions import ActionRow
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, MANAGER = "U0MGRS001", "U0PRAN001", "U0MGRN001"
NAMED = "action {} (Arrange the statutory visit, audit #{}, CR-123456)"


def _action(services: Services, due: str = "2026-12-11") -> tuple[int, int]:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR)
    return audit_id, action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, due,
                                             AUDITOR, MONDAY)


def _said(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        return flat("\n".join(r.text for r in engine.message(user, text, surface="terminal") if r.to_user is None),
                    "_`*")


def test_an_action_is_named_by_its_number_words_and_case() -> None:
    action = ActionRow(150, 12, "Arrange the statutory visit", WORKER, "2026-12-11", AUDITOR, case_ref="CR-123456")
    assert action_named(action) == "action 150 (_Arrange the statutory visit_, audit #12, CR-123456)"
    assert action_named(action, capital=True).startswith("Action 150 (_Arrange")


def test_the_owners_own_messages_about_more_time_name_the_action(engine: Engine, services: Services) -> None:
    audit_id, action = _action(services)
    named = NAMED.format(action, audit_id)
    assert _said(engine, WORKER, f"can i have more time on action {action}").startswith(
        f"Until when do you need {named}?")
    assert _said(engine, WORKER, "18/12").startswith(f"I've asked Team manager (South), the auditor, for more time on "
                                                     f"{named} until 18 Dec 2026.")
    assert _said(engine, WORKER, f"did i get more time on {action}?").startswith(
        f"Not yet: you asked Team manager (South) for more time on {named} until 18 Dec 2026")
    assert _said(engine, WORKER, f"extend {action} to 21/12").startswith(
        f"You already asked Team manager (South) for more time on {named} until 18 Dec 2026")
    assert _said(engine, WORKER, f"withdraw {action}").startswith(
        f"I've withdrawn your request for more time on {named}")


def test_a_chase_and_its_refusals_name_the_action(engine: Engine, services: Services) -> None:
    audit_id, action = _action(services, due="2026-12-01")
    named = NAMED.format(action, audit_id)
    assert f"Sent: I've nudged Social worker N1 about {named} (due 1 Dec 2026, overdue)" in _said(
        engine, MANAGER, f"chase {action}")
    assert _said(engine, MANAGER, f"chase {action}").startswith(f"{named[0].upper()}{named[1:]} was chased today "
                                                                "already")


def test_the_daily_reminder_names_the_number_its_button_takes(services: Services) -> None:
    _, action = _action(services, due="2026-12-08")  # due tomorrow: reminded today
    with time_machine.travel(MONDAY, tick=False):
        monday = date(2026, 12, 7)
        [nudge] = [r for r in due_reminders(reminder_inputs(services, monday), monday)
                   if r.user_id == WORKER and r.key == f"action:{action}"]
    assert nudge.text.startswith(f"Action {action} “Arrange the statutory visit” (audit #1, CR-123456) is due")
    assert nudge.choice is not None and nudge.choice.label == f"Mark action {action} done"
