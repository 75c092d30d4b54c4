"""Trial 49 (F5): at 10 "Where care has not improved in the child's timescale, was escalation … considered?" a manager
whose plan was not specific (7 No) and who offered no support (8 No) typed `n/a` and was told "Got it: Not
applicable.". The checklist marks that question `na_doubted_by`, so the N/A is now asked about once, `keep` or `no`,
never blocked and never asked twice."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

WORKING_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday, in working hours
# 1 no concern, 2 GCP2 used yes, 2a yes, 3-5 yes, 6 Good with a note; then 7 and 8 as given, 9 no earlier plans
UNDERSTOOD = ["/audit start neglect", "CR-551234", "1", "no", "yes", "yes", "yes", "yes", "yes",
              "good, GCP2 scored twice and the chronology is current"]
ASKED = ("Not applicable at 10 sits oddly with questions 7 and 8 answered No, which suggest care has not improved. "
         "Keep Not applicable (keep) or change it to No (no)?")


def _flat(out: str) -> str:
    return " ".join(out.split())


def test_na_after_a_vague_plan_is_asked_about_once_and_keep_keeps_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*UNDERSTOOD, "no", "no", "0", "n/a", "keep"])
    said = _flat(out)
    assert said.count(ASKED) == 1, said[-1500:]
    assert store.answers_of(services.storage, 1)["escalated"].value == "na"


def test_no_after_the_question_changes_the_answer(engine: Engine, services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*UNDERSTOOD, "no", "no", "0", "n/a", "no"])
    assert ASKED in _flat(out)
    assert store.answers_of(services.storage, 1)["escalated"].value == "no"


def test_na_typed_again_is_taken_without_asking_twice(engine: Engine, services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*UNDERSTOOD, "no", "no", "0", "n/a", "n/a"])
    assert _flat(out).count(ASKED) == 1
    assert store.answers_of(services.storage, 1)["escalated"].value == "na"


def test_a_drift_note_is_named(engine: Engine, services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*UNDERSTOOD, "yes", "yes, parenting course and nursery place - but drift since summer",
                                "0", "n/a", "keep"])
    assert ("Not applicable at 10 sits oddly with the note “parenting course and nursery place - but drift since "
            "summer”") in _flat(out)


def test_na_after_a_specific_plan_and_support_is_taken_as_before(engine: Engine, services: Services) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*UNDERSTOOD, "yes", "yes", "0", "n/a"])
    said = _flat(out)
    assert "sits oddly" not in said and "Got it: Not applicable." in said
    assert store.answers_of(services.storage, 1)["escalated"].value == "na"
