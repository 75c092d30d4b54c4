"""`/audit kb ...`: how QA leads keep the knowledge base current (reload, unanswered, stale, check), and the
typed forms of what they do with unanswered questions (answer, link, new, out-of-scope, dismiss; see unanswered.py).

Only QA leads and admins may use these; the engine tells anyone else who can. A reload never leaves the bot
without answers: a folder with problems is reported line by line and the previous version stays live.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, tzinfo
from typing import NamedTuple, cast

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.asking import (
    answer_typed_next,
    checklist_changes,
    close_several,
    entry_edit,
    entry_file_asked,
    learned_admin,
    link_preview,
    question_find,
    unanswered_also,
    unanswered_removal,
)
from bot.asking.duplicate_named import with_questions
from bot.asking.kb_check import checklist_content_problems, council_screen, entry_content_problems, folder_problems
from bot.asking.known_moved import moved_said
from bot.asking.learned_admin import learned_list
from bot.asking.unanswered import (
    ANSWER,
    ANSWER_FORM,
    DISMISS,
    ENTRY_SEARCH,
    HOME_GROUPS,
    LINK,
    LINK_FORM,
    NEW,
    NEW_FORM,
    OUT_OF_SCOPE,
    SIMILAR_WORDING,
    UNANSWERED_DAYS,
    QuestionGroup,
    UnansweredDesk,
    entry_typed,
    group_similar,
)
from bot.asking.unanswered_input import TYPED_AS
from bot.core import buttons
from bot.core.cut_short import clip
from bot.core.knowledge import KnowledgeService, ReloadResult
from bot.core.markup import mention
from bot.core.outgoing import Outgoing
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.core.stale_entries import stale_entries
from bot.engine import confirmations
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import MEANT_ACTION
from bot.errors import UserError
from bot.settings.people import Person, Role
from bot.storage.trail import record_trail
from knowledge.dates import short_date, time_on_day
from knowledge.entries import EntryRef
from knowledge.folded_items import folder_warnings
from knowledge.loader import KnowledgeDiff
from knowledge.problems import Problem, is_checklist_problem

MAX_PROBLEMS_SHOWN = 30
MAX_STALE_SHOWN = 40
HOME_STALE_SHOWN = 5
class Subcommand(NamedTuple):
    """One `/audit kb` subcommand: how it is typed, what `/audit kb` alone says of it, and `help kb`'s few words."""

    syntax: str
    summary: str
    short: str


# How a new entry's fields after the answer are typed, and an entry's fields `kb edit` changes: the tables the
# commands read (unanswered_input.TYPED_AS, entry_edit.SAID), so `help kb` cannot drift from them (trial 44).
NEW_SYNTAX = "new N <question> | <answer>" + "".join(
    f" | {typed} …" for field, typed in TYPED_AS.items() if field not in ("question", "answer"))
EDIT_FIELDS = ", ".join(f"`{field.replace('_', ' ')}:`" for field in entry_edit.SAID)
SUBCOMMANDS = (
    Subcommand("reload", "load the edited knowledge base and checklists; says how many of each are live and what "
                         "changed, or the problems to fix (checklists' apart)", "load the edited files"),
    Subcommand("unanswered", f"questions with no answer or marked Not helpful in the last {UNANSWERED_DAYS} days",
               "the questions waiting, each with its number N"),
    Subcommand("answer N <text>", "send your answer to everyone who asked unanswered question N, and close it",
               "send your answer to question N's askers"),
    Subcommand("link N <entry id>", "send them that entry and add the wording to its alternatives "
                                    "(`| <wording>` after the id: other words)",
               "send question N's askers that entry; their wording becomes one of its alternatives"),
    Subcommand(NEW_SYNTAX, "make question N a new entry (`owner:` a Slack user or team mailbox, `review:` like "
                           "31/03/2027, `file:` like kb/….yaml; all but the question and answer optional); every "
                           "problem is told at once", "make question N a new entry"),
    Subcommand("out-of-scope N [note]", "close question N as out of scope, the note told to its askers",
               "close it as out of scope"),
    Subcommand("dismiss N", "close question N without an answer", "close it without an answer"),
    Subcommand("edit <entry id> <field>: <text>", f"change an entry's {EDIT_FIELDS} (like `review by: 31 March "
                                                  "2027`), read back and written on `yes`; `edit <entry id>` "
                                                  "alone says where it is", f"fields: {EDIT_FIELDS}"),
    Subcommand("find <words>", "stored questions holding all the words (any outcome, as long as they are kept), "
                               "each with its number for `remove N`; in a DM only", "stored questions with the words"),
    Subcommand("remove N", "remove the text of question N (and those worded like it) for good: it could identify "
                           "someone", "remove a question's text for good"),
    Subcommand("stale", "entries past their review date, with their owners", "entries past their review date"),
    Subcommand("check", "check the knowledge folder for problems without loading it", "check without loading"),
    Subcommand("learned", "wordings learned from use (picked from Did you mean…), with who and when; Accept or "
                          "Reject one", "wordings learned from use"),
    Subcommand("accept N / reject N / restore N", "accept or reject learned wording #N (restore undoes a reject)",
               "accept or reject learned wording #N"),
)


