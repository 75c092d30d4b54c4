"""Trial 50 follow-ups to handing an action over (fix52e). `give action 2 to 15/1` was answered "I don't know “15/1”"
with three people offered: a "person" that reads as a date now gets the due-date command, the date read back. And a
handover typed at a draft's actions step (`hand action 1 to N2`) was taken as a new action's words ("Who owns this
action?"): it now changes that action's owner there, as `action 1 owner N2` does. The engine, on pinned clocks."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits import action_handover
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import actions as action_store
from bot.storage import audits as store
from knowledge.dates import long_date
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import FIRST, THURSDAY, TO_ACTIONS
from tests.integration.test_action_handover import FRIDAY, MANAGER, N1, N2, _action, _owner
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base


@pytest.mark.parametrize(("typed", "read"), [("15/1", "Friday 15 January 2027"),
                                             ("next friday", "Friday 11 December 2026")])
def test_a_date_given_as_the_new_owner_is_answered_with_the_due_date_command(engine: Engine, services: Services,
                                                                             typed: str, read: str) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services)
        [reply] = engine.message(MANAGER, f"give action {action} to {typed}", surface="terminal")
    assert reply.text == (f"“{typed}” reads as a date, {read}, not a person, so nothing changed. To make it the due "
                          f"date of action {action} (_Update the chronology_, due Friday 18 December 2026 now), type "
                          f"`action {action} due {typed}`. To give the action to someone, type `hand action {action} "
                          "to` and their name.")
    assert not reply.choices and "I don't know" not in reply.text
    found = action_store.get_action(services.storage, action)
    assert found is not None and (found.owner_id, found.due_date) == (N1, "2026-12-18")  # nothing changed
    assert asked_the_knowledge_base(services) == 0
    with time_machine.travel(FRIDAY, tick=False):  # a person is still a person
        [asked] = engine.message(MANAGER, f"give action {action} to N2", surface="terminal")
    assert asked.text.startswith(f"Give action {action} (_Update the chronology_, audit #1, CR-551234) to "
                                 "**Social worker N2** instead of Social worker N1?")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ahead=st.integers(min_value=1, max_value=300), slash=st.sampled_from(["/", "."]))
def test_any_day_ahead_typed_as_the_person_is_read_back_as_that_day(services: Services, ahead: int,
                                                                    slash: str) -> None:
    day = FRIDAY.date() + timedelta(days=ahead)
    with time_machine.travel(FRIDAY, tick=False):
        action_id = _action(services)
        action = action_store.get_action(services.storage, action_id)
        audit = store.get_audit(services.storage, 1)
        assert action is not None and audit is not None
        turn = Turn(services.directory.person(MANAGER), "terminal", FRIDAY)
        typed = f"{day.day}{slash}{day.month}"
        reply = action_handover.date_instead(services, turn, audit, action, typed)
    assert reply is not None and f"reads as a date, {long_date(day)}, not a person" in reply.text
    assert f"`action {action_id} due {typed}`" in reply.text


# -- typed in a draft ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["hand action 1 to N2", "N1 is off sick, can i give action 1 to social worker n2?"])
def test_a_handover_at_the_actions_step_changes_the_owner_there(engine: Engine, services: Services,
                                                                typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [*TO_ACTIONS, *FIRST], user=MANAGER)
        _, out = drive(engine, [typed], user=MANAGER)
    said = " ".join(out.split("No more actions.", 1)[1].split())
    assert said.startswith("I've read that as action 1 owner ")
    assert "Action 1 (Share the plan with the school.) is now Social worker N2's, not Social worker N1's." in said
    assert "Action 1: Share the plan with the school. — Social worker N2" in said  # the step shown again
    assert "Who owns this action?" not in out  # not taken for a new action's words
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.owner_id == N2
    assert store.get_audit(services.storage, 1).step == "actions"


def test_a_handover_at_the_submit_step_changes_the_owner_and_it_still_submits(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST, "done", "reassign action 1 to sw n2", "submit"], user=MANAGER)
    assert "is now Social worker N2's, not Social worker N1's." in " ".join(out.split())
    assert _owner(services, 1) == N2
    assert store.get_audit(services.storage, 1).status == "submitted"


def test_a_date_for_the_person_mid_audit_gets_the_due_date_command(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [*TO_ACTIONS, *FIRST], user=MANAGER)
        _, out = drive(engine, ["give action 1 to 15/1"], user=MANAGER)
    assert "“15/1” reads as a date, Friday 15 January 2027, not a person, so nothing changed." in " ".join(out.split())
    assert "Who owns this action?" not in out
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.owner_id, action.due_date) == (N1, "2026-12-04")


def test_a_mistyped_number_mid_audit_names_the_audits_actions(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [*TO_ACTIONS, *FIRST], user=MANAGER)
        _, out = drive(engine, ["hand action 7 to N2"], user=MANAGER)
    assert ("Action 7 is not one of audit #1's actions, so nothing changed. Its only open action is action 1."
            in " ".join(out.split()))
    assert "Who owns this action?" not in out
    assert [a.owner_id for a in action_store.actions_of_audit(services.storage, 1)] == [N1]

