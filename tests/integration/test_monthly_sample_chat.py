"""`/audit moderate sample` as a QA lead, a manager and a practitioner meet it in the chat (trial 62 F4, fix77b): typed
`moderation sample`, asked in words, the drawn audits marked in `/audit moderate` after the Inadequate ones, and one
line for the roles it is not for.

The clock is pinned (time_machine, tick=False) to Tuesday 15 December 2026, so these pass under AUDITBOT_TEST_NOW."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

NOW = datetime(2026, 12, 15, 10, 0, tzinfo=ZoneInfo("Europe/London"))
QA_LEAD = "U0QALEAD1"


@pytest.fixture
def december(services: Services) -> tuple[int, int]:
    """North: an Inadequate audit and one Good one submitted in December, and an older Good one from October."""
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        rows.audit(submitted=datetime(2026, 10, 5, 10, tzinfo=UTC))
        inadequate = rows.audit(submitted=datetime(2026, 12, 3, 10, tzinfo=UTC), grade="inadequate")
        good = rows.audit(submitted=datetime(2026, 12, 4, 10, tzinfo=UTC))
    services.rng = random.Random(1)
    return inadequate, good


def test_typed_sample_is_listed_by_team_and_marked_in_the_queue(engine: Engine, december: tuple[int, int]) -> None:
    inadequate, good = december
    with time_machine.travel(NOW, tick=False):
        [sample] = engine.message(QA_LEAD, "moderation sample", surface="terminal")
        [asked] = engine.message(QA_LEAD, "which audits should we moderate this month?", surface="terminal")
        queue = engine.command(QA_LEAD, "moderate", surface="terminal")
    assert sample.text.startswith("**Monthly moderation sample, December 2026 so far** (drawn now:")
    north = (f"• **North Assessment Team**: 2 of its 2 audits that month: #{inadequate} Inadequate by Team manager "
             f"(North) (`moderate {inadequate}`), #{good} Good by Team manager (North) (`moderate {good}`)")
    assert north in sample.text
    assert "drawn once a month" in sample.text and [c.label for c in sample.choices] == [f"Open #{inadequate}",
                                                                                         f"Open #{good}"]
    assert "drawn on 15 December 2026 by you" in asked.text
    [waiting] = [r for r in queue if r.text.startswith("**Audits waiting for moderation**")]
    lines = [line for line in waiting.text.splitlines() if line.startswith("• #")]
    assert lines[0].startswith(f"• #{inadequate} ") and lines[0].endswith("(monthly sample, December)")
    assert lines[1].startswith(f"• #{good} ") and lines[1].endswith("(monthly sample, December)")
    assert lines[2] == "• #1 Full case audit, case CR-104001, graded Good by Team manager (North)"  # October's: after


@pytest.mark.parametrize("user", ["U0MGRN001", "U0PRAN001"])
@pytest.mark.parametrize("typed", ["/audit moderate sample", "moderate sample november", "moderation sample",
                                   "draw this month's moderation sample"])
def test_other_roles_get_one_line(engine: Engine, services: Services, december: tuple[int, int], user: str,
                                  typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        if typed.startswith("/audit "):
            replies = engine.command(user, typed.removeprefix("/audit "), surface="terminal")
        else:
            replies = engine.message(user, typed, surface="terminal")
    [refused] = replies
    assert refused.text.startswith("`/audit moderate sample` is for QA leads and admins. Ask ")
    assert services.storage.db.execute("SELECT COUNT(*) FROM monthly_samples").fetchone()[0] == 0


def test_a_quarter_is_told_how_a_month_is_named(engine: Engine, december: tuple[int, int]) -> None:
    with time_machine.travel(NOW, tick=False):
        [told] = engine.message(QA_LEAD, "moderate sample q3", surface="terminal")
    assert "drawn for one month" in told.text and "`/audit moderate sample november`" in told.text


def test_a_practitioner_asking_what_the_sample_is_gets_the_entry(engine: Engine, december: tuple[int, int]) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message("U0PRAN001", "what is the moderation sample?", surface="terminal")
    assert "is for QA leads and admins" not in replies[0].text and "moderat" in replies[0].text.lower()


def test_the_queue_heading_names_the_monthly_sample_only_when_the_queue_holds_some(
        engine: Engine, services: Services, december: tuple[int, int]) -> None:
    """Fix80b: the heading said "Inadequate first, then the oldest" while a month's sample came between them."""
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        for day in range(1, 11):  # a queue longer than a page, so the heading says its order
            rows.audit(submitted=datetime(2026, 11, day, 10, tzinfo=UTC))
        [before] = [r for r in engine.command(QA_LEAD, "moderate", surface="terminal")
                    if r.text.startswith("**Audits waiting for moderation**")]
        engine.message(QA_LEAD, "draw this month's moderation sample", surface="terminal")
        [after] = [r for r in engine.message(QA_LEAD, "/audit moderate", surface="terminal")
                   if r.text.startswith("**Audits waiting for moderation**")]
        [page_two] = [r for r in engine.message(QA_LEAD, "more", surface="terminal")
                      if r.text.startswith("**Audits waiting for moderation**")]
    assert "(showing 10 of 13: Inadequate first, then the oldest; " in before.text
    assert "(showing 10 of 13: Inadequate first, then the monthly sample, then the oldest; " in after.text
    assert "(showing 11 to 13 of 13: Inadequate first, then the monthly sample, then the oldest; " in page_two.text
