"""A leader's figure questions in plain words, each run as the command that answers it, over the period and team said.

Trial 40: a head of service's "grades this quarter" was answered outright with the entry on the agreement rate, and
"how many inadequates this quarter?", "how many audits did we do in november", "audits by team last 6 months",
"north vs south?", "who was behind last month", "how many audits are waiting for moderation and whose", "re-audit
outcomes in south this quarter" and "which cases are overdue a re-audit?" got an entry or a list of them, each noted
on the QA leads' list. "i want to audit a south case myself" got South's digest, and "can we raise norths target to
4" North's. Each shape below (SHAPES, first match wins) names the command that answers it; the period (any that
bot.core.periods reads, found anywhere in the words) and the team (a word only its name has) go with it. Only for
those the command allows (its own role check): anyone else's words go on. A figure question no shape answers is told
what can be asked (ASKABLE), never noted as a gap in the knowledge base.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.asking import teams_compared
from bot.asking.asked_plainly import plainly
from bot.asking.target_setter import where
from bot.asking.team_asked import teams_by_word
from bot.core.periods import MONTHS, corrected, read_period, read_week
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.privacy.screen import typed_case_reference
from knowledge.entries import wording_key

# After the other figure questions in words (27: "who has completed how many audits in november" is the auditors'
# figures), before the knowledge base (90); a target or an audit to start before the team questions (27), which read
# "norths target" as North's digest.
PRIORITY = 28
EARLY = 26
EARLY_SHAPES = ("target", "start")
MAX_WORDS = 16
_MONTH = "|".join(name for name in MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
# a period anywhere in the words: "in november", "this quarter", "since september", "last 6 months"
PERIOD = re.compile(rf"\b(?P<period>since\s+(?:{_MONTH})(?:\s+20\d\d)?|(?:last|past)\s+(?:\d{{1,2}}|two|three|four|"
                    rf"five|six|nine|twelve)\s+months?|(?:this|last|previous)\s+(?:week|month|quarter)|"
                    rf"q[1-4](?:\s+20\d\d)?|(?:{_MONTH})(?:\s+20\d\d)?)\b")
_REAUDIT = r"\bre\s*-?\s*audit"  # not "are audit findings"
NOT_MONTHS = frozenset({"many"})
_GRADE_WORDS = r"(?:inadequates?|ri|ris|requires\s+improvements?|goods|outstandings?)"


@dataclass(frozen=True)
class Asked:
    """What a figure question asks: the shape's name, its period words ("" for none) and the team it names."""

    shape: str
    period: str
    team: str | None
    teams: tuple[str, ...] = ()  # every team it names, in the teams file's order: those compared ("north vs south")


@dataclass(frozen=True)
class Shape:
    """A figure question's words, and the command that answers it with (period, team) as its arguments."""

    name: str
    words: re.Pattern[str]
    command: str
    args: Callable[[str, str | None], str]
    needs: str = ""  # "context": a period or a team said too ("how does grading work" is a practice question)


def _team(team: str | None, word: str = "team ") -> str:
    return f" {word}{team}" if team else ""


def _digest(default: str) -> Callable[[str, str | None], str]:
    return lambda period, team: f"{period or default}{_team(team, '')}".strip()


