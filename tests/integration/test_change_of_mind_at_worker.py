"""Trial 35 (M8): `re-audit cr667874`, then `actually no, leave that for the TM` at "Whose case is it?" was "I don't
know that person" and the draft stayed, marking the re-audit as under way. A change of mind at the worker step now
asks the existing cancel question (bot.audits.change_of_mind), and `yes` cancels the draft."""

from __future__ import annotations

import pytest

from bot.audits.change_of_mind import changed_mind
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_reaudit_typed import OVERDUE
from tests.integration.test_reaudits import NORTH_MANAGER, SUBMITTED, Cases, at, text


@pytest.mark.parametrize("typed", ["actually no, leave that for the TM", "leave it", "not now", "nah",
                                   "never mind", "Actually no"])
def test_a_change_of_mind_at_the_worker_step_offers_cancelling(engine: Engine, services: Services,
                                                                typed: str) -> None:
    Cases(services).audit("CR-100090", "inadequate", SUBMITTED)
    with at(OVERDUE):
        engine.message(NORTH_MANAGER, "re-audit CR-100090", surface="terminal")
        [draft] = store.drafts_of(services.storage, NORTH_MANAGER)
        said = text(engine.message(NORTH_MANAGER, typed, surface="terminal"))
        assert "I don't know that person" not in said
        assert "That sounds like a change of mind, so I haven't taken it as the worker." in said
        assert f"Cancel audit #{draft.id} (" in said
        done = text(engine.message(NORTH_MANAGER, "yes", surface="terminal"))
    assert f"Audit #{draft.id} is cancelled." in done
    assert store.drafts_of(services.storage, NORTH_MANAGER) == []


def test_keeping_it_goes_back_to_the_worker_step(engine: Engine, services: Services) -> None:
    Cases(services).audit("CR-100090", "inadequate", SUBMITTED)
    with at(OVERDUE):
        engine.message(NORTH_MANAGER, "re-audit CR-100090", surface="terminal")
        engine.message(NORTH_MANAGER, "not now", surface="terminal")
        engine.message(NORTH_MANAGER, "no, keep it", surface="terminal")
    [draft] = store.drafts_of(services.storage, NORTH_MANAGER)
    assert draft.step == "worker"


@pytest.mark.parametrize("typed", ["Social worker N1", "noah", "Norris", "the worker", "me", "U0PRAN001"])
def test_names_are_not_a_change_of_mind(typed: str) -> None:
    assert not changed_mind(typed)
