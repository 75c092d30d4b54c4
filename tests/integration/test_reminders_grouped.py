"""fix74a A4: in `my reminders`, overdue actions reminded alike on one day are one line with their numbers and cases
from three of them; two stay two lines, each with its title, as any other items do."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.reminders.preview import coming_lines, coming_up
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
WORKER, MANAGER = "U0PRAN001", "U0MGRN001"


def _overdue(services: Services, count: int) -> list[str]:
    """`count` actions of the worker, each on its own audit, due last month: overdue, reminded alike."""
    for number in range(count):
        audit = insert_audit(services.storage, f"CR-40000{number}", MONDAY, status="submitted", auditor=MANAGER)
        action_store.add_action(services.storage, audit, f"Visit the family ({number})", WORKER, "2026-11-20",
                                MANAGER, MONDAY)
    with time_machine.travel(MONDAY, tick=False):
        return [line.text for line in coming_lines(services, WORKER, coming_up(services, WORKER, MONDAY))]


def test_two_overdue_actions_stay_two_lines(services: Services) -> None:
    lines = _overdue(services, 2)
    assert len(lines) == 2 and all(line.startswith("Action ") for line in lines), lines


def test_three_overdue_actions_alike_are_one_line_naming_them_and_their_cases(services: Services) -> None:
    lines = _overdue(services, 3)
    assert len(lines) == 1, lines
    assert lines[0].startswith("3 overdue actions: 1, 2 and 3 (on CR-400000, CR-400001, CR-400002).")
    assert "`/audit actions` lists them, each with its Done button." in lines[0]


def test_many_cases_are_named_briefly(services: Services) -> None:
    line = _overdue(services, 5)[0]
    assert "(on CR-400000, CR-400001, CR-400002 and 2 other cases)" in line
