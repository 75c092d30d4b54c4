"""Trial 51 (F14): `submit` -> "Audit #1 is submitted… 1) Change answers"; a stray `1` reopened it at once and took it
out of the moderation queue. In the terminal chat *Change answers* picked by its number now asks first, as *Done*
does (bot.audits.reopen_picked); `yes` reopens it, `no` (or `cancel`) leaves it submitted. The button pressed (in
Slack) stays one tap."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_earlier_actions import AUDITOR, FIRST_AUDIT

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # a working morning: nothing is held for quiet hours
ASKED = ("Reopen submitted audit #1 to change its answers? It leaves the moderation queue until you submit it "
         "again. 1) Yes, change answers 2) No, leave it submitted")


def chat(engine: Engine, lines: list[str]) -> str:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, lines, user=AUDITOR)
    return " ".join(out.replace("`", "").split())


def _status(services: Services) -> str:
    audit = store.get_audit(services.storage, 1)
    assert audit is not None
    return audit.status


def test_change_answers_picked_by_number_asks_first(engine: Engine, services: Services) -> None:
    said = chat(engine, [*FIRST_AUDIT, "1"])
    assert "→ You picked 1: Change answers" in said
    assert ASKED in said, said[-600:]
    assert "== Review: audit #1 ==" not in said.split("You picked 1: Change answers")[1]
    assert _status(services) == "submitted"


@pytest.mark.parametrize("no", ["2", "no", "cancel", "stop"])
def test_no_or_cancel_leaves_it_submitted(engine: Engine, services: Services, no: str) -> None:
    said = chat(engine, [*FIRST_AUDIT, "1", no])
    assert said.endswith("Not reopened: audit #1 stays submitted for moderation, nothing changed. To change its "
                         "answers later, type /audit edit 1. Bye."), said[-400:]
    assert _status(services) == "submitted"


@pytest.mark.parametrize("yes", ["1", "yes"])
def test_yes_reopens_it_at_its_review(engine: Engine, services: Services, yes: str) -> None:
    said = chat(engine, [*FIRST_AUDIT, "1", yes]).split(ASKED)[1]
    assert "Audit #1 is open for changes and out of the moderation queue" in said
    assert "== Review: audit #1 ==" in said
    assert _status(services) == "draft"


def test_the_button_pressed_reopens_at_once(engine: Engine, services: Services) -> None:
    chat(engine, FIRST_AUDIT)
    with time_machine.travel(WEDNESDAY, tick=False):
        said = engine.action(AUDITOR, "audit.reopen", "1", surface="dm")
    assert said[0].text.startswith("Audit #1 is open for changes")
    assert _status(services) == "draft"
