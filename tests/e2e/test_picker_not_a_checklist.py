"""Text typed at the checklists that is not a checklist gets a clear message and is never noted for the QA leads
(new-user trial: `sw n2`, meant as whose case it is, went on the QA leads' unanswered list as a knowledge question).
A worker typed there is told the checklist comes first and the worker is asked next."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import asks as ask_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
NOTED = ("your question is on the QA leads' list", "I don't know that yet")
FIRST = ("The checklist comes first: pick the one you are auditing against, then I'll ask for the case reference, "
         "and the worker next.")


def noted(services: Services) -> list:
    """The questions noted for the QA leads since the morning."""
    return ask_store.unanswered_since(services.storage, MONDAY - timedelta(hours=12))


@pytest.mark.parametrize(("typed", "whose"), [("sw n2", " (Social worker N2)"), ("SW N1", " (Social worker N1)"),
                                             ("Social worker N2", " (Social worker N2)"),
                                             ("social worker n1", " (Social worker N1)"), ("the worker", "")])
def test_a_worker_typed_at_the_checklists_is_told_the_checklist_comes_first(engine: Engine, services: Services,
                                                                            typed: str, whose: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", typed, "4"])
    said = flat(out, "`")
    assert f"That looks like whose case it is{whose}. {FIRST}" in said
    assert not any(said in out for said in NOTED) and "no question waiting" not in out and noted(services) == []
    assert "Child in need (section 17). Period audited" in said  # the list is offered again: a number picks
    assert store.conversation(services.storage, "U0MGRN001")["awaiting"] == "case_reference"


@pytest.mark.parametrize("typed", ["banana split", "the usual one please", "zzz"])
def test_other_text_at_the_checklists_is_said_not_to_be_one_and_never_noted(engine: Engine, services: Services,
                                                                            typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", typed])
    said = flat(out, "`")
    assert ("I didn't recognise that as a checklist. Pick the one you are auditing against by its number or its "
            "name (child in need, s47), or type cancel if you don't want to start an audit.") in said
    assert said.endswith("18) Voice of the child Bye.")
    assert not any(words in out for words in NOTED) and noted(services) == []


def test_small_talk_and_commands_at_the_checklists_are_still_answered(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "thanks", "show 12"])
    assert "I didn't recognise that as a checklist" not in out
    assert "I can't find that audit (#12)" in out
