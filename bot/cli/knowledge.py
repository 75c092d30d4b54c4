"""`audit-bot ask` and `audit-bot kb check`: the knowledge base from the shell, with no database or Slack.

They read the knowledge folder only (`--kb DIR`, else the configured `knowledge_dir`), so a QA lead can
check an edit, or an evaluation script can put thousands of questions through one process.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from bot.cli.runtime import Runtime


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
    """Validate the folder, then screen its entries for identifiers (NHS numbers, phones, listed names...)."""
    from bot.privacy.knowledge_screen import identifier_problems
    from bot.privacy.screen import Screen
    from knowledge.ask_cli import run_kb_check
    from knowledge.loader import load_knowledge

    folder = _folder(args.dir, runtime)
    out = runtime.stdout or sys.stdout
    checked = io.StringIO()
    status = run_kb_check(folder, checked)
    if status != 0:
        out.write(checked.getvalue())
        return status
    names = runtime.settings.names if args.dir is None else frozenset()
    problems = identifier_problems(load_knowledge(folder), Screen.listed_only(names))
    for problem in problems:
        out.write(f"{problem}\n")
    if not problems:
        out.write(checked.getvalue())
    else:
        out.write(f"{len(problems)} entry texts hold something that could identify a child or family: fix them "
                  "before reloading.\n")
    return 1 if problems else 0
