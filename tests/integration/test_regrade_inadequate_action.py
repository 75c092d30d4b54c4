"""`/audit edit 3 grade inadequate <why>` on a submitted audit with no open action (trial 8, F21). An audit graded
Inadequate needs at least one action, so the change asks for it (what, who, by when, read as at an audit's actions)
before anything is stored; then the check before the alert; then the grade, its reason and the action are stored
together, and the worker is told of both. Until then nothing changes and nobody is told; `cancel` leaves it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"
ALERTED = ("U0ADMIN01", "U0QALEAD1", "U0QALEAD2")  # the North manager has no manager above them
WHY = "the child said they were not listened to and nothing changed"
ACTION = "Hold a strategy discussion and see the child alone"
ASKED = ("Audit #1 has no open action, and an audit graded Inadequate needs at least one: what must happen for the "
         "child? Nothing is changed until the action has an owner and a due date: the audit stays Good and nobody is "
         "told. Type cancel to leave the grade as it is.")


def flat(text: str) -> str:
    return " ".join(text.replace("*", "").replace("`", "").replace("_", " ").split())


def open_actions(services: Services, audit_id: int) -> list[action_store.ActionRow]:
    return [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]


@pytest.fixture
def no_action(engine: Engine, services: Services) -> int:
    """Audit #1, graded Good and submitted, its one action removed as added by mistake: it has no action at all."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        [action] = action_store.actions_of_audit(services.storage, audit_id)
        engine.command(AUDITOR, f"edit {audit_id} remove action {action.id}")
        engine.action(AUDITOR, "actions.remove_confirm", str(action.id))  # Yes to "Remove action 1 from audit #1?"
    assert action_store.actions_of_audit(services.storage, audit_id) == []
    return audit_id


