"""Trial 57 (F6–F10): a manager on leave with a cover. Booking lists the team's actions nobody chases even with a
cover (the KB promises it); the worker asking for more time, asking who covers, and `whoami` are told the manager is
away until when and that the cover takes only moderation requests; the cover refused the covered team's digest or
actions is told what a cover receives; `away off` lists the request for more time that came while away.
Clock pinned to a Monday working morning; the leave is typed relative to it (`till friday`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
MANAGER, COVER, WORKER, AUDITOR = "U0MGRN001", "U0MGRS001", "U0PRAN001", "U0QALEAD1"
LEAVE = "im on leave till friday, tm south covering"


def _said(replies: list) -> str:
    return flat("\n".join(reply.text for reply in replies), "*`_")


def _overdue_action(services: Services) -> int:
    """An overdue action of the manager's worker on a moderated audit: the manager answers its requests."""
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, status="moderated", auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-01",
                                   AUDITOR, MONDAY)


def test_booking_leave_with_a_cover_lists_the_team_s_actions_nobody_chases(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        action = _overdue_action(services)
        said = _said(engine.message(MANAGER, LEAVE, surface="terminal"))
    assert f"Moderation requests go to @{{{COVER}}}" in said, said
    assert "Heads-up: while you're away nobody chases this action of your team" in said, said
    assert f"action {action} owner <name> or action {action} due <date>" in said, said


def test_a_worker_asking_more_time_is_told_the_manager_is_away_and_the_request_waits(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        action = _overdue_action(services)
        engine.message(MANAGER, LEAVE, surface="terminal")
        replies = engine.message(WORKER, f"extend {action} to 8/1 - carer off sick", surface="terminal")
    said = flat(replies[0].text, "*`_")
    assert said.startswith("I've asked Team manager (North), your manager, for more time"), said
    assert ("Team manager (North) is away until Friday 11 December 2026; Team manager (South) covers their "
            "moderation requests only: your request waits for their return.") in said, said


def test_a_worker_asking_who_covers_their_manager_gets_the_cover_and_dates(engine: Engine,
                                                                         services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        before = _said(engine.message(WORKER, "who is covering for my manager", surface="terminal"))
        engine.message(MANAGER, LEAVE, surface="terminal")
        asked = [_said(engine.message(WORKER, typed, surface="terminal"))
                 for typed in ("my manager is on leave who do i go to", "who is covering for my manager")]
        whoami = _said(engine.message(WORKER, "whoami", surface="terminal"))
        asked_count = services.storage.db.execute("SELECT count(*) FROM kb_asks").fetchone()[0]
    assert before.startswith("Team manager (North), your manager, is not marked away in audit-bot"), before
    for said in asked:
        assert said.startswith("Team manager (North) is away until Friday 11 December 2026; Team manager (South) "
                               "covers their moderation requests only. A cover takes no actions and no requests "
                               "for more time"), said
    assert ("your manager is Team manager (North); they are away until Friday 11 December 2026; Team manager "
            "(South) covers their moderation requests only.") in whoami, whoami
    assert asked_count == 0  # never put on the QA leads' list


def test_the_cover_refused_the_covered_team_is_told_what_a_cover_receives(engine: Engine,
                                                                          services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        engine.message(MANAGER, LEAVE, surface="terminal")
        digest = _said(engine.message(COVER, "digest north", surface="terminal"))
        actions = _said(engine.message(COVER, "actions team north-assessment", surface="terminal"))
    for said in (digest, actions):
        assert ("You cover Team manager (North)'s moderation requests only: audits waiting for their moderation "
                "come to you in your reminders, and a cover gets no access to their team's digest, actions or "
                "requests for more time.") in said, said


def test_away_off_lists_the_request_for_more_time_that_came_while_away(engine: Engine,
                                                                      services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        action = _overdue_action(services)
        engine.message(MANAGER, LEAVE, surface="terminal")
        engine.message(WORKER, f"extend {action} to 8/1 - carer off sick", surface="terminal")
        said = _said(engine.message(MANAGER, "away off", surface="terminal"))
    assert (f"Social worker N1 asked on 7 Dec 2026 for more time on action {action} until 8 Jan 2027: it waits for "
            f"your answer (action {action} due <date> gives it, no more time on action {action} says no).") in said, \
        said