def help_lines() -> str:
    """`help kb`: each subcommand as it is typed, in a line, from the table `/audit kb` lists (trial 44: the syntax of
    `kb new` and `kb edit`'s fields only appeared in an error after a wrong attempt)."""
    return "\n".join(f"• `/audit kb {row.syntax}` — {row.short}" for row in SUBCOMMANDS)


TYPED_ACTIONS = ("answer", "link", "new", "out-of-scope", "dismiss")
# "out of scope 8", as the button reads (trial 21: it went to the knowledge base as a question)
LONE_WORD = r"[a-z][a-z-]{3,20}"  # `kb unaswered`: one word alone after `kb` is a subcommand typed wrong
OUT_OF_SCOPE_SPACED = re.compile(r"^out[\s-]+of[\s-]+scope\b", re.IGNORECASE)
__all__ = ["SIMILAR_WORDING", "QuestionGroup", "group_similar"]  # re-exported: they used to live here


class KnowledgeAdmin:
    """The QA lead side; shares the live KnowledgeService with the asking side."""

    def __init__(self, services: Services, service: KnowledgeService) -> None:
        self.services = services
        self.service = service
        self.desk = UnansweredDesk(services, service)
        self.subcommands: dict[str, Callable[[Turn], list[Reply]]] = {
            "reload": self.reload,
            "unanswered": self.unanswered,
            "stale": self.stale,
            "check": self.check,
            "learned": lambda turn: learned_list(services, turn),
        }

    def command(self, turn: Turn, rest: str) -> list[Reply]:
        replies = self._command(turn, rest)
        # after the command: a reload that works clears them
        return [*start_notices(self.service, self.services.settings.timezone), *replies]

    def _command(self, turn: Turn, rest: str) -> list[Reply]:
        word, _, more = OUT_OF_SCOPE_SPACED.sub("out-of-scope", rest.strip(), count=1).partition(" ")
        word = word.lower()
        if word == "remove":
            return self.remove(turn, more)
        if word == "find":
            return question_find.find(self.services, turn, more)
        if word == "edit":  # trial 39: `kb edit <id>` was screened as a child's name
            change = entry_edit.typed_change(more)
            if change is not None:  # read back, written on `yes` (fix41a)
                return entry_edit.ask(self.desk, turn, *change)
            return [entry_where(self.desk, turn, more)]
        if word == "link":  # the entry shown first, and Yes or No (trial 18)
            return link_preview.ask(self.desk, turn, more)
        if word == "answer":  # refused, the next line typed is the answer (trial 23)
            return answer_typed_next.answer_command(self.services, self.desk, turn, more)
        if word == "new":  # the file alone missing: asked for, the entry kept (trial 49)
            return entry_file_asked.new_command(self.services, self.desk, turn, more)
        several = close_several.numbers(more) if word in close_several.CLOSING_WORDS else None
        if several is not None:  # `kb dismiss 70 66 56`: each closed, and said (trial 39)
            return close_several.close(self.desk, turn, word, several)
        if word in TYPED_ACTIONS:
            return self.desk.typed(turn, word, more)
        if word in learned_admin.TYPED:
            return learned_admin.typed(self.services, turn, word, more)
        handler = self.subcommands.get(word)
        if handler is None:
            return [self.menu(word, more, turn)]
        return handler(turn)

    def words(self) -> list[str]:
        """Every word `_command` reads after `kb`."""
        return [*self.subcommands, "remove", "find", "edit", *TYPED_ACTIONS, *learned_admin.TYPED]

    def typed_shape(self) -> str:
        """What may follow `kb` typed without `/audit`: the words `_command` reads, each with what it takes; and any
        word with a number, or one word alone, which `menu` puts right (`kb dismis 13`, `kb unaswered`: "Did you mean
        `/audit kb unanswered`?") rather than the line going to the knowledge base and the QA leads' list (trial 21;
        fix37g: `kb unaswered` got a knowledge-base entry)."""
        own = "|".join(("remove", *TYPED_ACTIONS, OUT_OF_SCOPE_SPACED.pattern[1:]))  # the unanswered list's own
        numbered = "|".join((own, *learned_admin.TYPED, r"[a-z][a-z-]{1,20}"))
        # `kb new` (three letters, shorter than LONE_WORD) or `kb link kooth` without its number: the command's own
        # word, so its usage says what is missing (fix81d: they went to the knowledge base as practice questions)
        return (rf"(?:{'|'.join(self.subcommands)}|(?:{numbered})\s+{NUMBER}(?:\s+\S.*)?"
                rf"|(?:find|edit|{own})(?:\s+\S.*)?|{LONE_WORD})?")

    def remove(self, turn: Turn, rest: str) -> list[Reply]:
        """`/audit kb remove N`: asks Yes or No first (bot.asking.unanswered_removal)."""
        key = buttons.typed_id(rest.strip().lstrip("#"))
        if key is None:
            raise UserError("Say which question with its number from `/audit kb unanswered`, like "
                            "`/audit kb remove 12`.")
        return unanswered_removal.ask(self.desk, turn, key)

    def menu(self, word: str, more: str = "", turn: Turn | None = None) -> Reply:
        """What may follow `/audit kb`; for a word that is one letter or two from one (`dismis 13`, trial 18), that
        command first, with the number typed after it. A typed `yes` runs it (fix37g: it did for other commands, not
        these) unless words were typed after the number: those are never said back (an answer's text is not screened
        here), so the command offered lacks them and is only to type again."""
        lines = [f"• `/audit kb {row.syntax}` — {row.summary}" for row in SUBCOMMANDS]
        opening = f"I don't know `/audit kb {word}`. " if word else ""
        near = process.extractOne(word, self.words(), scorer=DamerauLevenshtein.distance,
                                  score_cutoff=1 if len(word) < 6 else 2) if word else None
        if near is not None:
            return self._near_miss(turn, opening, str(near[0]), more.split())
        return Reply(title="Knowledge base", text=opening + "What you can do with the knowledge base:\n"
                     + "\n".join(lines), kind="error" if word else "info")

    def _near_miss(self, turn: Turn | None, opening: str, near: str, more: list[str]) -> Reply:
        """"Did you mean `/audit kb dismiss 13`?", the number said back, never the rest; run by a typed `yes` when
        nothing but the number was typed after the word."""
        number = more[0] if more and more[0].lstrip("#").isdigit() else ""
        typed = " ".join(f"/audit kb {near} {number}".split())
        whole = len(more) == (1 if number else 0)
        if turn is None or not whole:
            return Reply(title="Knowledge base", kind="error",
                         text=f"{opening}Did you mean `{typed}`? Type it again with the word spelt that way.")
        offered = Reply(title="Knowledge base", kind="error",
                        text=f"{opening}Did you mean `{typed}`? Type `yes` to run it, or type it again with the word "
                             "spelt that way.")
        return confirmations.meant(self.services, turn, offered, MEANT_ACTION, typed.removeprefix("/audit "))

    def reload(self, turn: Turn) -> list[Reply]:
        result = self.service.reload(entry_content_problems(self.services), checklist_content_problems(self.services))
        detail: dict[str, object] = {"ok": result.ok, "entries": result.entries}
        if result.diff is not None:
            detail.update(added=result.diff.added, changed=result.diff.changed, removed=result.diff.removed)
        else:
            detail["problems"] = len(result.problems)
        record_trail(self.services.storage, turn.user_id, "kb.reload", detail, at=turn.now)
        # an id used twice in `kb check`'s words, both questions named (trial 44, F16), and its warnings (F9)
        result = replace(result, problems=with_questions(result.problems, result.texts,
                                                         council_screen(self.services)))
        entries = self.service.current.kb.entries.values() if result.ok else \
            [ref for ref in result.texts if isinstance(ref, EntryRef)]
        changes = checklist_changes.said(self.services, result, dict(self.service.current.kb.checklists)) \
            if result.ok else []
        checklists = self.service.current.kb.checklists.values() if result.ok else ()
        return [reload_reply(result, folder_warnings(self.service.folder, entries=entries, checklists=checklists),
                             changes)]

    def unanswered(self, turn: Turn) -> list[Reply]:
        return self.desk.listing(turn)

    def stale(self, turn: Turn) -> list[Reply]:
        today = turn.now.astimezone(self.services.settings.timezone).date()
        kb = self.service.current.kb
        due = sorted((e for e in kb.entries.values() if e.is_stale(today)),
                     key=lambda e: (e.review_by, e.id))
        if not due:
            return [Reply(title="Entries due for review",
                          text=f"No entries are past their review date (of {len(kb.entries)}).")]
        # A stale entry has a review date (Entry.is_stale).
        lines = [f"• `{e.id}` — {e.question} (review by {short_date(cast(date, e.review_by))}; "
                 f"owner {mention(e.owner) if e.owner else 'none set'})" for e in due[:MAX_STALE_SHOWN]]
        more = len(due) - MAX_STALE_SHOWN
        said = "is past its" if len(due) == 1 else "are past their"
        return [Reply(title="Entries due for review",
                      text=f"{len(due)} of {len(kb.entries)} entries {said} review date:\n" + "\n".join(lines),
                      note=(f"{more} more not shown. " if more > 0 else "") + stale_hint(due[0].id))]

    def check(self, turn: Turn) -> list[Reply]:
        del turn
        problems, kb = folder_problems(self.service.folder, council_screen(self.services), self.service.cache_folder)
        warned = warnings_text(folder_warnings(self.service.folder, self.service.cache_folder))
        if problems:
            return [Reply(kind="error", text=problems_text(problems)
                          + "\nNothing was loaded: the live version is unchanged." + warned)]
        if kb is not None and self.service.is_live(kb):  # files as loaded: no reload to suggest (trial 63 F10)
            return [Reply(text="The knowledge folder has no problems; what is loaded is up to date." + warned)]
        return [Reply(text="The knowledge folder has no problems now: `/audit kb reload` will load it." + warned)]


