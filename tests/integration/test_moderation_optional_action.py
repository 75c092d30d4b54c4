"""fix41d: a moderator who disagrees with a grade where no action is needed (Good to Requires improvement) is offered
an action for the auditor or worker, to skip with `skip`, `no` or `none`; before, there was no way to add one
(trial 33), and the moderation was saved at once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_moderated_inadequate_action import flat
from tests.integration.test_wording import submitted_audit

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"
REASON = "Plans drift and the review dates slipped twice without a reason recorded."
ACTION = "Record the reason for each review date that moves and agree new dates with the family"
OFFERED = ("Add an action for the auditor or worker on audit #1? Type what needs to happen (its owner and due date "
           "are asked next), or type skip to finish and save your moderation without one. Nothing is saved yet.")


@pytest.fixture
def audit_id(engine: Engine, services: Services) -> int:
    """Audit #1, graded Good by the North manager, submitted."""
    with time_machine.travel(WEDNESDAY, tick=False):
        return submitted_audit(engine, services, AUDITOR)


def _actions(services: Services, audit_id: int) -> list[str]:
    return [a.description for a in action_store.actions_of_audit(services.storage, audit_id)]


def test_an_action_is_offered_after_the_reason_and_nothing_is_saved_yet(engine: Engine, services: Services,
                                                                        audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", f"ri - {REASON}"], user=QA)
    assert OFFERED in flat(out), out
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


@pytest.mark.parametrize("word", ["skip", "no", "none"])
def test_skipping_saves_the_moderation_without_an_action(engine: Engine, services: Services, audit_id: int,
                                                         word: str) -> None:
    before = _actions(services, audit_id)
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", f"ri - {REASON}", word], user=QA)
    assert f"Moderation of audit #{audit_id} saved, and the auditor" in flat(out), out
    assert store.get_audit(services.storage, audit_id).moderated_grade == "requires_improvement"
    assert _actions(services, audit_id) == before


def test_an_action_typed_is_saved_with_the_moderation_and_its_owner_told(engine: Engine, services: Services,
                                                                       audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", f"ri - {REASON}", ACTION, "1", "in 4 weeks"],
                       user=QA)
        _, shown = drive(engine, [f"show {audit_id}"], user=AUDITOR)
    assert "Who owns this action?" in flat(out) and "When is it due?" in flat(out)
    assert f"Moderation of audit #{audit_id} saved with its action" in flat(out), out
    [to_auditor] = (flat(m) for m in messages_to(out, AUDITOR))
    # how near the date is, as every due date said back (fix50g)
    assert (f"Action set at moderation: {ACTION} — Social worker N1, by Wednesday 30 December 2026 (in 28 "
            "days).") in to_auditor
    assert f": {ACTION} — Social worker N1, by 30 Dec 2026 (open)" in flat(shown)
    assert ACTION in _actions(services, audit_id)


def test_asking_to_skip_is_told_it_is_optional(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", f"ri - {REASON}", "can i skip the action?"],
                       user=QA)
    assert "Yes: an action is optional with this grade. Type skip to finish" in flat(out)
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


def test_paused_at_the_offer_it_is_asked_again_on_resuming(engine: Engine, services: Services,
                                                           audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"ri - {REASON}", "pause"], user=QA)
        _, out = drive(engine, [f"moderate {audit_id}"], user=QA)
        _, done = drive(engine, ["skip"], user=QA)
    assert OFFERED in flat(out)
    assert f"Moderation of audit #{audit_id} saved" in flat(done)


def test_agreeing_offers_no_action(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"moderate {audit_id}", "agree", REASON], user=QA)
    assert "Add an action" not in flat(out) and f"Moderation of audit #{audit_id} saved" in flat(out)
