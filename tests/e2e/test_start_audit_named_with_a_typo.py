"""`start audit <name>` reads the name as the checklist picker does (trial 17, F2).

`start audit voice of teh child` said "There is no checklist called voice of teh child" and listed every id, while
the picker, given the same typo after `start audit`, said "I took that as Voice of the child". Now the name after
`start audit` (or `/audit start`) is matched as the picker matches it, said back the same way; words that fit
several checklists, or none, get the pick list, which waits for a number, never a wall of ids."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
IDS = "voice-of-the-child (Voice of the child)"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("typed", ["start audit voice of teh child", "/audit start voice of teh child"])
def test_a_typo_after_start_audit_is_taken_as_the_picker_takes_it(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [typed, "CR-40211", "1"])
    said = flat(out)
    assert ("I took that as Voice of the child (type back at the next question to pick another checklist). "
            "Voice of the child. Period audited: the last 6 months. What is the case reference?") in said
    assert "There is no checklist called" not in said and IDS not in said
    assert "Audit #1 of CR-40211 (Voice of the child)" in said
    assert store.get_audit(services.storage, 1).checklist_id == "voice-of-the-child"


def test_a_name_that_fits_no_checklist_offers_the_pick_list_which_a_number_answers(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit frobnicate", "18", "CR-40211"])
    said = flat(out)
    assert "I didn't recognise that as a checklist's name. Pick one of these:" in said
    assert "18) Voice of the child" in said and IDS not in said and "There is no checklist called" not in said
    assert "You picked 18: Voice of the child" in said and "Audit #1 of CR-40211 (Voice of the child)" in said


def test_a_name_that_fits_several_names_them_and_offers_the_pick_list(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit child", "cancel"])
    said = flat(out)
    assert ("More than one checklist fits: Child in need (section 17), Child protection plan, Voice of the child. "
            "Pick one of these:") in said
    assert IDS not in said and "OK, no audit started." in said


def test_a_case_started_from_its_reference_keeps_it_when_the_name_after_start_audit_is_a_typo(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        engine.message("U0MGRN001", "CR-40211")
        engine.action("U0MGRN001", "audit.start_case", "CR-40211")
        _, out = drive(engine, ["start audit chld protection plan", "1"])
    said = flat(out)
    assert "I took that as Child protection plan" in said and "Audit #1 of CR-40211" in said
    assert "What is the case reference?" not in said
