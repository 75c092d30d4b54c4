"""The export as a performance clinic reads it (trials 21 and 22): staff names, the team's name and the grade in
words beside the ids and codes, the campaign's moderation sample marked, and several teams in one file."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_cli_roles import cli  # noqa: F401  (the fixture)

SUBMITTED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # inside the campaign's dates below


def audit_by(engine: Engine, auditor: str) -> None:
    """An audit by `auditor` of the first worker offered (their own team's), submitted on SUBMITTED."""
    send = terminal_sender(engine, TerminalView(), user=auditor)
    with time_machine.travel(SUBMITTED, tick=False):
        complete_audit(send, send("type", "/audit start early-help-spot"))


def test_the_csv_names_people_team_and_grade_in_words_and_marks_the_sample(cli, engine: Engine,  # noqa: F811
                                                                            services: Services) -> None:
    audit_by(engine, "U0MGRN001")
    services.storage.db.execute(
        "INSERT INTO campaigns (id, name, theme, checklist_id, teams, starts_on, deadline, auditors, moderation_share, "
        "status, created_by, created_at) VALUES (1, 'Voice', 'voice', 'early-help-spot', '[\"north-assessment\"]', "
        "'2026-12-01', '2026-12-31', 'peer', 0.2, 'open', 'U0QALEAD1', '2026-12-01T10:00:00+00:00')")
    services.storage.db.execute(
        "INSERT INTO campaign_allocations (campaign_id, case_ref, worker_id, team_id, auditor_id, status, audit_id, "
        "sampled, updated_at) VALUES (1, 'CR-100200', 'U0PRAN001', 'north-assessment', 'U0MGRN001', 'started', 1, 1, "
        "'2026-12-02T10:00:00+00:00')")
    code, out, _ = cli("export", "--as", "U0QALEAD1")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    first = rows[0]
    assert (first["auditor_name"], first["worker_name"], first["team_name"]) == (
        "Team manager (North)", "Social worker N1", "North Assessment Team")
    assert first["grade_of_record_label"] == "Good" and first["grade_of_record"] == "good"
    assert {row["moderation_sample"] for row in rows} == {"True"}


def test_a_manager_of_two_teams_exports_both_in_one_file(cli, engine: Engine, services: Services) -> None:  # noqa: F811
    audit_by(engine, "U0MGRN001")
    audit_by(engine, "U0MGRS001")
    teams = services.settings.config_dir / "teams.yaml"
    teams.write_text(teams.read_text().replace(
        "      - {user: U0MGRS001, name: Team manager (South), role: manager, audit_target: 2}\n",
        "      - {user: U0MGRS001, name: Team manager (South), role: manager, audit_target: 2}\n"
        "      - {user: U0MGRN001, name: Team manager (North), role: manager}\n"))
    for args in ((), ("--team", "north,south"), ("--team", "north", "--team", "south-cin-cp")):
        code, out, err = cli("export", "--as", "U0MGRN001", "--format", "json", *args)
        assert code == 0, err
        assert sorted(a["team_id"] for a in json.loads(out)["audits"]) == ["north-assessment", "south-cin-cp"]
    code, out, _ = cli("export", "--as", "U0MGRN001", "--format", "json", "--team", "south")
    assert [a["team_id"] for a in json.loads(out)["audits"]] == ["south-cin-cp"]
    code, _, err = cli("export", "--as", "U0MGRN001", "--team", "north,care")
    assert code == 2 and "children-in-care is not one of your teams" in err
