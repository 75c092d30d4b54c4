"""Trial 37: `reflect 116`, then a reflection ending with a question. The question was answered and the reflection
dropped without a word. Now it is kept and said back with "Save your reflection first?", and `save` saves it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)
WORKER = "U0PRAN001"
SAID = ("I agree the closure summary wasnt sent to school, i will do that this week. hang on what should a closure "
        "summary include?")
KEPT = "I agree the closure summary wasnt sent to school, i will do that this week."


def _reflections(services: Services, audit_id: int) -> list[str]:
    return [row["text"] for row in store.reflections_of(services.storage, audit_id)]


@pytest.mark.parametrize("save", ["save", "yes", "Save it"])
def test_a_reflection_before_a_question_is_kept_said_back_and_saved_on_save(engine: Engine, services: Services,
                                                                             save: str) -> None:
    audit_id = insert_audit(services.storage, "CR-351769", NOW)
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"reflect {audit_id}", surface="terminal")
        replies = engine.message(WORKER, SAID, surface="terminal")
        assert _reflections(services, audit_id) == []
        asked = replies[-1]
        assert flat(asked.text, "`*") == (
            f"I've kept the reflection you typed before your question: “{KEPT}” Save your reflection on audit "
            f"#{audit_id} first? Type save (or press Save my reflection), type it again with anything you'd add, or "
            "type later.")
        assert "Closing a case is a decision" in " ".join(reply.text for reply in replies[:-1])  # the question answered
        saved = engine.message(WORKER, save, surface="terminal")
    assert _reflections(services, audit_id) == [KEPT]
    assert saved[0].text.startswith(f"Thank you: your reflections are saved with audit #{audit_id}")


def test_save_typed_after_another_question_still_saves_the_kept_reflection(engine: Engine,
                                                                          services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-351769", NOW)
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"reflect {audit_id}", surface="terminal")
        engine.message(WORKER, SAID, surface="terminal")
        engine.message(WORKER, "what is a pep?", surface="terminal")
        engine.message(WORKER, "save", surface="terminal")
    assert _reflections(services, audit_id) == [KEPT]


def test_a_question_alone_keeps_nothing_and_the_reflection_still_waits(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-351769", NOW)
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"reflect {audit_id}", surface="terminal")
        replies = engine.message(WORKER, "what should a closure summary include?", surface="terminal")
    assert replies[-1].text.startswith(f"Your reflections on audit #{audit_id} are still waiting")
    assert _reflections(services, audit_id) == []
