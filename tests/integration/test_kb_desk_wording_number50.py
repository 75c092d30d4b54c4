"""Trial 49 (fix50d): a QA lead acting on one wording's own number is told the group as the list shows it.

`kb find` and older messages give each wording its own number, and `kb dismiss 2` still closes the whole group that
holds #2. The reply said "Closed #2" when the list showed that group as #1, so the QA lead could not tell what had
closed. The confirmation now names the listed group, and which wording the number they typed was.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, listed
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values


def two_wordings(engine: Engine, services: Services) -> tuple[str, int]:
    """One group of two wordings: the number the list shows, and the second wording's own number."""
    engine.message(ASKER, "when is the fire drill held")
    engine.message(OTHER, "when is the fire drill held this year")
    [group] = listed(engine)
    [newest] = services.storage.db.execute("SELECT MAX(id) FROM kb_asks").fetchone()
    return button_values([group], "kb.unanswered.answer")[0], int(newest)


def test_dismiss_by_a_wordings_number_names_the_listed_group(engine: Engine, services: Services) -> None:
    listed_as, wording_number = two_wordings(engine, services)
    assert str(wording_number) != listed_as

    said = all_text(engine.command(QA_LEAD, f"kb dismiss {wording_number}"))

    assert (f"Closed #{listed_as} (the group holding #{wording_number}, _when is the fire drill held this year_) "
            "as dismissed (2 questions)") in said
    assert listed(engine) == []
    again = all_text(engine.command(QA_LEAD, f"kb dismiss {listed_as}"))
    assert f"#{listed_as} was already closed (dismissed)" in again


def test_answer_by_a_wordings_number_names_the_listed_group(engine: Engine, services: Services) -> None:
    listed_as, wording_number = two_wordings(engine, services)

    engine.command(QA_LEAD, f"kb answer {wording_number} The fire drill is on the first Monday of each quarter.")
    said = all_text(engine.message(QA_LEAD, "yes"))

    assert f"#{listed_as} (the group holding #{wording_number}, _when is the fire drill held this year_) is closed" \
        in said
