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
    assert ("Heads-up: 1 overdue action in your team is chased through you (your weekly list of overdue actions): "
            "while you're away nobody chases it, and a cover takes only moderation requests. /audit actions team "
            "lists it, to chase or hand over before you go.") in said, said


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
