"""`audit-bot ask` and `audit-bot kb check`: the knowledge base from the shell, without Slack or writing a database.

They read the knowledge folder (`--kb DIR`, else the configured `knowledge_dir`), so a QA lead can check an edit,
or an evaluation script can put thousands of questions through one process. `ask` answers from the folder as the
bot's start serves it: screened, without the entries whose text could identify a child or family, and with the
wordings the chat has learned, read from the bot's database without writing to it (none when there is none yet).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.cli.runtime import Runtime
from bot.core.replies import agreeing, count_of
from bot.errors import UserError

if TYPE_CHECKING:
    from bot.core.knowledge import KnowledgeService
    from bot.settings.config import Settings
    from bot.settings.people import Person
    from bot.storage.learned import Learned
    from knowledge.ask_cli import Settle
    from knowledge.loader import KnowledgeBase
    from knowledge.problems import Problem
    from knowledge.search import KnowledgeSearch, SearchResult


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    ask = subparsers.add_parser("ask", help="ask the knowledge base a question (or one per line on stdin)")
    ask.add_argument("--kb", type=Path, metavar="DIR", help="knowledge folder (default: settings knowledge_dir)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--as", dest="as_user", metavar="USER", help="answer as the chat answers this Slack user (a "
                     "member ID in teams.yaml): a wording they picked alone from “Did you mean…” answers them "
                     "outright, and a colleague's goes first among the suggestions; without it, only the trusted "
                     "learned wordings are searched")
    ask.add_argument("question", nargs="?", help="the question; without it, read one question per line")
    ask.set_defaults(func=cmd_ask)
    kb = subparsers.add_parser("kb", help="knowledge base tools")
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    check = kb_commands.add_parser("check", help="validate the knowledge folder; non-zero exit with the problems")
    check.add_argument("dir", nargs="?", type=Path, help="knowledge folder (default: settings knowledge_dir)")
    check.set_defaults(func=cmd_kb_check)


def _folder(given: Path | None, runtime: Runtime) -> Path:
    """An explicit folder wins; otherwise the configured one (settings only, never the database)."""
    return given if given is not None else runtime.settings.knowledge_dir


def cmd_ask(args: argparse.Namespace, runtime: Runtime) -> int:
    """Answer as the bot would: the folder is screened as the bot's start screens it, an entry whose text could
    identify a child or family is not answered, and one line on stderr says so (the answers stay clean JSON). The
    wordings people taught the chat are searched too, as the chat searches them, and stderr says how many, or
    why none could be read (no database yet, say): a QA lead checking a wording here must not be misled. With
    `--as`, as the chat answers that person, their own picks from "Did you mean…" included (fix43b)."""
    from bot.composition import screened_knowledge
    from bot.privacy.screen import Screen, without_case_references
    from knowledge.ask_cli import run_ask

    question = args.question
    if question is not None and not question.strip():  # `ask ""`: not a question the knowledge base lacks
        raise UserError('There is no question to answer: type it after `ask`, in quotes, such as '
                        '`audit-bot ask "when is the icpc due"`, or leave it out to read one question a line.')
    err = runtime.stderr or sys.stderr
    asker = _asker(args.as_user, runtime)
    if question is None and not args.json:
        err.write("Reading one question per line; answers come back as JSON lines.\n")

    def load() -> tuple[KnowledgeBase, KnowledgeSearch]:
        settings = runtime.settings
        service = screened_knowledge(_folder(args.kb, runtime),
                                     Screen.load(settings.names, settings.case_reference_pattern), None)
        if service.withheld_start is not None:
            err.write(f"{service.withheld_start.summary()}. Run `audit-bot kb check` to see the words found, "
                      "and take them out of the files.\n")
        learned = _learned_note(service, runtime.settings.database)
        if learned:
            err.write(learned + "\n")
        return service.current.kb, service.current.search

    with contextlib.ExitStack() as opened:
        loaded: list[tuple[KnowledgeBase, KnowledgeSearch]] = []
        settle = _settle(opened, runtime.settings, lambda: loaded[-1], _picks_for(asker, runtime, err))

        def load_and_keep() -> tuple[KnowledgeBase, KnowledgeSearch]:
            kb, search = load()
            loaded.append((kb, search))
            return kb, search

        pattern = runtime.settings.case_reference_pattern
        return run_ask(load_and_keep, question, args.json or question is None, runtime.stdin or sys.stdin,
                       runtime.stdout or sys.stdout, settle,
                       searched=lambda text: without_case_references(text, pattern, instead=""),
                       today=runtime.clock().astimezone(runtime.settings.timezone).date())


def _asker(user_id: str | None, runtime: Runtime) -> Person | None:
    """The person `--as` names, from teams.yaml; None without it. An ID nobody has there is refused in one line."""
    if user_id is None:
        return None
    person = runtime.settings.directory.person(user_id.strip())
    if person is None:
        raise UserError(f"--as: {user_id.strip()} is not in teams.yaml, so the chat would not answer them. Give the "
                        "Slack member ID of someone listed there (their Slack profile, ⋮ > Copy member ID), or leave "
                        "out --as to search the trusted learned wordings only.")
    return person


@dataclass(frozen=True)
class _Picks:
    """Who is asking (`--as`) and the one-person picks in the bot's database, read once: what the chat applies to a
    search for that person after the votes (bot.asking.pick_trust)."""

    asker: Person
    untrusted: tuple[Learned, ...]

    def applied(self, kb: KnowledgeBase, case_reference: re.Pattern[str], question: str,
                result: SearchResult) -> SearchResult:
        """`result` as the chat gives it to the asker: their own pick outright, a colleague's first among "Did you
        mean…"."""
        from bot.asking.learning import stored_wording
        from bot.asking.pick_trust import with_these_picks
        from bot.privacy.screen import without_case_references

        searched = without_case_references(question, case_reference, instead="")
        wording = stored_wording(kb, case_reference, searched)
        picks = [item for item in self.untrusted if item.wording == wording and item.entry_id in kb.entries]
        return with_these_picks(result, picks, self.asker.user_id, dict(kb.entries))[0]


