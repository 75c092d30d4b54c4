"""The `audit-bot` command line: one sub-command module per job, each adding its own parser."""

from __future__ import annotations

import argparse
from types import ModuleType

from bot.cli import campaign, digest, export, knowledge, maintenance, modes

SUBCOMMAND_MODULES: list[ModuleType] = [modes, knowledge, export, digest, maintenance, campaign]


def build_parser() -> argparse.ArgumentParser:
    """The full parser; each module's `add_parsers(subparsers)` sets `func(args, runtime) -> int`."""
    parser = argparse.ArgumentParser(
        prog="audit-bot",
        description="Case-audit assistant for children's services: Slack bot, terminal chat and tools.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMAND_MODULES:
        module.add_parsers(subparsers)
    return parser
