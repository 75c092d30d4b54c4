"""Fix 37: after an owner withdrew a request for more time, the approver's stale buttons must not give it, and a new
date the approver sets themselves (`action 110 due …`, or `extend 110 to …`, which told them only the owner asks) is
their own change: the owner is told so, and the trail never records the withdrawn request as given."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 12, 4, 15, 0, tzinfo=LONDON)  # in the worker's hours: her DMs go at once (fix44d)
AUDITOR, MANAGER, WORKER = "U0MGRS001", "U0MGRN001", "U0PRAN001"
GIVE = "actions.more_time_give"


def _action(services: Services, status: str = "moderated") -> int:
    """An open action due Monday 7 December 2026; on a moderated audit the worker's manager answers."""
    audit_id = insert_audit(services.storage, "CR-123456", FRIDAY, auditor=AUDITOR, status=status)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-07",
                                   AUDITOR, FRIDAY)


def _trail(services: Services, what: str) -> list[dict[str, object]]:
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = ? ORDER BY id", [what]).fetchall()
    return [json.loads(row[0]) for row in rows]


def _due(services: Services, action: int) -> str:
    found = action_store.get_action(services.storage, action)
    assert found is not None
    return found.due_date


def _withdrawn(engine: Engine, action: int) -> None:
    engine.message(WORKER, f"extend action {action} to 14/12, family away", surface="terminal")
    engine.message(WORKER, f"withdraw {action}", surface="terminal")


@pytest.mark.parametrize("typed", ["action {n} due 15/12", "extend {n} to 15/12", "/audit extend {n} to 15/12"])
def test_the_managers_own_new_date_is_not_recorded_as_giving_the_withdrawn_request(
        engine: Engine, services: Services, typed: str) -> None:
    action = _action(services)
    with time_machine.travel(FRIDAY, tick=False):
        _withdrawn(engine, action)
        mine, told = engine.message(MANAGER, typed.format(n=action), surface="terminal")
        [status] = engine.message(WORKER, f"did i get more time on {action}?", surface="terminal")
    assert _due(services, action) == "2026-12-15"
    assert flat(mine.text, "_*`") == (f"Action {action} (Arrange the statutory visit) is now due Tuesday 15 December "
                                      "2026 (in 11 days), not Monday 7 December 2026: your own change, since Social "
                                      "worker N1 withdrew their request for more time on 4 Dec. I've told them, and "
                                      "the earlier date is kept in the audit's history.")
    assert told.to_user == WORKER and flat(told.text, "_*`").startswith(
        f"Team manager (North) changed the due date of your action {action}, “Arrange the statutory visit” (audit #1, "
        "CR-123456) themselves (you "
        "withdrew your request for more time on 4 Dec): it is now due Tuesday 15 December 2026 (in 11 days)")
    assert "gave you more time" not in told.text
    assert _trail(services, "action.more_time_given") == []
    assert _trail(services, "action.due_set") == [{"action": action, "until": "2026-12-15"}]
    assert status.text.startswith(f"You withdrew your request for more time on action {action}")


def test_a_waiting_request_is_still_given_as_before(engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(FRIDAY, tick=False):
        engine.message(WORKER, f"extend action {action} to 14/12", surface="terminal")
        _, told = engine.message(MANAGER, f"extend {action} to 14/12", surface="terminal")
    assert told.to_user == WORKER and "Team manager (North) gave you more time on action" in told.text
    assert _trail(services, "action.more_time_given") == [{"action": action, "until": "2026-12-14"}]


def test_the_withdrawn_requests_button_gives_nothing_once_another_day_is_asked(engine: Engine,
                                                                              services: Services) -> None:
    action = _action(services)
    with time_machine.travel(FRIDAY, tick=False):
        _withdrawn(engine, action)
        engine.message(WORKER, f"extend action {action} to 18/12, health visit moved", surface="terminal")
        [stale] = engine.action(MANAGER, GIVE, f"{action}:2026-12-14")
        fresh = engine.action(MANAGER, GIVE, f"{action}:2026-12-18")
    assert stale.text == (f"That button is from an earlier request for more time on action {action} (_Arrange the "
                          f"statutory visit_, audit #1, CR-123456). Social worker "
                          f"N1's request waiting now asks for 18 Dec 2026: use its buttons, or type `action {action} "
                          "due 18/12`. Nothing changed: it stays due 7 Dec 2026.")
    assert _due(services, action) == "2026-12-18" and [r.to_user for r in fresh] == [None, WORKER]
    assert _trail(services, "action.more_time_given") == [{"action": action, "until": "2026-12-18"}]


def test_extend_without_a_day_from_the_manager_says_how_to_set_it(engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(FRIDAY, tick=False):
        [said] = engine.message(MANAGER, f"extend {action}", surface="terminal")
    assert said.kind == "error" and said.text.startswith(
        f"`extend` is how an action's owner asks for more time. To set action {action}'s date yourself, type "
        f"`action {action} due <date>`")
    assert _due(services, action) == "2026-12-07"


def test_extend_from_someone_who_may_not_set_the_date_is_still_told_only_the_owner_asks(
        engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(FRIDAY, tick=False):
        [refused] = engine.message("U0PRAN002", f"extend {action} to 15/12", surface="terminal")
    assert refused.kind == "error" and refused.text.startswith(f"Only the owner of action {action} asks")
    assert _due(services, action) == "2026-12-07"


def test_the_auditor_typing_extend_after_a_withdrawal_sets_it_as_their_own_change(engine: Engine,
                                                                                  services: Services) -> None:
    """On a submitted audit the auditor answers: `extend` from them sets the date as `action … due` does."""
    action = _action(services, status="submitted")
    with time_machine.travel(FRIDAY, tick=False):
        _withdrawn(engine, action)
        mine, told = engine.message(AUDITOR, f"extend action {action} to 16/12", surface="terminal")
    assert _due(services, action) == "2026-12-16" and "your own change" in mine.text
    assert told.to_user == WORKER and "themselves (you withdrew your request" in told.text
    assert _trail(services, "action.more_time_given") == []
