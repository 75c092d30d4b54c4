"""What an edit tells an action's owner waits for the edited audit to be resubmitted (trial 43, finding 6): a due date
moved during `/audit edit 1` reached the worker at once, though the edit might never be resubmitted."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"


def _texts(replies: list, user: str | None) -> list[str]:
    return [flat(r.text, "*") for r in replies if r.to_user == user]


def _at_the_actions(engine: Engine, services: Services) -> tuple[int, str]:
    """A submitted audit with action 1 (the worker's), reopened and taken on to its actions step; the new due date
    typed, four weeks and a day on."""
    audit_id = submitted_audit(engine, services, AUDITOR)
    for typed in (f"/audit edit {audit_id}", "next", "keep", "skip", "skip"):
        engine.message(AUDITOR, typed, surface="terminal")
    new_due = date.today() + timedelta(days=35)
    return audit_id, f"{new_due.day}/{new_due.month}/{new_due.year}"


def test_due_date_moved_in_an_edit_waits_for_the_resubmission(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, due = _at_the_actions(engine, services)
        replies = engine.message(AUDITOR, f"action 1 due {due}", surface="terminal")
        assert _texts(replies, WORKER) == []
        assert (f"I'll tell Social worker N1 when you resubmit audit #{audit_id}; if you don't resubmit it, nobody is "
                "told.") in _texts(replies, None)
        engine.message(AUDITOR, "done", surface="terminal")
        sent = engine.message(AUDITOR, "submit", surface="terminal")
        [told] = [text for text in _texts(sent, WORKER) if "changed the due date of your action 1" in text]
        assert "Team manager (North) changed the due date" in told
        engine.message(AUDITOR, f"/audit edit {audit_id}", surface="terminal")  # reopened again: not sent twice
        for typed in ("next", "keep", "skip", "skip", "done"):
            engine.message(AUDITOR, typed, surface="terminal")
        again = engine.message(AUDITOR, "submit", surface="terminal")
        assert not any("changed the due date" in text for text in _texts(again, WORKER))


def test_an_edit_left_open_tells_nobody(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, due = _at_the_actions(engine, services)
        replies = engine.message(AUDITOR, f"action 1 due {due}", surface="terminal")
        replies += engine.message(AUDITOR, "pause", surface="terminal")
        assert [r for r in replies if r.to_user not in (None, AUDITOR)] == []