def test_the_grade_change_asks_for_the_action_then_the_alert_check_then_stores_all_three(
        engine: Engine, services: Services, no_action: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, asked = drive(engine, [f"/audit edit {no_action} grade inadequate {WHY}", "none"])
        assert store.get_audit(services.storage, no_action).overall_grade == "good"  # nothing changed yet
        _, checked = drive(engine, [ACTION, "1", "in 4 weeks"])
        assert store.get_audit(services.storage, no_action).overall_grade == "good"  # the alert check comes last
        assert action_store.actions_of_audit(services.storage, no_action) == []
        _, sent = drive(engine, ["send"])
        _, shown = drive(engine, [f"/audit show {no_action}"], user=WORKER)
    assert ASKED in flat(asked)
    assert "An audit graded Inadequate needs at least one action: what must happen for the child" in flat(asked)
    assert "Who owns this action?" in flat(checked) and "1) Social worker N1 (the case's worker)" in checked
    assert "When is it due?" in flat(checked)
    assert "Nothing is changed yet, and the action is added with the grade." in flat(checked)
    assert "This sends an urgent alert now to" in flat(checked)
    audit = store.get_audit(services.storage, no_action)
    assert (audit.overall_grade, audit.grade_reason) == ("inadequate", WHY)
    [action] = open_actions(services, no_action)
    assert (action.description, action.owner_id, action.due_date, action.created_by) == (
        ACTION, WORKER, "2026-12-30", AUDITOR)
    said = f"Action {action.id}: {ACTION} — Social worker N1, by Wednesday 30 December 2026 (in 28 days)"  # fix50g
    assert "grade changed from Good to Inadequate, with your reason and its action." in flat(sent)
    [to_worker] = (flat(m) for m in messages_to(sent, WORKER))
    assert f"changed from Good to Inadequate by Team manager (North): {WHY}. {said}." in to_worker  # as sentences
    for user in ALERTED:
        assert any("Inadequate overall grade on audit #1" in flat(m) for m in messages_to(sent, user))
    assert f"{ACTION} — Social worker N1, by 30 Dec 2026 (open)" in flat(shown)
    kept = {r["field"] for r in store.revisions_of(services.storage, no_action)}
    assert {"overall_grade", "grade_reason", "action"} <= kept


def test_an_audit_whose_only_action_is_done_needs_an_open_one(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        [action] = action_store.actions_of_audit(services.storage, audit_id)
        engine.action(WORKER, "actions.done", str(action.id))
        _, out = drive(engine, [f"/audit edit {audit_id} grade inadequate {WHY}"])
    assert ASKED in flat(out)
    assert store.get_audit(services.storage, audit_id).overall_grade == "good"


def test_an_audit_with_an_open_action_goes_straight_to_the_alert_check(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit edit {audit_id} grade inadequate {WHY}", "send"])
    assert "has no open action" not in out
    assert store.get_audit(services.storage, audit_id).overall_grade == "inadequate"
    assert len(open_actions(services, audit_id)) == 1


def test_cancel_at_the_action_changes_nothing_and_tells_nobody(engine: Engine, services: Services,
                                                              no_action: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit edit {no_action} grade inadequate {WHY}", ACTION, "cancel"])
    assert ("OK, nothing changed: audit #1 is still graded Good, no action was added and nobody was told."
            in flat(out))
    assert "[message to" not in out
    assert store.get_audit(services.storage, no_action).overall_grade == "good"
    assert action_store.actions_of_audit(services.storage, no_action) == []
    assert store.conversation(services.storage, AUDITOR) == {}


def test_no_at_the_alert_check_adds_no_action_either(engine: Engine, services: Services, no_action: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit edit {no_action} grade inadequate {WHY}", ACTION, "1", "in 4 weeks", "no"])
    assert ("OK, no alert was sent and the grade was not changed and the action was not added: audit #1 is still "
            "graded Good, and nobody was told.") in flat(out)
    assert store.get_audit(services.storage, no_action).overall_grade == "good"
    assert action_store.actions_of_audit(services.storage, no_action) == []


def test_an_owner_typed_who_is_neither_auditor_nor_worker_is_told(engine: Engine, services: Services,
                                                                 no_action: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit edit {no_action} grade inadequate {WHY}", ACTION, "U0PRAN002",
                                "23/12/2026", "send"])
    [told] = (flat(m) for m in messages_to(out, "U0PRAN002"))
    assert ("Team manager (North) set you an action on audit #1, now graded Inadequate: Action 2: "
            f"{ACTION} — Social worker N2, by Wednesday 23 December 2026 (in 21 days). /audit actions lists "
            "it.") in told
    [action] = open_actions(services, no_action)
    assert (action.owner_id, action.due_date) == ("U0PRAN002", "2026-12-23")


def test_asked_mid_draft_the_draft_is_said_to_wait_once_it_is_done(engine: Engine, services: Services,
                                                                  no_action: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        drive(engine, ["/audit start early-help-spot", "CR-100300"])
        draft = int(services.storage.db.execute("SELECT max(id) FROM audits").fetchone()[0])
        _, out = drive(engine, [f"/audit edit {no_action} grade inadequate {WHY}", "cancel"])
    assert f"Your audit #{draft} waits where you left it: type /audit resume {draft} to carry on." in flat(out)


# -- through Slack -------------------------------------------------------------------------------------------

def test_through_slack_the_action_is_asked_before_the_check_and_stored_with_the_grade(
        bot: RunningBot, standin, services: Services, engine: Engine, no_action: int) -> None:
    others = (*ALERTED, WORKER)
    auditor = SlackPerson(bot, standin, AUDITOR)
    [asked] = auditor.send("command", f"edit {no_action} grade inadequate {WHY}")
    assert ASKED in flat(asked.text)
    [owners] = auditor.send("message", ACTION)
    [worker] = [c for c in owners.choices if c.label.startswith("Social worker N1")]
    [due] = auditor.send("press", f"{worker.action}|{worker.value}")
    assert "When is it due?" in flat(due.text)
    with time_machine.travel(WEDNESDAY, tick=False):
        [check] = auditor.send("message", "23/12/2026")
    assert "This sends an urgent alert now to" in check.text
    assert {user: list(standin.messages_to(user)) for user in others} == {user: [] for user in others}
    send = check.choices[0]
    with time_machine.travel(WEDNESDAY, tick=False):
        auditor.send("press", f"{send.action}|{send.value}")
    audit = store.get_audit(services.storage, no_action)
    assert (audit.overall_grade, audit.grade_reason) == ("inadequate", WHY)
    [action] = open_actions(services, no_action)
    assert (action.description, action.owner_id, action.due_date) == (ACTION, WORKER, "2026-12-23")
    [told] = [call.text for call in standin.messages_to(WORKER)]
    assert ACTION in told and "changed from Good to Inadequate" in told


def test_regraded_inadequate_by_reopening_the_audit_is_not_resubmitted_without_an_action(
        engine: Engine, services: Services, no_action: int) -> None:
    """The other way to change the grade: reopen it, grade it again, then go Back to the review and submit."""
    with time_machine.travel(WEDNESDAY, tick=False):
        drive(engine, [f"/audit edit {no_action}"])
        # 2 is Continue to the overall grade (typed `next` at a reopened review resubmits it)
        drive(engine, ["2", f"inadequate, {WHY}", "send", "back", "back"])
        _, out = drive(engine, ["submit"])
        assert store.get_audit(services.storage, no_action).status == "draft"  # not resubmitted
        _, done = drive(engine, [ACTION, "1", "in 4 weeks", "done", "submit"])
    assert ("Audit #1 is graded Inadequate and has no open action, so add one before resubmitting: what must happen "
            "for the child, who will do it and by when.") in flat(out)
    assert "Actions (0 so far)" in flat(out)
    assert "Audit #1 is resubmitted with your changes" in flat(done)
    audit = store.get_audit(services.storage, no_action)
    assert (audit.status, audit.overall_grade) == ("submitted", "inadequate")
    assert [a.description for a in open_actions(services, no_action)] == [ACTION]


def test_a_question_typed_at_the_action_is_answered_and_the_action_still_waits(engine: Engine, services: Services,
                                                                               no_action: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit edit {no_action} grade inadequate {WHY}", "what is a strategy discussion?"])
        assert "Who owns this action?" not in out
        assert store.conversation(services.storage, AUDITOR)["awaiting"] == "regrade_action"
        _, owners = drive(engine, [ACTION])
    assert "Who owns this action?" in flat(owners)
