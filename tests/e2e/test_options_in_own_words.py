"""A manager answering a choice question in their own words (trial: `step down to EH` at "What does the child need
now?" and `still delayed, actions rolled over` at "Is there evidence of drift or delay?" were told to pick an option):
the option they mean is stored and said back, so a wrong reading shows at once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
NOTE = "Visits and the plan on file show the child was seen and heard."
TO_NEXT_STEP = ["/audit start child-in-need", "CR-100200", "1", *["2"] * 6, NOTE, "2", "2", "2", "3"]
TO_DRIFT = ["/audit start case-audit", "CR-100200", "1", *["2"] * 5, NOTE, "03/10/2026", "1", "2", "2", "2", NOTE, "2"]


def test_step_down_to_eh_is_step_down_to_early_help(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_NEXT_STEP, "step down to EH"])
    assert "Got it: Step down to early help." in flat(out, "`")
    assert "Please pick one of the options" not in out
    assert store.answers_of(services.storage, 1)["next-step"].value == "Step down to early help"


def test_still_delayed_with_actions_rolled_over_is_a_delay_still_continuing_with_its_note(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_DRIFT, "still delayed, actions rolled over"])
    assert "Got it: Delay that is still continuing, with your note: “actions rolled over”." in flat(out, "`")
    assert "Please pick one of the options" not in out
    answer = store.answers_of(services.storage, 1)["drift"]
    assert (answer.value, answer.evidence) == ("Delay that is still continuing", "actions rolled over")


def test_two_words_of_one_option_among_the_persons_own_pick_it_when_nothing_else_reads(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_DRIFT, "still delayed as actions rolled over"])
    assert "Got it: Delay that is still continuing." in flat(out, "`")
    assert store.answers_of(services.storage, 1)["drift"].value == "Delay that is still continuing"
