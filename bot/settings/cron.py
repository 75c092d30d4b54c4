"""Schedules from settings.yaml: five-field cron text with day NAMES, checked before APScheduler sees it.

Two traps are closed here rather than documented: APScheduler 3 counts Monday as day 0 (crontab counts
Sunday as 0, so `0 9 * * 1` would fire on Tuesday), and 01:00-03:00 local time is skipped or repeated on
the clock-change Sundays, so a job there fires twice or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOCK_CHANGE_HOURS = frozenset({1, 2})
_DAY_TOKEN = re.compile(r"^(\*|[a-z]{3}(-[a-z]{3})?)(/[1-9][0-9]*)?$")


class ScheduleError(ValueError):
    """A schedule in settings.yaml is wrong; the message names the file, the key and what is expected."""

    def __init__(self, name: str, expected: str, found: str) -> None:
        self.key = f"schedules.{name}"
        self.expected = expected
        super().__init__(f"settings.yaml: `{self.key}` must be {expected} (found {found!r}).")


@dataclass(frozen=True)
class CronSpec:
    """A checked schedule: the five fields as APScheduler takes them."""

    minute: str
    hour: str
    day: str
    month: str
    day_of_week: str

    def trigger(self, timezone: ZoneInfo) -> CronTrigger:
        """The trigger, always with an explicit zone: without one APScheduler uses the machine's."""
        return CronTrigger(minute=self.minute, hour=self.hour, day=self.day, month=self.month,
                           day_of_week=self.day_of_week, timezone=timezone)


FIELD_HINTS = {
    "minute": "a minute from 0 to 59 in the first field (or */N, a-b, a,b)",
    "hour": "an hour from 0 to 23 in the second field (or a-b, a,b)",
    "day": "a day of the month from 1 to 31 in the third field, or *",
    "month": "a month number from 1 to 12 in the fourth field, or *",
}


def _hours(trigger: CronTrigger) -> set[int]:
    """The hours a trigger can fire in, read from APScheduler's own parse of the hour field."""
    field = next(f for f in trigger.fields if f.name == "hour")
    hours: set[int] = set()
    for expression in field.expressions:  # AllExpression or RangeExpression: the hour field allows no others
        first = getattr(expression, "first", None)
        last = getattr(expression, "last", None)
        start = 0 if first is None else first
        end = last if last is not None else 23  # "*" and "5/2" run to the end of the day
        hours.update(range(start, end + 1, expression.step or 1))
    return hours


def parse_cron(name: str, text: object) -> CronSpec:
    """Check one `schedules.<name>` value and return its fields; raise ScheduleError saying what to write.

    APScheduler's CronTrigger parses the fields; what is checked here is what it would accept but should not
    be: day numbers (Monday is 0 there) and hours the clock changes skip or repeat.
    """
    example = '"0 9 * * mon" (minute hour day month day-of-week, with day names mon-sun)'
    if not isinstance(text, str):
        raise ScheduleError(name, f"cron text in quotes such as {example}", repr(text))
    fields = text.strip().lower().split()
    if len(fields) != 5:
        raise ScheduleError(name, f"five fields such as {example}", text)
    minute, hour, day, month, day_of_week = fields
    if any(ch.isdigit() for ch in day_of_week):
        raise ScheduleError(
            name,
            "day NAMES in the last field (mon, tue, ..., mon-fri), not numbers: APScheduler 3 counts Monday "
            "as 0, unlike crontab where 1 is Monday, so a number would fire on the wrong day",
            text,
        )
    if not all(_DAY_TOKEN.match(t) and all(p in DAY_NAMES for p in re.findall(r"[a-z]{3}", t))
               for t in day_of_week.split(",")):
        raise ScheduleError(name, "day names from mon, tue, wed, thu, fri, sat, sun (or *) in the last field", text)
    utc = ZoneInfo("UTC")
    for key, value in (("minute", minute), ("hour", hour), ("day", day), ("month", month)):
        try:
            CronTrigger(**{key: value}, timezone=utc)
        except (ValueError, TypeError):
            raise ScheduleError(name, FIELD_HINTS[key], text) from None
    spec = CronSpec(minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week)
    try:
        trigger = spec.trigger(utc)
    except (ValueError, TypeError) as exc:  # APScheduler's own checks (e.g. a range running backwards)
        raise ScheduleError(name, f"a schedule APScheduler accepts ({exc})", text) from None
    if _hours(trigger) & CLOCK_CHANGE_HOURS:
        raise ScheduleError(
            name,
            "outside 01:00-03:00 local time (hours 1 and 2), which the clock changes skip or repeat; "
            "pick an hour such as 9",
            text,
        )
    return spec
