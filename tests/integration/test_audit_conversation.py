"""The audit as an explicit conversation: the states a whole audit passes through, stale buttons from an earlier
state, and the conversation stored with each answer (in one transaction, so a restart resumes where it was)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from bot.audits.conversation import ACTIONS, STATES, State, current
from bot.composition import build_engine, build_services
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.config import Settings
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender

AUDITOR = "U0MGRN001"
WORKER = "U0PRAN001"


def state_of(services: Services, user: str = AUDITOR) -> State | None:
    turn = Turn(services.directory.person(user), "dm", datetime.now(UTC))
    conversation = current(services, turn)
    return conversation.state if conversation else None


def only_audit(services: Services) -> store.AuditRow:
    [row] = services.storage.db.query("SELECT id FROM audits")
    audit = store.get_audit(services.storage, row["id"])
    assert audit is not None
    return audit


def engine_sender(engine: Engine):
    def send(kind: str, payload: str) -> list[Reply]:
        if kind == "press":
            action, value = payload.split("|", 1)
            return engine.action(AUDITOR, action, value)
        return engine.message(AUDITOR, payload)
    return send


@pytest.mark.parametrize("surface", ["engine", "terminal"])
def test_a_whole_audit_visits_the_states_in_order(engine: Engine, services: Services, surface: str) -> None:
    view = TerminalView()
    send = engine_sender(engine) if surface == "engine" else terminal_sender(engine, view)
    visited: list[State | None] = []

    def recording(kind: str, payload: str) -> list[Reply]:
        replies = send(kind, payload)
        visited.append(state_of(services))
        stored = store.conversation(services.storage, AUDITOR)
        if visited[-1] is not None and visited[-1] not in (State.CHOOSE_CHECKLIST, State.CASE_REFERENCE):
            assert stored["awaiting"] == visited[-1].value, "the stored conversation names the state"
        return replies

    first = recording("type", "/audit start") if surface == "terminal" else engine.command(AUDITOR, "start",
                                                                                         surface="dm")
    if surface == "engine":
        visited.append(state_of(services))
    complete_audit(recording, first)
    order = [state for state, _ in itertools.groupby(visited)]
    questions = order[order.index(State.WORKER) + 1:order.index(State.REVIEW)]
    assert order[:3] == [State.CHOOSE_CHECKLIST, State.CASE_REFERENCE, State.WORKER]
    assert questions[0] is State.QUESTION and set(questions) <= {State.QUESTION, State.EVIDENCE}
    assert order[order.index(State.REVIEW):] == [
        State.REVIEW, State.OVERALL_GRADE, State.STRENGTHS, State.DEVELOPMENT, State.ACTIONS, State.ACTION_OWNER,
        State.ACTION_DUE, State.ACTIONS, State.SUBMIT, None]
    assert only_audit(services).status == "submitted"


def test_every_audit_button_the_engine_knows_is_in_the_table(engine: Engine) -> None:
    audit_buttons = {name for name in engine.actions if name.startswith(("audit.", "actions."))}
    assert audit_buttons == set(ACTIONS)
    assert all(any(name in spec.actions for spec in STATES.values()) for name in audit_buttons)


def at_first_question(engine: Engine, services: Services) -> tuple[list[Reply], list[Reply]]:
    """(the case reference screen, the first question's replies) of a child protection audit."""
    case_screen = engine.command(AUDITOR, "start child-protection-plan", surface="dm")
    engine.message(AUDITOR, "CR-123456")
    question = engine.message(AUDITOR, WORKER)
    assert state_of(services) is State.QUESTION
    return case_screen, question


def snapshot(services: Services) -> tuple:
    audit = only_audit(services)
    return (audit.status, audit.step, audit.step_version, store.answers_of(services.storage, audit.id),
            store.conversation(services.storage, AUDITOR))


def test_the_cancel_button_of_the_case_reference_pressed_later_is_stale_and_changes_nothing(
        engine: Engine, services: Services) -> None:
    case_screen, _ = at_first_question(engine, services)
    [cancel] = [c for r in case_screen for c in r.choices if c.action == "audit.start_cancel"]
    before = snapshot(services)
    [stale] = engine.action(AUDITOR, cancel.action, cancel.value)
    assert stale.kind == "error" and "out of date" in stale.text and "Nothing was changed" in stale.text
    assert snapshot(services) == before
    engine.message(AUDITOR, "no")  # typed answers still go to the audit
    assert only_audit(services).step != before[1]


def test_a_question_button_pressed_while_cancel_asks_is_stale_until_no_keep_it(engine: Engine,
                                                                              services: Services) -> None:
    _, question = at_first_question(engine, services)
    [answer, *_] = [c for r in question for c in r.choices if c.action == "audit.answer"]
    asked = engine.message(AUDITOR, "cancel")
    assert state_of(services) is State.CONFIRM_CANCEL
    before = snapshot(services)
    [stale] = engine.action(AUDITOR, answer.action, answer.value)
    assert stale.kind == "error" and "out of date" in stale.text
    assert snapshot(services) == before
    [keep] = [c for r in asked for c in r.choices if c.action == "audit.cancel_keep"]
    engine.action(AUDITOR, keep.action, keep.value)
    assert state_of(services) is State.QUESTION
    asked = engine.action(AUDITOR, answer.action, answer.value)  # Yes to an immediate concern: Send it? first
    assert "Send it?" in asked[-1].text and state_of(services) is State.CONFIRM_ALERT, \
        "the same button is accepted at its question again"


def test_a_grade_button_at_a_question_is_refused_as_stale(engine: Engine, services: Services) -> None:
    at_first_question(engine, services)
    audit = only_audit(services)
    before = snapshot(services)
    [stale] = engine.action(AUDITOR, "audit.grade", f"{audit.id}:{audit.step_version}:good")
    assert stale.kind == "error" and "out of date" in stale.text
    assert snapshot(services) == before


# -- the conversation is stored with the answer --------------------------------------------------------------

def test_a_failed_conversation_write_stores_neither_the_answer_nor_the_state(
        engine: Engine, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    at_first_question(engine, services)
    before = snapshot(services)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_write_conversation", broken)
    [failed] = engine.message(AUDITOR, "no")
    assert failed.kind == "error" and "nothing was changed" in failed.text
    monkeypatch.undo()
    assert snapshot(services) == before
    engine.message(AUDITOR, "no")
    assert only_audit(services).step != before[1]


def test_a_restart_mid_audit_resumes_at_the_state_it_stood_in(engine: Engine, services: Services,
                                                              settings: Settings) -> None:
    at_first_question(engine, services)
    engine.message(AUDITOR, "no")
    audit = only_audit(services)
    stored = store.conversation(services.storage, AUDITOR)
    assert stored == {"feature": "audit", "awaiting": "question", "audit_id": audit.id, "step": audit.step}
    services.storage.close()

    restarted = build_services(settings)
    try:
        assert state_of(restarted) is State.QUESTION
        build_engine(restarted).message(AUDITOR, "no")
        after = only_audit(restarted)
        assert after.step_version == audit.step_version + 1
        assert store.answers_of(restarted.storage, audit.id)[audit.step.partition(":")[2]].value == "no"
    finally:
        restarted.storage.close()


@pytest.mark.parametrize("action", sorted(set(ACTIONS) - STATES[State.QUESTION].actions))
def test_at_a_question_every_button_it_does_not_accept_is_stale(engine: Engine, services: Services,
                                                                action: str) -> None:
    at_first_question(engine, services)
    audit = only_audit(services)
    before = snapshot(services)
    [stale] = engine.action(AUDITOR, action, f"{audit.id}:{audit.step_version}:{WORKER}")
    assert stale.kind == "error" and "out of date" in stale.text
    assert snapshot(services) == before
