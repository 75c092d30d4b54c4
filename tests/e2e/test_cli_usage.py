"""Mistakes typed on the command line: one line saying what is wrong and what to type, exit status 2, never
argparse's usage block or a traceback; the chat's commands are said to be chat commands."""

from __future__ import annotations

import argparse
import contextlib
import io
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.__main__ import main
from bot.campaigns.feature import VERBS
from bot.cli import build_parser
from bot.cli.usage import CHAT_ONLY_CAMPAIGN_VERBS, CHAT_ONLY_COMMANDS
from bot.engine.near_miss import Shapes

MONDAY = datetime(2026, 12, 14, 10, 0, tzinfo=UTC)


def run_main(argv: list[str]) -> tuple[int, str, str]:
    """`audit-bot ARGV` in-process as the entry point runs it: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv, clock=lambda: MONDAY)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def _commands(parser: argparse.ArgumentParser, dest: str) -> list[str]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction) and a.dest == dest]
    return list(action.choices)


CLI_COMMANDS = _commands(build_parser(), "command")


@pytest.mark.parametrize(("argv", "says"), [
    (["kb", "answer"], "`kb answer` is a chat command: type `/audit kb answer N <text>` in Slack, or in the terminal "
                       "chat (`audit-bot chat --user <your Slack member ID>`); on the command line, "
                       "`audit-bot kb check [DIR]` is the only kb command."),
    (["kb"], "`audit-bot kb` needs a command: on the command line that is `audit-bot kb check [DIR]`"),
    (["campaign", "close", "abc"], "Campaign numbers are whole numbers, such as `audit-bot campaign close 3`, not "
                                   "`abc`: `audit-bot campaign list` lists them."),
    (["campaign", "show", "99999999999999999999"], "Campaign numbers are whole numbers, such as "
                                                   "`audit-bot campaign show 3`, not `99999999999999999999`"),
    (["show", "4"], "`show` is a chat command: type `/audit show 4` in Slack"),
    (["exprot"], "There is no `audit-bot exprot` command: did you mean `export`?"),
    (["export", "--bogus"], "`audit-bot export` does not take `--bogus`. `audit-bot export --help` says what it "
                            "takes."),
    (["chat", "--user", "bob"], "--user must be a Slack member ID such as U0MGRN001 (got 'bob')"),
])
def test_a_mistake_on_the_command_line_is_one_line_saying_what_to_type(argv: list[str], says: str,
                                                                        environ: dict[str, str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    code, out, err = run_main(argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and says in err
    assert "usage:" not in err and "error:" not in err


def test_the_chat_only_commands_are_the_chats_commands_the_command_line_lacks(command_shapes: Shapes) -> None:
    assert set(CHAT_ONLY_COMMANDS) == set(command_shapes) - set(CLI_COMMANDS)
    campaign = build_parser()._subparsers._group_actions[0].choices["campaign"]  # type: ignore[union-attr]
    assert set(CHAT_ONLY_CAMPAIGN_VERBS) == set(VERBS) - set(_commands(campaign, "verb"))


OPTIONS = sorted({option for parser in (build_parser(), *build_parser()._subparsers._group_actions[0].choices.values())  # type: ignore[union-attr]
                  for action in parser._actions for option in action.option_strings})
WORDS = st.sampled_from([*CLI_COMMANDS, *CHAT_ONLY_COMMANDS, *CHAT_ONLY_CAMPAIGN_VERBS, *OPTIONS, "check", "answer",
                         "close", "list", "show", "report", "create", "3", "-1", "abc", "2026-W51", "json", ""])
TYPED = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.one_of(WORDS, TYPED), max_size=6))
@settings(max_examples=300)
def test_the_command_line_never_shows_a_traceback_and_usage_mistakes_exit_2(argv: list[str]) -> None:
    """Any words at all: a command they make up is not run here (its work is stubbed), the rest must be one line."""
    real = argparse.ArgumentParser.parse_known_args

    def parsed_only(parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> tuple:
        parsed, extra = real(parser, *args, **kwargs)  # type: ignore[arg-type]
        if getattr(parsed, "func", None):
            parsed.func = lambda _args, _runtime: 0
        return parsed, extra

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(argparse.ArgumentParser, "parse_known_args", parsed_only)
        code, out, err = run_main(argv)
    assert "Traceback" not in err
    if code == 0:
        assert err == ""
    else:
        assert code == 2
        assert out == "" and err.count("\n") == 1 and err.strip()
        assert not err.startswith(("usage:", "audit-bot: error")), err


@given(verb=st.sampled_from(["show", "report", "close"]),
       number=st.one_of(st.integers(-10**22, 10**22).map(str), TYPED))
@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_campaign_number_is_answered_in_one_line(verb: str, number: str, environ: dict[str, str]) -> None:
    """Run for real: a number no campaign has, however long, is looked up or refused, never a traceback."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environ.items():
            patch.setenv(name, value)
        code, out, err = run_main(["campaign", verb, number, *(["--yes"] if verb == "close" else [])])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
