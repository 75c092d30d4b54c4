"""An owner typed where an action's text is asked for (user trial 9, finding 8): a team manager changing a submitted
audit's grade to Inadequate answered "what must happen for the child?" with `the manager`, which became the action
("Action 8: the manager — Team manager (North)"), was sent to the worker and could not be removed from the
Inadequate audit; the owner question had no Back to retype it. Now an owner on its own (`the manager`, `the worker`,
`me`, a person's name) is told to come after the action and stores nothing, wherever an action's text is asked (an
audit's actions step, a grade change's and a moderator's Inadequate), and `back` (or Back) at the owner question
returns to the action's text, at the due date to the owner."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.integration.test_moderated_inadequate_action import audit_with_no_open_action
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"
WHY = "the family is still without a real plan"  # the trial's reason
ACTION = "Review the plan with the family"
OWNER_FIRST = ("That looks like who owns the action, so I haven't stored it. Type the action first (what needs to "
               "happen for the child); then I ask who owns it and when it is due.")
# The owner phrases of the trial and of the owner reader: `me` is the one typing; names are as the bot writes them,
# or their first words among the case's people.
OWNERS = ["the manager", "The Manager.", "the worker", "the social worker", "me", "Team manager (North)",
          "Social worker N2", "social worker", "@Social worker N1", "U0PRAN002", "<@U0PRAN002>", "QA lead (practice)"]


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("`", "").replace("_", " ").split())


def texts(replies: list[Reply]) -> str:
    return flat("\n".join(reply.text for reply in replies))


def awaiting(services: Services, user: str = AUDITOR) -> str | None:
    return store.conversation(services.storage, user).get("awaiting")


def open_actions(services: Services, audit_id: int) -> list[action_store.ActionRow]:
    return [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]


def grade_change_asked(engine: Engine, services: Services) -> int:
    """Audit #1, graded Good and submitted by the North manager, its one action removed, then the trial's grade
    change, at "what must happen for the child?"."""
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        [action] = action_store.actions_of_audit(services.storage, audit_id)
        engine.command(AUDITOR, f"edit {audit_id} remove action {action.id}")
        engine.action(AUDITOR, "actions.remove_confirm", str(action.id))  # Yes to "Remove action …?"
        assert open_actions(services, audit_id) == []
        replies = engine.command(AUDITOR, f"edit {audit_id} grade inadequate {WHY}")
    assert "what must happen for the child?" in texts(replies) and awaiting(services) == "regrade_action"
    return audit_id


@pytest.fixture
def asked(engine: Engine, services: Services) -> int:
    return grade_change_asked(engine, services)


# -- 8a: an owner on its own is not the action -----------------------------------------------------------------

def test_the_trials_slip_is_told_and_the_action_then_goes_through(engine: Engine, services: Services,
                                                                   asked: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        [told] = engine.message(AUDITOR, "the manager")
        assert told.kind == "error" and awaiting(services) == "regrade_action"
        assert "description" not in store.conversation(services.storage, AUDITOR)
        _, out = drive(engine, [ACTION, "the manager", "next monday", "send"])
    assert flat(told.text) == f"{OWNER_FIRST} Or type cancel to leave the grade as it is."
    assert f"Who owns this action? {ACTION}" in flat(out)
    [action] = open_actions(services, asked)
    assert (action.description, action.owner_id, action.due_date) == (ACTION, AUDITOR, "2026-12-07")
    assert store.get_audit(services.storage, asked).overall_grade == "inadequate"


@pytest.mark.parametrize("typed", OWNERS)
def test_an_owner_on_its_own_at_a_grade_changes_action_stores_nothing(engine: Engine, services: Services, asked: int,
                                                                       typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        [told] = engine.message(AUDITOR, typed)
    assert told.kind == "error" and flat(told.text).startswith(OWNER_FIRST)
    assert awaiting(services) == "regrade_action" and "description" not in store.conversation(services.storage, AUDITOR)


@pytest.mark.parametrize(("typed", "said"), [
    ("31/12", "That looks like a due date, so I haven't stored it."),
    ("next Friday", "That looks like a due date, so I haven't stored it."),
    ("7", "A number on its own isn't an action, so I haven't stored it."),
])
def test_a_date_or_number_on_its_own_is_no_grade_changes_action_either(engine: Engine, services: Services,
                                                                       asked: int, typed: str, said: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        [told] = engine.message(AUDITOR, typed)
    assert told.kind == "error" and flat(told.text).startswith(said)
    assert awaiting(services) == "regrade_action"


# A person named by name before `to` is the owner since trial 32 (`sw s1 to refer to MACE`:
# tests/integration/test_action_owner_in_text.py); the words spelt out stay the action's.
@pytest.mark.parametrize("typed", ["the manager to review the plan with the family", "Manager to chair a meeting",
                                   "the worker to visit the child at school", "Meet the worker weekly"])
def test_an_action_that_names_its_owner_is_still_the_action(engine: Engine, services: Services, asked: int,
                                                             typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        [owners] = engine.message(AUDITOR, typed)
    assert owners.text.startswith(f"**Who owns this action?** _{typed}_")
    assert awaiting(services) == "regrade_action_owner"


@pytest.mark.parametrize("typed", ["the manager", "me", "Social worker N2", "the worker"])
def test_an_owner_on_its_own_at_the_actions_step_stores_nothing(engine: Engine, services: Services,
                                                                 typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, TO_ACTIONS, user=AUDITOR)
        [told] = engine.message(AUDITOR, typed)
    assert told.kind == "error" and flat(told.text) == (
        f"{OWNER_FIRST} To finish the actions, type done or press No more actions.")
    audit = store.get_audit(services.storage, 1)
    assert audit.step == "actions" and not audit.state.get("action_draft")
    assert action_store.actions_of_audit(services.storage, 1) == []


@pytest.mark.parametrize("typed", ["the worker", "Social worker N1"])
def test_an_owner_on_its_own_at_a_moderators_action_saves_nothing(engine: Engine, services: Services,
                                                                   typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", "The plan is not linked to the child's needs."],
              user=QA)
        assert awaiting(services, QA) == "moderation_action"
        [told] = engine.message(QA, typed)
    assert told.kind == "error" and flat(told.text) == f"{OWNER_FIRST} Or type disagree to choose another grade."
    assert awaiting(services, QA) == "moderation_action"
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


# -- 8b: back from the owner to the action, and from the due date to the owner -------------------------------

def test_back_at_the_owner_returns_to_the_action_to_retype_it(engine: Engine, services: Services, asked: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        engine.message(AUDITOR, "see the manager")  # a slip that is an action, as far as anyone can tell
        back = engine.message(AUDITOR, "back")
        assert awaiting(services) == "regrade_action"
        assert "description" not in store.conversation(services.storage, AUDITOR)
        assert open_actions(services, asked) == [] and store.get_audit(services.storage, asked).overall_grade == "good"
        drive(engine, [ACTION, "1", "in 4 weeks", "send"])
    assert back[0].text == "Nothing is stored yet: type the action again, in place of _see the manager_."
    assert "what must happen for the child?" in texts(back)
    assert [a.description for a in open_actions(services, asked)] == [ACTION]


def test_back_at_the_due_date_returns_to_the_owner(engine: Engine, services: Services, asked: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [ACTION, "the worker"])
        assert awaiting(services) == "regrade_action_due"
        [owners] = engine.message(AUDITOR, "back")
        assert awaiting(services) == "regrade_action_owner"
        drive(engine, ["the manager", "in 4 weeks", "send"])
    assert owners.text.startswith(f"**Who owns this action?** _{ACTION}_")
    [action] = open_actions(services, asked)
    assert (action.description, action.owner_id) == (ACTION, AUDITOR)


def test_the_owner_and_due_questions_have_a_back_button_that_goes_back_a_question(
        engine: Engine, services: Services, asked: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        [owners] = engine.message(AUDITOR, "see the manager")
        back = owners.choices[-1]
        assert (back.label, back.action) == ("Back", "audit.regrade_back")
        engine.action(AUDITOR, back.action, back.value)
        assert awaiting(services) == "regrade_action"
        [owners] = engine.message(AUDITOR, ACTION)
        [due] = engine.action(AUDITOR, owners.choices[0].action, owners.choices[0].value)  # the case's worker
        assert [c.label for c in due.choices] == ["Back"]
        [again] = engine.action(AUDITOR, due.choices[0].action, due.choices[0].value)
        assert awaiting(services) == "regrade_action_owner"
        [stale] = engine.action(AUDITOR, due.choices[0].action, due.choices[0].value)  # the due question has gone
    assert again.text.startswith(f"**Who owns this action?** _{ACTION}_")
    assert stale.kind == "error" and "nothing changed" in stale.text
    assert awaiting(services) == "regrade_action_owner" and open_actions(services, asked) == []


def test_back_at_a_moderators_owner_returns_to_the_action_not_to_agree_or_disagree(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", "The plan is not linked to the child's needs.",
                       "see the manager"], user=QA)
        assert awaiting(services, QA) == "moderation_action_owner"
        back = engine.message(QA, "back")
        assert awaiting(services, QA) == "moderation_action"
        drive(engine, [ACTION, "1", "back"], user=QA)
        assert awaiting(services, QA) == "moderation_action_owner"
        drive(engine, ["1", "in 4 weeks", "send"], user=QA)
    assert back[0].text == "Nothing is stored yet: type the action again, in place of _see the manager_."
    assert "will be Inadequate after your moderation" in texts(back)
    assert [a.description for a in open_actions(services, audit_id)] == [ACTION]
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


def test_back_at_the_actions_steps_owner_returns_to_the_action(engine: Engine, services: Services) -> None:
    """The draft's own steps already went back a step: kept so."""
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [*TO_ACTIONS, "see the manager", "back"], user=AUDITOR)
        audit = store.get_audit(services.storage, 1)
    assert audit.step == "actions" and action_store.actions_of_audit(services.storage, 1) == []


