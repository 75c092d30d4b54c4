"""Trial 34 (a South social worker): `done 94` said "Done: <title> is marked complete" with no number or case, where
four actions share that title, and `oops wrong one` went to the knowledge base with the action still done; `done 19 -
chronology updated today` was told the note "is not kept"; `ive done the direct work for action 45 now` got a
knowledge-base answer. Now the reply names the action by number and case and says how to undo it, `undo` and its
everyday forms typed next reopen it, a short screened note is kept and shown in the audit, and the loose line marks
the action done."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
AUDITOR, MANAGER, WORKER = "U0MGRS001", "U0MGRN001", "U0PRAN001"
TITLE = "Hold a direct-work session and record the child's own words"


@pytest.fixture
def action_id(services: Services) -> int:
    """The North worker's open action, set by the South manager in an audit of their case."""
    audit_id = insert_audit(services.storage, "CR-123456", NOW, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, TITLE, WORKER, "2026-12-08", AUDITOR, NOW)


def _action(services: Services, action_id: int) -> action_store.ActionRow:
    found = action_store.get_action(services.storage, action_id)
    assert found is not None
    return found


def _said(engine: Engine, user: str, text: str) -> str:
    """What the one typing is told (the auditor's DM that it is done, fix 37, is tested apart)."""
    replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(reply.text for reply in replies if reply.to_user is None), "_`")


def test_done_names_the_action_by_number_and_case_and_says_how_to_undo(engine: Engine, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, WORKER, f"done {action_id}")
    assert said == (f"Action {action_id} (audit #1, CR-123456) marked done: {TITLE}. Thank you. Wrong one? Type undo "
                    "(or press Reopen) to open it again.")


@pytest.mark.parametrize("undo", ["undo", "oops wrong one", "not that one, undo", "oops no not that one, undo",
                                  "Oops! Wrong one.", "reopen it"])
def test_undo_typed_right_after_a_done_reopens_it_in_one_step(engine: Engine, services: Services, action_id: int,
                                                              undo: str) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"done {action_id}", surface="terminal")
        said = _said(engine, WORKER, undo)
    assert said == (f"Reopened: action {action_id}, {TITLE} (audit #1, CR-123456), is open again, due Tuesday 8 "
                    "December 2026 (in 14 days). "
                    f"Type done {action_id} when it is complete.")
    assert _action(services, action_id).done_at is None and _action(services, action_id).reopened_by == WORKER
    assert asked_the_knowledge_base(services) == 0


def test_undo_after_something_else_reopens_nothing(engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"done {action_id}", surface="terminal")
        engine.message(WORKER, "my actions", surface="terminal")
        said = _said(engine, WORKER, "undo")
    assert "Reopened" not in said and _action(services, action_id).done_at is not None


def test_a_note_is_kept_with_the_action_and_shown_in_the_audit(engine: Engine, services: Services,
                                                               action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, WORKER, f"done {action_id} - chronology updated today and sent to TM")
        [shown] = engine.command(AUDITOR, "show 1", surface="terminal")
    assert "Your note is kept with it: “chronology updated today and sent to TM”." in said
    assert _action(services, action_id).done_note == "chronology updated today and sent to TM"
    assert f"Action {action_id}: {TITLE} — Social worker N1, by 8 Dec 2026 (**done** 24 Nov 2026; note: “chronology " \
           "updated today and sent to TM”)" in shown.text


def test_a_note_naming_a_child_is_refused_and_the_action_stays_open(engine: Engine, services: Services,
                                                                    action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [refused] = engine.message(WORKER, f"done {action_id} - saw jayden alone at school", surface="terminal")
    assert refused.kind == "error"
    assert refused.text.startswith(f"I can't store that note, so action {action_id} is not marked done yet:")
    assert "Nothing was saved" in refused.text and "jayden" not in refused.text.lower()
    assert _action(services, action_id).done_at is None
    dumped = "\n".join(str(row) for table in services.storage.db.table_names()
                       for row in services.storage.db.execute(f"SELECT * FROM [{table}]").fetchall())
    assert "jayden" not in dumped.lower()


def test_a_long_note_is_refused_with_how_long_it_may_be(engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [refused] = engine.message(WORKER, f"done {action_id} - " + "visited and reviewed the plan " * 12,
                                   surface="terminal")
    assert refused.kind == "error" and "keep it under 280" in refused.text
    assert _action(services, action_id).done_at is None


def test_a_managers_note_waits_for_the_yes_and_the_owner_is_told_it(engine: Engine, services: Services,
                                                                    action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [asked] = engine.message(MANAGER, f"done {action_id} - checked with the worker in supervision",
                                 surface="terminal")
        assert asked.kind == "question" and _action(services, action_id).done_at is None
        done, told, auditor = engine.message(MANAGER, "yes", surface="terminal")
    assert f"Action {action_id} (audit #1, CR-123456) marked done for Social worker N1" in done.text
    assert "“checked with the worker in supervision”" in done.text
    assert told.to_user == WORKER and "Their note: “checked with the worker in supervision”." in told.text
    assert auditor.to_user == AUDITOR and "Note: “checked with the worker in supervision”." in auditor.text
    assert _action(services, action_id).done_note == "checked with the worker in supervision"


@pytest.mark.parametrize("typed", ["ive done the direct work for action {n} now", "I've completed the visit for "
                                   "action {n}", "i finished the chronology on action {n} today", "{n} is done",
                                   "I've done action {n}"])
def test_done_in_a_workers_own_words_marks_it_and_says_which(engine: Engine, services: Services, action_id: int,
                                                             typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, WORKER, typed.format(n=action_id))
    assert said.startswith(f"Action {action_id} (audit #1, CR-123456) marked done: {TITLE}.")
    assert _action(services, action_id).done_by == WORKER and asked_the_knowledge_base(services) == 0


def test_a_question_about_done_work_is_not_read_as_done(engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"have i done the visit for action {action_id}?", surface="terminal")
    assert _action(services, action_id).done_at is None


def test_a_done_note_can_be_redacted_like_any_stored_text(engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"done {action_id} - chronology updated", surface="terminal")
        [listed] = engine.command("U0QALEAD1", "redact 1", surface="terminal")
        engine.command("U0QALEAD1", f"redact 1 d{action_id} a slip", surface="terminal")
        engine.message("U0QALEAD1", "yes", surface="terminal")
    assert f"d{action_id}: note on action {action_id} marked done — “chronology updated”" in listed.text
    assert _action(services, action_id).done_note not in (None, "chronology updated")