def stale_hint(entry_id: str) -> str:
    """How to set an entry's next review date from the chat, the command that works (trial 51, F22: "Edit
    `review_by:` once checked, then `/audit kb reload`" sent the QA lead to the file)."""
    return (f"Once an entry is checked, set its next review date: `/audit kb edit {entry_id} review by: in 6 months` "
            "(or a date); it is read back and written on `yes`.")


def entry_where(desk: UnansweredDesk, turn: Turn, typed: str) -> Reply:
    """`kb edit <entry id or words>`: where the entry is kept, to edit it there (entries are edited in their files,
    then reloaded). An id is ours, never screened as a name (trial 39: `kb edit kooth-and-…` was refused so)."""
    entries = desk.service.current.kb.entries
    entry = entry_typed(entries, typed) if typed.strip() else None
    options = [] if entry is not None or not typed.strip() else desk.entry_options(turn, typed)[:3]
    if entry is None and len(options) == 1:
        entry = entries[options[0][1]]
    if entry is None:
        named = "".join(f"\n• `{value}` — {label}" for label, value in options)
        return Reply(kind="error", title="Knowledge base",
                     text=(f"No entry has the id `{typed.strip()}`. " if typed.strip() else "")
                     + "Say which entry, by its id or words of its question: `/audit kb edit <entry id>`."
                          + (f" These come nearest:{named}" if named else ""))
    return Reply(title="Knowledge base",
                 text=f"`{entry.id}` (_{entry.question}_) is in `{entry.file}`. To change it here, type "
                      f"`/audit kb edit {entry.id} answer: <text>`, `question: <text>`, `add alternative: <text>`, "
                      "`remove alternative: <text>` or `review by: 31 March 2027`: it is read back, checked as "
                      "`/audit kb check` checks it and written on `yes`. Other changes are made in the file, then "
                      "`/audit kb reload`.")


