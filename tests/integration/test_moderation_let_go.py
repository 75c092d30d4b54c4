"""Trial 30 (head of service, demo data): a moderation could not be let go of, a change of mind at an Inadequate's
action became the action, typed `agree` with several moderations open asked "which one?" and lost what followed,
and a re-moderation to Inadequate told the QA leads "graded it Inadequate, where the auditor's grade was
Inadequate"."""

from __future__ import annotations

import pytest
import time_machine

from bot.audits.moderation_back import going_back
from bot.audits.moderation_release import worded
from bot.audits.questions import moderated_inadequate
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_moderated_inadequate_action import (
    ACTION,
    AUDITOR,
    QA,
    REASON,
    WEDNESDAY,
    audit_with_no_open_action,
    flat,
)
from tests.integration.test_wording import submitted_audit

EDIT = "edit {id} strengths good rapport with the family and the school"


def moderations(services: Services, audit_id: int) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM moderations WHERE audit_id = ?", [audit_id]))


@pytest.mark.parametrize("words", ["stop moderating", "stop moderating {id}", "release {id}", "leave it",
                                   "actually ill leave that one for the QA team", "cancel"])
def test_a_moderator_lets_go_and_the_auditor_may_edit_again(engine: Engine, services: Services, words: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"moderate {audit_id}"], user=QA)
        _, refused = drive(engine, [EDIT.format(id=audit_id)], user=AUDITOR)
        assert "read-only now" in refused
        _, out = drive(engine, [f"moderate {audit_id}", words.format(id=audit_id)], user=QA)
        _, edited = drive(engine, [EDIT.format(id=audit_id)], user=AUDITOR)
        _, queue = drive(engine, ["moderate"], user=QA)
    text = flat(out)
    assert f"Released: you are no longer moderating audit #{audit_id}, and nothing was saved." in text, text
    assert "stays yours to moderate" not in text
    [told] = (flat(m) for m in messages_to(out, AUDITOR))
    assert f"has stopped moderating your audit #{audit_id} without a decision" in told
    assert "you can edit it again" in told
    assert store.get_audit(services.storage, audit_id).status == "submitted"
    assert moderations(services, audit_id) == []
    assert "strengths updated" in edited
    assert f"Open #{audit_id}" in queue and "Audits you are moderating" not in queue
    assert store.conversation(services.storage, QA).get("awaiting") is None


def test_send_back_tells_the_auditor_what_to_correct(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, empty = drive(engine, [f"moderate {audit_id}", "can i send it back to the TM to correct"], user=QA)
        assert store.get_audit(services.storage, audit_id).status == "in_moderation"
        _, out = drive(engine, [f"send back {audit_id} the planning grade needs its evidence note"], user=QA)
    assert "Say what the auditor should correct" in flat(empty) and "performance clinic" not in empty
    assert f"Sent back: audit #{audit_id} is with its auditor to correct" in flat(out)
    [told] = (flat(m) for m in messages_to(out, AUDITOR))
    assert "back to you to correct before it is moderated: “the planning grade needs its evidence note”" in told
    assert store.get_audit(services.storage, audit_id).status == "submitted"


def test_cancel_after_a_decision_step_still_holds_and_says_how_to_let_go(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "agree", "cancel"], user=QA)
    assert f"type stop moderating {audit_id}" in flat(out)
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


def test_someone_not_moderating_it_is_told_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"release {audit_id}"], user=QA)
    assert f"You are not moderating audit #{audit_id}" in flat(out)


@pytest.mark.parametrize("text, meant", [
    ("stop moderating", ("release", None, None)), ("release 82", ("release", 82, None)),
    ("actually ill leave that one for the QA team", ("release", None, None)),
    ("send back 82 fix the grade please", ("send_back", 82, "fix the grade please")),
    ("send it back to the auditor to correct", ("send_back", None, None)),
    ("leave it as RI", None), ("what is moderation", None)])
def test_the_words_for_letting_go(text: str, meant: tuple | None) -> None:
    assert worded(text) == meant


def test_a_change_of_mind_at_the_action_goes_back_to_the_decision(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON,
                                "hang on, actually i think its RI not inadequate"], user=QA)
    text = flat(out)
    assert "Who owns this action? hang on" not in text
    assert "taken as Requires improvement to be good" in text, text
    assert "You would grade it Requires improvement to be good. Why?" in text
    waiting = store.conversation(services.storage, QA)
    assert (waiting["awaiting"], waiting["grade"]) == ("moderation_reason", "requires_improvement")
    assert len(action_store.actions_of_audit(services.storage, audit_id)) == 1  # the done one only


def test_undo_at_the_owner_goes_back_to_the_action(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON, ACTION,
                                "oops wrong one, undo that"], user=QA)
        _, again = drive(engine, ["oops wrong one, undo that"], user=QA)
    assert "Who owns this action? oops" not in flat(out)
    assert "type the action again" in flat(out)
    assert "back to your decision on audit" in flat(again)
    assert store.conversation(services.storage, QA)["awaiting"] == "moderation_decision"
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


@pytest.mark.parametrize("text, back", [("hang on", True), ("go back", True), ("oops wrong one, undo that", True),
                                        ("actually i think its RI not inadequate", True),
                                        ("Go back to the school for the views of the child's teacher", False),
                                        ("book a strategy discussion", False)])
def test_going_back_words(text: str, back: bool) -> None:
    assert going_back(text) is back


def test_typed_agree_with_several_open_decides_the_one_on_screen(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        first = submitted_audit(engine, services, AUDITOR)
        second = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"moderate {second}", "pause"], user=QA)
        _, out = drive(engine, [f"moderate {first}", "agree", "The plan is clear and the child's views shaped it."],
                       user=QA)
    text = flat(out)
    assert "Which one" not in text
    assert f"Taken as your decision on audit #{first}, the one you have open" in text, text
    assert f"Moderation of audit #{first} saved" in text
    assert store.get_audit(services.storage, first).status == "moderated"
    assert store.get_audit(services.storage, second).status == "in_moderation"


def test_remoderated_to_inadequate_says_what_changed(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "2", REASON, "skip"], user=QA)
        assert store.get_audit(services.storage, audit_id).moderated_grade == "requires_improvement"
        _, out = drive(engine, [f"change moderation {audit_id}", "disagree", "3", REASON, ACTION, "1", "in 4 weeks",
                                "send"], user=QA)
    alerts = [flat(m) for m in messages_to(out, "U0QALEAD2") if "Inadequate overall grade" in m]
    assert alerts and ("QA lead (practice) graded it Inadequate at moderation, where the auditor's grade was Good, "
                       "changing their earlier moderation of Requires improvement to be good.") in alerts[0], out


def test_an_inadequate_agreed_is_said_so() -> None:
    assert moderated_inadequate("QA lead", "inadequate", "requires_improvement") == (
        "QA lead agreed with the auditor's Inadequate at moderation, changing their earlier moderation of "
        "Requires improvement to be good.")
    assert "where the auditor's grade was Inadequate" not in moderated_inadequate("QA lead", "inadequate")
