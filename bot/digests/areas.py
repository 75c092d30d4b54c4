"""Grades by practice area: `/audit areas [period] [team]`, each checklist's audits and grades, the highest share
graded Requires improvement or Inadequate first.

Trials 35 and 33: a principal social worker's "which practice areas are most often graded RI or inadequate?" got a
list of knowledge-base options, and `list team ri neglect` "There is no team ri neglect"; only the command-line export
broke grades down by checklist. Read only; counted as the digests count grades (the grade of record: the moderator's
once an audit is moderated), over the audits submitted in the period (the last 12 weeks unless one is said), for the
teams whose digest the reader may read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core import policy
from bot.core.periods import Period, read_period
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.core.teams import TeamRead, noted, readable_team
from bot.digests.render import count_share
from bot.engine.near_miss import TEAM
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
from bot.settings.people import Role
from bot.storage.reports import areas as store
from knowledge.checklist_schema import GRADE_LABELS, GRADES
from knowledge.dates import short_date

DEFAULT_WEEKS = 12  # the digest's trend span: long enough for a checklist to have a handful of audits
WORST = ("requires_improvement", "inadequate")
USAGE = "/audit areas [this quarter | <month> | last month | q3] [team]"
_PERIOD = r"(?:(?:this|last|previous)\s+(?:month|quarter)|q[1-4](?:\s+20\d\d)?|[a-z]{3,9}(?:\s+20\d\d)?)"
TYPED = rf"(?:{_PERIOD}(?:\s+{TEAM})?|{TEAM})?"


@dataclass(frozen=True)
class Area:
    """One checklist's audits in the period: how many, and how many at each grade of record."""

    title: str
    grades: dict[str, int]

    @property
    def audits(self) -> int:
        return sum(self.grades.values())

    @property
    def graded(self) -> int:
        return sum(self.grades.get(grade, 0) for grade in GRADES)

    @property
    def worst(self) -> int:
        return sum(self.grades.get(grade, 0) for grade in WORST)

    def order(self) -> tuple[float, int, str]:
        """Highest share graded RI or Inadequate first, then the most audits, then by name."""
        return (-(self.worst / self.graded) if self.graded else 1.0, -self.audits, self.title)


def last_weeks(today: date) -> Period:
    """The default period: the last 12 weeks to today."""
    return Period(today - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1), today, f"the last {DEFAULT_WEEKS} weeks",
                  so_far=True)


def _local(day: date, services: Services) -> datetime:
    return datetime.combine(day, time(0), tzinfo=services.settings.timezone)


def areas(services: Services, period: Period, team_ids: list[str], only: str = "") -> list[Area]:
    """Each checklist's grades over `period` for `team_ids`, worst share first; `only`: the checklists whose id or
    title has that word (`neglect`), all when empty."""
    found = store.grades_by_checklist(services.storage, _local(period.start, services),
                                      _local(period.end + timedelta(days=1), services), team_ids)
    checklists = services.live_knowledge().current.kb.checklists
    word = only.strip().lower()
    titled = {cid: checklists[cid].title if cid in checklists else cid for cid in found}
    return sorted((Area(titled[cid], grades) for cid, grades in found.items()
                   if not word or word in titled[cid].lower() or word in cid), key=Area.order)


def _line(area: Area) -> str:
    grades = ", ".join(f"{GRADE_LABELS[g]} {area.grades[g]}" for g in reversed(GRADES) if area.grades.get(g))
    ungraded = area.audits - area.graded
    rest = f"; {ungraded} not graded" if ungraded else ""
    share = count_share(area.worst, area.graded) if area.graded else "none graded"
    return f"• **{area.title}**: {count_of(area.audits, 'audit')}, RI or Inadequate {share} ({grades or 'none'}{rest})"


def report(services: Services, period: Period, team_ids: list[str], heading: str, only: str = "") -> list[Reply]:
    """The breakdown as one reply, its period said as dates; what to type for another period or team below it."""
    found = areas(services, period, team_ids, only)
    span = f"{short_date(period.start)} to {short_date(period.end)}" + (", so far" if period.so_far else "")
    about = f" ({only.strip()})" if only.strip() else ""
    head = (f"**{heading}, {period.label}**{about} ({span}): {count_of(sum(a.audits for a in found), 'audit')} "
            "submitted, by checklist, the highest share graded Requires improvement or Inadequate first.")
    lines = [_line(area) for area in found] or ["No audits were submitted in these dates."]
    return [Reply(title="Grades by practice area", text="\n".join([head, *lines]),
                  note="Each audit once, at its grade of record (the moderator's once moderated), as the digests "
                       "count. `/audit areas last quarter`, `/audit areas november south` for another period or team; "
                       "`/audit list team <team> ri` lists the audits.")]


def _split(text: str, today: date) -> tuple[Period, str]:
    """(the period the words start with, else the last 12 weeks; the words after it)."""
    words = text.split()
    for size in (3, 2, 1):
        period = read_period(" ".join(words[:size]), today) if len(words) >= size else None
        if period is not None:
            return period, " ".join(words[size:])
    return last_weeks(today), text


def command(services: Services, turn: Turn, args: str, only: str = "") -> list[Reply]:
    """`/audit areas [period] [team]` for the teams whose digest the reader may read."""
    allowed = policy.digest_teams(services.directory, turn.person)
    if not allowed:
        raise AccessDenied("Grades by practice area are for team managers, QA leads and admins, as the digest is. "
                           "Ask your team manager.")
    period, team_text = _split(args, services.local_now().date())
    every_team = policy.sees_every_team(turn.person)
    if team_text.strip():
        team: TeamRead = readable_team(services, None if every_team else allowed, team_text, "see its grades")
        return noted(team, report(services, period, [team.id], team.said, only), own_line=True)
    heading = "Every team" if every_team else "Your teams"
    return report(services, period, list(services.directory.teams) if every_team else allowed, heading, only)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit areas`."""
    engine.add_command(
        "areas", lambda turn, args: command(services, turn, args),
        "grades by practice area (checklist): each one's audits and grades, the most often graded RI or "
        "Inadequate first, over the last 12 weeks or a month or quarter (`this quarter`, `november`), for a team "
        "or all you may see", usage=USAGE, roles=[Role.MANAGER, Role.QA_LEAD, Role.ADMIN],
        who_can="team managers, QA leads and admins", typed=TYPED,
    )
