"""The month figure on Home and in the digest, read in the first days of a month (user trial 9, finding 9: Home on
Thursday 3 December said "Month vs target: 0 in November (to 29 November); target 2, 2 to go", a month that was
over, while "Your audits" on the same page said December's target was met).

Home's team section counts the current month to date, as "Your audits" and the service picture do. The weekly
digest is about the last complete week; once that week's month is over it reports the month whole, worded as
ended, and a shortfall as "missed by N", never "N to go"."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine
from bot.core.services import Services
from bot.digests.dashboard import team_figures
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"  # North's manager, monthly target 2


def _month_field(services: Services) -> dict[str, str]:
    [north] = team_figures(services, services.directory.person(MANAGER))
    return dict(north.fields)


def _digest_text(services: Services, user: str, typed: str = "") -> str:
    return "\n".join(r.text for r in build_engine(services).command(user, f"digest {typed}".strip()))


def test_home_on_3_december_counts_december_to_date_as_your_audits_does(services: Services) -> None:
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC))  # week 49, November
    rows.audit(submitted=datetime(2026, 12, 2, 11, tzinfo=UTC))
    rows.audit(submitted=datetime(2026, 12, 3, 11, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 12, 3, 14, tzinfo=LONDON), tick=False):
        fields = _month_field(services)
    assert fields["Month vs target"] == "2 in December (to 3 December); target 2, met"
    assert fields["Audits last week"] == "0"  # the week to 29 November
    assert fields["This week so far"] == "3"  # Monday 30 November to today


def test_home_names_an_inadequate_grade_in_the_week_so_far(services: Services) -> None:
    """Trial 19: on Saturday the Home showed "Audits last week: 0" and nothing of the week's Inadequate audit."""
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 12, 2, 11, tzinfo=UTC), grade="inadequate")
    rows.audit(submitted=datetime(2026, 12, 4, 11, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 12, 5, 10, tzinfo=LONDON), tick=False):
        fields = _month_field(services)
    assert fields["This week so far"] == "2 (1 Inadequate)"
    assert fields["Audits last week"] == "0"


@pytest.mark.parametrize(("now", "expected"), [
    # the 1st of a month (a Tuesday): November's audits are not this month's
    (datetime(2026, 12, 1, 9, tzinfo=LONDON), "0 in December (to 1 December); target 2, 2 to go"),
    # a Monday, the week just begun
    (datetime(2026, 12, 7, 9, tzinfo=LONDON), "1 in December (to 7 December); target 2, 1 to go"),
    # the end of December
    (datetime(2026, 12, 31, 16, tzinfo=LONDON), "2 in December (to 31 December); target 2, met"),
    # the new year: December is over, and January has just begun
    (datetime(2027, 1, 4, 9, tzinfo=LONDON), "0 in January (to 4 January); target 2, 2 to go"),
])
def test_home_s_month_is_the_month_it_is_read_in_on_any_day(services: Services, now: datetime,
                                                            expected: str) -> None:
    rows = AuditRows(services)
    for day in (datetime(2026, 11, 30, 11, tzinfo=UTC), datetime(2026, 12, 4, 11, tzinfo=UTC),
                datetime(2026, 12, 29, 11, tzinfo=UTC)):
        if day < now:  # what had been submitted by then
            rows.audit(submitted=day)
    with time_machine.travel(now, tick=False):
        assert _month_field(services)["Month vs target"] == expected


def test_the_digest_read_after_its_month_ended_reports_it_whole_as_missed_never_to_go(services: Services) -> None:
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 11, 24, 11, tzinfo=UTC))  # week 48
    rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC))  # November's last day, in week 49
    with time_machine.travel(datetime(2026, 12, 3, 14, tzinfo=LONDON), tick=False):
        team = _digest_text(services, MANAGER)
        service = _digest_text(services, "U0QALEAD1")
    assert ("Audits completed: 1 in week 48 · 2 in November (month ended). Target 2 a month: met (2 done)."
            in team.replace("**", ""))
    assert "to go" not in team
    assert "all of November (target)" in service and "this month" not in service
    assert "North Assessment Team**: 1 · 2 (target 2, met)" in service
    assert "South Child in Need and Protection**: 0 · 0 (target 2, missed by 2)" in service
    assert "Whole service**: 1 audit in week 48 · 2 in November (month ended); target 6, missed by 4" in service
    assert "to go" not in service


def test_the_digest_read_while_its_month_runs_still_counts_what_is_to_go(services: Services) -> None:
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 12, 22, 11, tzinfo=UTC))
    rows.audit(submitted=datetime(2026, 12, 29, 11, tzinfo=UTC))  # after the week the digest is about
    with time_machine.travel(datetime(2026, 12, 31, 14, tzinfo=LONDON), tick=False):
        team = _digest_text(services, MANAGER).replace("**", "")
        service = _digest_text(services, "U0QALEAD1")
    assert ("Audits completed: 1 in week 52 · 1 in December (to 27 December). Target 2 a month: 1 to go (1 done)."
            in team)
    assert "missed" not in team and "month ended" not in team
    assert "this month (target)" in service and "(target 2, 1 to go)" in service


def test_a_team_typed_as_part_of_its_name_is_named_on_a_line_of_its_own(services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 14, tzinfo=LONDON), tick=False):
        text = _digest_text(services, "U0QALEAD1", "north")
    assert text.startswith("North Assessment Team (`north-assessment`):\n**Audits completed**")


def test_the_last_days_of_december_count_in_the_digest_of_the_week_that_ends_in_january(services: Services) -> None:
    """The week of 28 December to 3 January reported January (1 to 3 January), and the week before December to the
    27th, so an audit on 30 December counted in no digest's month figure. A week that runs into the next month
    reports the month it began in, whole; the new month's first days count in the next week's digest."""
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 12, 14, 11, tzinfo=UTC))
    rows.audit(submitted=datetime(2026, 12, 30, 11, tzinfo=UTC))  # week 53: 28 December to 3 January
    rows.audit(submitted=datetime(2027, 1, 2, 11, tzinfo=UTC))  # week 53 too, in January
    with time_machine.travel(datetime(2027, 1, 4, 9, tzinfo=LONDON), tick=False):
        team = _digest_text(services, MANAGER).replace("**", "")
        service = _digest_text(services, "U0QALEAD1")
    assert ("Audits completed: 2 in week 53 · 2 in December (month ended; this week's 1 Jan to 3 Jan 2027 count in "
            "January). Target 2 a month: met (2 done).") in team
    assert "all of December (target)" in service
    rows.audit(submitted=datetime(2027, 1, 6, 11, tzinfo=UTC))
    with time_machine.travel(datetime(2027, 1, 11, 9, tzinfo=LONDON), tick=False):
        following = _digest_text(services, MANAGER).replace("**", "")
    assert "Audits completed: 1 in week 1 · 2 in January (to 10 January). Target 2 a month: met (2 done)." in following


def test_home_counts_the_actions_overdue_today_not_at_the_end_of_last_week(services: Services) -> None:
    """Trial 20: Home said "Overdue actions: 5" (last week's, unlabelled) while `actions team` listed 6."""
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 11, 20, 11, tzinfo=UTC))
    rows.action(audit, "U0PRAN001", date(2026, 11, 25))  # overdue since last week
    rows.action(audit, "U0PRAN001", date(2026, 12, 2))  # overdue since Wednesday
    rows.action(audit, "U0PRAN001", date(2026, 12, 11))  # not yet due
    with time_machine.travel(datetime(2026, 12, 5, 10, tzinfo=LONDON), tick=False):
        fields = _month_field(services)
    assert fields["Overdue actions now"] == "2"