# -- trial 24: the owner typed first, before a dash or a colon, then the action --------------------------------

@pytest.mark.parametrize(("typed", "owner", "text"), [
    ("me - raise drift with the CP chair at the next review", AUDITOR,
     "raise drift with the CP chair at the next review"),
    ("the worker: update the chronology", WORKER, "update the chronology"),
    ("sw n1 \u2013 update the chronology", WORKER, "update the chronology"),
])
def test_an_owner_typed_before_the_action_is_its_owner_and_left_out_of_its_text(
        engine: Engine, services: Services, typed: str, owner: str, text: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, TO_ACTIONS, user=AUDITOR)
        replies = engine.message(AUDITOR, typed)
        assert f"owns “{text}”" in texts(replies) and "When is it due?" in texts(replies)
        assert "Who owns this action?" not in texts(replies)
        engine.message(AUDITOR, "31/12/2026")
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.owner_id, action.due_date) == (text, owner, "2026-12-31")


@pytest.mark.parametrize("typed", ["step-down to EH: agree it with the family", "CIN review - bring it forward"])
def test_words_before_a_dash_that_name_nobody_stay_in_the_action(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, TO_ACTIONS, user=AUDITOR)
        [owners, *_] = engine.message(AUDITOR, typed)
    assert owners.text.startswith("**Who owns this action?**")
    audit = store.get_audit(services.storage, 1)
    assert audit.step == "action_owner" and audit.state["action_draft"] == {"description": typed}
