"""The QA lead's `kb learned` list, read as a QA lead reads it (fix50d, walking the whole flow in the terminal).

- Its note said "Or type `accept 12` / `reject 12`" whatever the wordings' numbers were: with one wording, #1, a QA
  lead typing what it said was told there is no wording #12. It now names a listed wording's own number.
- A wording one person picked was listed as "one pick, not yet trusted (… others see it first among “Did you
  mean…”)" and then warned "(!) Asked in these words today, it finds no entry outright (people get “Did you
  mean…”)": the same fact as a fault. The warning is kept for when it says something else.
- With none waiting, it said picked words "find that entry from then on", which a single pick no longer does.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as store
from tests.integration.test_learning import (  # noqa: F401 (the settings fixture, with the mascot entries)
    MASCOT,
    PRACTITIONER,
    QA_LEAD,
    pick,
    settings,
)
from tests.support.kb_helpers import all_text


def test_the_learned_list_names_its_own_wordings_numbers_to_type(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [row] = store.active(services.storage)

    listed = engine.command(QA_LEAD, "kb learned")

    assert f"`accept {row.id}` / `reject {row.id}` with the wording's number" in all_text(listed)
    assert "accept 12" not in all_text(listed)


def test_one_pick_is_not_warned_of_as_a_fault_for_what_its_trust_line_says(engine: Engine) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")

    said = all_text(engine.command(QA_LEAD, "kb learned"))

    assert "one pick, not yet trusted" in said and "others see it first among “Did you mean…”" in said
    assert "finds no entry outright" not in said and "except where said" not in said


def test_with_none_waiting_it_says_how_far_a_pick_reaches(engine: Engine) -> None:
    said = all_text(engine.command(QA_LEAD, "kb learned"))

    assert "has learned no wordings yet" in said
    assert "outright for them, and for everyone once a second person picks it or you accept it" in said
    assert "from then on" not in said
