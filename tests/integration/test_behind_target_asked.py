"""Who is behind target, asked in natural words, gets the auditors list (trial 27: the head of service's "which
teams are behind target?" got "Did you mean…", whereas "who is behind on audits" answered)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.behind_asked import asked_period
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

HEAD_OF_SERVICE = "U0ADMIN01"
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # Wednesday 2 December


@pytest.mark.parametrize(("asked", "period"), [
    ("which teams are behind target?", "this month"),
    ("which managers are below target this month", "this month"),
    ("who is under target", "this month"),
    ("which teams are falling behind their audit target", "this month"),
    ("which teams are under expectation?", "this month"),
    ("who is below expectations on audits", "this month"),
    ("which of my teams are behind target last month", "last month"),
    ("Which teams are behind on audits?", "this month"),
])
def test_behind_target_asked_in_words_gets_the_auditors_list(engine: Engine, services: Services, asked: str,
                                                             period: str) -> None:
    with time_machine.travel(NOW, tick=False):
        AuditRows(services).audit(submitted=datetime(2026, 12, 1, 9, tzinfo=UTC))
        typed = engine.command(HEAD_OF_SERVICE, f"auditors {period}", surface="terminal")
        replies = engine.message(HEAD_OF_SERVICE, asked, surface="terminal")
    assert [r.text for r in replies] == [r.text for r in typed]
    assert "Did you mean" not in replies[0].text
    assert replies[-1].note.startswith("Completed audits by the day submitted")


@pytest.mark.parametrize("asked", ["what is the audit target?", "who sets the audit target",
                                   "which teams are under the service manager", "who is under a child protection plan",
                                   "is a child below the threshold"])
def test_knowledge_questions_about_targets_are_not_taken(engine: Engine, asked: str) -> None:
    assert asked_period(asked) is None
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(HEAD_OF_SERVICE, asked, surface="terminal")
    assert not any((r.note or "").startswith("Completed audits by the day submitted") for r in replies)


@given(st.text(max_size=120))
def test_the_reader_never_raises(text: str) -> None:
    assert asked_period(text) in (None, "this month", "last month", "this week", "last week")
