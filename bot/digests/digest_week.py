"""Which week a plain `digest` shows, one rule for it and for `themes` with no period (trial 55 F12: the digest's
"top themes" counted 9 Nov to 6 Dec, `themes` 16 Nov to 7 Dec, and a leader got two different top 3s)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.core.agreement import last_complete_week
from bot.core.calendar import is_working_day
from bot.core.services import Services


def week_over(services: Services, local: datetime) -> bool:
    """Whether no working time is left in this week (Monday to Sunday): no working day after today, and today is not
    one or its working hours (the service's `quiet_hours`, as held DMs wait for) have ended: a Friday evening, a
    weekend, a Friday bank holiday. Then `digest` gives this week, whose audits are all in, not the week before it."""
    today = local.date()
    ended = local.time() >= services.settings.quiet_hours[1]
    days = [today + timedelta(days=n) for n in range(7 - today.weekday())]
    return not any(is_working_day(day) and (day > today or not ended) for day in days)


def digest_week(services: Services, local: datetime) -> date:
    """The Monday of the week a plain `digest` shows: this week once its working time is over, else the last
    complete week."""
    today = local.date()
    return today - timedelta(days=today.weekday()) if week_over(services, local) else last_complete_week(today)
