"""Trial 43, finding 30: "i want to audit one of s1's cin cases" showed all 18 checklists with nothing picked. Now the
checklist the words name is picked (`cin` is Child in need), and the worker named is said back, to be asked about
after the case reference."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.text import flat

MANAGER = "U0MGRS001"  # Team manager (South); Social worker S1 is in the team


@pytest.mark.parametrize(("typed", "title"), [("i want to audit one of s1's cin cases", "Child in need (section 17)"),
                                              ("hi can i audit one of s1\u2019s cp cases please",
                                               "Child protection plan"),
                                              ("can i audit a neglect case for social worker s1", "Neglect")])
def test_the_checklist_named_is_picked_and_the_worker_said_back(engine: Engine, services: Services, typed: str,
                                                                title: str) -> None:
    worker, asked = engine.message(MANAGER, typed, surface="terminal")
    assert flat(worker.text, "`*_") == ("A case of Social worker S1: I'll ask whose case it is after the case "
                                        "reference, so you can pick them then.")
    assert flat(asked.text, "`*_").startswith(f"{title}.") and asked.text.endswith("What is the case reference?")


def test_a_worker_alone_is_said_back_over_the_whole_list(engine: Engine, services: Services) -> None:
    worker, asked = engine.message(MANAGER, "i want to audit one of s1's cases", surface="terminal")
    assert "Social worker S1" in worker.text
    assert len(asked.choices) == 18 and "Which checklist" in asked.text
