"""The away-owner notice speaks to the person typing when they made themselves the owner (trial 17, F7).

A manager marked away gave an action to `me` and was told "Heads up: Team manager (North) is away until …", their
own display name in the third person. Now it says "You are away until …"; another owner away is still named."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_action_due_in_its_text import TO_ACTIONS
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 8, 9, 50, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"


def test_an_auditor_away_who_owns_the_action_is_spoken_to(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        drive(engine, ["/audit away until 24/12/2026"])
        _, out = drive(engine, [*TO_ACTIONS, "Review the plan with the family", "me", "fri 18th"])
    said = flat(out, "`*")
    assert ("You are away until Thursday 24 December 2026, so check the due date, asked next. You can pick someone "
            "else once it is added, with action <its number> owner …, or keep it yourself.") in said
    assert said.index("You are away until") < said.index("When is it due?")
    assert "Team manager (North) is away" not in said and "Heads up" not in said.split("Audit #1 of")[-1]
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.owner_id, action.due_date) == (AUDITOR, "2026-12-18")


def test_someone_else_away_is_still_named(engine: Engine) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        drive(engine, ["/audit away until 24/12/2026"], user=WORKER)
        _, out = drive(engine, [*TO_ACTIONS, "Review the plan with the family", "the worker"])
    said = flat(out, "`*")
    assert "Heads up: Social worker N1 is away until Thursday 24 December 2026" in said
    assert "You are away" not in said
