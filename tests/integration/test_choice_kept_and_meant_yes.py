"""Trial 35 (M5, LOW 2): a question asked while a choice waits dropped the choice, and `yes` to "Did you mean `digest
last month`?" was told "There's no question waiting". Now the question is answered and the choice stays waiting
(one line says so), and a typed `yes` runs the command a "Did you mean" offers."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.support.kb_helpers import all_text

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
SUNDAY_DEADLINE = ("campaign create name=Neglect Jan theme=neglect checklist=neglect teams=north,south start=today "
                   "deadline=31 jan per-worker=2 auditors=peer moderate=25")


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2026, 12, 5, 11, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def test_a_question_at_the_weekend_deadline_choice_keeps_the_choice(engine: Engine, services: Services) -> None:
    engine.message(QA, SUNDAY_DEADLINE, surface="terminal")
    answered = engine.message(QA, "what does peer mean?", surface="terminal")
    assert answered[-1].text == ("The choice above is still waiting: type `29/1` or `31/1 anyway` (or press "
                                 "**Use Friday 29/1** or **Keep Sunday 31/1**).")
    assert not store.list_campaigns(services.storage)
    created = engine.message(QA, "29/1", surface="terminal")
    assert "There's no question waiting" not in all_text(created)
    [campaign] = store.list_campaigns(services.storage)
    assert campaign.deadline == date(2027, 1, 29)


def test_other_words_at_the_choice_still_set_it_aside(engine: Engine, services: Services) -> None:
    engine.message(QA, SUNDAY_DEADLINE, surface="terminal")
    engine.message(QA, "digest", surface="terminal")
    assert "There's no question waiting" in all_text(engine.message(QA, "29/1", surface="terminal"))
    assert not store.list_campaigns(services.storage)


def test_yes_to_did_you_mean_runs_the_command(engine: Engine) -> None:
    offered = engine.message(QA, "digets last month", surface="terminal")
    assert "Did you mean `digest last month`? Type `yes` to run it." in all_text(offered)
    ran = engine.message(QA, "yes", surface="terminal")
    assert "November 2026" in all_text(ran) and "no question waiting" not in all_text(ran)
    assert "no question waiting" in all_text(engine.message(QA, "yes", surface="terminal"))  # once only


def test_yes_after_something_else_does_not_run_an_old_suggestion(engine: Engine) -> None:
    engine.message(QA, "digets last month", surface="terminal")
    engine.message(QA, "what is a strategy discussion?", surface="terminal")
    assert "no question waiting" in all_text(engine.message(QA, "yes", surface="terminal"))
