"""Trial 49 (F4): a manager's `stop my reminders until 4/1` said only "Reminders paused", though an overdue action in
her team was chased through her alone. A pause without cover now says what nobody chases meanwhile: her team's
overdue actions (a cover takes only moderation requests) and audits held for her moderation (a cover would be
reminded: the reply gives the command with the days just booked). Clock pinned to a working morning."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 8, 10, 0, tzinfo=LONDON)
MANAGER, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"


def _said(replies: list) -> str:
    return flat("\n".join(reply.text for reply in replies), "*`")


def test_a_manager_pausing_is_told_her_team_s_overdue_action_goes_unchased(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        action_store.add_action(services.storage, audit_id, "Book a core group", WORKER, "2026-12-01", MANAGER,
                                TUESDAY)
        said = _said(engine.message(MANAGER, "stop my reminders until 4/1", surface="terminal"))
    assert ("Heads-up: while you're away nobody chases this action of your team: it is chased through you, and a "
            "cover takes only moderation requests. Before you go, hand it over or move its date: • action 2 (_Book a "
            "core group_, audit #1, CR-100200): Social worker N1's, due 1 Dec 2026, overdue: action 2 owner <name> or "
            "action 2 due <date>") in said, said
    assert "/audit actions team" not in said  # no longer sent to a list to "chase or hand over" that nobody chases


def test_each_action_is_listed_with_its_owner_due_date_and_commands(engine: Engine, services: Services) -> None:
    """fix53d: number, owner and due date of each; where only another auditor may still change it, who to ask."""
    with time_machine.travel(TUESDAY, tick=False):
        own = submitted_audit(engine, services)
        action_store.add_action(services.storage, own, "Book a core group", WORKER, "2026-12-01", MANAGER, TUESDAY)
        action_store.add_action(services.storage, own, "Update the chronology", WORKER, "2026-12-18", MANAGER,
                                TUESDAY)
        theirs = submitted_audit(engine, services, auditor=QA)
        action_store.add_action(services.storage, theirs, "See the child alone", WORKER, "2026-12-02", QA, TUESDAY)
        replies = engine.message(MANAGER, "stop my reminders until 4/1", surface="terminal")
    listed = replies[1].text.splitlines()
    assert listed[0].startswith("Heads-up: while you're away nobody chases these 3 actions of your team: they are "
                                "chased through you, and a cover takes only moderation requests. Before you go, hand "
                                "each over or move its date:"), listed
    assert listed[1:] == [
        "• action 2 (_Book a core group_, audit #1, CR-100200): Social worker N1's, due 1 Dec 2026, overdue: "
        "`action 2 owner <name>` or `action 2 due <date>`",
        "• action 5 (_See the child alone_, audit #2, CR-100200): Social worker N1's, due 2 Dec 2026, overdue: only "
        "QA lead (practice), its auditor, can hand it over or move its date until it is moderated: ask them",
        "• action 3 (_Update the chronology_, audit #1, CR-100200): Social worker N1's, due 18 Dec 2026: "
        "`action 3 owner <name>` or `action 3 due <date>`"], listed


def test_the_command_the_heads_up_gives_hands_the_action_over(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        action = action_store.add_action(services.storage, audit_id, "Book a core group", WORKER, "2026-12-01",
                                         MANAGER, TUESDAY)
        said = _said(engine.message(MANAGER, "stop my reminders until 4/1", surface="terminal"))
        assert f"action {action} owner <name> or action {action} due <date>" in said, said
        engine.message(MANAGER, f"action {action} owner Social worker N2", surface="terminal")
        engine.message(MANAGER, f"action {action} due 4/1", surface="terminal")
    found = action_store.get_action(services.storage, action)
    assert found is not None and (found.owner_id, found.due_date) == ("U0PRAN002", "2027-01-04")


def test_more_than_six_actions_are_counted_after_the_sixth(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        for number in range(8):
            action_store.add_action(services.storage, audit_id, f"Task {number}", WORKER, "2026-12-01", MANAGER,
                                    TUESDAY)
        replies = engine.message(MANAGER, "stop my reminders until 4/1", surface="terminal")
    listed = replies[1].text.splitlines()
    assert len(listed) == 8 and listed[-1] == "…and 2 more: `/audit actions team` lists them all.", listed


def test_a_moderator_pausing_is_offered_cover_for_the_audit_she_holds(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        audit_id = submitted_audit(engine, services)
        drive(engine, [f"/audit moderate {audit_id}"], user=QA)
        said = _said(engine.message(QA, "pause reminders till monday", surface="terminal"))
    assert ("Heads-up: 1 audit waits for your moderation, and nobody is reminded of it while you're away unless you "
            "add cover: /audit away until 14/12 cover @person.") in said, said


def test_with_cover_or_nothing_waiting_there_is_no_heads_up(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        said = _said(engine.message(WORKER, "stop my reminders until 4/1", surface="terminal"))
        audit_id = submitted_audit(engine, services)
        drive(engine, [f"/audit moderate {audit_id}"], user=QA)
        covered = _said(engine.command(QA, "away until 13/12 cover @U0MGRS001", surface="terminal"))
    assert "Moderation requests go to" in covered, covered
    assert "Heads-up" not in said and "Heads-up" not in covered
