"""Every list of actions says which case each is for (user trial): `/audit actions`, `/audit actions team`, the
Home tab and the reminders name the case reference beside the audit number."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import time_machine

from bot.composition import build_engine
from bot.core.services import Services
from bot.reminders.inputs import reminder_inputs
from bot.reminders.rules import due_reminders
from bot.storage import actions as action_store
from tests.integration.test_home_tab import _shown
from tests.support.audit_rows import insert_audit

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # a Tuesday
WORKER = "U0PRAN001"


def two_actions(services: Services) -> tuple[int, int]:
    """One action overdue on CR-123456, one due in two weeks on CR-654321, both the worker's."""
    first = insert_audit(services.storage, "CR-123456", NOW - timedelta(days=30))
    second = insert_audit(services.storage, "CR-654321", NOW - timedelta(days=2))
    action_store.add_action(services.storage, first, "Hold a direct-work session", WORKER,
                            (NOW - timedelta(days=3)).date().isoformat(), "U0MGRN001", NOW)
    action_store.add_action(services.storage, second, "Chase the health assessment", WORKER,
                            (NOW + timedelta(days=14)).date().isoformat(), "U0MGRN001", NOW)
    return first, second


def test_audit_actions_and_team_actions_name_the_case(services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        first, second = two_actions(services)
        engine = build_engine(services)
        [mine] = engine.command(WORKER, "actions")
        [team] = engine.command("U0MGRN001", "actions team")
    for listed in (mine.text, team.text):
        assert f"Hold a direct-work session (audit #{first}, CR-123456), due Sat 21 Nov 2026 (**overdue**)" in listed
        assert f"Chase the health assessment (audit #{second}, CR-654321), due 8 Dec 2026" in listed


def test_home_names_the_case_of_each_action(services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        first, second = two_actions(services)
        home = dict(_shown(services, build_engine(services), WORKER))["Your audits"]
    assert f"Hold a direct-work session (audit #{first}, CR-123456) (due 21 Nov) — **overdue**" in home
    assert f"Chase the health assessment (audit #{second}, CR-654321) (due 8 Dec)" in home


def test_reminders_name_the_case_of_the_action(services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        first, _ = two_actions(services)
        monday = date(2026, 11, 30)
        reminders = due_reminders(reminder_inputs(services, monday), monday)
    [nudge] = [r for r in reminders if r.user_id == WORKER and r.key.startswith("action:")]
    assert f"Action 1 “Hold a direct-work session” (audit #{first}, CR-123456) was due" in nudge.text
    [overdue] = [r for r in reminders if r.user_id == "U0MGRN001" and r.key == "overdue-list"]
    assert f"“Hold a direct-work session” (audit #{first}, CR-123456) (due" in overdue.text
