"""`/audit kb ...`: how QA leads keep the knowledge base current (reload, unanswered, stale, check).

Only QA leads and admins may use these; the engine tells anyone else who can. A reload never leaves the bot
without answers: a folder with problems is reported line by line and the previous version stays live.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from bot.asking.learned_admin import learned_list
from bot.asking.review import stale_entries
from bot.core.knowledge import KnowledgeService, ReloadResult
from bot.core.markup import mention
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.privacy.knowledge_screen import identifier_problems
from bot.settings.people import Person, Role
from bot.storage import asks as store
from bot.storage.trail import record_trail
from knowledge.problems import Problem

UNANSWERED_DAYS = 30
SIMILAR_WORDING = 80  # rapidfuzz token_set_ratio at or above which two questions count as the same
MAX_GROUPS = 25
MAX_PROBLEMS_SHOWN = 30
MAX_STALE_SHOWN = 40
HOME_STALE_SHOWN = 5
SUBCOMMANDS = (
    ("reload", "load the edited knowledge base; shows what changed, or the problems to fix"),
    ("unanswered", f"questions with no answer or marked Not helpful in the last {UNANSWERED_DAYS} days"),
    ("stale", "entries past their review date, with their owners"),
    ("check", "check the knowledge folder for problems without loading it"),
    ("learned", "wordings learned from use (picked from Did you mean…), with who and when; Reject one"),
)


@dataclass(frozen=True)
class QuestionGroup:
    """Questions worded alike, shown once with how often they were asked."""

    wording: str
    count: int
    last_asked: datetime
    unhelpful_entries: tuple[str, ...]


def group_similar(questions: list[store.Unanswered], threshold: int = SIMILAR_WORDING) -> list[QuestionGroup]:
    """Cluster by rapidfuzz token_set_ratio against each group's first (newest) wording; biggest first."""
    groups: list[tuple[str, list[store.Unanswered]]] = []
    for question in sorted(questions, key=lambda q: q.asked_at, reverse=True):
        wording = default_process(question.query)
        for key, members in groups:
            if fuzz.token_set_ratio(wording, key) >= threshold:
                members.append(question)
                break
        else:
            groups.append((wording, [question]))
    result = [
        QuestionGroup(
            wording=members[0].query,
            count=len(members),
            last_asked=members[0].asked_at,
            unhelpful_entries=tuple(dict.fromkeys(m.entry_id for m in members if m.entry_id)),
        )
        for _, members in groups
    ]
    result.sort(key=lambda group: (-group.count, -group.last_asked.timestamp()))
    return result


