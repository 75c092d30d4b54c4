"""Monthly audit targets and the month they count in: read by the Home tab and the quota reminders."""

from __future__ import annotations

from datetime import date, datetime, time

from bot.core.services import Services


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