def warnings_text(warnings: list[Problem]) -> str:
    """`kb check`'s warnings (a list item folded into the text above it), after what it says, or nothing."""
    if not warnings:
        return ""
    return (f"\n\n{count_of(len(warnings), 'warning')} (it loads, but check these):\n"
            + "\n".join(_problem_lines(warnings, MAX_PROBLEMS_SHOWN)))


def problems_text(problems: list[Problem], opening: str = "The knowledge base has") -> str:
    return f"{opening} {count_of(len(problems), 'problem')}:\n" + "\n".join(_problem_lines(problems,
                                                                                           MAX_PROBLEMS_SHOWN))


def _problem_lines(problems: list[Problem], shown: int) -> list[str]:
    """A bullet per problem with its file and line, the first `shown` of them, then how many more."""
    lines = [f"• `{problem.file}{f':{problem.line}' if problem.line else ''}` — {problem.message}"
             for problem in problems[:shown]]
    more = len(problems) - shown
    if more > 0:
        lines.append(f"…and {more} more: run `audit-bot kb check` to see them all.")
    return lines


def reload_reply(result: ReloadResult, warnings: list[Problem] | None = None,
                 checklist_detail: Sequence[str] = ()) -> Reply:
    """Tell the QA lead exactly what a reload did, so they can trust what the bot now says: entries and
    checklists alike (a checklist with a mistake stops a reload as an entry does, and is told apart), with what
    `kb check` warns of (trial 44, F9: the reload is the only check a QA lead in Slack sees); `checklist_detail`: each
    changed checklist's questions changed and the audits in progress that keep the old version
    (bot.asking.checklist_changes)."""
    warned = warnings_text(warnings or [])
    live = f"{count_of(result.entries, 'entry', 'entries')} and {count_of(result.checklists, 'checklist')}"
    if result.diff is None:
        return Reply(kind="error", title="Knowledge base not reloaded",
                     text=reload_problems_text(result.problems, result.checklist_files)
                     + f"\n\n**The previous version is still live** ({live}). "
                       "Fix these and run `/audit kb reload` again." + warned)
    if result.at_start is None:
        summary = diff_lines(result.diff) if result.diff else "No entries changed."
    elif not result.diff:  # the changes first, plainly (trial 51, F22: "No entries changed since…" read as none)
        summary = f"Entries: {changes_plainly(result.at_start)}: {LIVE_SINCE_START}."
    else:
        summary = (f"{diff_lines(result.diff)}\nBefore that, the start made these changes live against the version "
                   f"the bot was serving before it:\n{diff_lines(result.at_start)}")
    return Reply(title="Knowledge base reloaded",
                 text=f"The knowledge base is reloaded: {live} are live.\n{summary}\n"
                      f"{checklists_said(result, checklist_detail)}"
                 + warned + moved_said(result))


