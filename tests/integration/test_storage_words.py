"""Storage raises wordless errors (NotFound, Conflict, NotAllowed); the features word them, as before."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import moderation as moderation_store
from bot.storage import readback as readback_store
from bot.storage.errors import Conflict, NotAllowed, NotFound
from tests.support.audit_rows import insert_audit

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
AUDITOR, WORKER = "U0PRAN002", "U0PRAN001"
QA_LEAD, OTHER_MODERATOR = "U0QALEAD1", "U0MGRS001"


@pytest.fixture
def north_audit(services: Services) -> int:
    return insert_audit(services.storage, "CR-100001", DAY, auditor=AUDITOR, worker=WORKER, team="north-assessment")


def test_storage_raises_no_words(services: Services, north_audit: int) -> None:
    with pytest.raises(NotFound):
        moderation_store.open_moderation(services.storage, 999, QA_LEAD, DAY)
    moderation_store.open_moderation(services.storage, north_audit, QA_LEAD, DAY)
    with pytest.raises(Conflict) as taken:
        moderation_store.open_moderation(services.storage, north_audit, OTHER_MODERATOR, DAY)
    assert taken.value.current.status == "in_moderation"
    with pytest.raises(Conflict):
        moderation_store.decide_moderation(services.storage, north_audit, OTHER_MODERATOR, True, "good", "Fine.", DAY)
    with pytest.raises(NotFound):
        action_store.complete_action(services.storage, 999, AUDITOR, allowed=False, now=DAY)


def test_a_second_moderator_is_told_another_has_opened_it(engine: Engine, north_audit: int) -> None:
    engine.action(QA_LEAD, "audit.moderate_open", str(north_audit))
    [refusal] = engine.action(OTHER_MODERATOR, "audit.moderate_open", str(north_audit))
    assert refusal.kind == "error"
    assert refusal.text.startswith("This audit is being moderated by QA lead (practice) since ")
    assert refusal.text.endswith(", another moderator may take it over.")


def test_opening_a_moderated_audit_says_it_is_not_waiting(engine: Engine, services: Services,
                                                          north_audit: int) -> None:
    moderation_store.open_moderation(services.storage, north_audit, QA_LEAD, DAY)
    moderation_store.decide_moderation(services.storage, north_audit, QA_LEAD, True, "good", "Fine.", DAY)
    [refusal] = engine.action(OTHER_MODERATOR, "audit.moderate_open", str(north_audit))
    assert refusal.kind == "error"
    # a manager of another team, who may moderate it but not read it: not who decided it, nor how
    assert refusal.text == f"Audit #{north_audit} is already moderated, so there is nothing left to decide."


def test_a_reason_for_a_moderation_decided_meanwhile_changes_nothing(engine: Engine, services: Services,
                                                                    north_audit: int) -> None:
    engine.action(QA_LEAD, "audit.moderate_open", str(north_audit))
    engine.action(QA_LEAD, "audit.moderate_agree", str(north_audit))
    moderation_store.decide_moderation(services.storage, north_audit, QA_LEAD, True, "good", "From the other tab.", DAY)
    [refusal] = engine.message(QA_LEAD, "The plan is clear and reviewed on time.")
    assert refusal.kind == "error"
    assert refusal.text == "This audit is not open for moderation by you any more, so nothing changed."
    assert readback_store.latest_moderation(services.storage, north_audit)["reason"] == "From the other tab."


def test_a_second_response_arriving_together_is_refused_in_the_same_words(
        engine: Engine, services: Services, north_audit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    moderation_store.open_moderation(services.storage, north_audit, QA_LEAD, DAY)
    moderation_store.decide_moderation(services.storage, north_audit, QA_LEAD, True, "good", "Fine.", DAY)
    unanswered = readback_store.latest_moderation(services.storage, north_audit)
    engine.command(AUDITOR, f"respond {north_audit} accept")
    monkeypatch.setattr(readback_store, "latest_moderation", lambda *_: unanswered)  # read before the first wrote
    [refusal] = engine.command(AUDITOR, f"respond {north_audit} accept")
    assert refusal.kind == "error"
    assert refusal.text == "You have already responded to this moderation; a moderation gets one response."


def test_done_on_actions_says_what_is_wrong_as_before(engine: Engine, services: Services, north_audit: int) -> None:
    with services.storage.write() as db:
        action_id = db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, "
                               "created_at) VALUES (?, 'Share the plan.', ?, '2026-12-01', ?, ?)",
                               [north_audit, WORKER, AUDITOR, DAY.isoformat()]).lastrowid
    [missing] = engine.action(WORKER, "actions.done", "999")
    [not_theirs] = engine.action("U0PRAS001", "actions.done", str(action_id))
    engine.action(WORKER, "actions.done", str(action_id))
    [twice] = engine.action(WORKER, "actions.done", str(action_id))
    assert missing.text == "I can't find that action; type `/audit actions` to see your open ones."
    assert not_theirs.text == "I can't find that action; type `/audit actions` to see your open ones."
    assert twice.text == "That action is already marked done."
    with pytest.raises(NotAllowed):
        action_store.complete_action(services.storage, action_id, "U0PRAS001", allowed=False, now=DAY)


def test_a_missing_checklist_snapshot_is_worded_by_the_audit_feature(engine: Engine, services: Services,
                                                                    north_audit: int) -> None:
    services.storage.db.execute("PRAGMA foreign_keys=OFF")
    services.storage.db.execute("UPDATE audits SET checklist_hash = 'gone' WHERE id = ?", [north_audit])
    [refusal] = engine.command(AUDITOR, f"show {north_audit}")
    assert refusal.kind == "error"
    assert refusal.text == ("The checklist this audit was started with is missing from the database. "
                            "Tell your QA lead.")


@pytest.mark.parametrize("typed", ["done {}", "Done action {}", "mark action #{} done", "completed {}."])
def test_an_action_is_marked_done_by_typing_its_number(engine: Engine, services: Services, north_audit: int,
                                                       typed: str) -> None:
    with services.storage.write() as db:
        action_id = db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, "
                               "created_at) VALUES (?, 'Share the plan.', ?, '2026-12-01', ?, ?)",
                               [north_audit, WORKER, AUDITOR, DAY.isoformat()]).lastrowid
    [listed] = engine.command(WORKER, "actions")
    assert f"type `done {action_id}`" in listed.text
    [refused] = engine.message("U0PRAS001", typed.format(action_id))  # not theirs, nor their team's
    assert refused.text == "I can't find that action; type `/audit actions` to see your open ones."
    [done, _auditor_told] = engine.message(WORKER, typed.format(action_id))
    assert f"Action {action_id} (audit #{north_audit}, " in done.text and "marked done" in done.text
    assert action_store.open_actions_of_owners(services.storage, [WORKER]) == []
