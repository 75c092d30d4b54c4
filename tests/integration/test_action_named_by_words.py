"""Trial 41 (MEDIUM 8): at the actions step, `actually make the minutes one due end of this month` created the action
"actually make the minutes one". A line changing "the X one" now changes the audit's action whose words hold X (its
due date, as `action N due <date>`), asks which when several do, and says what there is when none does: never a new
action. The clock is pinned, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)  # a Thursday: the end of this month is Thursday 31 December
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
TWO = ["Share the minutes of the core group with the school.", WORKER, "18/12/2026",
       "Book a review with the health visitor.", WORKER, "18/12/2026"]


def _typed(engine: Engine, lines: list[str]) -> str:
    said = []
    with time_machine.travel(DRAFTED, tick=False):
        for line in lines:
            said = engine.message(AUDITOR, line, surface="terminal")
    return flat("\n".join(reply.text for reply in said), "`")


def _descriptions(services: Services) -> dict[str, date]:
    return {a.description: date.fromisoformat(a.due_date) for a in action_store.actions_of_audit(services.storage, 1)}


def test_the_minutes_one_made_due_changes_that_action_and_adds_none(engine: Engine, services: Services) -> None:
    said = _typed(engine, [*TO_ACTIONS, *TWO, "actually make the minutes one due end of this month"])
    assert "I've read that as action" in said and "(the “minutes” one)" in said, said
    assert _descriptions(services) == {"Share the minutes of the core group with the school.": date(2026, 12, 31),
                                       "Book a review with the health visitor.": date(2026, 12, 18)}


def test_words_no_action_holds_store_nothing_and_say_which_there_are(engine: Engine, services: Services) -> None:
    said = _typed(engine, [*TO_ACTIONS, *TWO, "change the chronology one to 31/12"])
    assert "None of audit #1's open actions mentions “chronology”, so I haven't stored anything." in said, said
    assert len(_descriptions(services)) == 2


def test_words_several_actions_hold_ask_which(engine: Engine, services: Services) -> None:
    said = _typed(engine, [*TO_ACTIONS, *TWO, "Ask the school nurse to join the review.", WORKER, "18/12/2026",
                           "make the review one due 31/12"])
    assert "More than one action mentions “review”" in said and "Which one?" in said, said
    assert len(_descriptions(services)) == 3
    assert all(due == date(2026, 12, 18) for due in _descriptions(services).values())