def _picks_for(asker: Person | None, runtime: Runtime, err: TextIO) -> _Picks | None:
    """The one-person picks of the bot's database (read-only), with a line on stderr saying whose answers these are;
    None without `--as`, or when the database cannot be read (the note on learned wordings says why)."""
    from bot.storage import learned as learned_store
    from bot.storage.errors import Unreadable

    if asker is None:
        return None
    try:
        active = learned_store.active_read_only(runtime.settings.database)
    except Unreadable:
        return None
    untrusted = tuple(sorted((item for item in active if not item.trusted), key=lambda item: item.id))
    theirs = sum(1 for item in untrusted if item.user_id == asker.user_id)
    err.write(f"Answering as the chat answers {asker.name} ({asker.user_id}): "
              f"{count_of(theirs, 'wording')} they picked from “Did you mean…” {'answers' if theirs == 1 else 'answer'}"
              " them outright, and a colleague's pick goes first among their suggestions.\n")
    return _Picks(asker, untrusted)


def _settle(opened: contextlib.ExitStack, settings: Settings,
            current: Callable[[], tuple[KnowledgeBase, KnowledgeSearch]], picks: _Picks | None = None) -> Settle:
    """What the chat applies after a search (bot.asking.verdicts), read from the bot's database read-only: an answer
    marked Not helpful for the words is only offered, and a QA lead's answer to them is given; with `picks` (`--as`),
    then that person's and their colleagues' picks. Without a readable database there is nothing to apply (the note
    on learned wordings has said why)."""
    from bot.asking.verdicts import settled
    from bot.privacy.screen import without_case_references
    from bot.storage import asks
    from bot.storage.errors import Unreadable
    from knowledge.dates import short_date

    try:
        storage = opened.enter_context(asks.read_only(settings.database))
    except Unreadable:
        return lambda _question, result: (result, None)

    def settle(question: str, result: SearchResult) -> tuple[SearchResult, str | None]:
        # the chat keeps a question with its case reference as "[a case reference]", so verdicts are on those words
        noted = without_case_references(question, settings.case_reference_pattern)
        kb, search = current()
        result, given = settled(storage, search, noted, result, kb.entries)
        if given is None:
            return (picks.applied(kb, settings.case_reference_pattern, question, result) if picks else result), None
        day = short_date(given.answered_at.astimezone(settings.timezone).date())
        return result, f"A QA lead answered this question on {day}:\n\n{given.answer}"

    return settle


