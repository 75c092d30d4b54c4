"""The command line applies the same roles as Slack when it acts for a Slack user, and records exports."""

from __future__ import annotations

import json

import pytest

from bot.__main__ import main
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender


@pytest.fixture
def cli(environ: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run `audit-bot ...` as a person would, returning (exit code, stdout, stderr)."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AUDITBOT_OPERATOR", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run


@pytest.fixture
def submitted(engine: Engine, services: Services) -> None:
    send = terminal_sender(engine, TerminalView())
    complete_audit(send, send("type", "/audit start early-help-spot"))


def test_an_export_for_a_slack_user_follows_their_role(cli, submitted: None) -> None:
    code, out, err = cli("export", "--as", "U0PRAN001")
    assert code == 2 and out == "" and "U0PRAN001 is a practitioner" in err and "Traceback" not in err
    code, out, _ = cli("export", "--as", "U0MGRN001", "--format", "json")
    assert code == 0 and len(json.loads(out)["audits"]) == 1  # a manager naming no team gets their own (trial 22)
    code, out, _ = cli("export", "--as", "U0MGRS001", "--format", "json")
    assert code == 0 and json.loads(out)["audits"] == []  # South's manager: none of North's
    code, _, err = cli("export", "--as", "U0MGRS001", "--team", "north-assessment")
    assert code == 2 and "own teams only" in err
    code, out, _ = cli("export", "--as", "U0MGRN001", "--team", "north-assessment", "--format", "json")
    assert code == 0 and len(json.loads(out)["audits"]) == 1
    code, out, _ = cli("export", "--as", "U0QALEAD1", "--format", "json")
    assert code == 0 and len(json.loads(out)["audits"]) == 1
    code, _, err = cli("export", "--as", "U0NOBODY1")
    assert code == 2 and "not in teams.yaml" in err


def test_cli_refusals_say_plainly_who_may_and_which_teams_are_yours(cli, submitted: None) -> None:
    """A user trial read "U0PRAN001 is a practitioner: export audits is for managers…", and was told to add
    --team north-assessment though --team south-cin-cp was given."""
    code, _, err = cli("export", "--as", "U0PRAN001")
    assert code == 2 and err == ("U0PRAN001 is a practitioner; the export is for managers (their own teams), QA "
                                 "leads and admins.\n")
    code, _, err = cli("digest", "--as", "U0PRAN001")
    assert code == 2 and err.startswith("U0PRAN001 is a practitioner; the digest is for managers (their own teams)")
    code, _, err = cli("export", "--format", "json", "--as", "U0MGRN001", "--team", "south-cin-cp")
    assert code == 2 and err.startswith("south-cin-cp is not one of your teams (yours: north-assessment).")
    assert "use --team north-assessment" in err
    code, _, err = cli("digest", "--as", "U0MGRN001", "--team", "south-cin-cp")
    assert code == 2 and "use --team north-assessment" in err  # one --team still names one of yours


def test_an_export_of_a_campaign_that_does_not_exist_says_so(cli, submitted: None) -> None:
    code, out, err = cli("export", "--campaign", "99")
    assert code == 2 and out == "" and err.startswith("There is no campaign 99")


def test_every_export_is_in_the_trail_with_who_ran_it(cli, submitted: None, monkeypatch) -> None:
    cli("export", "--format", "csv")
    monkeypatch.setenv("AUDITBOT_OPERATOR", "U0QALEAD2")
    cli("export", "--format", "json", "--since", "2026-01-01")
    code, out, _ = cli("trail", "--format", "json", "--as", "U0ADMIN01")
    exports = [row for row in json.loads(out) if row["action"] == "export"]
    assert code == 0 and len(exports) == 2 and exports[0]["actor"].startswith("cli")
    assert exports[1]["actor"] == "U0QALEAD2" and exports[1]["detail"]["since"] == "2026-01-01"
    assert exports[1]["detail"]["audits"] == 1


def test_maintenance_and_digests_are_refused_to_roles_without_them(cli) -> None:
    for command in (["retention"], ["trail"], ["demo-data", "--weeks", "1"]):
        code, _, err = cli(*command, "--as", "U0QALEAD1")
        assert code == 2 and "for admins" in err, command
    code, _, err = cli("digest", "--as", "U0MGRN001", "--team", "south-cin-cp")
    assert code == 2 and "own teams only" in err
    code, out, _ = cli("digest", "--as", "U0MGRN001", "--team", "north-assessment")
    assert code == 0 and "North Assessment Team" in out
    code, _, _ = cli("retention", "--as", "U0ADMIN01")
    assert code == 0


def test_a_folder_given_as_the_output_file_is_said_to_be_one(cli, submitted: None, tmp_path) -> None:
    """fix79a: `audit-bot export --output /tmp` was told to "check the folder exists", of a folder that does."""
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    code, out, err = cli("export", "--output", str(tmp_path))
    assert code == 2 and out == "" and "Traceback" not in err, err
    assert err == (f"--output: {tmp_path} is a folder; give a file name inside it, such as "
                   f"`--output {tmp_path / 'audits.csv'}`.\n"), err
    code, _, err = cli("export", "--format", "json", "--output", f"{tmp_path}/")
    assert code == 2 and f"a file name inside it, such as `--output {tmp_path / 'audits.json'}`" in err
    assert "check the folder exists" in cli("export", "--output", str(tmp_path / "no-such-folder" / "a.csv"))[2]
    assert list(tmp_path.iterdir()) == []


def test_a_folder_given_as_the_digest_chart_is_said_to_be_one(cli, submitted: None, tmp_path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    code, out, err = cli("digest", "--chart", str(tmp_path))
    assert code == 2 and out == "", (out, err)
    assert err == (f"--chart: {tmp_path} is a folder; give a file name inside it, such as "
                   f"`--chart {tmp_path / 'digest-chart.png'}`. Nothing was printed.\n"), err