def checklists_said(result: ReloadResult, detail: Sequence[str] = ()) -> str:
    """Which checklists the reload changed, and what that means for audits under way: a QA lead who added a
    question was told only "No entries changed" (trial 21)."""
    changed, at_start = result.checklist_diff, result.checklists_at_start
    if not changed and not at_start:
        return "No checklists changed."
    lines = [] if not changed else [f"Checklists: {diff_lines(changed).replace(chr(10), '; ')}."]
    if at_start and changed:  # trial 23: a checklist edited before a restart was live, and the reload said nothing
        lines.append("Before that, the start made these checklist changes live against the version the bot was "
                     f"serving before it: {diff_lines(at_start).replace(chr(10), '; ')}.")
    elif at_start:  # the changes first (trial 51, F22)
        lines.append(f"Checklists: {changes_plainly(at_start)}: {LIVE_SINCE_START}.")
    return " ".join([*lines, *detail, "New audits use them as they are now; audits already started keep the version "
                                       "they started with."])


# What a change the bot's start took live, with nothing changed since, is (trial 62 F17: "(live now: the bot made them
# live when it started, against the version it was serving before, and nothing has changed since)" was hard to parse).
LIVE_SINCE_START = "now live (taken live when the bot started, against the version it served before; no change since)"


def changes_plainly(diff: KnowledgeDiff) -> str:
    """"`voice-of-the-child` changed", "`a` added, `b` and `c` changed": only what happened, by id."""
    parts = [f"{', '.join(f'`{name}`' for name in names)} {what}"
             for names, what in ((diff.added, "added"), (diff.changed, "changed"), (diff.removed, "removed")) if names]
    return ", ".join(parts) or "nothing changed"


def diff_lines(diff: KnowledgeDiff) -> str:
    """Added, changed and removed entries by id, a line each ("none" where nothing was): what a reload says."""

    def ids(names: list[str]) -> str:
        return ", ".join(f"`{name}`" for name in names) if names else "none"

    return f"Added: {ids(diff.added)}\nChanged: {ids(diff.changed)}\nRemoved: {ids(diff.removed)}"


