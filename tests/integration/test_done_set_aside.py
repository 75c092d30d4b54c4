"""Trial 36 (LOW): `done 19`, then other input on the next line, dropped the question "Mark action #19 done for …?"
without a word. Now the line after says it was not marked done (bot.engine.confirmations, `set_aside`)."""

from __future__ import annotations

from datetime import date

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_chase_more_time_waiting import AUDITOR, MANAGER, NOW, at, said
from tests.support.action_rows import open_action


def test_other_input_after_done_says_the_action_was_not_marked_done(engine: Engine, services: Services) -> None:
    """Trial 36 (LOW): the question "Mark action #N done for …?" was dropped without a word by the next line."""
    _, action = open_action(services.storage, date(2026, 12, 1), auditor=AUDITOR)
    with at(NOW):
        asked = engine.message(MANAGER, f"done {action}", surface="terminal")
        assert f"Mark action #{action} done for Social worker N1?" in said(asked)
        other = engine.message(MANAGER, "actions team", surface="terminal")
        assert other[-1].text == f"Action {action} was not marked done: to mark it, type `done {action}` again."
        engine.message(MANAGER, f"done {action}", surface="terminal")
        answered = engine.message(MANAGER, "yes", surface="terminal")
    assert "was not marked done" not in said(answered)
    assert action_store.get_action(services.storage, action).done_at is not None  # type: ignore[union-attr]


def test_no_says_nothing_more(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2026, 12, 1), auditor=AUDITOR)
    with at(NOW):
        engine.message(MANAGER, f"done {action}", surface="terminal")
        kept = engine.message(MANAGER, "no", surface="terminal")
    assert "was not marked done: to mark it" not in said(kept)
    assert action_store.get_action(services.storage, action).done_at is None  # type: ignore[union-attr]
