"""Resuming keeps the "which manager?" question (new-user trial): `the manager` typed as an action's owner, where the
case's team has several managers, asks which of them; a draft paused there, or left for a new terminal session,
showed the owner step again without that question, so the manager did not know it was still waiting."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_owners import (
    DEPUTY,
    NORTH_MANAGER,
    SOUTH_MANAGER,
    campaign_audit_at_the_owner,
    draft_owner,
    owner_ids,
    two_south_managers,
)
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
WHICH = "South Child in Need and Protection has 2 team managers: which one owns this action?"
__all__ = ["two_south_managers"]  # the fixture, used by name


def test_resume_shows_the_which_manager_question_still_waiting_and_its_buttons_work(
        two_south_managers: None, engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        audit_id, _ = campaign_audit_at_the_owner(engine, services)
        engine.message(NORTH_MANAGER, "the manager", surface="terminal")
        engine.message(NORTH_MANAGER, "pause", surface="terminal")
        resumed = engine.message(NORTH_MANAGER, "resume", surface="terminal")
        assert WHICH in resumed[-1].text and owner_ids([resumed[-1]]) == [SOUTH_MANAGER, DEPUTY]
        deputy = next(c for c in resumed[-1].choices if c.value.endswith(DEPUTY))
        after = engine.action(NORTH_MANAGER, deputy.action, deputy.value, surface="terminal")
    assert not any(r.kind == "error" for r in after) and any("When is it due?" in r.text for r in after)
    assert draft_owner(services, audit_id) == DEPUTY


def test_a_new_terminal_session_picks_up_at_the_question_and_a_number_answers_it(
        two_south_managers: None, engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        audit_id, _ = campaign_audit_at_the_owner(engine, services)
        engine.message(NORTH_MANAGER, "the manager", surface="terminal")
        _, out = drive(engine, ["2"], user=NORTH_MANAGER)
    waiting = flat(out.split(f"Picking up audit #{audit_id} (", 1)[1].split(" at an action's owner:", 1)[1], "`")
    assert ("Action: Update the chronology and share the plan with the school. "
            f"{WHICH} Or type another owner: the worker, me, or a name as I write it. 1) Team manager (South) (the "
            "case's team manager) 2) Deputy team manager (South) (the case's team manager) 3) Back") in waiting
    assert draft_owner(services, audit_id) == DEPUTY


def test_once_an_owner_is_picked_the_question_is_not_shown_again(two_south_managers: None, engine: Engine,
                                                                 services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        campaign_audit_at_the_owner(engine, services)
        engine.message(NORTH_MANAGER, "the manager", surface="terminal")
        engine.message(NORTH_MANAGER, "the worker", surface="terminal")  # picked otherwise: the question is over
        engine.message(NORTH_MANAGER, "back", surface="terminal")  # back to the owner step
        replies = engine.message(NORTH_MANAGER, "pause", surface="terminal")
        replies = engine.message(NORTH_MANAGER, "resume", surface="terminal")
    assert replies and all(WHICH not in r.text for r in replies)
