"""The `audit-bot` command line: one sub-command module per job, each adding its own parser."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from bot.cli import campaign, digest, export, knowledge, maintenance, modes
from bot.cli.usage import USAGE_ERROR, CliParser, chat_command, explain

SUBCOMMAND_MODULES: list[ModuleType] = [modes, knowledge, export, digest, maintenance, campaign]


def build_parser() -> argparse.ArgumentParser:
    """The full parser; each module's `add_parsers(subparsers)` sets `func(args, runtime) -> int`. Its usage
    mistakes end with one line saying what to type instead (bot.cli.usage), never argparse's usage block."""
    parser = CliParser(
        prog="audit-bot",
        description="Case-audit assistant for children's services: Slack bot, terminal chat and tools.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMAND_MODULES:
        module.add_parsers(subparsers)
    return parser


def parse_command_line(argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed command line; a usage mistake ends here (SystemExit 2) with one line on stderr. A chat command
    (`audit-bot show 4`) is said to be one, and words left over are named with the command they were given to
    (`audit-bot export` does not take `--bogus`), not the top level."""
    parser = build_parser()
    chat = chat_command(sys.argv[1:] if argv is None else argv)
    if chat is not None:  # `audit-bot show 4`: said with the whole line, as it is typed in the chat
        parser.exit(USAGE_ERROR, chat)
    args, extra = parser.parse_known_args(argv)
    if extra:
        words = [getattr(args, name, None) for name in ("command", "verb", "kb_command")]
        prog = " ".join(["audit-bot", *(word for word in words if word)])
        parser.exit(USAGE_ERROR, explain(prog, "unrecognized arguments: " + " ".join(extra)))
    return args

