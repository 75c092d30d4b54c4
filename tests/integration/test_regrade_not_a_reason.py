"""Trial 36 (H1): a stray line at "Why change audit #131…?" changed the grade and messaged the worker.

`let me check the file first` was stored as the reason; a prompt left from an earlier session took `chase up action
18` the same way. Putting it off now drops the change, a command in words runs, and a reason typed at the prompt is
asked back ("Change audit #1 from Good to Outstanding because …?") before it is stored and the worker told.
"""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.integration.test_grade_change_in_own_words import (  # noqa: F401  (`submitted`: a fixture)
    AUDITOR,
    CHANGED_AT,
    WORKER,
    _grade_and_reason,
    _texts,
    submitted,
)


def _grade(services: Services, audit_id: int) -> str | None:
    return _grade_and_reason(services, audit_id)[0]


@pytest.mark.parametrize("typed", ["let me check the file first", "hang on", "not sure", "i'll check with the sw",
                                   "got to go"])
def test_putting_it_off_changes_nothing_and_tells_nobody(engine: Engine, services: Services,
                                                         submitted: int, typed: str) -> None:  # noqa: F811
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        replies = engine.message(AUDITOR, typed)
    said = _texts(replies)
    assert f"OK, nothing changed: audit #{submitted} is still graded Good and nobody was told." in said
    assert f"To change it later, type `/audit edit {submitted} grade outstanding <why>`." in said
    assert "was not made" not in said  # said once, not twice
    assert not any(r.to_user == WORKER for r in replies)
    assert _grade(services, submitted) == "good"
    assert not store.revisions_of(services.storage, submitted)


def test_a_command_in_words_at_a_waiting_reason_runs_and_is_not_the_reason(
        engine: Engine, services: Services, submitted: int) -> None:  # noqa: F811
    with time_machine.travel(CHANGED_AT, tick=False):
        action_id = action_store.add_action(services.storage, submitted, "Book a core group", WORKER, "2026-12-20",
                                            AUDITOR, CHANGED_AT)
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        replies = engine.message(AUDITOR, f"chase up action {action_id}")
    said = _texts(replies)
    assert "I've nudged" in said and f"about action {action_id}" in said
    assert not any(r.to_user == WORKER and "grade" in r.text for r in replies)
    assert f"Why change audit #{submitted} from Good to Outstanding?" in _texts(replies[-1:])  # still asked
    assert _grade(services, submitted) == "good"


def test_a_reason_typed_next_is_asked_back_and_no_leaves_the_grade(
        engine: Engine, services: Services, submitted: int) -> None:  # noqa: F811
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        asked = engine.message(AUDITOR, "the plan is now exemplary and reviewed monthly")
        assert _texts(asked).startswith(f"Change audit #{submitted} from Good to Outstanding because “the plan is now "
                                        "exemplary and reviewed monthly”?")
        assert not any(r.to_user == WORKER for r in asked)
        assert _grade(services, submitted) == "good"
        replies = engine.message(AUDITOR, "no")
    assert f"OK, the grade was not changed: audit #{submitted} is still graded Good, and nobody was told." \
        in _texts(replies)
    assert not any(r.to_user == WORKER for r in replies)
    assert _grade(services, submitted) == "good"


def test_yes_to_the_reason_asked_back_changes_the_grade_and_tells_the_worker(
        engine: Engine, services: Services, submitted: int) -> None:  # noqa: F811
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        engine.message(AUDITOR, "the plan is now exemplary and reviewed monthly")
        replies = engine.message(AUDITOR, "yes")
    assert any(r.to_user == WORKER and r.text.endswith(": the plan is now exemplary and reviewed monthly.")
               for r in replies)
    assert _grade(services, submitted) == "outstanding"
