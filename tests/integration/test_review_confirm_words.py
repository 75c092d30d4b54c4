"""`confirm` at an audit's review (user trial 46, F18): it was refused with "…so I haven't stored that anywhere… type
next", though "confirm" is what people type there. Now `confirm`, `looks good` and `ok submit` do what the review's
own button does (Continue to the overall grade), as `next` does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)  # a Monday, in working hours
AUDITOR = "U0MGRN001"
TO_REVIEW = TO_ACTIONS[:15]  # every question answered: "== Review: audit #1 =="


@pytest.mark.parametrize("typed", ["confirm", "Confirmed.", "looks good", "ok submit", "all good", "submit"])
def test_confirming_words_at_the_review_go_on_to_the_overall_grade(engine: Engine, services: Services,
                                                                    typed: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_REVIEW, typed], user=AUDITOR)
    assert "haven't stored that anywhere" not in flat(out, "`")
    assert store.get_audit(services.storage, 1).step == "overall_grade"
