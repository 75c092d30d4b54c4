"""Mistakes on the command line: one line in the bot's own words saying what is wrong and what to type instead.

argparse's own errors ("invalid choice: 'answer' (choose from 'check')", a bare usage line, "invalid int value")
say neither why nor how to fix it, and a QA lead who types a chat command such as `kb answer` at the server is not
told that it lives in the chat. `CliParser` words every usage mistake as the chat words its own: one line on
stderr, exit status 2.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

USAGE_ERROR = 2
CHAT = "in Slack, or in the terminal chat (`audit-bot chat --user <your Slack member ID>`)"
# The chat's own `/audit` commands that the command line does not have (bot.engine's registered commands less the
# ones both have: ask, kb, campaign, digest, restore); tests/unit/test_cli_usage.py keeps the two lists in step.
CHAT_ONLY_COMMANDS = ("actions", "areas", "auditors", "away", "cancel", "change moderation", "chase", "checklist",
                      "compare", "edit", "extend", "hand", "help", "home", "list", "messages", "moderate",
                      "moderate sample", "reaudits", "redact", "reflect", "reminders", "respond", "resume", "show",
                      "start", "themes", "worker")
CHAT_ONLY_CAMPAIGN_VERBS = ("allocations", "cancel", "deadline", "mine", "new", "reassign", "rename", "sample", "swap",
                            "teams")
_INVALID_CHOICE = re.compile(r"argument (?P<name>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)$")
_INVALID_NUMBER = re.compile(r"argument (?P<name>\S+): invalid \S+ value: (?P<value>.+)$")
_NO_VALUE = re.compile(r"argument (?P<name>\S+?)(?:/\S+)?: expected one argument$")
_REQUIRED = re.compile(r"the following arguments are required: (?P<names>.+)$")
_AMBIGUOUS = re.compile(r"ambiguous option: (?P<value>\S+?)(?:=\S*)? could match (?P<choices>.+)$")


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser (and, as argparse makes them of the same class, every sub-command's parser) whose usage
    mistakes end with one clear line and exit status 2, never a usage block or a traceback."""

    def error(self, message: str) -> NoReturn:
        """argparse's hook for every usage mistake: reworded by `explain`."""
        self.exit(USAGE_ERROR, explain(self.prog, message))

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """End with `message` as one line (what was typed may hold a line break or a control character: it is
        shown escaped, so the line stays one)."""
        if message:
            sys.stderr.write("".join(c if c.isprintable() else repr(c)[1:-1] for c in message.rstrip("\n")) + "\n")
        raise SystemExit(status)


def explain(prog: str, message: str) -> str:
    """argparse's `message` about `prog` (`audit-bot campaign close`) as one line: what is wrong, what to type."""
    helping = f"`{prog} --help` says what it takes."
    if match := _INVALID_CHOICE.match(message):
        return _not_a_choice(prog, match["name"], _typed(match["value"]), match["choices"])
    if match := _INVALID_NUMBER.match(message):
        return _not_a_number(prog, match["name"], _typed(match["value"]))
    if match := _NO_VALUE.match(message):
        return f"`{match['name']}` needs a value after it. {helping}"
    if match := _REQUIRED.match(message):
        return _missing(prog, match["names"])
    if match := _AMBIGUOUS.match(message):
        return f"`{match['value']}` could be {_either(match['choices'].split(', '))}: type the whole option. {helping}"
    if message.startswith("unrecognized arguments: "):
        extra = message.removeprefix("unrecognized arguments: ")
        return f"`{prog}` does not take `{extra}`. {helping}"
    return f"{prog}: {message}. {helping}"


def _typed(value: str) -> str:
    """The value as typed: argparse quotes it as a Python literal."""
    try:
        return str(ast.literal_eval(value))
    except (ValueError, SyntaxError):
        return value


def _choices(choices: str) -> list[str]:
    return [_typed(choice.strip()) for choice in choices.split(", ")]


