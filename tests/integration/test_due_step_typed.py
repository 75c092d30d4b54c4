"""What is typed at an audit action's "When is it due?" (trial 17, F3).

`in 2 wks` was not read as a date (`in 2 weeks` was), and `action 2 due 23/12` and `done`, typed there, were refused
as dates ("I could not read 'done' as a date"). Now short units are read, `action N due <date>` changes an action
already added (the due date is asked again) or, for a number none has, is the due date of the action being added,
and `done` is told the action being added needs its due date first."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS, WORKER
from tests.support.text import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
FIRST = ["Share the plan with the school.", WORKER, "in 2 wks"]
SECOND = "Convene core group with health present."


def dues(services: Services) -> list[tuple[str, str]]:
    return [(a.description, a.due_date) for a in action_store.actions_of_audit(services.storage, 1)]


def step(services: Services) -> str:
    return store.get_audit(services.storage, 1).step


def test_in_2_wks_is_read_as_in_two_weeks(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST])
    assert "Action 1 added: due Wednesday 16 December 2026 (in 14 days)." in flat(out)
    assert dues(services) == [("Share the plan with the school.", "2026-12-16")]


def test_changing_an_added_action_at_the_due_date_changes_it_and_asks_the_date_again(engine: Engine,
                                                                                       services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST, SECOND, WORKER, "action 1 due 23/12"])
        said = flat(out[out.rindex("When is it due?"):])
        assert step(services).startswith("action_due")
        _, added = drive(engine, ["in a fortnight"])
    assert "I could not read" not in flat(out)
    assert ("Action 1 (Share the plan with the school.) is now due Wednesday 23 December 2026 (in 21 days), not "
            "Wednesday 16 December 2026."
            in flat(out))
    assert "When is it due?" in said
    assert "Action 2 added: due Wednesday 16 December 2026 (in 14 days)." in flat(added)
    assert dues(services) == [("Share the plan with the school.", "2026-12-23"), (SECOND, "2026-12-16")]


def test_the_number_of_the_action_being_added_with_its_date_is_its_due_date(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST, SECOND, WORKER, "action 2 due 23/12"])
    said = flat(out)
    assert ("Action 2 is not added yet, so I've taken 23/12 as the due date of the action you are adding. "
            "Action 2 added: due Wednesday 23 December 2026 (in 21 days).") in said
    assert "I could not read" not in said
    assert dues(services) == [("Share the plan with the school.", "2026-12-16"), (SECOND, "2026-12-23")]


def test_done_at_the_due_date_is_told_the_date_is_wanted_and_stores_nothing(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST, SECOND, WORKER, "done"])
        assert step(services).startswith("action_due") and len(dues(services)) == 1
        _, left = drive(engine, ["back", "back", "done"])
    said = flat(out)
    assert ("The action you are adding (“Convene core group with health present.”) needs its due date before the "
            "actions are done, so nothing is stored yet: type the date, like 18/12 or in two weeks. To leave it out, "
            "type back twice, then done.") in said
    assert "I could not read 'done' as a date" not in said
    assert "Ready to submit?" in flat(left) and len(dues(services)) == 1


def test_every_due_date_confirmation_says_how_far_off_it_is() -> None:
    """Trial 48 (F22): action 1 was confirmed "due Friday 11 December 2026 (in 5 days)", action 2, typed as a date,
    "due Thursday 31 December 2026" with nothing after it: both now say how far off they are, the same way."""
    from datetime import date

    from bot.audits.action_fields import due_said, due_taken_said

    today = date(2026, 12, 6)
    assert due_said("31/12", date(2026, 12, 31), today, "action 2 due")[0] == \
        "**Thursday 31 December 2026** (in 25 days)"
    assert due_said("next friday", date(2026, 12, 11), today, "action 1 due")[0] == \
        "**Friday 11 December 2026** (in 5 days)"
    assert due_said("7/12", date(2026, 12, 7), today, "action 1 due")[0] == "**Monday 7 December 2026** (tomorrow)"
    assert "**Thursday 31 December 2026** (in 25 days), and left it" in due_taken_said("by 31/12", date(2026, 12, 31),
                                                                                       "Share the plan", today)
