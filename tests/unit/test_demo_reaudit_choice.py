"""The demo's re-audits always include one that found practice worse when any case due could get worse: whichever
cases the seed happens to draw, `/audit reaudits outcomes` on demo data then has a "worse" to `/audit compare`."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

from bot.digests.demo_reaudits import chosen_cases, planned_grades


class NeverDrawn(random.Random):
    """A random stream whose every draw is above the share re-audited, so no case is chosen by chance."""

    def random(self) -> float:
        return 0.99


def due(*grades: str) -> list[Any]:
    return [SimpleNamespace(audit=SimpleNamespace(id=n, grade_of_record=grade)) for n, grade in enumerate(grades)]


def test_a_case_that_can_get_worse_is_reaudited_and_gets_worse_when_none_was_drawn() -> None:
    cases = due("inadequate", "inadequate", "requires_improvement", "inadequate")
    chosen = chosen_cases(cases, NeverDrawn())
    assert chosen == [cases[2]]
    assert planned_grades(chosen, NeverDrawn()) == ["inadequate"]


def test_only_inadequate_cases_due_give_no_worse_and_drawn_cases_keep_their_order() -> None:
    assert chosen_cases(due("inadequate", "inadequate"), NeverDrawn()) == []
    cases = due("inadequate", "requires_improvement", "inadequate", "requires_improvement")
    chosen = chosen_cases(cases, random.Random(3))
    assert chosen == sorted(chosen, key=cases.index)
    assert "inadequate" in [g for item, g in zip(chosen, planned_grades(chosen, random.Random(3)), strict=True)
                            if item.audit.grade_of_record == "requires_improvement"]
