"""Trial 50 (finding 2): a manager could not give an off-sick worker's action to a colleague once its audit was
moderated (`action 2 owner sw n2` -> "Audit #1 has been moderated, so its answers and grade are on record…"), though
`action 2 due 15/1` worked; asked in words, the handover was read as pausing the worker's reminders, or went on the
QA leads' unanswered list. Now the owner changes as the due date does (kept as a revision, both owners told), and
the handover asked in words is read back, Yes or No, never asked of the knowledge base (bot.audits.action_handover)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 12, 4, 15, 0, tzinfo=LONDON)  # in the workers' hours, so nothing is held (fix44d)
MANAGER, N1, N2 = "U0MGRN001", "U0PRAN001", "U0PRAN002"


def _action(services: Services, status: str = "moderated") -> int:
    audit_id = insert_audit(services.storage, "CR-551234", FRIDAY, status=status, auditor=MANAGER)
    return action_store.add_action(services.storage, audit_id, "Update the chronology", N1, "2026-12-18", MANAGER,
                                   FRIDAY)


def _owner(services: Services, action: int) -> str:
    found = action_store.get_action(services.storage, action)
    assert found is not None
    return found.owner_id


def test_the_owner_command_hands_over_an_action_of_a_moderated_audit(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services)
        replies = engine.message(MANAGER, f"action {action} owner sw n2", surface="terminal")
    assert replies[0].text.startswith(f"Action {action} (_Update the chronology_) is now Social worker N2's, not "
                                      "Social worker N1's. I've told them both")
    assert "moderated" not in replies[0].text
    told = {r.to_user: r.text for r in replies[1:]}
    assert "is no longer yours to do" in told[N1] and "gave you action" in told[N2]
    assert _owner(services, action) == N2
    [revision] = store.revisions_of(services.storage, 1)
    assert (revision["old_value"], revision["new_value"], revision["changed_by"]) == (N1, N2, MANAGER)


@pytest.mark.parametrize("typed", ["N1 is off sick, can i hand action {n} over to N2",
                                   "reassign action {n} to social worker n2",
                                   "please give action #{n} to Social worker N2 while N1 is off?"])
def test_a_handover_asked_in_words_is_read_back_then_made_on_yes(engine: Engine, services: Services,
                                                                 typed: str) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services)
        [asked] = engine.message(MANAGER, typed.format(n=action), surface="terminal")
        assert asked.text.startswith(f"Give action {action} (_Update the chronology_, audit #1, CR-551234) to "
                                     "**Social worker N2** instead of Social worker N1? It stays due Friday 18 "
                                     "December 2026")
        assert [c.label for c in asked.choices] == ["Yes, hand it over", "No, leave it"]
        assert _owner(services, action) == N1  # nothing changes before the yes
        replies = engine.message(MANAGER, "yes", surface="terminal")
    assert replies[0].text.startswith(f"Action {action} (_Update the chronology_) is now Social worker N2's")
    assert {r.to_user for r in replies[1:]} == {N1, N2}
    assert _owner(services, action) == N2
    assert asked_the_knowledge_base(services) == 0


@pytest.mark.parametrize("days, ago", [(63, "9 weeks ago"), (5, "5 days ago")])  # Fri 19 Feb, Wed 23 Dec: working
def test_an_overdue_action_handed_over_is_offered_a_new_date(engine: Engine, services: Services, days: int,
                                                             ago: str) -> None:
    """Trial 51 (F21): `reassign action 29 to social worker n2` said "It stays due Monday 5 October 2026" of an action
    9 weeks overdue, with no word of a new date for its new owner."""
    later = FRIDAY + timedelta(days=14 + days)  # its due date is 14 days after Friday 4 December
    with time_machine.travel(later, tick=False):
        action = _action(services)
        [asked] = engine.message(MANAGER, f"reassign action {action} to social worker n2", surface="terminal")
        assert asked.text.endswith(f"instead of Social worker N1? I'll tell them both. It was due Friday 18 December "
                                   f"2026 ({ago}): give Social worker N2 a new date with `action {action} due <date>`.")
        assert "stays due" not in asked.text
        replies = engine.message(MANAGER, "yes", surface="terminal")
    assert replies[0].text.endswith(f"It is still due Friday 18 December 2026, {ago}: give Social worker N2 a new "
                                    f"date with `action {action} due <date>`.")


def test_the_owner_command_on_an_overdue_action_offers_a_new_date(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY + timedelta(weeks=11), tick=False):
        action = _action(services)
        replies = engine.message(MANAGER, f"action {action} owner sw n2", surface="terminal")
    assert replies[0].text.endswith(f"It is still due Friday 18 December 2026, 9 weeks ago: give Social worker N2 a "
                                    f"new date with `action {action} due <date>`.")


def test_no_leaves_the_action_with_its_owner(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services)
        engine.message(MANAGER, f"reassign action {action} to N2", surface="terminal")
        [kept] = engine.message(MANAGER, "no", surface="terminal")
    assert kept.text == f"OK: action {action} stays with its owner. Nothing changed."
    assert _owner(services, action) == N1


def test_someone_unknown_gets_the_case_people_nearest_to_the_name(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services)
        [refused] = engine.message(MANAGER, f"hand action {action} over to social worker n7", surface="terminal")
    assert refused.kind == "error"
    assert refused.text.startswith("I don't know “social worker n7”, so nothing changed. The case's people nearest")
    assert f"`hand action {action} to Social worker N2`" in refused.text
    assert _owner(services, action) == N1 and asked_the_knowledge_base(services) == 0


def test_a_colleague_who_is_not_the_owners_manager_cannot_hand_it_over(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services)
        [refused] = engine.message(N2, f"can i reassign action {action} to me", surface="terminal")
    assert refused.kind == "error" and "can give action" in refused.text and "nothing changed" in refused.text
    assert _owner(services, action) == N1