def _learned_note(service: KnowledgeService, database: Path) -> str:
    """Search the learned wordings of the bot's database (read-only) and say so in one line for stderr: how many,
    only when some are; why none, when the database cannot be read. Empty when it has none to search."""
    from bot.composition import search_learned_read_only
    from bot.storage.errors import Unreadable

    try:
        count = search_learned_read_only(service, database)
    except Unreadable as why:
        return f"Answering without the wordings the chat has learned: {why}."
    if not count:
        return ""
    wordings = "1 learned wording" if count == 1 else f"{count} learned wordings"
    return f"Including {wordings} from the bot's database {database}, as the chat answers them."


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
    else:
        assert kb is not None
        out.write(summary(kb) + "\n")
    out.write(warnings_report(Path(folder)))
    if kb is not None and not problems:  # problems first: a folder that will not load answers nothing
        out.write(strays_report(kb, runtime.settings.database))
    return 1 if problems else 0


STRAYS_SHOWN = 20  # `kb check` lines of known questions not reaching their entry, then how many more


def strays_report(kb: KnowledgeBase, database: Path) -> str:
    """Warnings (never failures) for the known questions that do not reach their own entry: its question, an
    alternative or a learned wording (the bot's database read-only, when there is one) answered by another entry,
    only offered, or declined. The search is coupled through the whole folder (issue #13): an edit to one entry can
    move another's question, and nobody would notice in production."""
    from bot.asking import learning
    from bot.storage import learned as learned_store
    from bot.storage.errors import Unreadable
    from knowledge.known_questions import known_questions, strays
    from knowledge.search import KnowledgeSearch

    search = KnowledgeSearch(kb)
    try:
        pairs, exact = learning.searched(learned_store.active_read_only(database))
        search = search.with_learned(pairs, exact)
    except Unreadable:
        pairs = []
    found = strays(search, known_questions(kb, pairs))
    if not found:
        return ""
    lines = [f"- '{question.text}' ({'learned wording' if question.learned else 'in'} {question.entry_id}) is "
             f"{outcome.said()}, not answered by {question.entry_id}" for question, outcome in found[:STRAYS_SHOWN]]
    if len(found) > STRAYS_SHOWN:
        lines.append(f"… and {len(found) - STRAYS_SHOWN} more")
    heading = (f"{count_of(len(found), 'known question')} {agreeing(len(found), 'does', 'do')} not reach "
               f"{agreeing(len(found), 'its', 'their')} own entry (warnings: the folder loads, but people typing "
               "these words would not get that entry outright; reword them, or the entries they meet):")
    return "\n".join([heading, *lines]) + "\n"


def warnings_report(folder: Path) -> str:
    """What `kb check` warns of without failing (a list item YAML folded into the text above it, a new tag a letter
    off a used one), one line each
    with file, line and fix, or nothing: trial 33's "OK" hid an alternative merged into the one above."""
    from knowledge.folded_items import folder_warnings

    warnings = folder_warnings(folder)
    if not warnings:
        return ""
    heading = f"{count_of(len(warnings), 'warning')} (the folder loads, but check these):"
    return "\n".join([heading, *(f"- {warning}" for warning in warnings)]) + "\n"


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
        text += "\nTexts that could identify a child or family must be fixed before reloading."
    return text


def summary(kb: KnowledgeBase) -> str:
    return (f"OK: {count_of(len(kb.entries), 'entry', 'entries')}, {count_of(len(kb.glossary), 'glossary term')}, "
            f"{count_of(len(kb.concepts), 'concept')}, {count_of(len(kb.vocabulary), 'vocabulary group')}, "
            f"{count_of(len(kb.checklists), 'checklist')} in {kb.folder}")
