"""Trial 32: at "Cancel audit #N?", `no keep it, just pause it` was read as a worker's name ("I don't know that
person"), and the next `cancel` then cancelled at once without asking. A no (or keep) in more words keeps the audit,
pause among them pauses it too, and text that answers neither drops the question so a later `cancel` asks again."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY

AT_WORKER = ["start audit child protection plan", "CR-448812"]
ASKED = "Cancel audit #1"


def _flat(out: str) -> str:
    return " ".join(out.split())


def test_no_keep_it_just_pause_it_keeps_and_pauses(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_WORKER, "cancel", "no keep it, just pause it"])
    after = _flat(out).split(ASKED)[-1]
    assert "I don't know that person" not in after
    assert "audit #1 is not cancelled" in after and "Paused audit #1" in after
    audit = store.get_audit(services.storage, 1)
    assert audit.status == "draft" and audit.state.get("paused") is True


@pytest.mark.parametrize("no", ["no keep it please", "nope, keep going", "keep it open"])
def test_a_no_in_more_words_keeps_the_audit(engine: Engine, services: Services, no: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_WORKER, "cancel", no])
    assert "audit #1 is not cancelled" in _flat(out).split(ASKED)[-1]
    assert store.get_audit(services.storage, 1).status == "draft"


def test_a_later_cancel_asks_again_after_text_that_answered_neither(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_WORKER, "cancel", "social worker zz9", "cancel"])
    assert _flat(out).count(ASKED) == 2  # asked again, not cancelled at once
    assert store.get_audit(services.storage, 1).status == "draft"
