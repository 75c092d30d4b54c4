"""The first action an Inadequate grade needs, typed with its due date in it (trial 16, F16 / review R12).

At an audit's actions step "SW to update the plan by next fri" has the date taken out of the text, said back, and the
due date question is not asked (tests/e2e/test_action_due_in_its_text.py). Where a moderator's Inadequate or a grade
changed to Inadequate asks for the first action (bot.audits.inadequate_action), "by next fri" was kept in the text and
the due date asked anyway, so the two could disagree. Now it is read the same way: said back in the same words, and
once the owner is chosen (typed or pressed) the action goes on with that date; a weekend is queried at the due
question; `back` at the owner drops the date with the text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import audit_with_no_open_action
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"
REASON = "Communication was not understood and the plan is not linked to the EHCP."
WHY = "the child said they were not listened to and nothing changed"
TYPED = "Meet the school by next friday"
TAKEN = ("I've taken “next friday” as the action's due date, Friday 4 December 2026 (in 2 days), and left it out of "
         "its text: "
         "“Meet the school”.")


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("`", "").replace("_", " ").split())


def open_actions(services: Services, audit_id: int) -> list[action_store.ActionRow]:
    return [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]


def moderating(engine: Engine, services: Services) -> int:
    """Audit #1 with no open action, the QA lead disagreeing with Inadequate: at "what must happen for the child?"."""
    audit_id, _ = audit_with_no_open_action(engine, services)
    drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON], user=QA)
    assert store.conversation(services.storage, QA).get("awaiting") == "moderation_action"
    return audit_id


def regrading(engine: Engine, services: Services) -> int:
    """Audit #1, Good and submitted with its one action removed, changed to Inadequate: at the action's text."""
    audit_id = submitted_audit(engine, services, AUDITOR)
    [action] = action_store.actions_of_audit(services.storage, audit_id)
    engine.command(AUDITOR, f"edit {audit_id} remove action {action.id}")
    engine.action(AUDITOR, "actions.remove_confirm", str(action.id))  # Yes to "Remove action …?"
    drive(engine, [f"/audit edit {audit_id} grade inadequate {WHY}"])
    assert store.conversation(services.storage, AUDITOR).get("awaiting") == "regrade_action"
    return audit_id


def test_a_moderators_action_with_its_due_date_typed_goes_on_without_the_due_question(engine: Engine,
                                                                                        services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = moderating(engine, services)
        _, written = drive(engine, [TYPED, "1"], user=QA)
        _, sent = drive(engine, ["send"], user=QA)
    said = flat(written)
    assert TAKEN in said and "Who owns this action? Meet the school" in said
    assert "When is it due?" not in said and "This sends an urgent alert now to" in said
    assert "Moderation of audit #1 saved with its action" in flat(sent)
    [action] = open_actions(services, audit_id)
    assert (action.description, action.owner_id, action.due_date) == ("Meet the school", WORKER, "2026-12-04")


def test_a_grade_changes_action_with_its_due_date_typed_goes_on_without_the_due_question(engine: Engine,
                                                                                         services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = regrading(engine, services)
        _, written = drive(engine, [TYPED, "1"])
        _, sent = drive(engine, ["send"])
    said = flat(written)
    assert TAKEN in said and "When is it due?" not in said
    assert "Nothing is changed yet, and the action is added with the grade." in said
    assert "grade changed from Good to Inadequate, with your reason and its action." in flat(sent)
    [action] = open_actions(services, audit_id)
    assert (action.description, action.owner_id, action.due_date) == ("Meet the school", WORKER, "2026-12-04")
    assert store.get_audit(services.storage, audit_id).overall_grade == "inadequate"


def test_the_owner_pressed_goes_on_as_the_owner_typed(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = moderating(engine, services)
        drive(engine, [TYPED], user=QA)
        pressed = engine.action(QA, "audit.moderation_owner", f"{audit_id}:{WORKER}")
        _, sent = drive(engine, ["send"], user=QA)
    said = flat("\n".join(reply.text for reply in pressed))
    assert "When is it due?" not in said and "This sends an urgent alert now to" in said
    assert "saved with its action" in flat(sent)
    [action] = open_actions(services, audit_id)
    assert (action.description, action.due_date) == ("Meet the school", "2026-12-04")


def test_a_weekend_typed_in_the_action_is_queried_at_the_due_question(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = regrading(engine, services)
        _, written = drive(engine, ["Meet the school by saturday", "1"])
        assert store.conversation(services.storage, AUDITOR).get("awaiting") == "regrade_action_due"
        assert open_actions(services, audit_id) == []
        _, kept = drive(engine, ["friday", "send"])
    said = flat(written)
    assert "I've taken “saturday” as the action's due date, Saturday 5 December 2026" in said
    query = ("Saturday 5 December 2026 is a Saturday, so nothing is stored yet: type 4/12 for Friday 4 December, "
             "the last working day before it, or 5/12 anyway to keep it.")
    assert query in said and said.index(query) < said.index("When is it due? Meet the school — Social worker N1")
    assert "with your reason and its action" in flat(kept)
    [action] = open_actions(services, audit_id)
    assert (action.description, action.due_date) == ("Meet the school", "2026-12-04")


def test_a_weekend_queried_for_a_moderator_is_kept_with_anyway(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = moderating(engine, services)
        _, written = drive(engine, ["Meet the school by saturday", "1"], user=QA)
        assert store.conversation(services.storage, QA).get("awaiting") == "moderation_action_due"
        drive(engine, ["saturday anyway", "send"], user=QA)
    assert "Saturday 5 December 2026 is a Saturday, so nothing is stored yet" in flat(written)
    assert "When is it due?" in flat(written)
    [action] = open_actions(services, audit_id)
    assert (action.description, action.due_date) == ("Meet the school", "2026-12-05")


def test_back_at_the_owner_drops_the_due_date_with_the_text(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = moderating(engine, services)
        _, back = drive(engine, [TYPED, "back"], user=QA)
        assert "due_typed" not in store.conversation(services.storage, QA)
        _, written = drive(engine, ["Meet the school and the family", "1"], user=QA)
        _, sent = drive(engine, ["in 4 weeks", "send"], user=QA)
    assert "Nothing is stored yet: type the action again, in place of Meet the school." in flat(back)
    assert "When is it due? Meet the school and the family" in flat(written)
    assert "This sends an urgent alert" not in flat(written)
    [action] = open_actions(services, audit_id)
    assert (action.description, action.due_date) == ("Meet the school and the family", "2026-12-30")
    assert "saved with its action" in flat(sent)


def test_back_at_the_owner_of_a_grade_change_drops_the_due_date_too(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = regrading(engine, services)
        _, out = drive(engine, [TYPED, "back", "Meet the school", "1", "in 4 weeks", "send"])
    assert "When is it due? Meet the school" in flat(out)
    [action] = open_actions(services, audit_id)
    assert (action.description, action.due_date) == ("Meet the school", "2026-12-30")
