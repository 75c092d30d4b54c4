"""`resume` names the audit it carries on with by its case and checklist (trial 17, F5): "Carrying on with audit #1
where you stopped." named nothing a manager back from a few days away would know it by."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def test_resume_says_the_case_reference_and_the_checklist(engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        drive(engine, ["start audit voice of the child", "CR-40211", "1", "no", "pause"])
        _, out = drive(engine, ["resume"])
    said = flat(out)
    assert ("Carrying on with audit #1 (CR-40211, Voice of the child) where you stopped. Seeing and hearing the child "
            "When was the child last seen") in said
