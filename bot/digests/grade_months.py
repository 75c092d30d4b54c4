"""Grades month by month, asked in words: "are grades getting better across the service since september?".

Trial 35: a principal social worker's question went onto the QA leads' unanswered list. Each month's audits
submitted, at their grade of record (the moderator's once moderated), across the teams the reader may see, from the
month named (the 3 months before this one unless one is said) to this month so far.
"""

from __future__ import annotations

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
