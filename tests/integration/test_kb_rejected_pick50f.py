"""Trial 49 (fix50f): a pick the QA lead rejected in `kb learned` is no longer counted on `kb unanswered`.

After `reject 1`, the group asked in those words still said "1 picked `mascot-colour-south`", as if the asker had
found their answer there: the QA lead had just said the entry was the wrong one for those words.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as store
from tests.integration.test_learning import (  # noqa: F401 (the settings fixture, with the mascot entries)
    COLLEAGUE,
    MASCOT,
    PRACTITIONER,
    QA_LEAD,
    pick,
    settings,
)
from tests.support.kb_helpers import all_text


def test_a_rejected_pick_is_not_counted_on_the_unanswered_list(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    engine.message(COLLEAGUE, MASCOT)  # asked again in those words, nothing picked: the group stays listed
    [row] = store.active(services.storage)
    assert "1 picked `mascot-colour-south`" in all_text(engine.command(QA_LEAD, "kb unanswered"))

    engine.message(QA_LEAD, f"reject {row.id}")
    listed = all_text(engine.command(QA_LEAD, "kb unanswered"))

    assert "picked `mascot-colour-south`" not in listed
    assert "offered suggestions, none picked" in listed


def test_a_rejected_pick_undone_is_counted_again(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    engine.message(COLLEAGUE, MASCOT)
    [row] = store.active(services.storage)
    engine.message(QA_LEAD, f"reject {row.id}")

    engine.message(QA_LEAD, "undo")

    assert "1 picked `mascot-colour-south`" in all_text(engine.command(QA_LEAD, "kb unanswered"))
