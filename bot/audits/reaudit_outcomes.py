"""Are re-audits showing improvement? `/audit reaudits outcomes [mine|team [team id]]`, and the question asked in
words ("are re-audits showing improvement", "did the re-audits improve", "re-audit outcomes"): the re-audits submitted
in the last 3 months, how many improved the case's grade, kept it, made it worse or cannot be said, overall and by
team, with `/audit compare` for each that got worse. Trial 26's head of service asked and got only the re-audit rule.

A re-audit here is an audit whose case's audit before it had a grade of record asking for one (settings'
`reaudit:`). The count is bot.core.reaudit_outcomes' (by `/audit compare`'s rule); who reads which is the re-audit
list's scope (bot.audits.reaudit_scope), and a pair counts only when the reader may read both audits, as comparing
them needs.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.audits.compare import UNMODERATED
from bot.audits.core import not_in_channel
from bot.audits.reaudit_scope import rule_text, scope_and_team
from bot.core import policy
from bot.core.periods import PERIODS_SAID, Period, looks_like_period, read_period
from bot.core.reaudit_outcomes import Tally, outcomes
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.teams import noted
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.settings.people import Person
from bot.storage import readback as readback_store
from bot.storage import reaudits as store
from bot.storage.audits import AuditRow
from knowledge.dates import short_date

MONTHS = 3  # the period counted: the last 3 months, to today
WORSE_SHOWN = 5  # re-audits that got worse named with their `/audit compare`; more are counted
PRIORITY = 27  # after an audit or a moderation waiting for typed text, before the knowledge base
# "are re-audits showing improvement?", "did the re-audits improve", "have our reaudits improved practice",
# "re-audit outcomes", "show me the re-audit results", "what were the reaudit outcomes in north?"
WORDS = re.compile(
    r"^\s*(?:(?:(?:(?:show|give|get)(?:\s+me)?|what\s+(?:are|were))\s+)?(?:the\s+|our\s+)?re-?\s?audits?\s+"
    r"(?:outcomes?|results?)"
    r"|(?:are|were|have|has|did|do|is)\s+(?:the\s+|our\s+)?re-?\s?audits?\s+(?:been\s+)?"
    r"(?:showing|shown|showed|show|improv\w*|finding|found)"  # "improvment" typed too (trial 27)
    r"(?:\s+(?:any\s+|an\s+)?improv\w*)?(?:\s+(?:in\s+)?(?:practice|things|anything))?)"
    r"(?:\s+(?:for|in|of)\s+(?:the\s+)?(?!\d+\b)(?P<team>[\w&'-]{2,40}(?:\s+[\w&'-]{2,40})??)(?:\s+team)?)?"
    r"\s*[.!?]*\s*$", re.IGNORECASE)


def asked_team(text: str) -> list[str] | None:
    """The words `/audit reaudits outcomes` is given for typed words asking what the re-audits found (`team north`
    when a team is named, else none), or None when the words ask something else."""
    found = WORDS.match(text or "")
    if found is None:
        return None
    return ["team", *found.group("team").split()] if found.group("team") else []


def months_back(day: date, months: int) -> date:
    """The same day `months` earlier, or that month's last day when it has no such day (31 May -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def outcomes_command(services: Services, turn: Turn, words: list[str]) -> list[Reply]:
    """`/audit reaudits outcomes [period] [mine|team [team id]]`: what the re-audits of the last 3 months, or of the
    month or quarter asked for, found (see the module)."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    today = turn.now.astimezone(services.settings.timezone).date()
    asked, words = period_words(words, today)
    whose, scope, team = scope_and_team(services, turn.person, words)
    if asked is None:
        first = months_back(today, MONTHS)
        start, end = datetime.combine(first, time(), services.settings.timezone), turn.now
        period = f"{short_date(first, first.year != today.year)} to {short_date(today)}"
    else:
        start = datetime.combine(asked.start, time(), services.settings.timezone)
        end = datetime.combine(asked.end + timedelta(days=1), time(), services.settings.timezone)
        period = (f"in {asked.label} ({short_date(asked.start, year=False)} to {short_date(asked.end)}"
                  f"{', so far' if asked.so_far else ''})")
    pairs = readable_pairs(services, turn.person, start, min(end, turn.now), scope)
    return noted(team, [outcomes_reply(services, pairs, period, whose)])


def period_words(words: list[str], today: date) -> tuple[Period | None, list[str]]:
    """The month or quarter the words start or end with (bot.core.periods: `this quarter`, `november`, `q3`, typos
    forgiven), and the words left (`mine`, `team north`); words that look like a period but read as none are refused
    with the periods that work (trial 35: `reaudits outcomes this quarter` got the command's usage)."""
    for size in (3, 2, 1):
        if len(words) >= size:
            for chosen, rest in ((words[:size], words[size:]), (words[-size:], words[:-size])):
                if (period := read_period(" ".join(chosen), today)) is not None:
                    return period, rest
    if words and words[0].lower() not in ("mine", "team") and looks_like_period(" ".join(words)):
        raise UserError(f"I couldn't read `{' '.join(words)}` as a period. {PERIODS_SAID}")
    return None, words


def readable_pairs(services: Services, person: Person, start: datetime, end: datetime,
                   scope: dict[str, Any]) -> list[tuple[AuditRow, AuditRow]]:
    """The (earlier audit, re-audit) pairs in the scope whose two audits this person may both read (policy has the
    last word, as `/audit compare` asks it of both)."""
    pairs = store.reaudit_pairs(services.storage, services.settings.reaudit.grades, start, end, **scope)
    moderators = readback_store.moderators_of(services.storage,
                                              [audit.id for pair in pairs for audit in pair])
    return [pair for pair in pairs
            if all(policy.may_view(services.directory, person, audit, moderators.get(audit.id, set()))
                   for audit in pair)]


def outcomes_reply(services: Services, pairs: list[tuple[AuditRow, AuditRow]], period: str, whose: str) -> Reply:
    """The count overall, then by team; when there are none, so, and how a re-audit becomes due."""
    if not pairs:
        return Reply(text=f"No re-audits were submitted {period} in {whose}, so there is nothing yet to say about "
                          f"improvement. {rule_text(services)} `/audit reaudits` lists the ones due.")
    found = outcomes(pairs)
    lines = [f"**Re-audits submitted {period}** ({whose}): {found.overall.total}. {tally_said(found.overall)}",
             "By team:"]
    lines += [f"• {team_name(services, team)}: {tally.total}. {tally_said(tally, named=False)}"
              for team, tally in found.by_team]
    return Reply(text="\n".join(lines),
                 note=("Each re-audit is compared with the audit of the case before it, whose grade of record asked "
                       "for it, as `/audit compare` does; a pair counts as can't say where only one audit was "
                       "moderated and its moderator changed the grade, or one has no grade. A re-audit not yet "
                       "moderated counts at its auditor's grade, said beside the improved."))


def tally_said(tally: Tally, named: bool = True) -> str:
    """'Improved 5 (2 of them on the auditor's grade, not yet moderated) · same 3 · worse 1 (#138: `/audit compare
    138`) · can't say 0'; `named` False leaves the re-audits that got worse unnamed (the overall line names them)."""
    worse = str(tally.worse)
    if named and tally.worse_ids:
        shown = "; ".join(f"#{n}: `/audit compare {n}`" for n in tally.worse_ids[:WORSE_SHOWN])
        more = len(tally.worse_ids) - WORSE_SHOWN
        worse += f" ({shown}{f'; and {more} more' if more > 0 else ''})"
    improved = f"{tally.improved}{_unmoderated(tally.improved_unmoderated, tally.improved)}"
    return f"Improved {improved} · same {tally.same} · worse {worse} · can't say {tally.cannot_say}"


def _unmoderated(count: int, improved: int) -> str:
    """' (3 of them on the auditor's grade, not yet moderated)', ' (all 8 on …)', ' (on …)' for the one; '' for
    none (trial 60 F19)."""
    if not count:
        return ""
    which = f"{count} of them " if count < improved else f"all {count} " if count > 1 else ""
    return f" ({which}on {UNMODERATED})"


def team_name(services: Services, team_id: str) -> str:
    """A team's name as teams.yaml gives it, or its id when it has left teams.yaml."""
    team = services.directory.teams.get(team_id)
    return team.name if team else (team_id or "No team")


def install(engine: Engine, services: Services) -> None:
    """Register the question in words; `/audit reaudits outcomes` is bot.audits.reaudits' command."""
    def on_text(turn: Turn, text: str) -> list[Reply] | None:
        words = asked_team(text)
        return None if words is None else outcomes_command(services, turn, words)

    engine.add_message_handler(on_text, priority=PRIORITY)
