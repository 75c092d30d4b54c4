"""Marking an action done for someone else is confirmed first ("Mark action #7 done for …? Yes / No", pressed or
typed), and the owner is told; a done action can be reopened by its owner, the auditor, or their managers, with who
and when kept (user trial)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.action_status import ALSO_NO, ALSO_YES, NOT_FOUND
from bot.core.services import Services
from bot.engine.confirmations import KEY, normal, reading
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
AUDITOR, MANAGER, WORKER, COLLEAGUE = "U0MGRS001", "U0MGRN001", "U0PRAN001", "U0PRAN002"
QA, ADMIN, OTHER_TEAM = "U0QALEAD1", "U0ADMIN01", "U0PRAS001"


@pytest.fixture
def action_id(services: Services) -> int:
    """The North worker's open action, set by the South manager in an audit of their case."""
    audit_id = insert_audit(services.storage, "CR-123456", NOW, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Share the plan with the school", WORKER,
                                   "2026-12-08", AUDITOR, NOW)


def action(services: Services, action_id: int) -> action_store.ActionRow:
    found = action_store.get_action(services.storage, action_id)
    assert found is not None
    return found


def test_a_manager_marking_their_workers_action_done_is_asked_first_and_the_worker_told(
        engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        _, out = drive(engine, ["/audit actions team", "1", "2", "/audit actions team", "1", "1"],
                       user=MANAGER)  # Done, No; Done, Yes
    first, later = out.split("OK: action", 1)
    assert (f"Mark action #{action_id} done for Social worker N1?\nShare the plan with the school (audit #1, "
            "CR-123456), due 8 Dec 2026\n  1) Yes\n  2) No") in first
    assert f" {action_id} (Share the plan with the school, audit #1, CR-123456) stays open. Nothing changed." in later
    assert (f"Action {action_id} (audit #1, CR-123456) marked done for Social worker N1: Share the plan with the "
            "school. Thank you. Wrong one? Type undo (or press Reopen) to open it again.") in flat(later)
    [told] = messages_to(out, WORKER)
    assert flat(told) == (f"Team manager (North) marked your action {action_id} done: Share the plan with the "
                          "school (audit #1, CR-123456). If it isn't finished, press Reopen (or type reopen action "
                          f"{action_id}).")
    [auditor] = messages_to(out, AUDITOR)  # fix 37: the auditor who set it hears it is done, and who did it
    assert flat(auditor).startswith(f"Team manager (North) marked action {action_id} done for Social worker N1: Share "
                                    "the plan with the school (audit #1, CR-123456).")
    done = action(services, action_id)
    assert (done.done_by, done.done_at) == (MANAGER, "2026-11-24T10:00:00+00:00")


@pytest.mark.parametrize(("answer", "done"), [("yes", True), ("Yes please", True), ("no", False),
                                              ("keep it open", False)])
def test_yes_or_no_typed_answers_the_question(engine: Engine, services: Services, action_id: int, answer: str,
                                              done: bool) -> None:
    with time_machine.travel(NOW, tick=False):
        [asked] = engine.message(MANAGER, f"done {action_id}", surface="terminal")
        assert asked.kind == "question" and action(services, action_id).done_at is None
        replies = engine.message(MANAGER, answer, surface="terminal")
    assert bool(action(services, action_id).done_at) is done
    assert ("marked done" in replies[0].text) is done


def test_the_question_waits_only_for_the_next_message(engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(MANAGER, f"done {action_id}", surface="terminal")
        engine.message(MANAGER, "when is the ICPC due?", surface="terminal")
        [stray] = engine.message(MANAGER, "yes", surface="terminal")
    assert "There's no question waiting" in stray.text
    assert action(services, action_id).done_at is None


def test_the_owner_marks_their_own_done_at_once_and_can_reopen_it(engine: Engine, services: Services,
                                                                  action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        _, out = drive(engine, [f"done {action_id}", "1", "/audit actions"], user=WORKER)  # 1: Reopen
    assert (f"Action {action_id} (audit #1, CR-123456) marked done: Share the plan with the school. Thank you. Wrong "
            "one? Type undo (or press Reopen) to open it again.") in flat(out)
    assert (f"Reopened: action {action_id}, Share the plan with the school (audit #1, CR-123456), is open again, "
            f"due Tuesday 8 December 2026 (in 14 days). Type done {action_id} when it is complete.") in flat(out)
    assert out.rstrip().split("Your open actions")[1].count("Share the plan with the school") == 1
    reopened = action(services, action_id)
    assert reopened.done_at is None and reopened.done_by is None
    assert (reopened.reopened_by, reopened.reopened_at) == (WORKER, "2026-11-24T10:00:00+00:00")
    trail = [tuple(r) for r in services.storage.db.execute("SELECT action, actor FROM trail WHERE action LIKE "
                                                           "'action.%' ORDER BY id")]
    assert trail == [("action.done", WORKER), ("action.reopen", WORKER)]


@pytest.mark.parametrize(("user", "allowed"), [
    (WORKER, True), (AUDITOR, True), (MANAGER, True), (ADMIN, True),  # owner, auditor, owner's manager, admin
    (COLLEAGUE, False), (OTHER_TEAM, False), (QA, False),
])
def test_who_may_reopen_a_done_action(engine: Engine, services: Services, action_id: int, user: str,
                                      allowed: bool) -> None:
    with time_machine.travel(NOW, tick=False):  # in the worker's hours, so she is told at once (fix44d)
        engine.action(WORKER, "actions.done", str(action_id))
        replies = engine.message(user, f"reopen action {action_id}", surface="terminal")
    assert (action(services, action_id).done_at is None) is allowed
    if allowed:
        assert replies[0].text.startswith(f"Reopened: action {action_id}")
        told = [r for r in replies if r.to_user == WORKER]
        assert bool(told) is (user != WORKER)  # the owner is told when someone else reopened it
    else:
        assert replies == [replies[0]] and replies[0].kind == "error"
        assert replies[0].text == "Only the action's owner, the auditor who set it, or their managers can reopen it."


def test_a_reopened_action_says_so_in_the_audit(engine: Engine, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.action(WORKER, "actions.done", str(action_id))
        engine.action(AUDITOR, "actions.reopen", str(action_id))
        [shown] = engine.command(WORKER, "show 1", surface="terminal")
    assert "by 8 Dec 2026 (open, reopened 24 Nov 2026 by Team manager (South))" in shown.text


@pytest.mark.parametrize(("typed", "said"), [
    ("reopen action {}", "Action {} (_Share the plan with the school_, audit #1, CR-123456) is not marked done, so it "
                         "is open already: `/audit actions` lists it."),
    ("reopen {}", "Action {} (_Share the plan with the school_, audit #1, CR-123456) is not marked done, so it is open "
                  "already: `/audit actions` lists it. To change submitted audit #{} instead, type `/audit edit {}`."),
    ("reopen action 999", "I can't find that action; type `/audit actions` to see your open ones."),
])
def test_reopening_what_cannot_be_reopened_says_why(engine: Engine, action_id: int, typed: str, said: str) -> None:
    [reply] = engine.message(WORKER, typed.format(action_id), surface="terminal")
    assert reply.kind == "error" and reply.text == said.format(*[action_id] * 4)


def test_a_done_action_asked_about_again_says_it_is_done(engine: Engine, action_id: int) -> None:
    engine.action(WORKER, "actions.done", str(action_id))
    [again] = engine.action(MANAGER, "actions.done", str(action_id))
    [confirmed_late] = engine.action(MANAGER, "actions.done_confirm", str(action_id))
    assert again.text == confirmed_late.text == "That action is already marked done."


def test_a_colleague_is_refused_before_any_question(engine: Engine, services: Services, action_id: int) -> None:
    [refused] = engine.action(COLLEAGUE, "actions.done", str(action_id))
    [pressed_anyway] = engine.action(COLLEAGUE, "actions.done_confirm", str(action_id))  # a copied button
    assert refused.text == pressed_anyway.text == NOT_FOUND
    assert action(services, action_id).done_at is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=30) | st.sampled_from(["yes", "Y", "okay!", "no", "Not yet.", "yes mark it done",
                                                    "no, leave it open", "yesterday", "nobody", "yes?"]))
def test_only_a_yes_marks_it_done_and_any_other_text_leaves_the_question(
        engine: Engine, services: Services, action_id: int, text: str) -> None:
    services.storage.db.execute("UPDATE actions SET done_at = NULL, done_by = NULL WHERE id = ?", [action_id])
    with time_machine.travel(NOW, tick=False):
        engine.message(MANAGER, f"done {action_id}", surface="terminal")
        replies = engine.message(MANAGER, text, surface="terminal")
    assert not any("something went wrong" in r.text for r in replies)
    asked = {"yes": ["", "", "Yes"], "no": ["", "", "No"], "also_yes": [normal(words) for words in ALSO_YES],
             "also_no": [normal(words) for words in ALSO_NO]}
    assert bool(action(services, action_id).done_at) is (reading(text, asked) == "yes")
    if reading(text, asked) == "no":
        assert "stays open" in replies[0].text
    left = store.conversation(services.storage, MANAGER).get(KEY)  # no question waits; at most `undo` (trial 34)
    assert left is None or (left["yes"][0], left.get("words_only")) == ("actions.reopen", True)


# -- trial 21: `done 2 - how it was done`, `action 2 done`, and `remove action 2` typed anywhere ------------------

@pytest.mark.parametrize(("typed", "note"), [("done {id} - saw child alone at school on thurs",
                                              "saw child alone at school on thurs"),
                                             ("action {id} done - saw child alone at school on thurs",
                                              "saw child alone at school on thurs"),
                                             ("done {id}: plan shared at the core group",
                                              "plan shared at the core group"),
                                             ("action {id} is complete, plan shared", "plan shared")])
def test_done_with_how_after_it_marks_the_action_done_and_keeps_the_words_as_its_note(
        engine: Engine, services: Services, action_id: int, typed: str, note: str) -> None:
    """Trial 34: the note was "not kept", so the auditor saw no evidence; now it is kept and shown in the audit."""
    with time_machine.travel(NOW, tick=False):
        _, out = drive(engine, [typed.format(id=action_id), "quit"], user=WORKER)
        [shown] = engine.command(AUDITOR, "show 1", surface="terminal")
    text = flat(out)
    assert (f"Action {action_id} (audit #1, CR-123456) marked done: Share the plan with the school. Your note is kept "
            f"with it: “{note}”. Thank you.") in text
    assert "is not kept" not in text
    assert (action(services, action_id).done_by, action(services, action_id).done_note) == (WORKER, note)
    assert f"(**done** 24 Nov 2026; note: “{note}”)" in shown.text
    assert asked_the_knowledge_base(services) == 0  # never on the QA leads' list as a question


def test_action_n_done_alone_and_done_n_thanks_say_nothing_of_a_note(engine: Engine, services: Services,
                                                                      action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        _, out = drive(engine, [f"action {action_id} done", f"reopen action {action_id}", f"done {action_id}, thanks"],
                       user=WORKER)
    assert flat(out).count(f"Action {action_id} (audit #1, CR-123456) marked done: Share the plan with the school. "
                           "Thank you.") == 2
    assert "note" not in out and action(services, action_id).done_note is None


def test_remove_action_typed_outside_an_audit_removes_it_from_its_audit(engine: Engine, services: Services,
                                                                        action_id: int) -> None:
    other = action_store.add_action(services.storage, action(services, action_id).audit_id, "Book a strategy review",
                                    WORKER, "2026-12-10", AUDITOR, NOW)
    with time_machine.travel(NOW, tick=False):
        _, kept = drive(engine, [f"remove action {other}", "no"], user=AUDITOR)
        assert f"OK: action {other} (Book a strategy review, audit #1, CR-123456) stays. Nothing changed." in flat(kept)
        assert action_store.get_action(services.storage, other) is not None
        _, out = drive(engine, [f"remove action {other}", "yes"], user=AUDITOR)
    # asked first, as marking a colleague's action done is (trial 21: it was removed at once)
    assert (f"Remove action {other} from audit #1 (CR-123456)? Book a strategy review — Social worker N1, due 10 Dec "
            "2026 Its words are cleared; who removed it and when stay in the audit's history, and whoever was sent it "
            "is told.") in flat(out)
    assert f"Audit #1: action {other} (Book a strategy review) is removed." in flat(out)
    assert action_store.get_action(services.storage, other) is None
    assert action_store.get_action(services.storage, action_id) is not None
    assert asked_the_knowledge_base(services) == 0


def test_remove_action_typed_by_someone_else_or_for_no_action_is_refused_in_words(
        engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        _, out = drive(engine, [f"remove action {action_id}", "remove action 999"], user=OTHER_TEAM)
    assert action_store.get_action(services.storage, action_id) is not None
    assert "Only the person who did this audit can change it." in flat(out)
    assert "I can't find action 999: type /audit actions to see the open ones." in flat(out)
    assert asked_the_knowledge_base(services) == 0


def test_several_actions_in_one_done_are_told_one_at_a_time_and_nothing_changes(
        engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        _, out = drive(engine, [f"done {action_id}, 4 and 5"], user=WORKER)
    assert (f"Mark one action at a time, so each is checked: type done {action_id}, then done 4, then done 5. "
            "Nothing was changed.") in flat(out)
    assert action(services, action_id).done_at is None
    assert asked_the_knowledge_base(services) == 0


def test_the_manager_who_marked_it_done_is_told_when_the_worker_reopens_it(engine: Engine, services: Services,
                                                                          action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.action(MANAGER, "actions.done_confirm", str(action_id))
        replies = engine.message(WORKER, f"reopen action {action_id}")
    told = [reply.text for reply in replies if reply.to_user == MANAGER]
    assert told == [f"Social worker N1 reopened action {action_id}, which you marked done: _Share the plan with the "
                    "school_ (audit #1, CR-123456), due Tuesday 8 December 2026 (in 14 days). It is open again, in "
                    "`/audit actions team`."]
    assert action(services, action_id).done_at is None


def test_a_number_typed_in_a_dm_after_the_actions_list_is_said_how_and_changes_nothing(
        engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(MANAGER, "actions team")
        [reply] = engine.message(MANAGER, "3")
    assert reply.text == "To mark action 3 done, type `done 3`, or press its Done button. Nothing was changed."
    assert action(services, action_id).done_at is None