def reload_problems_text(problems: list[Problem], checklist_files: frozenset[str]) -> str:
    """`problems_text`, with the checklists' problems in a part of their own: a long list of entry problems
    must not hide them past the cut."""
    checklists = [problem for problem in problems if is_checklist_problem(problem, checklist_files)]
    if not checklists:
        return problems_text(problems) + "\nChecklists: no problems."
    others = [problem for problem in problems if not is_checklist_problem(problem, checklist_files)]
    entries_shown = MAX_PROBLEMS_SHOWN - min(len(checklists), MAX_PROBLEMS_SHOWN // 2) if others else 0
    parts = [f"The knowledge base has {count_of(len(problems), 'problem')}:"]
    if others:
        parts.append(f"**Entries and other content: {count_of(len(others), 'problem')}**")
        parts += _problem_lines(others, entries_shown)
    parts.append(f"**Checklists: {count_of(len(checklists), 'problem')}**")
    parts += _problem_lines(checklists, MAX_PROBLEMS_SHOWN - min(entries_shown, len(others)))
    return "\n".join(parts)


def last_good_notice(service: KnowledgeService, timezone: tzinfo) -> Reply | None:
    """While the bot runs on the last good copy because the folder had problems at start: what, where, and
    what to do. Shown first on QA leads' and admins' Home tabs and with every `/audit kb` reply; when the copy was
    saved is in local time, as the bot gives every time (trial 14, F12: it said "04 Dec 2026 05:39 UTC")."""
    start = service.last_good_start
    if start is None:
        return None
    saved = [f"saved at {time_on_day(start.saved_at.astimezone(timezone))}"] if start.saved_at else []
    source = " (" + ", ".join([*([f"of `{start.folder}`"] if start.folder else []), *saved]) + ")" \
        if start.folder or saved else ""  # trial 33: which folder's copy, as each folder keeps its own
    return Reply(kind="error", title="The knowledge base did not load at start",
                 text=problems_text(start.problems, "At start, the knowledge folder had")  # trial 20: "has",
                 # above a `kb check` saying it has none now
                 + f"\n\n**The bot is answering from the last version that loaded cleanly**{source}: nothing in "
                   "the folder since then is live. Fix these lines in the files, check with `/audit kb check` "
                   "(or `audit-bot kb check`), then `/audit kb reload`."
                 + warnings_text(list(start.warnings)))


def withheld_notice(service: KnowledgeService, timezone: tzinfo) -> Reply | None:
    """While the start's screen refuses entry texts on disk: where (file, line, entry, field, the kind found, never
    the words, so the notice may go to a channel), which entries are served as last good and which not at all, and
    what to do. Shown first on QA leads' and admins' Home tabs and with every `/audit kb` reply, and sent once at
    start (`start_notice_posts`)."""
    start = service.withheld_start
    if start is None:
        return None
    fix = ("Take it out of these lines, check with `/audit kb check` (which shows the words found), then `/audit kb "
           "reload`.")
    if not start.kept:
        count = len(start.entry_ids)
        these = "This entry is" if count == 1 else f"These {count} entries are"
        return Reply(kind="error", title="Knowledge-base entries not served",
                     text=problems_text(start.problems)
                     + f"\n\n**{these} not served** (the rest of the knowledge base is): the bot started on a "
                       f"folder whose text could identify a child or family. {fix}")
    entries = service.current.kb.entries
    kept = ", ".join(f"*{entries[key].question}* (`{key}`)" if key in entries else f"`{key}`" for key in start.kept)
    saved = f" (saved at {time_on_day(start.saved_at.astimezone(timezone))})" if start.saved_at else ""
    said = [f"**The last good version of {kept} is served**{saved}: the file on disk is refused, so nothing edited "
            "in that entry since then is live."]
    if start.left_out:
        missing = ", ".join(f"`{key}`" for key in start.left_out)
        said.append(f"**Not served at all:** {missing}: no version of it ever passed the checks.")
    return Reply(kind="error", title="Knowledge-base file refused: last good version served",
                 text=problems_text(start.problems) + "\n\n" + " ".join(said)
                 + f" The text could identify a child or family. {fix}")


def start_notices(service: KnowledgeService, timezone: tzinfo) -> list[Reply]:
    """What the start could not serve as it is in the folder: the last good copy, entries withheld."""
    return [notice for notice in (last_good_notice(service, timezone), withheld_notice(service, timezone))
            if notice is not None]


def start_notice_posts(services: Services) -> list[Outgoing]:
    """The withheld-entries notice as a message: to the QA channel when there is one, else to each QA lead (to
    admins when there are none), as questions passed to the QA leads go. The scheduler sends it once at start,
    and once only per recipient while the same entries are withheld, however often the bot restarts."""
    notice = withheld_notice(services.knowledge, services.settings.timezone) if services.knowledge is not None else None
    if notice is None:
        return []
    channel = services.settings.qa_channel
    if channel:
        return [Outgoing(channel, (replace(notice, to_channel=channel),))]
    leads = services.directory.ids_with_role(Role.QA_LEAD) or services.directory.ids_with_role(Role.ADMIN)
    return [Outgoing(lead, (replace(notice, to_user=lead),)) for lead in leads]


def last_good_home(services: Services, person: Person) -> list[Reply]:
    """The warnings at the top of QA leads' and admins' Home tabs while the bot runs on the last good copy, or
    without entries the start's screen refused."""
    if not person.is_qa_or_admin or services.knowledge is None:
        return []
    return start_notices(services.knowledge, services.settings.timezone)


def knowledge_home(services: Services, person: Person) -> list[Reply]:
    """QA leads and admins see on their Home tab, in one section, what needs their attention in the
    knowledge base: how many entries are live, which are past their review date, what went unanswered."""
    if not person.is_qa_or_admin or services.knowledge is None:
        return []
    now = services.clock()
    kb = services.knowledge.current.kb
    today = now.astimezone(services.settings.timezone).date()
    stale = sorted(stale_entries(services.knowledge, today),
                   key=lambda entry: (entry.review_by or today, entry.id))
    desk = UnansweredDesk(services, services.knowledge)
    groups = desk.open_groups(now)
    waiting = sum(group.count for group in groups)
    lines = [f"{count_of(len(kb.entries), 'entry', 'entries')} live; {len(stale)} past their review date; "
             f"{count_of(waiting, 'question')} unanswered or marked Not helpful in the last {UNANSWERED_DAYS} days."]
    lines += [f"   • {clip(entry.question, 80, one_line=True)} (review by {short_date(entry.review_by)})"
              for entry in stale[:HOME_STALE_SHOWN] if entry.review_by]
    return [Reply(title="Knowledge base", text="\n".join(lines),
                  note="`/audit kb unanswered`, `/audit kb stale`, `/audit kb reload`"),
            *(desk.group_reply(group) for group in groups[:HOME_GROUPS])]


def install(engine: Engine, services: Services, service: KnowledgeService) -> None:
    engine.add_home_section("knowledge", lambda person: knowledge_home(services, person), priority=30)
    engine.add_home_section("knowledge-not-loaded", lambda person: last_good_home(services, person), priority=0)
    admin = KnowledgeAdmin(services, service)
    desk = admin.desk
    for name, handler in ((ANSWER, answer_typed_next.pressed(services, desk)), (LINK, desk.link_button),
                          (NEW, desk.new_button),
                          (OUT_OF_SCOPE, desk.close_button("out_of_scope")), (DISMISS, desk.close_button("dismissed"))):
        engine.add_action(name, handler)
    unanswered_removal.install(engine, desk)
    link_preview.install(engine, desk)
    entry_edit.install(engine, desk)
    unanswered_also.install(engine, desk)  # groups a change took off the list: sent the entry on one word
    entry_file_asked.install(engine, services, desk)  # `kb new` with no file to go by: the file asked next
    answer_typed_next.install(engine, services, desk)  # in the terminal, the line typed after *Answer* is the answer
    for name, handler, check in ((ANSWER_FORM, desk.answer_form, desk.answer_check),
                                 (LINK_FORM, desk.link_form, desk.link_check),
                                 (NEW_FORM, desk.new_form, desk.new_check)):
        engine.add_form(name, handler, check)
    engine.add_options(ENTRY_SEARCH, desk.entry_options)
    engine.add_command("kb", admin.command, "keep the knowledge base current (reload, unanswered questions and "
                       "what to do with them, stale, check, learned wordings)",
                       usage="/audit kb reload|unanswered|answer|link|new|out-of-scope|dismiss|find|remove|stale|check"
                             "|learned",
                       roles=[Role.QA_LEAD, Role.ADMIN],
                       who_can="QA leads and admins", typed=admin.typed_shape(), details=help_lines())
