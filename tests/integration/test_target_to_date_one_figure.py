"""Trial 62 F10: on Monday 7 December the chat said "pro-rata share to date: under 1" for December, where six
auditors' 2 a month each over 7 of 31 days is 1.35 and the export's summary sheet said 1.5; the quarter said 12 "for the
months passed in full and 7 of December's 31 days", October and November alone. One owner (bot.core.target_to_date)
now gives the chat and the sheet the same figure, and the quarter counts December's days. On a month's last day the
month is due in full in both.

The clock is pinned (time_machine, tick=False), so these pass on any day, including under AUDITBOT_TEST_NOW."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.engine.routing import Engine
from tests.support.cli import run_cli
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
HEAD = "U0ADMIN01"
TRIAL_DAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
MONTH_END = datetime(2026, 11, 30, 17, 0, tzinfo=LONDON)


def _chat_and_sheet(engine: Engine, environ: dict[str, str], tmp_path: Path, when: datetime,
                    typed: str) -> tuple[str, dict[str, str]]:
    """What `digest <typed>` says, and the sheet's target_to_date by team for the month the day is in."""
    target = tmp_path / "audits.csv"
    with time_machine.travel(when, tick=False):
        said = flat("\n".join(r.text for r in engine.command(HEAD, f"digest {typed}", surface="terminal")))
        result = run_cli(environ, "export", "--as", HEAD, "--since", "1/10/2026", "--output", str(target))
    assert result.code == 0, result.err
    rows = csv.DictReader(io.StringIO((tmp_path / "audits-summary.csv").read_text()))
    month = f"{when:%B %Y}"
    return said, {row["team_id"]: row["target_to_date"] for row in rows if row["month"] == month}


@pytest.mark.usefixtures("with_demo")
def test_on_7_december_the_chat_and_the_sheet_give_one_share_to_date(engine: Engine, environ: dict[str, str],
                                                                      tmp_path: Path) -> None:
    said, sheet = _chat_and_sheet(engine, environ, tmp_path, TRIAL_DAY, "this month")
    assert "against a target of 6 for December 2026 (pro-rata share to date: 1.5, for 7 of December's 31 days)" in said
    assert "(target 2; pro-rata share to date 0.5)" in said and "under 1" not in said
    assert sheet == {"north-assessment": "0.5", "south-cin-cp": "0.5", "children-in-care": "0.5", "": "1.5"}


@pytest.mark.usefixtures("with_demo")
def test_the_quarter_counts_the_december_days_it_names(engine: Engine, environ: dict[str, str],
                                                       tmp_path: Path) -> None:
    said, _ = _chat_and_sheet(engine, environ, tmp_path, TRIAL_DAY, "this quarter")
    assert ("against a target of 18 for Q3 2026/27 (pro-rata share to date: 13.5, for the months passed in full and "
            "7 of December's 31 days)") in said
    assert "(target 6; pro-rata share to date 4.5)" in said


@pytest.mark.usefixtures("with_demo")
def test_on_the_months_last_day_it_is_due_in_full_in_both(engine: Engine, environ: dict[str, str],
                                                          tmp_path: Path) -> None:
    said, sheet = _chat_and_sheet(engine, environ, tmp_path, MONTH_END, "this month")
    assert "against a target of 6 (+" in said and "pro-rata" not in said
    assert sheet == {"north-assessment": "2", "south-cin-cp": "2", "children-in-care": "2", "": "6"}


@pytest.fixture
def with_demo(environ: dict[str, str]) -> None:
    with time_machine.travel(TRIAL_DAY, tick=False):
        result = run_cli(environ, "demo-data", "--as", HEAD)
    assert result.code == 0, result.err
