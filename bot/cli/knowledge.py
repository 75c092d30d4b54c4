"""`audit-bot ask` and `audit-bot kb check`: the knowledge base from the shell, with no database or Slack.

They read the knowledge folder only (`--kb DIR`, else the configured `knowledge_dir`), so a QA lead can
check an edit, or an evaluation script can put thousands of questions through one process.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.runtime import Runtime

if TYPE_CHECKING:
    from bot.settings.config import Settings
    from knowledge.loader import KnowledgeBase
    from knowledge.problems import Problem


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    ask = subparsers.add_parser("ask", help="ask the knowledge base a question (or one per line on stdin)")
    ask.add_argument("--kb", type=Path, metavar="DIR", help="knowledge folder (default: settings knowledge_dir)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("question", nargs="?", help="the question; without it, read one question per line")
    ask.set_defaults(func=cmd_ask)
    kb = subparsers.add_parser("kb", help="knowledge base tools")
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND")
    check = kb_commands.add_parser("check", help="validate the knowledge folder; non-zero exit with the problems")
    check.add_argument("dir", nargs="?", type=Path, help="knowledge folder (default: settings knowledge_dir)")
    check.set_defaults(func=cmd_kb_check)
    kb.set_defaults(func=lambda _args, runtime: _kb_usage(kb, runtime))


def _kb_usage(parser: argparse.ArgumentParser, runtime: Runtime) -> int:
    parser.print_usage(runtime.stderr or sys.stderr)
    return 2


def _folder(given: Path | None, runtime: Runtime) -> Path:
    """An explicit folder wins; otherwise the configured one (settings only, never the database)."""
    return given if given is not None else runtime.settings.knowledge_dir


def cmd_ask(args: argparse.Namespace, runtime: Runtime) -> int:
    from knowledge.ask_cli import run_ask

    question = args.question
    if question is None and not args.json:
        (runtime.stderr or sys.stderr).write("Reading one question per line; answers come back as JSON lines.\n")
    return run_ask(_folder(args.kb, runtime), question, args.json or question is None,
                   runtime.stdin or sys.stdin, runtime.stdout or sys.stdout)


def cmd_kb_check(args: argparse.Namespace, runtime: Runtime) -> int:
    """Validate the folder and screen its entries for identifiers (NHS numbers, phones, names...): every
    problem of both kinds in one run, with file, line and fix. The council's names file and case reference
    pattern count for a folder given by path too: it is the same screen the bot's reload and its new-entry form
    apply."""
    folder = _folder(args.dir, runtime)
    out = runtime.stdout or sys.stdout
    # Said first: a QA lead editing one copy of the folder must see at once if the bot's settings point at another.
    source = "as given" if args.dir is not None else "the bot's knowledge_dir setting"
    out.write(f"Checking {Path(folder).resolve()} ({source})\n")
    problems, kb = checked_folder(folder, runtime.settings)
    if problems:
        out.write(problems_report(problems) + "\n")
        return 1
    assert kb is not None
    out.write(summary(kb) + "\n")
    return 0


def checked_folder(folder: Path, settings: Settings) -> tuple[list[Problem], KnowledgeBase | None]:
    """`kb check`'s problems for a folder, as `audit-bot kb check` and `audit-bot health` both report them: with
    the installed name lists, as the bot screens (a child's full name in an answer is found without the names
    file), and the council's names file and case reference pattern."""
    from bot.asking.kb_check import folder_problems
    from bot.privacy.screen import Screen

    return folder_problems(folder, Screen.load(settings.names, settings.case_reference_pattern))


def problems_report(problems: list[Problem]) -> str:
    from knowledge.problems import KnowledgeBaseError

    text = str(KnowledgeBaseError(problems))
    if any("could identify a child or family" in problem.message for problem in problems):
        text += "\nEntry texts that could identify a child or family must be fixed before reloading."
    return text


def summary(kb: KnowledgeBase) -> str:
    return (f"OK: {len(kb.entries)} entries, {len(kb.glossary)} glossary terms, {len(kb.concepts)} concepts, "
            f"{len(kb.vocabulary)} vocabulary groups, {len(kb.checklists)} checklists in {kb.folder}")
