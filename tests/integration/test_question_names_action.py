"""Trial 25: `what does action 2 mean? what chronology?`, a worker asking about an action on their audit, was given the
knowledge-base entry on how to see actions. The action is shown, then the rest answered from the knowledge base."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
MANAGER, WORKER, SOUTH_WORKER = "U0MGRN001", "U0PRAN002", "U0PRAS001"
WORDS = "Update the chronology and share it with the core group"


def _action(services: Services) -> int:
    audit_id = insert_audit(services.storage, "CR-300101", NOW - timedelta(days=3), worker=WORKER)
    return action_store.add_action(services.storage, audit_id, WORDS, WORKER, "2026-12-14", MANAGER, NOW)


def _said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''} {r.text}" for r in replies)


def test_a_question_naming_the_askers_action_shows_it_then_answers_the_rest(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        action_id = _action(services)
        said = _said(engine.message(WORKER, f"what does action {action_id} mean? what chronology?",
                                    surface="terminal"))
    shown = (f"Action {action_id} “{WORDS}” (audit #1, CR-300101)\nOwner: you. Due 14 Dec 2026 (open).\n"
             "Set by Team manager (North), the auditor")
    assert shown in said, said
    assert "chronolog" in said.split(shown)[1].lower()  # the rest, from the knowledge base
    assert "How do I see my audit actions" not in said


def test_an_action_the_asker_may_not_read_is_never_shown(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        action_id = _action(services)
        said = _said(engine.message(SOUTH_WORKER, f"what does action {action_id} mean?", surface="terminal"))
    assert WORDS not in said and "CR-300101" not in said


def test_a_command_typed_wrong_naming_an_action_is_no_question_about_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        action_id = _action(services)
        said = _said(engine.message(WORKER, f"action {action_id} dew 14/12", surface="terminal"))
    assert WORDS not in said


def test_not_understanding_an_action_shows_it(engine: Engine, services: Services) -> None:
    """Trial 29: `i dont understand action 50` went on the QA leads' list; `whats action 50 about` showed it."""
    with time_machine.travel(NOW, tick=False):
        action_id = _action(services)
        for typed in (f"i dont understand action {action_id}", f"I don't get action {action_id}",
                      f"explain action {action_id}", f"not sure what action {action_id} is asking"):
            said = _said(engine.message(WORKER, typed, surface="terminal"))
            assert f"Action {action_id} “{WORDS}”" in said, (typed, said)
            assert "QA leads' list" not in said, (typed, said)
