"""Configuration: defaults that work, environment overrides, and one clear message for each mistake."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.settings.config import PROJECT_DIR, ConfigError, load_settings
from bot.settings.people import Role
from tests.support.moved_clock import bot_command, child_clock


def test_shipped_config_loads_with_london_time_and_roles(environ: dict[str, str]) -> None:
    settings = load_settings(environ)
    assert settings.timezone.key == "Europe/London"
    directory = settings.directory
    assert directory.person("U0QALEAD1").role is Role.QA_LEAD
    assert directory.person("U0MGRN001").role is Role.MANAGER
    assert directory.managers_of("U0PRAN001") == ["U0MGRN001"]
    assert directory.teams["north-assessment"].digest_channel == "C0NORTH01"
    assert settings.case_references_in_channels is False  # a team channel's digest names no case (fix 41)
    assert settings.moderation_sample_share == 0.1  # `/audit moderate sample` draws 10% of each team's rest
    assert not settings.slack.socket_mode_ready


def test_environment_overrides_database_tokens_and_api_url(environ: dict[str, str], tmp_path: Path) -> None:
    environ.update(
        AUDITBOT_DB=str(tmp_path / "other.db"),
        SLACK_BOT_TOKEN="xoxb-1",
        SLACK_APP_TOKEN="xapp-1",
        SLACK_SIGNING_SECRET="s",
        SLACK_API_URL="http://127.0.0.1:9/api",
    )
    settings = load_settings(environ)
    assert settings.database == tmp_path / "other.db"
    assert settings.slack.socket_mode_ready
    assert settings.slack.api_url == "http://127.0.0.1:9/api/"


@pytest.mark.parametrize(
    ("file", "text", "key", "expected"),
    [
        ("settings.yaml", "timezone: Mars/Olympus\n", "timezone", "IANA timezone"),
        ("settings.yaml", "quiet_hours: {start: '18:00', end: '08:00'}\n", "quiet_hours", "earlier"),
        ("settings.yaml", "retention_years: forever\n", "retention_years", "whole number"),
        ("settings.yaml", "moderation_sample_share: 10\n", "moderation_sample_share", "fraction above 0"),
        ("settings.yaml", "moderation_sample_share: 0\n", "moderation_sample_share", "0.1 for 10%"),
        ("settings.yaml", "case_references_in_channels: 'no'\n", "case_references_in_channels", "true or false"),
        ("settings.yaml", "case_reference_pattern: '[A-'\n", "case_reference_pattern", "regular expression"),
        ("settings.yaml", "timezon: Europe/London\n", "timezon", "known keys"),
        ("settings.yaml", "timezone: [unclosed\n", "settings.yaml:2: YAML syntax error", "check the indentation"),
        ("teams.yaml", "teams:\n  - {id: a, members: [{user: U0A1, role: boss}]}\n", "role", "one of"),
        ("teams.yaml", "teams:\n  - {id: a, members: [{user: bob}]}\n", "user", "Slack user id"),
        ("teams.yaml", "teams:\n  - {id: a, digest_channel: general, members: [{user: U0A1}]}\n",
         "digest_channel", "channel id"),
        ("teams.yaml", "teams:\n  - {id: a, members: [{user: U0A1, working_hours: 9-5}]}\n",
         "working_hours", '"09:30-15:00"'),
        ("teams.yaml", "teams:\n  - {id: a, members: [{user: U0A1, working_hours: '15:00-09:00'}]}\n",
         "working_hours", "earlier"),
        ("teams.yaml", "teams:\n  - {id: a, members: [{user: U0A1, working_hours: '09:00-13:00'}]}\n"
                       "  - {id: b, members: [{user: U0A1, working_hours: '10:00-13:00'}]}\n",
         "working_hours", "the same for U0A1"),
        ("teams.yaml", "teams:\n  - {id: a, members: [{user: U0A1, working_days: fri-mon}]}\n",
         "working_days", '"mon-wed"'),
        ("teams.yaml", "teams:\n  - {id: a, members: [{user: U0A1, working_days: 'mon, sat'}]}\n",
         "working_days", "Monday to Friday"),
    ],
)
def test_each_mistake_names_file_key_and_what_is_expected(
    environ: dict[str, str], config_dir: Path, file: str, text: str, key: str, expected: str
) -> None:
    path = config_dir / file
    if file == "settings.yaml":
        path.write_text(text)
    else:
        path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(environ)
    message = str(caught.value)
    assert file in message
    assert key in message
    assert expected in message


@pytest.mark.parametrize("days", ["mon-wed", "'Mon, Tue, Wed'", "[monday, tuesday, wednesday]"])
def test_a_part_timers_working_days_are_read_in_any_usual_form(environ: dict[str, str], config_dir: Path,
                                                               days: str) -> None:
    (config_dir / "teams.yaml").write_text(f"teams:\n  - {{id: a, members: [{{user: U0A1, working_days: {days}}}, "
                                           "{user: U0A2}]}\n")
    directory = load_settings(environ).directory
    assert directory.days_of("U0A1") == frozenset({0, 1, 2})
    assert directory.days_of("U0A2") is None


def test_missing_config_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="AUDITBOT_CONFIG"):
        load_settings({"AUDITBOT_CONFIG": str(tmp_path / "nowhere")})


def test_cli_reports_a_bad_setting_in_one_line_without_traceback(config_dir: Path, tmp_path: Path) -> None:
    (config_dir / "settings.yaml").write_text("timezone: Nowhere/Atlantis\n")
    result = subprocess.run(
        bot_command("chat"),
        input="quit\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        env=child_clock({"AUDITBOT_CONFIG": str(config_dir), "AUDITBOT_DB": str(tmp_path / "x.db"),
                         "PATH": "/usr/bin"}),
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"Configuration problem: {config_dir / 'settings.yaml'}:1: `timezone` must be an IANA timezone name "
        "such as Europe/London (found 'Nowhere/Atlantis')."
    ]


@pytest.mark.parametrize(("text", "where"), [
    ("teams:\n  - {id: north, members: [{user: U0A1, role: manager}, {user: U0A2, role: boss}]}\n",
     "`teams → north → member 2 (U0A2) → role`"),
    ("people:\n  - {user: U0Q1, role: qa_lead}\n  - {user: U0Q2, role: lead}\n",
     "`people → person 2 (U0Q2) → role`"),
    ("teams:\n  - {id: north, members: [{user: U0A1}]}\n  - {id: North Team, members: [{user: U0A2}]}\n",
     "`teams → team 2 → id`"),
])
def test_a_teams_file_mistake_is_placed_by_team_id_and_person_not_by_counting_from_zero(
        environ: dict[str, str], config_dir: Path, text: str, where: str) -> None:
    (config_dir / "teams.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(environ)
    assert where in str(caught.value) and "[" not in str(caught.value).split("must be")[0]
