"""Fix 37: an auditor heard nothing when an action they set was marked done. Now whoever marks it done sends the
auditor (or, when the auditor has left, the owner's team manager) a short DM with the action's number, case, what it
was, the done note and who marked it; nothing when the auditor marked it done themselves; an `undo` the same day
sends a short "reopened" line (bot.audits.action_done_told)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
AUDITOR, MANAGER, WORKER = "U0MGRS001", "U0MGRN001", "U0PRAN001"
TITLE = "Hold a direct-work session"


def _action(services: Services, auditor: str = AUDITOR, owner: str = WORKER) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", NOW, auditor=auditor)
    return action_store.add_action(services.storage, audit_id, TITLE, owner, "2026-12-08", auditor, NOW)


def _to(replies: list[Reply], user: str) -> list[str]:
    return [flat(reply.text, "_`") for reply in replies if reply.to_user == user]


def test_the_auditor_is_told_the_action_is_done_with_the_note_and_who_marked_it(engine: Engine,
                                                                              services: Services) -> None:
    action = _action(services)
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, f"done {action} - visit done with the family", surface="terminal")
    [told] = [reply for reply in replies if reply.to_user == AUDITOR]
    assert flat(told.text, "_`") == (f"Social worker N1 marked action {action} done: {TITLE} (audit #1, CR-123456). "
                                     "Note: “visit done with the family”. If it isn't finished, press Reopen (or "
                                     f"type reopen action {action}).")
    assert [(c.label, c.action, c.value) for c in told.choices] == [("Reopen", "actions.reopen", str(action))]


def test_without_a_note_the_auditor_is_told_all_the_same(engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, f"done {action}", surface="terminal")
    [told] = _to(replies, AUDITOR)
    assert told.startswith(f"Social worker N1 marked action {action} done: {TITLE} (audit #1, CR-123456). If it")


def test_when_the_auditor_has_left_the_owners_team_manager_is_told(engine: Engine, services: Services) -> None:
    action = _action(services, auditor="U0GONE001")
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, f"done {action} - plan shared", surface="terminal")
    [told] = _to(replies, MANAGER)
    assert f"Social worker N1 marked action {action} done" in told and "Note: “plan shared”." in told
    assert "you are told as team manager: its auditor, U0GONE001, has left" in told
    assert _to(replies, "U0GONE001") == []


def test_nothing_is_sent_when_the_auditor_marked_it_done_themselves(engine: Engine, services: Services) -> None:
    """The North manager audited their worker's case and marks the action done for them: the worker is told, and
    the manager is not sent their own doing."""
    action = _action(services, auditor=MANAGER)
    own = _action(services, auditor=WORKER)  # an action the worker set for themselves, in their own audit
    with time_machine.travel(NOW, tick=False):
        engine.message(MANAGER, f"done {action}", surface="terminal")
        replies = engine.message(MANAGER, "yes", surface="terminal")
        mine = engine.message(WORKER, f"done {own}", surface="terminal")
    assert [reply.to_user for reply in replies] == [None, WORKER]
    assert [reply.to_user for reply in mine] == [None]


def test_undo_the_same_day_tells_the_auditor_it_is_open_again(engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"done {action}", surface="terminal")
        replies = engine.message(WORKER, "oops wrong one", surface="terminal")
    assert _to(replies, AUDITOR) == [f"Social worker N1 reopened action {action} (audit #1, CR-123456), marked done "
                                     "earlier today: it is open again, due Tuesday 8 December 2026 (in 14 days)."]


def test_a_reopen_on_a_later_day_or_by_the_auditor_sends_no_reopened_line(engine: Engine, services: Services) -> None:
    action, other = _action(services), _action(services)
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"done {action}", surface="terminal")
        engine.message(WORKER, f"done {other}", surface="terminal")
        by_auditor = engine.message(AUDITOR, f"reopen action {other}", surface="terminal")
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        later = engine.message(WORKER, f"reopen action {action}", surface="terminal")
    assert _to(later, AUDITOR) == []
    assert [reply.to_user for reply in by_auditor] == [None, WORKER]


def test_a_note_naming_a_child_is_refused_and_the_auditor_is_sent_nothing(engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, f"done {action} - saw jayden at home", surface="terminal")
    assert [reply.kind for reply in replies] == ["error"] and _to(replies, AUDITOR) == []
