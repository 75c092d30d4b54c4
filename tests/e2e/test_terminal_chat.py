"""The terminal chat: usable by a person, drivable by a script, same engine as Slack."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import PROJECT_DIR
from bot.terminal.chat import run_chat
from bot.terminal.render import plain
from tests.support.cli import run_cli
from tests.support.moved_clock import bot_command, child_clock


def drive(engine: Engine, lines: list[str], user: str = "U0MGRN001") -> tuple[int, str]:
    out = io.StringIO()
    code = run_chat(engine, user, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    return code, out.getvalue()


def test_help_then_quit(engine: Engine) -> None:
    code, out = drive(engine, ["help", "quit"])
    assert code == 0
    assert "Here is what I can do for you" in out
    assert out.rstrip().endswith("Anything you were doing is saved.")


def test_end_of_input_ends_cleanly(engine: Engine) -> None:
    code, out = drive(engine, ["/audit help"])
    assert code == 0
    assert "Bye." in out


def test_unknown_slash_command_explains_and_points_to_help(engine: Engine) -> None:
    _, out = drive(engine, ["/audit frobnicate"])
    assert "I don't know /audit frobnicate. Type /audit help for all commands." in out
    assert "Here is what I can do" not in out


def test_near_miss_commands_in_the_chat_run_or_are_put_right_and_none_reaches_the_qa_leads(engine: Engine) -> None:
    _, out = drive(engine, ["show 136", "resume 136", "view 12", "open audit 12", "/audit shwo 12",
                            "/audti show 12"])
    assert "I can't find that audit (#136)" in out
    assert out.count("Did you mean /audit show 12?") == 2  # after a slash
    # typed plain (trial 30); a typed `yes` runs it (trial 35)
    assert out.count("Did you mean show 12? Type yes to run it. Here a command needs no /audit") == 2
    assert "I don't know shwo. Did you mean /audit show 12? Type yes to run it." in out
    assert "Here is what I can do" not in out
    assert "on the QA leads' list" not in out
    _, listed = drive(engine, ["/audit kb unanswered"], user="U0QALEAD1")
    assert "No unanswered or unhelpful questions" in listed


def test_sub_commands_typed_without_audit_in_the_chat_run_and_none_reaches_the_qa_leads(engine: Engine) -> None:
    _, out = drive(engine, ["away until 24/12", "away off", "restore"])
    assert "Welcome back: reminders are on again." in out
    assert "You have no audits cancelled in the last" in out
    _, admin = drive(engine, ["campaign close 1", "campaign allocations 2", "campain close 1"], user="U0ADMIN01")
    assert admin.count("There is no campaign ") == 2 and "Did you mean campaign close 1?" in admin
    _, practitioner = drive(engine, ["campaign create name=x"], user="U0PRAN001")
    _, slashed = drive(engine, ["/audit campaign create name=x"], user="U0PRAN001")
    assert practitioner == slashed
    for said in (out, admin, practitioner):
        assert "I don't know that yet" not in said and "on the QA leads' list" not in said
    _, listed = drive(engine, ["/audit kb unanswered"], user="U0QALEAD1")
    assert "No unanswered or unhelpful questions" in listed


def test_a_person_not_in_teams_yaml_is_told_how_to_get_access(engine: Engine) -> None:
    _, out = drive(engine, ["help"], user="U0NOBODY1")
    assert "not set up to use audit-bot" in out
    assert out.count("U0NOBODY1 is not in teams.yaml, so I treat you as someone without a role") == 1


def test_chat_as_an_id_the_teams_file_lacks_says_so_once_naming_the_file(environ: dict[str, str],
                                                                         config_dir: Path) -> None:
    """Fix80b: `audit-bot chat --user U0NOBODY` started silently as a stranger, where a typo in the ID was likelier;
    now the first lines say the ID is not in the teams file loaded, named as AUDITBOT_CONFIG gives it."""
    chat = run_cli(environ, "chat", "--user", "U0NOBODY", stdin=io.StringIO("help\nwhoami\nquit\n"))
    said = f"U0NOBODY is not in {config_dir}/teams.yaml, so I treat you as someone without a role"
    assert chat.code == 0 and chat.out.count(said) == 1
    assert chat.out.splitlines()[1].startswith(said) and "Check the ID (`--user`)" in chat.out
    known = run_cli(environ, "chat", "--user", "U0PRAN001", stdin=io.StringIO("quit\n"))
    assert "is not in" not in known.out and "without a role" not in known.out


def test_make_run_path_without_tokens_opens_the_chat(tmp_path: Path, environ: dict[str, str]) -> None:
    result = subprocess.run(
        bot_command("run"),
        input="help\nquit\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        env=child_clock({**environ, "PATH": "/usr/bin:/bin"}),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "No Slack tokens set" in result.stderr
    assert "manifest.yml" in result.stderr
    assert "Here is what I can do for you" in result.stdout
    assert "Traceback" not in result.stderr


def test_slack_emoji_codes_read_as_short_marks_in_the_terminal() -> None:
    assert plain(":triangular_flag_on_post: 2. Is consent recorded? — *No*") == "[flag] 2. Is consent recorded? — No"
    assert plain(":warning: Past its review date") == "(!) Past its review date"
    assert plain("a :smile: stays as written") == "a :smile: stays as written"


def test_a_question_passed_on_from_did_you_mean_is_on_the_qa_leads_list(engine: Engine) -> None:
    _, asked = drive(engine, ["who is the DSL", "4"], user="U0PRAN001")
    assert "4) None of these: ask the QA leads" in asked
    assert "Answer it with /audit kb unanswered" in asked

    _, listed = drive(engine, ["/audit kb unanswered"], user="U0QALEAD1")
    assert "No unanswered" not in listed
    assert "who is the DSL — once" in listed
    assert "(passed on to the QA leads)" in " ".join(listed.split())  # the terminal wraps long lines


def test_audit_words_typed_with_nothing_open_say_so_and_are_not_noted_as_questions(engine: Engine,
                                                                                   services: Services) -> None:
    _, out = drive(engine, ["done", "cancel", "back", "Skip."], user="U0PRAN001")
    text = " ".join(out.split())
    assert "You have no open actions from audits." in text
    assert "nothing to cancel" in text and "nothing to go back to" in text and "nothing to skip" in text
    assert "I don't know that yet" not in text
    assert services.storage.db.execute("SELECT count(*) FROM kb_asks").fetchone()[0] == 0


def test_the_home_tab_can_be_seen_in_the_chat(engine: Engine) -> None:
    _, out = drive(engine, ["home", "/audit home", "help"], user="U0MGRN001")
    assert out.count("== Your audits ==") == 2 and "Hello, Team manager (North)." in out
    assert "/audit home" in out  # listed in help


def test_home_typed_where_it_cannot_be_the_answer_runs_and_the_question_stays(engine: Engine,
                                                                            services: Services) -> None:
    # `home` is no case reference: it runs, and the reference is asked again (one that reads as a command is still
    # the reference: tests/e2e/test_commands_at_the_checklists.py)
    _, out = drive(engine, ["/audit start case-audit", "home"])
    assert "== Your audits ==" in out and "doesn't look like a case reference" not in out
    assert " ".join(out.split()).endswith("Never a name, date of birth or NHS number. Bye.")


def test_a_team_typed_as_part_of_its_name_is_read_in_the_chat(engine: Engine) -> None:
    _, out = drive(engine, ["/audit list team north", "/audit digest in", "/audit reaudits team west"])
    assert "North Assessment Team (north-assessment): Audits of North Assessment Team" in out
    assert "in could be more than one team: south-cin-cp" in out
    assert "There is no team west among yours: north-assessment." in out


def test_the_service_digest_reads_a_month_against_its_target_in_words(engine: Engine) -> None:
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/London")), tick=False):
        _, out = drive(engine, ["/audit digest"], user="U0QALEAD1")
    assert "this month (target)" in out
    assert "North Assessment Team: 0 · 0 (target 2, 2 to go) ·" in out
    assert "month of target" not in out and "0/2" not in out