SHAPES = (
    Shape("target", re.compile(r"\b(?:raise|lower|change|set|increase|reduce|bump|drop|adjust)\b.*\btargets?\b|"
                               r"\btargets?\b.*\b(?:to|up|down)\s+\d"), "auditors", lambda period, team: ""),
    Shape("start", re.compile(r"^(?:i\s+(?:want|would\s+like|d\s+like|need|ll|will)\s+to|let\s+me|ill|i\s+will)"
                              r"\s+(?:do\s+|start\s+|carry\s+out\s+)?(?:an?\s+)?audit\b(?!s)"), "start",
          lambda period, team: ""),
    Shape("queue", re.compile(r"^(?:how\s+many|which|whose|what|whats|any|show|list|are\s+there|is\s+there)\b.*"
                              r"(?:\b(?:waiting|awaiting|pending|queued|need(?:ing)?|left)\b.*\bmoderat|"
                              r"\bmoderation\s+(?:queue|backlog|list)|\bunmoderated\b)"), "moderate",
          lambda period, team: ""),
    Shape("outcomes", re.compile(rf"{_REAUDIT}s?\s+(?:outcomes?|results?|findings)|"
                                 rf"(?:outcomes?|results?)\s+of\s+(?:the\s+)?{_REAUDIT}"), "reaudits",
          lambda period, team: f"outcomes {period}{_team(team)}".strip()),
    Shape("reaudits due", re.compile(rf"\b(?:overdue|due|late|owed)\b.*{_REAUDIT}|{_REAUDIT}s?\s+(?:are\s+|is\s+)?"
                                     rf"(?:overdue|due|late|outstanding)"), "reaudits",
          lambda period, team: _team(team).strip()),
    Shape("behind", re.compile(r"\bwho\s+(?:was|is|were|are|s|has\s+been|fell|got)\s+(?:falling\s+)?behind\b|"
                               r"\bwho\s+(?:missed|didnt\s+meet|did\s+not\s+meet)\b"), "auditors",
          lambda period, team: f"{period or 'this month'}{_team(team, '')}".strip(), "period"),
    Shape("inadequate", re.compile(rf"\bhow\s+many\s+{_GRADE_WORDS}\b|\bnumber\s+of\s+{_GRADE_WORDS}\b"), "digest",
          _digest("this quarter")),
    Shape("grades", re.compile(r"\bgrades?\b|\bgrading\b"), "digest", _digest("this quarter"), "context"),
    Shape("audits", re.compile(r"\bhow\s+many\s+audits\s+(?:did|have|has)\s+(?:we|the\s+service|the\s+teams?|"
                               r"each\s+team|they)\b|\baudits?\s+(?:done\s+|completed\s+)?(?:by|per|for\s+each)\s+"
                               r"teams?\b"), "digest", _digest("this month")),
    Shape("counts", re.compile(r"\bhow\s+many\s+audits\b"), "digest", _digest("this month"), "context"),
    Shape("compared", re.compile(r"\b(?:vs|versus|v|compared?\s+(?:to|with)|against)\b"), "digest",
          lambda period, team: period or "this month", "teams"),  # only the teams named: answer()
)
OWN = re.compile(r"\b(?:i|me|my|mine|im|ive)\b")
# words of a figure question, when no shape above answers it
FIGURE_QUESTION = re.compile(r"^(?:how\s+many|what\s+(?:is|was|are|were)\s+the\s+(?:number|count|total)|"
                             r"whats\s+the\s+(?:number|count|total))\b.*\b(?:audits?|cases?|actions?|grades?|"
                             r"moderat\w*|reaudits?|inadequates?)\b")
ASKABLE = ("I can't answer that one from the figures yet. Figures you can ask for in words: _grades this quarter_, "
           "_how many audits did we do in november_, _audits by team last 6 months_, _how many inadequates this "
           "quarter_, _who was behind last month_, _re-audit outcomes in south this quarter_, _which cases are "
           "overdue a re-audit_, _how many audits are waiting for moderation_. Or type `digest`, `auditors`, "
           "`areas` or `reaudits outcomes`, each with a period such as `this quarter`, `since september` or "
           "`last 6 months`.")
TARGETS_SAID = ("That can't be done from Slack: {where}. Ask an admin to change it there. Here is each auditor's "
                "count against their target this month:")


def asked(services: Services, said: str, early: bool = False) -> Asked | None:
    """The shape, period and one team a figure question names; None when no shape matches (of EARLY_SHAPES only,
    when `early`)."""
    period, teams = period_said(services, said), teams_by_word(services, said)
    said_too = {"": True, "context": bool(period or teams), "period": bool(period), "teams": len(teams) > 1}
    own = OWN.search(said) is not None  # "how many audits have i done this month" is the asker's own progress
    shape = next((shape for shape in SHAPES if shape.words.search(said) and said_too[shape.needs]
                  and (shape.name in EARLY_SHAPES or not (early or own))), None)
    if shape is None:
        return None
    named = tuple(team for team in services.directory.teams if team in teams)
    return Asked(shape.name, period, named[0] if len(named) == 1 else None, named)


def period_said(services: Services, said: str) -> str:
    """The period words in `said` that bot.core.periods reads ("" for none), as the commands take them."""
    today = services.local_now().date()
    # "many" is a typo of no month (corrected, "how many" would be "how may"); "novmber" is of November
    mended = " ".join(word if word in NOT_MONTHS else corrected(word) for word in said.split())
    for found in PERIOD.finditer(mended):
        words = found.group("period")
        if read_period(words, today) is not None or read_week(words, today) is not None:
            return words
    return ""


def answer(engine: Engine, services: Services, turn: Turn, question: Asked) -> list[Reply] | None:
    """The command's replies for `question`, for someone it allows; None for anyone else."""
    shape = next(shape for shape in SHAPES if shape.name == question.shape)
    command = engine.commands.get(shape.command)
    if command is None or not command.allowed(turn.person):
        return None
    args = shape.args(question.period, question.team)
    if question.shape == "compared":  # "how does north compare against south on grades": those teams side by side
        args = f"{args} {' vs '.join(question.teams)}"
    replies = engine.dispatch_command(turn, shape.command, args)
    if question.shape == "target":
        return [Reply(kind="notice", text=TARGETS_SAID.format(where=where(services))), *replies]
    return replies


