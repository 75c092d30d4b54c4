"""Trial 59 (F6): `switch to neglect` dropped 5 answers; `undo` straight after went back one question on Neglect, and
switching back asked the 5 questions again. Now `undo` straight after a switch (or picking the old checklist again)
switches back with the answers the switch dropped, at the step it was at; once a step is taken on the new checklist,
`undo` is one step back again and the dropped answers are gone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_switch_checklist import CIN_STARTED, MANAGER, answers
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

WORKING_DAY = datetime(2026, 12, 8, 10, 5, tzinfo=ZoneInfo("Europe/London"))  # a Tuesday morning
SWITCHED = [*CIN_STARTED, "switch to child protection", "yes"]
ALL_THREE = {"immediate-concern": "no", "assessment-timely": "yes", "need-explained": "no"}


def test_undo_straight_after_a_switch_switches_back_with_the_dropped_answers(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*SWITCHED, "undo"], user=MANAGER)
    said = flat(out, "*`")
    assert "Type undo straight away to switch back with them." in said
    assert ("Undone: audit #1 is on the Child in need (section 17) checklist again, with your 2 answers to questions "
            "2 and 3 back, at the step it was at.") in said
    audit = store.get_audit(services.storage, 1)
    assert audit.checklist_id == "child-in-need" and answers(services) == ALL_THREE
    assert audit.step == "question:plan-smart"  # question 4, where the switch was typed
    assert said.rstrip().endswith("Question 4 of 12) Bye.")


def test_picking_the_old_checklist_again_straight_after_also_brings_the_answers_back(engine: Engine,
                                                                                     services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*SWITCHED, "switch to child in need"], user=MANAGER)
    assert "Undone: audit #1 is on the Child in need (section 17) checklist again" in flat(out, "*`")
    assert answers(services) == ALL_THREE


def test_after_an_answer_on_the_new_checklist_undo_is_one_step_back_again(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*SWITCHED, "yes", "undo"], user=MANAGER)
    assert "Undone" not in out
    audit = store.get_audit(services.storage, 1)
    assert audit.checklist_id == "child-protection-plan" and store.SWITCHED_FROM not in audit.state
    assert "assessment-timely" not in answers(services)


def test_the_moderator_reads_that_the_switch_was_undone(engine: Engine, services: Services) -> None:
    from bot.audits.during_audit import during_audit

    with time_machine.travel(WORKING_DAY, tick=False):
        drive(engine, [*SWITCHED, "undo"], user=MANAGER)
        said = during_audit(services, 1, MANAGER)
    assert ("the checklist was changed from Child in need (section 17) to Child protection plan on 8 Dec (2 answers "
            "taken out); the checklist was changed from Child protection plan to Child in need (section 17) on 8 Dec "
            "(switched back with `undo`, 2 answers put back)") in said, said
