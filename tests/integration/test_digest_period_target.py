"""Fix 34 (MEDIUM): the period digest's target was the monthly target times the months the period spans, so a
quarter read on 5 December said "against a target of 18" (and December on its 5th "of 6") as if the whole period were
due. A period under way now shows what was due to date, the months passed in full and the current month by its days,
with the whole period's beside it ("target to date 12 of 18"); a finished period the full target. Someone in two
teams counts once in the total (bot.digests.period_digest)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.periods import read_period
from bot.core.target_to_date import share, to_date
from bot.engine.routing import Engine
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
NEW_YEARS_EVE = datetime(2026, 12, 31, 17, 0, tzinfo=LONDON)
HEAD = "U0ADMIN01"


def _digest(engine: Engine, when: datetime, period: str) -> str:
    with time_machine.travel(when, tick=False):
        return flat("\n".join(r.text for r in engine.command(HEAD, f"digest {period}", surface="terminal")))


def test_a_quarter_under_way_shows_the_target_to_date(engine: Engine) -> None:
    said = _digest(engine, SATURDAY, "this quarter")
    # trial 62 F10: December's 5 days count in the quarter's share too (it said 12, October and November alone)
    assert ("0 audits completed by the teams' auditors against a target of 18 for Q3 2026/27 (pro-rata share to "
            "date: 12.9, for the months passed in full and 5 of December's 31 days)") in said
    assert "North Assessment Team**: 0 audits completed by its auditors (target 6; pro-rata share to date 4.3)" in said
    assert "target to date of" not in said


def test_a_month_under_way_counts_its_days(engine: Engine) -> None:
    said = _digest(engine, datetime(2026, 12, 16, 12, 0, tzinfo=LONDON), "this month")
    assert "against a target of 6 for December 2026 (pro-rata share to date: 3, for 16 of December's 31 days)" in said
    assert "(target 2; pro-rata share to date 1)" in said


def test_a_share_to_date_under_one_is_not_said_as_none_of_the_target(engine: Engine) -> None:
    """Trial 49 (F12): on 6 December `compare` said "a pro-rata target to date of 0 of 4", a contradiction."""
    said = _digest(engine, datetime(2026, 12, 2, 12, 0, tzinfo=LONDON), "this month")
    assert ("against a target of 6 for December 2026 (pro-rata share to date: 0.3, for 2 of December's 31 "
            "days)") in said
    assert "of 0 of" not in said and "(target 2; pro-rata share to date 0.1)" in said


@pytest.mark.parametrize(("when", "period"), [(SATURDAY, "last quarter"), (NEW_YEARS_EVE, "last month")])
def test_a_finished_period_shows_its_full_target(engine: Engine, when: datetime, period: str) -> None:
    said = _digest(engine, when, period)
    full = 18 if "quarter" in period else 6
    assert f"0 audits completed by the teams' auditors against a target of {full};" in said and "to date" not in said
    assert f"(target {full // 3})" in said


def test_on_its_last_day_the_quarter_is_due_in_full(engine: Engine) -> None:
    said = _digest(engine, NEW_YEARS_EVE, "this quarter")
    assert "against a target of 18;" in said and "to date" not in said


@pytest.mark.parametrize(("today", "typed", "due"), [
    (date(2026, 12, 5), "this quarter", 4.3), (date(2026, 12, 31), "this quarter", 6), (date(2026, 10, 1), "q3", 0.1),
    (date(2026, 12, 5), "last quarter", 6), (date(2027, 1, 20), "this quarter", 1.3),
    (date(2027, 2, 14), "this month", 1), (date(2027, 2, 28), "this month", 2),
])
def test_target_due_is_full_months_and_the_current_month_by_days(today: date, typed: str, due: float) -> None:
    period = read_period(typed, today)
    assert period is not None
    assert to_date([2], period) == due


def test_each_auditors_share_is_summed_to_one_decimal_so_teams_add_up() -> None:
    """Trial 62 F10: on 7 December six auditors' 2 a month each was "under 1" in the chat (each 0.45 rounded to 0
    before summing) and 1.5 in the sheet; one rule now gives 1.5 in both, and the quarter counts December's days."""
    december = read_period("this month", date(2026, 12, 7))
    quarter = read_period("this quarter", date(2026, 12, 7))
    assert december is not None and quarter is not None
    assert round(share(2, december), 2) == 0.45
    assert to_date([2] * 3, december) == 1.5 and to_date([2], december) == 0.5
    assert to_date([2] * 3, quarter) == 13.5  # October, November and 7/31 of December, each auditor's 4.5


@pytest.fixture
def in_two_teams(config_dir: Path) -> None:
    teams = config_dir / "teams.yaml"
    text = teams.read_text().replace("{user: U0PRAS001, name: Social worker S1, role: practitioner, audit_target: 0}",
                                     "{user: U0MGRN001, name: Team manager (North), role: manager, audit_target: 2}")
    teams.write_text(text)


def test_someone_in_two_teams_counts_once_in_the_total(in_two_teams: None, engine: Engine) -> None:
    said = _digest(engine, SATURDAY, "last quarter")
    # three managers, 2 a month each, for 3 months
    assert "0 audits completed by the teams' auditors against a target of 18;" in said
    assert "South Child in Need and Protection**: 0 audits completed by its auditors (target 12)" in said
