"""The audit conversation's table: every state has its row, and every audit button is accepted somewhere."""

from __future__ import annotations

from bot.audits.conversation import ACTIONS, ENTRY_ACTIONS, PERSON_STATES, STATES, STEP_STATES, State
from bot.audits.flow import FLOW_STEPS


def test_the_table_covers_every_state() -> None:
    assert set(STATES) == set(State)
    for state, spec in STATES.items():
        assert callable(spec.screen), state
        assert spec.typed is None or callable(spec.typed), state


def test_every_audit_button_is_accepted_in_at_least_one_state() -> None:
    accepted = {action for spec in STATES.values() for action in spec.actions}
    assert set(ACTIONS) <= accepted
    assert accepted <= set(ACTIONS), "the table names a button nothing handles"


def test_buttons_that_begin_a_conversation_are_accepted_in_every_state() -> None:
    assert all(spec.actions >= ENTRY_ACTIONS for spec in STATES.values())


def test_every_step_an_audit_can_stand_at_is_a_state() -> None:
    assert {state.value for state in STEP_STATES} == set(FLOW_STEPS) - {"choose_checklist", "case_reference"}
    assert not STEP_STATES & PERSON_STATES


def test_a_step_button_is_accepted_only_where_the_step_shows_it() -> None:
    """The answer buttons belong to questions, the grade buttons to the overall grade, and so on."""
    where = {action: {s for s, spec in STATES.items() if action in spec.actions} for action in ACTIONS}
    assert where["audit.answer"] == {State.QUESTION}
    assert where["audit.grade"] == {State.OVERALL_GRADE}
    assert where["audit.worker"] == {State.WORKER}
    assert where["audit.owner"] == {State.ACTION_OWNER}
    assert where["audit.cancel_confirm"] == where["audit.cancel_keep"] == {State.CONFIRM_CANCEL}
    assert where["audit.start_cancel"] == {State.CASE_REFERENCE}
