"""Monthly audit targets and the month they count in: read by the Home tab, the quota reminders and a question
about one's own progress ("am I on track with my audits?")."""

from __future__ import annotations

from datetime import date, datetime, time

from bot.core.markup import bold
from bot.core.replies import count_of
from bot.core.services import Services
from bot.storage.reports.home import completed_by


def audit_targets(services: Services) -> dict[str, int]:
    """Each auditor's monthly target from teams.yaml (the highest, for someone in several teams)."""
    targets: dict[str, int] = {}
    for team in services.directory.teams.values():
        for member in team.members:
            targets[member.user_id] = max(targets.get(member.user_id, 0), member.audit_target)
    return targets


def month_bounds(day: date, services: Services) -> tuple[datetime, datetime]:
    """The local calendar month holding `day`, as aware datetimes for UTC comparisons."""
    tz = services.settings.timezone
    start = datetime.combine(day.replace(day=1), time(0), tzinfo=tz)
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return start, datetime.combine(following, time(0), tzinfo=tz)


def month_so_far(services: Services, user_id: str, today: date) -> tuple[int, int]:
    """This person's audits completed in the month holding `today`, and their monthly target (0: none set)."""
    start, end = month_bounds(today, services)
    return completed_by(services.storage, user_id, start, end), audit_targets(services).get(user_id, 0)


def month_said(done: int, target: int) -> str:
    """The month's line as Home shows it, so a typed question and the Home tab say the same figure."""
    month = f"{bold('This month')}: {count_of(done, 'audit')} completed"
    if target:  # trial 23: "3 audits completed of your 2"
        month += (f", against your target of {target} (met)" if done >= target
                  else f", against your target of {target} ({target - done} to go)")
    return month
