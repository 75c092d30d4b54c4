"""Trial 61 G3: at an audit's actions step `update the chronology after new year` was kept whole and "When is it due?"
asked, where `… by 25/12` has its date read from the text. It is now taken as the due date and said back; `discuss
new year contact arrangements with mum` is still kept whole and its due date asked. Clock pinned to the trial's day,
so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_action_due_in_its_text import LONDON, TO_ACTIONS
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)


def test_after_new_year_at_the_end_of_an_action_is_its_due_date(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "update the chronology after new year", "1"])
    said = " ".join(out.split())
    assert ("I've taken “after new year” as the action's due date, Monday 4 January 2027 (in 28 days), the first "
            "working day after New Year, and left it out of its text: “update the chronology”.") in said, said
    assert "When is it due" not in said
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.due_date) == ("update the chronology", "2027-01-04")


def test_new_year_as_what_the_action_is_about_is_kept_and_the_due_date_asked(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "discuss new year contact arrangements with mum", "1", "18/12"])
    assert "When is it due" in " ".join(out.split()) and "I've taken" not in out
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.due_date) == ("discuss new year contact arrangements with mum", "2026-12-18")
