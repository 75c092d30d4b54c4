"""`audit-bot digest --week` answers only for a week that has started: a later week is refused with the latest one
that can be asked for, and the week under way says its figures are so far, counted to today (user trial:
2026-W50 asked on 2 December gave a digest for 7 to 13 December with a ✓ against the target, and the current
week said "in December (to 6 December)")."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from tests.support.cli import run_cli
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
WEDNESDAY_2_DEC = datetime(2026, 12, 2, 12, tzinfo=LONDON)  # week 49 runs from Monday 30 November to 6 December
MONDAY_30_NOV = datetime(2026, 11, 30, 10, tzinfo=LONDON)


def test_a_week_that_has_not_started_is_refused_naming_the_latest_week(services: Services,
                                                                       environ: dict[str, str]) -> None:
    AuditRows(services).audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))
    with time_machine.travel(WEDNESDAY_2_DEC, tick=False):
        future = run_cli(environ, "digest", "--week", "2026-W50", "--team", "north-assessment")
        json_future = run_cli(environ, "digest", "--week", "2027-W02", "--format", "json")
    assert future.code == 2 and future.out == ""
    assert future.err.strip() == (
        "Week 2026-W50 starts on Monday 7 December 2026, after today (2 December 2026), so there is nothing to count "
        "yet. The latest week you can ask for is 2026-W49, this week so far.")
    assert json_future.code == 2 and json_future.out == "" and "latest week you can ask for is 2026-W49" in \
        json_future.err


def test_the_week_under_way_says_so_far_and_counts_to_today(services: Services, environ: dict[str, str]) -> None:
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC))
    rows.audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))
    rows.action(audit, "U0PRAN001", date(2026, 12, 1))  # overdue today
    rows.action(audit, "U0PRAN001", date(2026, 12, 4))  # due on Friday: not overdue on Wednesday
    with time_machine.travel(WEDNESDAY_2_DEC, tick=False):
        result = run_cli(environ, "digest", "--week", "2026-W49", "--team", "north-assessment")
        service = run_cli(environ, "digest", "--week", "2026-W49").out
    assert result.code == 0, result.err
    text = result.out
    assert "North Assessment Team: week 49, 30 Nov to 2 Dec 2026 (so far)" in text
    assert "Audits completed: 2 this week so far · 1 in December (to 2 December)" in text
    assert "6 December" not in text and "6 Dec" not in text
    assert "Overdue actions (as at today): 1" in text
    # trial 21: the digest said nothing of actions but the overdue ones
    assert "Open actions (as at today): 2, the overdue ones among them; 0 actions marked done this week so far" in text
    assert "overdue actions (as at today) · agreement" in " ".join(service.split())  # the header, however wrapped
    assert "Service audit digest: week 49, 30 Nov to 2 Dec 2026 (so far)" in service
    assert "Whole service: 2 audits this week so far · 1 in December (to 2 December)" in service


def test_on_the_first_day_of_a_week_across_two_months_the_month_is_todays(services: Services,
                                                                          environ: dict[str, str]) -> None:
    AuditRows(services).audit(submitted=datetime(2026, 11, 30, 9, tzinfo=UTC))
    with time_machine.travel(MONDAY_30_NOV, tick=False):
        result = run_cli(environ, "digest", "--week", "2026-W49", "--team", "north-assessment")
    assert result.code == 0, result.err
    assert "Audits completed: 1 this week so far · 1 in November (to 30 November)" in result.out
    assert "December" not in result.out



def test_actions_marked_done_in_the_week_are_counted_and_leave_the_open_ones(services: Services,
                                                                            environ: dict[str, str]) -> None:
    """Trial 21: a manager's digest said only "Overdue actions: 0" of their team's actions."""
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC))
    done = rows.action(audit, "U0PRAN001", date(2026, 12, 20))
    rows.action(audit, "U0PRAN001", date(2026, 12, 21))
    services.storage.db.execute("UPDATE actions SET done_at = ?, done_by = ? WHERE id = ?",
                                ["2026-12-01T09:00:00+00:00", "U0PRAN001", done])
    with time_machine.travel(WEDNESDAY_2_DEC, tick=False):
        text = run_cli(environ, "digest", "--week", "2026-W49", "--team", "north-assessment").out
    # trial 24: "the overdue ones among them" was said with none overdue
    assert "Open actions (as at today): 1, none overdue; 1 action marked done this week so far" in text