def _either(names: list[str]) -> str:
    shown = [f"`{name}`" for name in names]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def _not_a_choice(prog: str, name: str, value: str, choices: str) -> str:
    """A word that is not one of the command's: a chat command says so; a typo gets the near one; else the list."""
    offered = _choices(choices)
    if name == "COMMAND":
        return _not_a_command(value, offered)
    if name == "KB_COMMAND":
        return _not_a_kb_command(value)
    if name == "VERB" and prog == "audit-bot campaign":
        if value.lower() in CHAT_ONLY_CAMPAIGN_VERBS:
            return (f"`campaign {value}` is a chat command: type `/audit campaign {value} …` {CHAT}. On the command "
                    f"line, campaign takes {_either(offered)}.")
        return f"`campaign {value}` is not a campaign command: {_near(value, offered, 'campaign ')}."
    return f"`{name} {value}` is not one of {_either(offered)}: type one of those, such as `{name} {offered[0]}`."


def _near(value: str, offered: list[str], before: str = "") -> str:
    """"did you mean `export`" for a typo, else the whole list."""
    near = difflib.get_close_matches(value.lower(), offered, n=1, cutoff=0.75)
    if near:
        return f"did you mean `{before}{near[0]}`? The others are {_either([o for o in offered if o != near[0]])}"
    return f"use {_either([before + o for o in offered])}"


def chat_command(argv: Sequence[str]) -> str | None:
    """`audit-bot show 4`: the chat's command, as it is typed there; None when the first word is no chat command."""
    if not argv or argv[0].lower() not in {name.split()[0] for name in CHAT_ONLY_COMMANDS}:
        return None
    typed = " ".join([argv[0].lower(), *argv[1:]])
    return (f"`{argv[0]}` is a chat command: type `/audit {typed}` {CHAT}. `audit-bot --help` lists the "
            "command-line commands.")


def _not_a_command(value: str, offered: list[str]) -> str:
    return (f"There is no `audit-bot {value}` command: {_near(value, offered, '')}. `audit-bot --help` says what "
            "each does, and the chat's commands are typed `/audit …` " + CHAT + ".")


def _not_a_kb_command(value: str) -> str:
    """`audit-bot kb answer`: the chat's kb commands, with what each takes (bot.asking.admin's list)."""
    from bot.asking.admin import SUBCOMMANDS

    usages = {usage.split()[0]: usage for row in SUBCOMMANDS for usage in row.syntax.split(" / ")}
    only = "on the command line, `audit-bot kb check [DIR]` is the only kb command."
    usage = usages.get(value.lower())
    if usage is not None and value.lower() != "check":
        return f"`kb {value}` is a chat command: type `/audit kb {usage}` {CHAT}; {only}"
    return f"There is no `kb {value}` command: {only} The others are typed `/audit kb …` {CHAT}."


def _not_a_number(prog: str, name: str, value: str) -> str:
    if name == "campaign":  # `audit-bot campaign close abc`
        verb = prog.rsplit(" ", 1)[-1]
        return (f"Campaign numbers are whole numbers, such as `audit-bot campaign {verb} 3`, not `{value}`: "
                "`audit-bot campaign list` lists them.")
    return f"`{name}` takes a whole number, not `{value}`. `{prog} --help` says what it takes."


def _missing(prog: str, names: str) -> str:
    if names == "KB_COMMAND":  # a bare `audit-bot kb`
        return ("`audit-bot kb` needs a command: on the command line that is `audit-bot kb check [DIR]`, which checks "
                "the knowledge folder; the others (reload, unanswered, answer, learned, …) are typed `/audit kb …` "
                f"{CHAT}.")
    if names == "VERB":
        return (f"`{prog}` needs a verb: create, list, show N, close N or report N. `{prog} --help` says what each "
                "takes.")
    listed = " and ".join(_either(names.split(", ")).rsplit(" or ", 1))
    return f"`{prog}` needs {listed}. `{prog} --help` says what each takes."
