"""What an edit tells an action's owner waits for the edited audit to be resubmitted (trial 43, finding 6): a due date
moved during `/audit edit 1` reached the worker at once, though the edit might never be resubmitted."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.dates import bank_holidays, long_date
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


def _a_monday() -> datetime:
    """A Monday at least a week on from today, at 10:00 in London, it and its Thursday working days (the worker's
    hours, so the message is sent, not held): never stale."""
    start = date.today() + timedelta(days=7)
    monday = start + timedelta(days=-start.weekday() % 7)
    while any(day in bank_holidays() for day in (monday, monday + timedelta(days=3))):
        monday += timedelta(days=7)
    return datetime.combine(monday, time(10), LONDON)


def test_resubmitted_days_later_the_owner_is_told_how_near_the_date_is_that_day(engine: Engine,
                                                                                 services: Services) -> None:
    """fix52f: the due date moved on Monday to the Thursday 10 days on was told on Thursday, when the audit was
    resubmitted, still "(in 10 days)" of the Monday edit; it says "(in 7 days)", true on the day it arrives."""
    monday = _a_monday()
    new = monday.date() + timedelta(days=10)
    with time_machine.travel(monday, tick=False):
        _at_the_actions(engine, services)
        said = engine.message(AUDITOR, f"action 1 due {new.day}/{new.month}/{new.year}", surface="terminal")
        assert any("(in 10 days)" in text for text in _texts(said, None)), _texts(said, None)
        engine.message(AUDITOR, "done", surface="terminal")
    with time_machine.travel(monday + timedelta(days=3), tick=False):
        sent = engine.message(AUDITOR, "submit", surface="terminal")
    [told] = [text for text in _texts(sent, WORKER) if "changed the due date of your action 1" in text]
    assert f"to {long_date(new)} (in 7 days):" in told, told
