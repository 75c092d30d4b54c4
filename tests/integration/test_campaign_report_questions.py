"""The campaign report's questions section: never a heading with nothing under it (a user trial's report, closed
before anything was submitted, read "Questions (yes rate, flags)" followed straight by "Actions: 0 raised")."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_campaign_early_close import _submit_one
from tests.integration.test_campaigns import QA, create

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def clock():
    """Wednesday 2 December 2026, within the campaign `create` makes (1 to 11 December)."""
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _report_lines(engine: Engine, campaign_id: int) -> list[str]:
    replies = engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    report, *_ = [r for r in replies if (r.title or "").startswith("Audit campaign report")]  # one a QA lead
    return report.text.splitlines()


def test_a_report_with_nothing_submitted_says_why_it_has_no_questions(engine: Engine, clock) -> None:
    campaign_id = create(engine)
    [still_open] = engine.command(QA, f"campaign {campaign_id} report", surface="terminal")
    lines = _report_lines(engine, campaign_id)
    [questions] = [line for line in lines if "Questions (yes rate, flags)" in line]
    assert questions.endswith(": none, no audit was submitted")
    # trial 26: a closed campaign's report said "Grades: none yet", as if grades were still to come
    assert "**Grades**: none, no audit was submitted before it closed" in lines
    assert "• North Assessment Team: 0 of 2 submitted; none; actions 0 raised, 0 overdue" in lines
    assert "**Grades**: none yet" in still_open.text.splitlines()
    assert "none yet, no audit was submitted" in still_open.text
    following = lines[lines.index(questions) + 1]
    assert following.startswith("**Actions**")


def test_a_report_with_a_submitted_audit_lists_its_questions_under_the_heading(engine: Engine, services: Services,
                                                                             clock) -> None:
    campaign_id = create(engine)
    _submit_one(engine, services, campaign_id)
    lines = _report_lines(engine, campaign_id)
    heading = lines.index("**Questions (yes rate, flags)**")
    assert lines[heading + 1].startswith("• ") and "% yes" not in lines[heading + 1]
    # a share says its count, as the digests do (trial 62 F11: "100% yes, 0 flagged" from one audit)
    assert re.search(r": 0 of 1 \(0%\) yes, 0 flagged$", lines[heading + 1]), lines[heading + 1]
