"""A command typed while an audit is being started runs, and the start follows (trial: `home` at the checklists
picked "Exploitation, missing and harm outside the home" for its last word, and `actions` at the case reference was
told it did not look like a case reference). A checklist's own name, and a case reference, are still what they are."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
PICK = ("Back to starting an audit: Pick the checklist for the audit by its number or its name, or type cancel if you "
        "don't want to start an audit.")


def awaiting(services: Services) -> str | None:
    return store.conversation(services.storage, "U0MGRN001").get("awaiting")


def test_home_at_the_checklists_shows_the_home_then_the_checklists(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "home"])
    said = flat(out, "`")
    assert "== Your audits ==" in out
    assert "What is the case reference?" not in out
    assert (f"{PICK} If you meant Exploitation, missing and harm outside the home rather than the command home, pick "
            "it below.") in said
    assert said.endswith("18) Voice of the child Bye.")  # the checklists are the latest menu: a number picks one
    assert awaiting(services) == "choose_checklist"


def test_a_number_after_the_command_picks_from_the_checklists_shown_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "home", "9"])
    assert "Exploitation, missing and harm outside the home. Period audited" in flat(out, "`")
    assert awaiting(services) == "case_reference"


@pytest.mark.parametrize(("typed", "answer"), [("actions", "You have no open actions from audits."),
                                               ("show 12", "I can't find that audit (#12), or it is not one"),
                                               ("away", "You are not marked away")])
def test_other_commands_at_the_checklists_run_and_the_checklists_follow(engine: Engine, services: Services,
                                                                        typed: str, answer: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", typed])
    said = flat(out, "`")
    assert answer in said and f"{PICK} 1) Care leavers" in said
    assert "I didn't recognise that as a checklist" not in said and "If you meant" not in said
    assert awaiting(services) == "choose_checklist"


def test_a_checklists_own_name_is_still_picked(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "neglect"])
    assert "Neglect. Period audited" in flat(out, "`") and "Back to starting" not in out
    assert awaiting(services) == "case_reference"


def test_a_command_at_the_case_reference_runs_and_the_reference_is_asked_again(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "neglect", "actions"])
    said = flat(out, "`")
    assert "You have no open actions from audits. Back to starting an audit: Neglect. Period audited" in said
    assert "doesn't look like a case reference" not in said
    assert awaiting(services) == "case_reference"


def test_a_case_reference_that_reads_as_a_command_is_still_the_reference(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "neglect", "show 1234"])
    assert "Audit #1 of SHOW-1234 (Neglect)" in flat(out, "`")
    assert "I can't find that audit" not in out
