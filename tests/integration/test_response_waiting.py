"""Trial 28 (MEDIUM): moderations waiting for the auditor's response (Accept or Respond) were hidden: neither Home nor
`my reminders` mentioned them, and `respond` alone gave a how-to article. Now Home and `/audit reminders` list them,
and `respond` alone lists them with how to respond (bot.audits.response_waiting)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.common import utc_text
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 5, 11, 0, tzinfo=LONDON)
AUDITOR = "U0MGRN001"


def _moderated(services: Services, case_ref: str, day: int, response: str | None = None) -> int:
    """A moderated audit by AUDITOR, decided on `day` December 2026, with the auditor's response if any."""
    decided = datetime(2026, 12, day, 10, tzinfo=UTC)
    audit_id = insert_audit(services.storage, case_ref, decided, status="moderated", auditor=AUDITOR)
    with services.storage.write() as db:
        db.execute("UPDATE audits SET overall_grade = 'good', moderated_at = ? WHERE id = ?",
                   [utc_text(decided), audit_id])
        db.execute("INSERT INTO moderations (audit_id, moderator_id, opened_at, decided_at, agrees, grade, reason, "
                   "response, responded_at) VALUES (?, 'U0QALEAD1', ?, ?, 1, 'good', 'Clear analysis.', ?, ?)",
                   [audit_id, utc_text(decided), utc_text(decided), response,
                    utc_text(decided) if response else None])
    return audit_id


@pytest.fixture
def waiting(services: Services) -> tuple[int, int]:
    first = _moderated(services, "CR-100201", 1)
    _moderated(services, "CR-100202", 2, response="accepted")
    second = _moderated(services, "CR-100203", 3)
    return first, second


def _said(engine: Engine, text: str, user: str = AUDITOR) -> str:
    with time_machine.travel(NOW, tick=False):
        return flat("\n".join(reply.text for reply in engine.message(user, text, surface="terminal")))


def test_home_lists_them(engine: Engine, waiting: tuple[int, int]) -> None:
    first, second = waiting
    assert f"Moderations waiting for your response: #{first}, #{second}." in _said(engine, "home")


def test_my_reminders_lists_them(engine: Engine, waiting: tuple[int, int]) -> None:
    said = _said(engine, "my reminders")
    assert f"Moderations waiting for your response: #{waiting[0]}, #{waiting[1]} (no reminder comes" in said


@pytest.mark.parametrize("typed", ["respond", "/audit respond"])
def test_respond_alone_lists_them_with_how(engine: Engine, waiting: tuple[int, int], typed: str) -> None:
    said = _said(engine, typed)
    assert f"Moderations waiting for your response: #{waiting[0]}, #{waiting[1]}." in said
    assert f"/audit respond {waiting[0]} accept" in said
    assert "How do I reply" not in said


def test_respond_alone_with_none_waiting_says_so(engine: Engine) -> None:
    assert "No moderation is waiting for your response" in _said(engine, "respond")


def test_home_speaks_of_your_own_items_only(engine: Engine, services: Services) -> None:
    """Trial 28 (LOW): "you are up to date" stood above a team with 6 overdue actions: it is said of your own."""
    said = _said(engine, "home")
    assert "Nothing of yours is waiting: no drafts or open actions." in said
    assert "up to date" not in said
    _moderated(services, "CR-100204", 1)
    said = _said(engine, "home")
    assert "No drafts or open actions of yours." in said and "Nothing of yours is waiting" not in said
