"""Figures a leader compares agree, or say why they differ (trial 55): the demo-data line for this week counts the
re-audit submitted today and its actions (F15), a demo note agrees with its count (F20), plain `themes` lists the
digest's weeks (F12), and the export's summary sheet gives the whole month's target beside the pro-rata one (F11).

The clock is pinned (time_machine, tick=False) to a working day mid-month, so these pass on any day, including
under AUDITBOT_TEST_NOW."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta
from pathlib import Path

import time_machine

from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.digests.render import demo_note
from bot.engine.routing import Engine
from bot.storage.common import utc_text
from tests.integration.test_reaudits import LONDON
from tests.support.cli import run_cli
from tests.support.text import flat

HEAD = "U0ADMIN01"  # the head of service
TRIAL_MONDAY = datetime(2026, 12, 7, 7, 22, tzinfo=LONDON)  # trial 55's Monday morning, a re-audit of today in it
WEEK_LINE = re.compile(r"this week so far \((\d\d \w{3})\): (\d+) audits?(?: \(\d+ an? re-audits?\))?, (\d+) actions?")


def test_demo_data_counts_this_weeks_reaudit_and_its_actions(services: Services, environ: dict[str, str]) -> None:
    with time_machine.travel(TRIAL_MONDAY, tick=False):
        result = run_cli(environ, "demo-data", "--as", HEAD)
    assert result.code == 0, result.err
    said = " ".join((result.out + result.err).split())
    line = WEEK_LINE.search(said)
    assert line is not None, said
    monday = utc_text(TRIAL_MONDAY.replace(hour=0, minute=0) - timedelta(days=TRIAL_MONDAY.weekday()))
    submitted, actions = services.storage.db.execute(
        "SELECT COUNT(DISTINCT a.id), COUNT(x.id) FROM audits a LEFT JOIN actions x ON x.audit_id = a.id "
        "WHERE a.submitted_at >= ?", [monday]).fetchone()
    assert submitted >= 1 and actions >= 1  # the trial's day: a re-audit of today, with actions
    assert int(line.group(3)) == actions, said
    assert int(line.group(2)) >= submitted, said
    assert not re.search(r"\b1 (audits|actions)\b", said), said


def test_a_digests_demo_note_agrees_with_its_count(services: Services, engine: Engine) -> None:
    with time_machine.travel(TRIAL_MONDAY, tick=False):
        generate(services)
        replies = engine.command(HEAD, "digest this week south", surface="terminal")
    said = flat(" ".join(reply.text for reply in replies)).replace("**", "").replace("_", "")
    note = re.search(r"(?:This audit|(\d+) of these \d+ audits) of its cases (is|are) invented demo data", said)
    assert note is not None, said  # on this morning: the re-audit of today, "1 of these 1 audits … are" before
    assert note.group(2) == ("is" if note.group(1) in (None, "1") else "are"), said
    assert demo_note(1, 2, "of its cases ").startswith("1 of these 2 audits of its cases is invented demo data")
    assert demo_note(2, 3).startswith("2 of these 3 audits are invented demo data (`audit-bot demo-data --remove` "
                                      "takes them out)")


def _top_themes(text: str) -> list[str]:
    """The numbered questions of the first 'most often answered badly' list in a reply."""
    listed = text.split("answered badly", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\s+\d+(?:–\d+ \(tie, \d+ audits each\))?\. (.+?) in \d+ audits$", listed, re.MULTILINE)


def test_themes_lists_the_same_weeks_and_questions_as_the_digest(services: Services, engine: Engine) -> None:
    with time_machine.travel(TRIAL_MONDAY, tick=False):
        generate(services)
        digest = "\n".join(r.text for r in engine.command(HEAD, "digest", surface="terminal")).replace("**", "")
        [themes] = engine.command(HEAD, "themes", surface="terminal")
        [asked] = engine.message(HEAD, "what are the common themes coming out of audits recently?",
                                 surface="terminal")
    window = "(audits submitted 9 Nov to 6 Dec 2026: the week and the 3 before it, each in at least 2 audits)"
    assert window in digest, digest
    for reply in (themes, asked):
        said = reply.text.replace("**", "")
        assert window in said.split("\n", 1)[0], said
        assert _top_themes(said) == _top_themes(digest) != [], (said, digest)
        assert "the weeks the digest (`/audit digest`) and the Home tab list their themes over" in (reply.note or ""), \
            reply.note


MID_MONTH = datetime(2026, 12, 16, 10, 0, tzinfo=LONDON)  # a Wednesday mid-December


def test_the_summary_sheet_names_the_whole_months_target_home_counts_beside_the_pro_rata_one(
        services: Services, environ: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "audits.csv"
    with time_machine.travel(MID_MONTH, tick=False):
        generate(services)
        result = run_cli(environ, "export", "--as", HEAD, "--output", str(target))
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO((tmp_path / "audits-summary.csv").read_text())))
    december = {row["team_id"]: row for row in rows if row["month"] == "December 2026"}
    assert december, rows
    for team in services.directory.teams.values():
        row = december[team.id]
        whole = sum(member.audit_target for member in team.members)  # Home's "1 of 2 for December so far"
        assert row["so_far"] == "True" and row["target_whole_month"] == str(whole), row
        assert float(row["target_to_date"]) < whole, row  # the pro-rata share, as `digest this quarter` counts it


EARLY_MONTH = datetime(2026, 12, 2, 12, 0, tzinfo=LONDON)  # a Wednesday: 2 of December's 31 days gone


def test_the_summary_sheet_gives_a_share_under_one_as_a_fraction_not_zero(
        services: Services, environ: dict[str, str], engine: Engine, tmp_path: Path) -> None:
    """Trial 56 F17: the sheet's `target_to_date` read 0 where the chat says "pro-rata share to date: under 1"; it is
    now the share to one decimal, which a spreadsheet still sums."""
    target = tmp_path / "audits.csv"
    with time_machine.travel(EARLY_MONTH, tick=False):
        generate(services)
        result = run_cli(environ, "export", "--as", HEAD, "--output", str(target))
        said = flat("\n".join(r.text for r in engine.command(HEAD, "digest this month", surface="terminal")))
    assert result.code == 0, result.err
    assert "(pro-rata share to date: 0.3, for 2 of December's 31 days)" in said  # the sheet's figure (trial 62 F10)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "audits-summary.csv").read_text())))
    december = {row["team_id"]: row["target_to_date"] for row in rows if row["month"] == "December 2026"}
    # the teams-together row is the sum of the rows (trial 59 F16: it read 0.4 beside 0.1, 0.1 and 0.1)
    assert december == {"north-assessment": "0.1", "south-cin-cp": "0.1", "children-in-care": "0.1", "": "0.3"}