class KnowledgeAdmin:
    """The QA lead side; shares the live KnowledgeService with the asking side."""

    def __init__(self, services: Services, service: KnowledgeService) -> None:
        self.services = services
        self.service = service
        self.subcommands: dict[str, Callable[[Turn], list[Reply]]] = {
            "reload": self.reload,
            "unanswered": self.unanswered,
            "stale": self.stale,
            "check": self.check,
            "learned": lambda turn: learned_list(services, turn),
        }

    def command(self, turn: Turn, rest: str) -> list[Reply]:
        word = rest.strip().lower().split(maxsplit=1)[0] if rest.strip() else ""
        handler = self.subcommands.get(word)
        if handler is None:
            return [self.menu(word)]
        return handler(turn)

    def menu(self, word: str) -> Reply:
        lines = [f"• `/audit kb {name}` — {summary}" for name, summary in SUBCOMMANDS]
        opening = f"I don't know `/audit kb {word}`. " if word else ""
        return Reply(title="Knowledge base", text=opening + "What you can do with the knowledge base:\n"
                     + "\n".join(lines), kind="error" if word else "info")

    def reload(self, turn: Turn) -> list[Reply]:
        result = self.service.reload()
        detail: dict[str, object] = {"ok": result.ok, "entries": result.entries}
        if result.diff is not None:
            detail.update(added=result.diff.added, changed=result.diff.changed, removed=result.diff.removed)
        else:
            detail["problems"] = len(result.problems)
        record_trail(self.services.storage, turn.user_id, "kb.reload", detail, at=turn.now)
        return [reload_reply(result)]

    def unanswered(self, turn: Turn) -> list[Reply]:
        since = turn.now - timedelta(days=UNANSWERED_DAYS)
        groups = group_similar(store.unanswered_since(self.services.storage, since))
        if not groups:
            return [Reply(title="Unanswered questions",
                          text=f"No unanswered or unhelpful questions in the last {UNANSWERED_DAYS} days.")]
        tz = self.services.settings.timezone
        lines = []
        for group in groups[:MAX_GROUPS]:
            times = "once" if group.count == 1 else f"{group.count} times"
            unhelpful = f" (Not helpful: {', '.join(f'`{e}`' for e in group.unhelpful_entries)})" \
                if group.unhelpful_entries else ""
            lines.append(f"• _{group.wording}_ — {times}, last {group.last_asked.astimezone(tz):%d %b}{unhelpful}")
        more = len(groups) - MAX_GROUPS
        note = f"{more} more groups not shown." if more > 0 else None
        total = sum(group.count for group in groups)
        return [Reply(title="Unanswered questions",
                      text=f"{total} questions in the last {UNANSWERED_DAYS} days got no answer or were marked "
                           f"Not helpful, in {len(groups)} groups of similar wording:\n" + "\n".join(lines),
                      note=note)]

    def stale(self, turn: Turn) -> list[Reply]:
        today = turn.now.astimezone(self.services.settings.timezone).date()
        kb = self.service.current.kb
        due = sorted((e for e in kb.entries.values() if e.is_stale(today)),
                     key=lambda e: (e.review_by, e.id))
        if not due:
            return [Reply(title="Entries due for review",
                          text=f"No entries are past their review date (of {len(kb.entries)}).")]
        lines = [f"• `{e.id}` — {e.question} (review by {e.review_by:%d %b %Y}; "
                 f"owner {mention(e.owner) if e.owner else 'none set'})" for e in due[:MAX_STALE_SHOWN]]
        more = len(due) - MAX_STALE_SHOWN
        return [Reply(title="Entries due for review",
                      text=f"{len(due)} of {len(kb.entries)} entries are past their review date:\n" + "\n".join(lines),
                      note=f"{more} more not shown." if more > 0 else "Edit `review_by:` once checked, then "
                                                                       "`/audit kb reload`.")]

    def check(self, turn: Turn) -> list[Reply]:
        del turn
        problems, on_disk = self.service.check_folder()
        if on_disk is not None:  # a folder that loads is also screened for identifiers in its entries
            problems = identifier_problems(on_disk,
                                           self.services.identifier_screen.with_listed(self.services.settings.names))
        if problems:
            return [Reply(kind="error", text=problems_text(problems)
                          + "\nNothing was loaded: the live version is unchanged.")]
        return [Reply(text="The knowledge folder has no problems: `/audit kb reload` will load it.")]


def problems_text(problems: list[Problem]) -> str:
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [f"• `{problem.file}{f':{problem.line}' if problem.line else ''}` — {problem.message}"
             for problem in problems[:MAX_PROBLEMS_SHOWN]]
    more = len(problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        lines.append(f"…and {more} more: run `audit-bot kb check` to see them all.")
    return f"The knowledge base has {len(problems)} {noun}:\n" + "\n".join(lines)


def reload_reply(result: ReloadResult) -> Reply:
    """Tell the QA lead exactly what a reload did, so they can trust what the bot now says."""
    if result.diff is None:
        return Reply(kind="error", title="Knowledge base not reloaded",
                     text=problems_text(result.problems)
                     + f"\n\n**The previous version is still live** ({result.entries} entries). "
                       "Fix these and run `/audit kb reload` again.")
    diff = result.diff

    def ids(names: list[str]) -> str:
        return ", ".join(f"`{name}`" for name in names) if names else "none"

    summary = (f"Added: {ids(diff.added)}\nChanged: {ids(diff.changed)}\nRemoved: {ids(diff.removed)}"
               if diff else "No entries changed.")
    return Reply(title="Knowledge base reloaded",
                 text=f"The knowledge base is reloaded: {result.entries} entries are live.\n{summary}")


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
    waiting = len(store.unanswered_since(services.storage, now - timedelta(days=UNANSWERED_DAYS)))
    lines = [f"{len(kb.entries)} entries live; {len(stale)} past their review date; {waiting} question"
             f"{'' if waiting == 1 else 's'} unanswered or marked Not helpful in the last {UNANSWERED_DAYS} days."]
    lines += [f"   • {_clip(entry.question, 80)} (review by {entry.review_by:%d %b %Y})"
              for entry in stale[:HOME_STALE_SHOWN] if entry.review_by]
    return [Reply(title="Knowledge base", text="\n".join(lines),
                  note="`/audit kb unanswered`, `/audit kb stale`, `/audit kb reload`")]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def install(engine: Engine, services: Services, service: KnowledgeService) -> None:
    engine.add_home_section("knowledge", lambda person: knowledge_home(services, person), priority=30)
    admin = KnowledgeAdmin(services, service)
    engine.add_command("kb", admin.command, "keep the knowledge base current (reload, unanswered, stale, check)",
                       usage="/audit kb reload|unanswered|stale|check|learned", roles=[Role.QA_LEAD, Role.ADMIN],
                       who_can="QA leads and admins")