def routed(engine: Engine, services: Services, turn: Turn, text: str, early: bool = False) -> list[Reply] | None:
    """A figure question's answer (or what can be asked); None for anything else, so a practice question goes on."""
    said = plainly(text or "")
    if not said or len(said.split()) > MAX_WORDS or kb_title(services, text) is not None:
        return None
    if not early and (case := _case_asked(engine, services, turn, text)) is not None:
        return case
    if not early and (teams := _teams_compared(engine, services, turn, said)) is not None:
        return teams
    question = asked(services, said, early)
    if question is not None and question.shape == "compared" and _command_typed(engine, said):
        return None  # `digest north vs south` is the command typed: last week's digest of those teams
    if question is not None:
        return answer(engine, services, turn, question)
    digest = engine.commands.get("digest")
    figure = FIGURE_QUESTION.search(said) is not None and OWN.search(said) is None
    if not early and figure and digest is not None and digest.allowed(turn.person):
        return [Reply(kind="notice", text=ASKABLE)]
    return None


# rapidfuzz ratio of the line's words to an entry's question (wording_key) at or above which the line is that title
TITLE_LIKE = 92


def kb_title(services: Services, text: str) -> str | None:
    """The knowledge-base question `text` is, word for word or nearly (a typo, a word left out); None for any
    other line. Trial 58 F10: a manager typed an entry's title as shown a moment before ("how many cases does each
    manager audit a month, and how are they chosen?") and was told what figures can be asked: a title reaches its
    entry, never the figures."""
    said = wording_key(text or "")
    if not said:
        return None
    kb = services.live_knowledge().current.kb
    titles = {wording_key(entry.question): entry.question for entry in kb.entries.values()}
    if said in titles:
        return titles[said]
    found = process.extractOne(said, titles.keys(), scorer=fuzz.ratio, score_cutoff=TITLE_LIKE)
    return None if found is None else titles[found[0]]


def _teams_compared(engine: Engine, services: Services, turn: Turn, said: str) -> list[Reply] | None:
    """"north vs south?", "compare north and south this quarter": only the teams named, side by side (bot.asking.
    teams_compared), for whoever may read the digests; None for anything else."""
    digest = engine.commands.get("digest")
    if digest is None or not digest.allowed(turn.person) or _command_typed(engine, said):
        return None  # `digest north vs south` is the command typed
    period = period_said(services, said)
    question = teams_compared.compared(services, said, period)
    return None if question is None else teams_compared.answer(engine, services, turn, question, period)


def _command_typed(engine: Engine, said: str) -> bool:
    """Whether `said` starts with a command's word (`digest north vs south`), but for `compare`, which takes only an
    audit's number: "compare north and south" is teams compared."""
    first = said.split()[0]
    return first in engine.commands and first != "compare"


# Words asking how one case stands, not a practice question that mentions it ("whats happening with CR-667874? its
# overdue for reaudit", "any update on CR-…", "has CR-… been audited")
CASE_STATUS = re.compile(r"\b(?:happening|overdue|re-?audit\w*|status|update|progress|been\s+audited|audits\s+of|"
                         r"last\s+audit|moderat\w*)\b", re.IGNORECASE)


def _case_asked(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A leader's question naming one case ("whats happening with CR-667874? its overdue for reaudit", trial 40
    M15): that case's audits (`list case`) and its re-audit due, as the reference typed on its own says it; None
    when it names none, or more than one, or the reader may not list audits or read the digests."""
    if CASE_STATUS.search(text or "") is None:  # "when is the ICPC due for CR-882019?" is a practice question
        return None
    found = {ref for word in (text or "").split()
             if (ref := typed_case_reference(word, services.settings.case_reference_pattern)) is not None}
    digest, listing = engine.commands.get("digest"), engine.commands.get("list")
    if len(found) != 1 or len(text.split()) < 2 or digest is None or not digest.allowed(turn.person) \
            or listing is None:
        return None
    reference = found.pop()  # its audits, then what the reference typed on its own says: its re-audit due
    return [*engine.dispatch_command(turn, "list", f"case {reference}"), *engine.claim(turn, reference)]


def install(engine: Engine, services: Services) -> None:
    """Register the figure questions in words, before the team questions and the knowledge base."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text, early=True), priority=EARLY)
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
