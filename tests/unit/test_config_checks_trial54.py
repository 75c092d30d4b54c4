"""teams.yaml and settings.yaml mistakes said as `audit-bot kb check` says the knowledge base's (trial 54).

A person listed twice, a tab, a line without its colon and a misspelt key are each refused with file:line and what
to do; a team with no manager and a manager in no team start, with a WARNING line saying what won't happen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from bot.settings.config import ConfigError, load_settings
from bot.settings.teams_file import setup_warnings
from tests.support.cli import run_cli

WEST = """\
  - id: west-family-support
    name: West Family Support
    digest_channel: null
    members:
      - {user: U0MGRW001, name: Team manager (West), role: manager, audit_target: 2}
      - {user: U0PRAW001, name: Social worker W1, role: practitioner, audit_target: 0}
      - {user: W2_LINE
"""
W2 = "U0PRAW002, name: Social worker W2, role: practitioner, audit_target: 0}"


def _teams(config_dir: Path, w2: str = W2, west: str = WEST) -> Path:
    """The shipped teams.yaml with a West team added, its last member written as `w2`; returns the file."""
    path = config_dir / "teams.yaml"
    path.write_text(path.read_text() + west.replace("W2_LINE", w2))
    return path


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _refusal(environ: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_one_id_twice_in_a_team_is_refused_with_both_names_and_lines(environ: dict[str, str],
                                                                     config_dir: Path) -> None:
    path = _teams(config_dir, W2.replace("U0PRAW002", "U0PRAW001"))
    w1, w2 = _line(path, "Social worker W1"), _line(path, "Social worker W2")
    assert _refusal(environ) == (
        f"{path}:{w2}: U0PRAW001 is listed twice in team west-family-support (Social worker W1, line {w1}; "
        f"Social worker W2, line {w2}): list each person once per team, and check which of them has the wrong "
        "user id.")


def test_one_id_in_two_teams_under_two_names_is_refused(environ: dict[str, str], config_dir: Path) -> None:
    path = _teams(config_dir, W2.replace("U0PRAW002", "U0PRAS001"))
    message = _refusal(environ)
    s1, w2 = _line(path, "Social worker S1"), _line(path, "Social worker W2")
    assert message.startswith(f"{path}:{w2}: U0PRAS001 is in team south-cin-cp as Social worker S1 "
                              f"(practitioner, line {s1}) and in team west-family-support as Social worker W2")
    assert "a person has one name and one role" in message


def test_one_id_in_two_teams_under_two_roles_is_refused(environ: dict[str, str], config_dir: Path) -> None:
    _teams(config_dir, "U0PRAS001, name: Social worker S1, role: manager}")
    assert "as Social worker S1 (manager, line" in _refusal(environ)


def test_one_person_in_two_teams_under_one_name_is_allowed(environ: dict[str, str], config_dir: Path) -> None:
    _teams(config_dir, "U0MGRS001, name: Team manager (South), role: manager}")
    directory = load_settings(environ).directory
    assert directory.managed_team_ids("U0MGRS001") == ["south-cin-cp", "west-family-support"]


def test_the_shipped_teams_file_lists_nobody_twice(settings) -> None:  # type: ignore[no-untyped-def]
    assert setup_warnings(settings.directory) == []
    assert len(settings.directory.people) == 10


def test_a_tab_is_named_at_its_own_line(environ: dict[str, str], config_dir: Path) -> None:
    path = config_dir / "teams.yaml"
    lines = path.read_text().splitlines()
    at = _line(path, "Social worker S1")
    lines[at - 1] = "\t" + lines[at - 1].lstrip(" ")
    path.write_text("\n".join(lines) + "\n")
    assert _refusal(environ) == (f"{path}:{at}: YAML syntax error: found a tab character in this line's "
                                 "indentation; indent with spaces, not tabs.")


def test_a_missing_colon_points_at_its_own_line_not_the_next(environ: dict[str, str], config_dir: Path) -> None:
    path = config_dir / "teams.yaml"
    path.write_text(path.read_text().replace("name: Children in Care Team", "name Children in Care Team"))
    at = _line(path, "name Children in Care Team")
    message = _refusal(environ)
    assert message.startswith(f"{path}:{at}: YAML syntax error: could not find expected ':'")
    assert "`(file)`" not in message


def test_a_misspelt_member_key_gets_its_line_and_a_did_you_mean(environ: dict[str, str], config_dir: Path) -> None:
    path = _teams(config_dir, W2.replace("audit_target", "audit_taget"))
    message = _refusal(environ)
    assert message.startswith(f"{path}:{_line(path, 'audit_taget')}: `teams → west-family-support → member 3 "
                              "(U0PRAW002) → audit_taget` must be one of user, name, role")
    assert message.endswith("(did you mean `audit_target`?).")


def test_working_hours_written_8am_get_their_line(environ: dict[str, str], config_dir: Path) -> None:
    path = _teams(config_dir, W2.replace("audit_target: 0", 'working_hours: "8am-3pm"'))
    assert _refusal(environ).startswith(f"{path}:{_line(path, '8am-3pm')}: `teams → west-family-support → member 3")


def test_a_misspelt_setting_gets_its_line_and_a_did_you_mean(environ: dict[str, str], config_dir: Path) -> None:
    path = config_dir / "settings.yaml"
    path.write_text(path.read_text().replace("quiet_hours:", "quiet_hour:"))
    message = _refusal(environ)
    assert message.startswith(f"{path}:{_line(path, 'quiet_hour:')}: `quiet_hour` must be one of the known keys "
                              "(did you mean `quiet_hours`?)")


def _database(environ: dict[str, str]) -> None:
    from bot.storage import Storage

    storage = Storage(Path(environ["AUDITBOT_DB"]))
    storage.migrate()
    storage.close()


def test_health_warns_of_a_team_with_no_manager(environ: dict[str, str], config_dir: Path) -> None:
    _teams(config_dir, west=WEST.replace(
        "      - {user: U0MGRW001, name: Team manager (West), role: manager, audit_target: 2}\n", ""))
    _database(environ)
    health = run_cli(environ, "health")
    assert health.code == 0
    assert health.out.splitlines() == [
        "WARNING: team west-family-support has no manager: its members' requests for more time, overdue-action "
        "escalations and submitted-audit notices go to nobody, and no manager's weekly digest covers it; add a "
        "member with `role: manager`",
        health.out.splitlines()[-1]]
    assert health.out.splitlines()[-1].startswith("healthy:")


def test_health_warns_of_a_manager_in_no_team(environ: dict[str, str], config_dir: Path) -> None:
    path = config_dir / "teams.yaml"
    path.write_text(path.read_text().replace(
        "people:\n", "people:\n  - {user: U0MGRX001, name: Team manager (East), role: manager}\n"))
    _database(environ)
    health = run_cli(environ, "health")
    assert health.code == 0
    assert health.out.splitlines()[0] == (
        "WARNING: U0MGRX001 (Team manager (East)) is a manager in no team: they can't audit a case or get a "
        "digest; add them to their team's `members:` in teams.yaml")


def test_the_bot_warns_at_start_too(environ: dict[str, str], config_dir: Path) -> None:
    _teams(config_dir, west=WEST.replace(
        "      - {user: U0MGRW001, name: Team manager (West), role: manager, audit_target: 2}\n", ""))
    import io

    chat = run_cli(environ, "chat", "--user", "U0ADMIN01", stdin=io.StringIO("quit\n"))
    assert chat.err.startswith("WARNING: team west-family-support has no manager:")


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["  ", "\t", "- ", "user", ": ", "U0PRAW001", "{", "}", ",", "name", "\n",
                                 "teams", "members", "id", "west", "role: manager", "'", "#"]), max_size=40))
def test_any_teams_text_loads_or_is_refused_in_one_line(environ: dict[str, str], config_dir: Path,
                                                        parts: list[str]) -> None:
    path = config_dir / "teams.yaml"
    path.write_text("".join(parts))
    try:
        load_settings(environ)
    except ConfigError as exc:
        message = str(exc)
        assert "\n" not in message
        assert message.startswith(str(path))
        assert "`(file)` must be valid YAML" not in message


def test_a_name_with_an_unquoted_comma_is_told_to_quote_it_at_its_line(environ: dict[str, str],
                                                                       config_dir: Path) -> None:
    """Trial 58 F17: `new)` was said to be a key that must be one of user, name, role…"""
    path = _teams(config_dir, W2.replace("Social worker W2", "Social worker (West, new)"))
    assert _refusal(environ) == (
        f"{path}:{_line(path, 'West, new')}: `teams → west-family-support → member 3 (U0PRAW002) → name`: a name "
        'with a comma needs quotes: name: "Social worker (West, new)".')
