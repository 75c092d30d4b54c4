"""A moderator's first action reads its owner and due date from its line as an audit's actions step does
(bot.audits.action_typed): trial 27 typed `chase health - sw s1 by 18/12` at a moderation's action, and "- sw s1" stayed
in the action's text while the owner was asked anyway."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import (
    QA,
    REASON,
    WEDNESDAY,
    audit_with_no_open_action,
    flat,
)


def test_owner_and_due_at_the_end_of_a_moderation_action_leave_its_text(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, worker = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON,
                                "chase health for the medical report - sw n1 by 18/12/2026"], user=QA)
        assert store.get_audit(services.storage, audit_id).status == "in_moderation"  # the alert check comes last
        _, sent = drive(engine, ["send"], user=QA)
    text = flat(out)
    assert "Got it: Social worker N1 (the case's worker) owns “chase health for the medical report”." in text, text
    assert "Who owns this action?" not in text and "When is it due?" not in text
    assert "This sends an urgent alert now to" in text
    assert "Moderation of audit #1 saved with its action" in flat(sent)
    newest = action_store.actions_of_audit(services.storage, audit_id)[-1]
    assert (newest.description, newest.owner_id, str(newest.due_date)) == (
        "chase health for the medical report", worker, "2026-12-18")


def test_owner_typed_without_a_due_date_asks_only_the_due_date(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, worker = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON,
                                "chase health for the medical report, owner sw n1"], user=QA)
    text = flat(out)
    assert "Who owns this action?" not in text
    assert "When is it due? chase health for the medical report — Social worker N1" in text, text
    waiting = store.conversation(services.storage, QA)
    assert (waiting["awaiting"], waiting["owner"], waiting["description"]) == (
        "moderation_action_due", worker, "chase health for the medical report")
