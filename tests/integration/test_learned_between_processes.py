"""Learning from use across processes (fix50d): a wording people picked from "Did you mean…" in one process (a
terminal chat, one bot instance) is answered outright by another process on the same database, started before, from
its next message, as a `kb link` or `kb new` is (tests/integration/test_kb_shared_between_processes.py); and a QA
lead's reject of it in the first process stops it in the second."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as store
from tests.integration.test_learning import (  # noqa: F401 (the settings fixture, with the mascot entries)
    COLLEAGUE,
    MASCOT,
    PRACTITIONER,
    QA_LEAD,
    THIRD,
    pick,
    settings,
)
from tests.support.kb_helpers import all_text, button_values


def test_a_pick_in_one_process_answers_its_picker_outright_in_another(engine: Engine, other: Engine) -> None:
    assert "Did you mean" in other.message(PRACTITIONER, MASCOT)[0].text

    assert pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")[0].text == "Blue."

    assert other.message(PRACTITIONER, "What colour is the audit mascot?")[0].text == "Blue."
    assert "Did you mean" in other.message(THIRD, MASCOT)[0].text  # one pick is not yet everyone's answer


def test_two_peoples_picks_in_one_process_answer_everyone_outright_in_another(engine: Engine, other: Engine,
                                                                               services: Services) -> None:
    assert "Did you mean" in other.message(THIRD, MASCOT)[0].text

    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    pick(engine, COLLEAGUE, MASCOT, "mascot-colour-south")
    assert [row.trusted for row in store.active(services.storage)] == [True]

    answered = other.message(THIRD, "What colour is the audit mascot?")
    assert answered[0].text == "Blue."
    assert "Answered from a colleague's earlier choice" in all_text(answered)


def test_a_learned_wording_rejected_in_one_process_is_not_answered_in_another(engine: Engine, other: Engine,
                                                                              services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    pick(engine, COLLEAGUE, MASCOT, "mascot-colour-south")
    assert other.message(THIRD, MASCOT)[0].text == "Blue."
    [row] = store.active(services.storage)

    rejected = all_text(engine.command(QA_LEAD, f"kb reject {row.id}"))

    assert "eject" in rejected and store.active(services.storage) == []
    assert "Did you mean" in other.message(THIRD, MASCOT)[0].text


def test_not_helpful_in_another_process_withdraws_the_learned_wording_here_too(engine: Engine, other: Engine,
                                                                               services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    pick(engine, COLLEAGUE, MASCOT, "mascot-colour-south")
    answered = other.message(THIRD, MASCOT)
    assert answered[0].text == "Blue."

    other.action(THIRD, "kb.feedback", button_values(answered, "kb.feedback")[1])  # Not helpful

    assert store.active(services.storage) == []
    assert "Did you mean" in engine.message(THIRD, MASCOT)[0].text
