"""Timescales as data: an entry's `due:` rules, so a question that gives a date gets the date something is due.

Trial 18 (HIGH): "strategy discussion was on 1/12/2026, when does the icpc have to be by?" got the rule ("within 15
working days…") and never the date, and the practitioner counted working days by hand. An entry may now say, in
`due:`, what falls due, counted from what, and within how long:

    due:
      - what: the initial child protection conference
        from: the strategy discussion that started section 47 enquiries
        within: 15 working days

`within` is a whole number of working days, days, weeks or months. Working days leave out weekends and bank
holidays in England, and the day that starts the clock is day 0, as the knowledge base's own entry on counting
working days says. A month is the same day of the month that many months on (the last day of a shorter month).
`kb check` refuses a rule it cannot read, naming the field and showing the form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledge.dates import bank_holidays, dates_in, day_off, long_date
from knowledge.fields import type_name

RULE_FIELDS = ("what", "from", "within")
UNITS = ("working days", "days", "weeks", "months")
_WITHIN = re.compile(r"(\d{1,3}) (working day|day|week|month)s?")
EXAMPLE = ("`due: [{what: the first core group meeting, from: the initial child protection conference, "
           "within: 10 working days}]`")
MAX_RULES = 5


@dataclass(frozen=True)
class DueRule:
    """One timescale of an entry: `what` falls due `count` `unit` after `start` (the event that starts the clock)."""

    what: str
    start: str
    count: int
    unit: str  # one of UNITS

    @property
    def within(self) -> str:
        """'15 working days', '1 week', as the rule is said back."""
        unit = self.unit if self.count != 1 else self.unit[:-1]
        return f"{self.count} {unit}"

    def due_by(self, started: dt.date) -> dt.date:
        """The day `what` is due when `start` happened on `started`."""
        if self.unit == "working days":
            return bank_holidays().get_nth_working_day(started, self.count) if self.count else started
        if self.unit == "days":
            return started + dt.timedelta(days=self.count)
        if self.unit == "weeks":
            return started + dt.timedelta(weeks=self.count)
        month_index = started.year * 12 + started.month - 1 + self.count
        year, month = divmod(month_index, 12)
        return dt.date(year, month + 1, min(started.day, calendar.monthrange(year, month + 1)[1]))


def read_within(text: str) -> tuple[int, str] | None:
    """'15 working days' -> (15, 'working days'); None for anything else."""
    match = _WITHIN.fullmatch(" ".join(text.lower().split()))
    if match is None:
        return None
    return int(match.group(1)), match.group(2) + "s"


def parse_due(value: Any, label: str, problem: Callable[[str], None]) -> tuple[DueRule, ...]:
    """An entry's `due:` list as rules; each problem told through `problem` in words a QA lead can act on, and the
    rules that could be read returned all the same (any problem refuses the folder, as with every field)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        problem(f"`due:` of {label} must be a list of rules, like {EXAMPLE}; found {type_name(value)}.")
        return ()
    if len(value) > MAX_RULES:
        problem(f"`due:` of {label} has {len(value)} rules; keep to {MAX_RULES} at most, the ones people ask about.")
    rules = []
    for number, item in enumerate(value, start=1):
        rule = _rule(item, f"rule {number} under `due:` of {label}", problem)
        if rule is not None:
            rules.append(rule)
    return tuple(rules)


def _rule(item: Any, where: str, problem: Callable[[str], None]) -> DueRule | None:
    if not isinstance(item, dict):
        problem(f"{where} must be a mapping with `what:`, `from:` and `within:`, like {EXAMPLE}; "
                f"found {type_name(item)}.")
        return None
    unknown = [str(key) for key in item if key not in RULE_FIELDS]
    if unknown:
        problem(f"{where} has an unknown field `{unknown[0]}`; a rule has only `what:`, `from:` and `within:`.")
    texts = {}
    for key in RULE_FIELDS:
        text = item.get(key)
        if isinstance(text, int) and key == "within":
            problem(f"{where} has `within: {text}` with no unit; write it like `within: {text} working days` "
                    f"(units: {', '.join(UNITS)}).")
            return None
        if not isinstance(text, str) or not text.strip():
            problem(f"{where} has no `{key}:`; {_MEANS[key]}")
            return None
        texts[key] = " ".join(text.split())
    within = read_within(texts["within"])
    if within is None:
        problem(f"{where} has `within: {texts['within']}`, which is not a whole number and a unit; write it like "
                f"`within: 15 working days` (units: {', '.join(UNITS)}).")
        return None
    return DueRule(texts["what"], texts["from"], *within)


_MEANS = {"what": "say what falls due, like `what: the first core group meeting`.",
          "from": "say what starts the clock, like `from: the initial child protection conference`.",
          "within": "say how long, like `within: 10 working days`."}


def due_lines(rules: tuple[DueRule, ...], question: str, today: dt.date) -> tuple[dt.date, list[str], bool] | None:
    """The due dates of `rules` counted from the first day written in `question`: that day, one line per rule saying
    what it assumes ("If Tuesday 1 December 2026 was the strategy discussion…: … is due by **Tuesday 22 December
    2026** (15 working days, …)."), and whether the question gave more than one day. None without rules or a day.
    The chat (bot.asking.due_dates) and `audit-bot ask` say the same."""
    if not rules:
        return None
    days = dates_in(question, today)
    if not days:
        return None
    return days[0], [_line(rule, days[0], today) for rule in rules], len(days) > 1


def _day_off_warning(due: dt.date) -> str:
    """When `due` is no working day, the working day before it, named, and the bank holidays that put it further
    back: trial 25 was told "plan for the working day before" for Saturday 2 January 2027, which is Thursday 31
    December, as Friday 1 January is New Year's Day."""
    off = day_off(due, dt.date.min)
    if off is None:
        return ""
    calendar_of_days = bank_holidays()
    skipped = [day for day in (off.instead + dt.timedelta(days=n) for n in range(1, (due - off.instead).days))
               if day.weekday() < 5 and calendar_of_days.get(day)]
    since = "; ".join(f"{long_date(day)} is {_holiday(str(calendar_of_days.get(day)))}, a bank holiday"
                      for day in skipped)
    return (f" That is {off.what}, so plan for the working day before: **{long_date(off.instead)}**"
            f"{f' ({since})' if since else ''}.")


def _holiday(name: str) -> str:
    """A bank holiday's name as a sentence says it: "New Year's Day", "the substitute day for Boxing Day"."""
    return re.sub(r"^(.*) \(observed\)$", r"the substitute day for \1", name)


def _line(rule: DueRule, started: dt.date, today: dt.date) -> str:
    due = rule.due_by(started)
    counted = f"{rule.within}, not counting weekends or bank holidays" if rule.unit == "working days" \
        else rule.within
    warning = "" if rule.unit == "working days" else _day_off_warning(due)
    passed = " That date has passed." if due < today else ""
    return (f"• If {long_date(started)} was {rule.start}: {rule.what} is due by **{long_date(due)}** ({counted})."
            f"{warning}{passed}")
