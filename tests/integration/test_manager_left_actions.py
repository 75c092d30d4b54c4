"""Trial 58, finding 2: U0MGRS001 (South's manager, with submitted audits) was replaced by U0MGRS002 in teams.yaml.
Social worker S1's `extend … to 22/1 - …` went to the leaver ("I've asked U0MGRS001, the auditor"), the new manager's
`action … due 22/1` was "not an action of an audit you did", and the admin's `edit … action … due 22/1` was "Only the
person who did this audit can change it": nobody could answer. Now the team's current manager is asked, and they (or
an admin) change the leaver's audit's actions."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit
from tests.support.teams_changes import replace_south_manager
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a working Monday: nothing is held
LEAVER, NEW, WORKER, ADMIN = "U0MGRS001", "U0MGRS002", "U0PRAS001", "U0ADMIN01"


@pytest.fixture(autouse=True)
def manager_replaced(config_dir: Path) -> None:
    """teams.yaml as the admin left it: South's manager swapped for a new one, before the bot starts."""
    replace_south_manager(config_dir)


def _action(services: Services) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=LEAVER, worker=WORKER,
                            team="south-cin-cp")
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2027-01-08",
                                   LEAVER, MONDAY)


def _say(engine: Engine, user: str, text: str) -> list:
    with time_machine.travel(MONDAY, tick=False):
        return engine.message(user, text, surface="terminal")


def test_a_request_on_a_leavers_audit_goes_to_the_teams_manager_who_may_give_it(engine: Engine,
                                                                                 services: Services) -> None:
    action = _action(services)
    replies = _say(engine, WORKER, f"extend {action} to 22/1 - need the school report first")
    told = flat(replies[0].text, "`*_")
    assert told.startswith(f"I've asked Team manager (South), the team's manager (its auditor has left), for more "
                           f"time on action {action}")
    assert [reply.to_user for reply in replies if reply.to_user] == [NEW]
    given = flat(_say(engine, NEW, f"action {action} due 22/1")[0].text, "`*_")
    assert given.startswith(f"Action {action} (Arrange the statutory visit) is now due Friday 22 January 2027")
    assert action_store.get_action(services.storage, action).due_date == "2027-01-22"


def test_an_admin_changes_a_leavers_audits_action_with_edit(engine: Engine, services: Services) -> None:
    action = _action(services)
    audit_id = action_store.get_action(services.storage, action).audit_id
    out = flat(_say(engine, ADMIN, f"edit {audit_id} action {action} due 22/1")[0].text, "`*_")
    assert "Only the person who did this audit" not in out and "is now due Friday 22 January 2027" in out
    assert action_store.get_action(services.storage, action).due_date == "2027-01-22"


def test_the_new_manager_hands_a_leavers_action_over(engine: Engine, services: Services) -> None:
    action = _action(services)
    out = flat(_say(engine, NEW, f"action {action} owner the manager")[0].text, "`*_")
    assert "not an action of an audit you did" not in out
    assert action_store.get_action(services.storage, action).owner_id == NEW
