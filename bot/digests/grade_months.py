"""Grades month by month, asked in words: "are grades getting better across the service since september?".

Trial 35: a principal social worker's question went onto the QA leads' unanswered list. Each month's audits
submitted, at their grade of record (the moderator's once moderated), across the teams the reader may see, from the
month named (the 3 months before this one unless one is said) to this month so far.

Trial 62 F9: a head of service asking "show me grades by team over the last 6 months" (or "grades by team month by
month", "how have north's grades changed since june") got the period's totals, not a picture by month. A team
breakdown asked for (`by team`, `each team`, a team named) with months (`month by month`, `changed`, `since june`,
`over the last 6 months`) now gets each team's months: per month its audits and the share Good or better with its
counts, with the line for all the teams the reader may see (a manager's own teams; every team for QA leads and admins).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.core.periods import read_period
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.render import count_share
from bot.storage.reports import digests as store

DEFAULT_MONTHS = 3
MAX_MONTHS = 12
GOOD = ("outstanding", "good")
GRADED = ("outstanding", "good", "requires_improvement", "inadequate")
GRADE_WORDS = re.compile(r"\b(?:grades?|grading|graded|good\s+or\s+better)\b")
BY_MONTH = re.compile(r"\b(?:month\s+(?:by|on|to)\s+month|monthly|by\s+month|each\s+month|per\s+month|every\s+month|"
                      r"over\s+time|chang(?:ed|ing|es?)|trend(?:s|ing)?|moved|moving|getting\s+(?:better|worse)|"
                      r"improv(?:ed|ing)|declin(?:ed|ing)|since\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:last|past)\s+(?:\d+|two|three|four|five|"
                      r"six|nine|twelve)\s+months)\b")
BY_TEAM = re.compile(r"\b(?:by|per|for\s+each|for\s+every|each|every)\s+teams?\b|\bteam\s+by\s+team\b")


def _month_starts(since: date, today: date) -> list[date]:
    starts = [since.replace(day=1)]
    while starts[-1] < today.replace(day=1):
        last = starts[-1]
        starts.append(date(last.year + (last.month == 12), last.month % 12 + 1, 1))
    return starts[-MAX_MONTHS:]


def _first(since: str | None, today: date) -> date:
    """The first month asked for (`september`), else the 3 months before this one."""
    period = read_period(since, today) if since else None
    if period is not None and period.start < today.replace(day=1):
        return period.start
    month = today.replace(day=1)
    for _ in range(DEFAULT_MONTHS):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


def months_since(services: Services, team_ids: list[str], since: str | None) -> list[Reply]:
    """Each month's graded audits, Good or better and RI or Inadequate shares, with the counts they rest on."""
    today = services.local_now().date()
    starts = _month_starts(_first(since, today), today)
    zone = services.settings.timezone
    bounds = [datetime.combine(day, time(0), tzinfo=zone) for day in [*starts, today + timedelta(days=1)]]
    found = store.grade_counts_by_week(services.storage, bounds, team_ids)
    lines = []
    for index, start in enumerate(starts):
        grades = {g: sum(team[index].get(g, 0) for team in found.values()) for g in GRADED}
        graded = sum(grades.values())
        name = f"{start:%B %Y}" + (" (so far)" if start == today.replace(day=1) else "")
        if not graded:
            lines.append(f"• **{name}**: no graded audits")
            continue
        good = sum(grades[g] for g in GOOD)
        lines.append(f"• **{name}**: Good or better {count_share(good, graded)}; Requires improvement or Inadequate "
                     f"{count_share(graded - good, graded)}")
    whose = "every team" if len(team_ids) == len(services.directory.teams) else "your teams"
    head = f"Grades month by month, {whose} (audits submitted, at their grade of record):"
    return [Reply(title="Are grades getting better?", text="\n".join([head, *lines]),
                  note="A month with few audits moves a lot: read the counts. `/audit digest` has the 12-week trend "
                       "chart, `/audit areas` the grades by practice area.")]


def team_months_asked(said: str, team_named: bool) -> bool:
    """Whether `said` asks for grades month by month broken down by team: grade words, month words, and `by team`,
    `each team` or a team named (`team_named`)."""
    return bool(GRADE_WORDS.search(said) and BY_MONTH.search(said) and (team_named or BY_TEAM.search(said)))


def _month_line(start: date, today: date, grades: dict[str, int]) -> str:
    """'Nov: 4 audits, Good or better 3 of 4 (75%)'; a month with none graded says so."""
    name = f"{start:%b}" + (f" {start:%Y}" if start.month == 1 else "") + (" (so far)" if start == today.replace(
        day=1) else "")
    graded = sum(grades.get(g, 0) for g in GRADED)
    if not graded:
        return f"{name}: no graded audits"
    audits = "1 audit" if graded == 1 else f"{graded} audits"
    return f"{name}: {audits}, Good or better {count_share(sum(grades.get(g, 0) for g in GOOD), graded)}"


def by_team(services: Services, team_ids: list[str], shown: list[str], since: str | None) -> list[Reply]:
    """Each of the teams `shown` month by month, and the line for all of `team_ids` (the teams the reader may see):
    per month the graded audits and the share Good or better with its counts."""
    today = services.local_now().date()
    starts = _month_starts(_first(since, today), today)
    zone = services.settings.timezone
    bounds = [datetime.combine(day, time(0), tzinfo=zone) for day in [*starts, today + timedelta(days=1)]]
    found = store.grade_counts_by_week(services.storage, bounds, team_ids)
    empty: list[dict[str, int]] = [{} for _ in starts]

    def months(teams: list[str]) -> str:
        return "; ".join(_month_line(start, today, {g: sum(found.get(t, empty)[i].get(g, 0) for t in teams)
                                                    for g in GRADED}) for i, start in enumerate(starts))

    whose = "Every team" if len(team_ids) == len(services.directory.teams) else "Your teams"
    lines = [f"• **{services.directory.teams[team].name}**: {months([team])}" for team in shown]
    if len(team_ids) > 1 or len(shown) != 1:
        lines.append(f"• **{whose}**: {months(team_ids)}")
    head = (f"Grades month by month by team, {starts[0]:%B %Y} to {starts[-1]:%B %Y} (audits submitted, at their "
            "grade of record):")
    return [Reply(title="Grades by team, month by month", text="\n".join([head, *lines]),
                  note="A month with few audits moves a lot: read the counts. `digest last 6 months` has the "
                       "period's totals by team, `/audit areas` the grades by practice area.")]
