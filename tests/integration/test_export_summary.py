"""Fix 41 item 1: the export had no summary sheet, so a head of service handing it to an inspector had 1,400 answer
rows and no figures. A summary sheet is now written beside the audits file (FILE-summary.csv, and `summary` in the
JSON), team by team and month by month, counted by the digest's own code: its November rows say what `digest
november` says. The audits file's columns are unchanged. The clock is pinned to the trial day (tests.support.trial_day),
so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from pathlib import Path

import pytest
import time_machine

from bot.cli.export import ANSWER_COLUMNS, AUDIT_COLUMNS
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_cli_roles import cli  # noqa: F401  (the fixture)
from tests.support.trial_day import TRIAL, said, with_demo_data

HEAD = "U0ADMIN01"
TEAMS = {"North Assessment Team": "north-assessment", "South Child in Need and Protection": "south-cin-cp",
         "Children in Care Team": "children-in-care"}


def _export(cli, tmp_path: Path, *args: str) -> tuple[str, list[dict[str, str]], Path]:  # noqa: F811
    target = tmp_path / "audits.csv"
    with time_machine.travel(TRIAL, tick=False):
        code, _, err = cli("export", "--as", HEAD, "--output", str(target), *args)
    assert code == 0, err
    sheet = tmp_path / "audits-summary.csv"
    return err, list(csv.DictReader(io.StringIO(sheet.read_text()))), target


def test_the_summary_sheet_says_what_the_digest_says_for_november(cli, engine: Engine, services: Services,  # noqa: F811
                                                                   tmp_path: Path) -> None:
    with_demo_data(services)
    digest = said(engine, HEAD, "digest november")
    err, rows, target = _export(cli, tmp_path, "--since", "2026-11-01")
    assert "The summary sheet (audits, grades, moderation agreement, actions and re-audits by team and month" in err
    assert f"is in {tmp_path / 'audits-summary.csv'}" in err
    november = {row["team_id"]: row for row in rows if row["month"] == "November 2026"}
    assert {row["month"] for row in rows} == {"November 2026", "December 2026"}
    for name, team in TEAMS.items():
        row = november[team]
        line = re.search(rf"• {name}: (\d+) audits completed by its auditors \(target (\d+)\) \(\+(\d+) of its cases "
                         r"by others.*?grades: (.*?); .*?agreement: \d+% \((\d+) of (\d+) moderated agreed.*?"
                         r"overdue actions: (\d+)", digest)
        assert line is not None, digest
        figures = (row["audits_completed"], row["target_to_date"], row["audits_of_its_cases_by_others"])
        assert figures == line.groups()[:3]
        labels = {"Outstanding": "outstanding", "Good": "good", "Requires improvement to be good":
                  "requires_improvement", "Inadequate": "inadequate"}
        said_grades = dict(re.findall(r"(Outstanding|Good|Requires improvement to be good|Inadequate) (\d+)",
                                      line.group(4)))
        assert {labels[k]: v for k, v in said_grades.items()} == {
            g: row[g] for g in labels.values() if row[g] != "0"}
        assert (row["moderation_agreed"], row["moderation_decided"], row["actions_overdue"]) == line.groups()[4:]
    whole = november[""]
    head = re.search(r"(\d+) audits completed by the teams' auditors against a target of (\d+) \(\+(\d+) of their "
                     r"cases by others.*?Good or better \d+ of \d+ \((\d+)%\).*?moderation agreement \d+% \((\d+) of "
                     r"(\d+) moderated agreed.*?overdue actions at its end: (\d+)", digest)
    assert head is not None and whole["team_name"] == "All teams exported"
    assert (whole["audits_completed"], whole["target_to_date"], whole["audits_of_its_cases_by_others"],
            whole["good_or_better_pct"], whole["moderation_agreed"], whole["moderation_decided"],
            whole["actions_overdue"]) == head.groups()
    assert int(whole["reaudits_done"]) == sum(int(whole[f"reaudits_{k}"]) for k in
                                              ("improved", "same", "worse", "cannot_say")) > 0
    assert stat.S_IMODE(os.stat(tmp_path / "audits-summary.csv").st_mode) == 0o600
    with target.open() as audits:  # the audits file reads as it always did
        assert next(csv.reader(audits)) == [*AUDIT_COLUMNS, *ANSWER_COLUMNS]


def test_json_carries_the_summary_and_standard_output_says_how_to_get_it(cli, services: Services,  # noqa: F811
                                                                         tmp_path: Path) -> None:
    with_demo_data(services)
    with time_machine.travel(TRIAL, tick=False):
        code, out, err = cli("export", "--as", "U0MGRS001", "--format", "json", "--since", "2026-12-01")
        assert code == 0 and "are under `summary`" in err
        rows = json.loads(out)["summary"]
        assert {row["team_id"] for row in rows} == {"south-cin-cp", ""}  # a manager's own team only
        code, out, err = cli("export", "--as", HEAD, "--since", "2026-12-01")
    assert code == 0 and "The summary sheet is written beside the file when you give --output FILE." in err
    assert not list(tmp_path.glob("*summary*"))


@pytest.mark.parametrize(("output", "beside"), [("a/audits.csv", "a/audits-summary.csv"),
                                                ("a/audits", "a/audits-summary.csv")])
def test_the_summary_file_is_named_after_the_audits_file(output: str, beside: str) -> None:
    from bot.cli.export import summary_path
    assert summary_path(output) == beside


def test_the_months_shares_to_date_add_up_to_the_teams_together(cli, services: Services,  # noqa: F811
                                                               tmp_path: Path) -> None:
    """Trial 59 F16: December's rows read 0.5, 0.5 and 0.5 to date beside "All teams exported" 1.4 (rounded from the
    unrounded 1.35), where the README says the one-decimal figures are given so the column still sums."""
    with_demo_data(services)
    _, rows, _ = _export(cli, tmp_path, "--since", "2026-11-01")
    month = [row for row in rows if row["so_far"] == "True"]
    teams, [whole] = [row for row in month if row["team_id"]], [row for row in month if not row["team_id"]]
    assert len(teams) == 3 and all(float(row["target_to_date"]) < 1 for row in teams), month
    assert round(sum(float(row["target_to_date"]) for row in teams), 1) == float(whole["target_to_date"]), month
