"""Re-audits due: the one owner of when a case graded poorly must be audited again, and whether that is overdue.

A case is due for re-audit when its latest submitted audit has a grade of record (the moderator's once moderated)
that settings.yaml's `reaudit:` gives an interval, and no later audit of the case has been submitted: the due date
is that audit's submission day, in the service's timezone, plus the interval, moved to the next working day when
that falls on a weekend or bank holiday (bot.core.calendar); it is overdue from the day after. A late regrading
moderation neither hides an overdue re-audit nor makes one overdue at once (`due_by`).
A draft started since then is the re-audit under way. `/audit reaudits`, the Home tab, the digest and the
"audited before" heads-up all ask here, so they never disagree about a date.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from bot.core.calendar import working_day_on_or_after
from bot.settings.reaudit import ReauditSettings
from bot.storage import reaudits as store
from bot.storage.audits import AuditRow
from bot.storage.common import parse_utc
from bot.storage.db import Storage

DUE_SOON = timedelta(weeks=2)  # the digest's "due in the next 2 weeks": today and the 13 days after it


@dataclass(frozen=True)
class Reaudit:
    """A case due for re-audit: the audit that asks for it, the day it is due by, and the draft re-audit if one
    has been started."""

    audit: AuditRow
    due: date
    under_way: int | None = None

    @property
    def case_ref(self) -> str:
        return self.audit.case_ref

    def overdue(self, today: date) -> bool:
        """Overdue once the due day has passed (a re-audit on the due day itself is on time)."""
        return today > self.due

    def due_soon(self, today: date) -> bool:
        """Not yet overdue, and due within DUE_SOON of `today` (the digest's count)."""
        return today <= self.due < today + DUE_SOON


def due_date(submitted_at: datetime, weeks: int, zone: tzinfo) -> date:
    """The submission's calendar day where the service is, plus whole weeks: an audit submitted at 00:30 on a
    summer Sunday (23:30 on Saturday in UTC) counts from that Sunday, the day the auditor saw. A re-audit is work
    done on a working day, so a day that falls on a weekend or bank holiday moves to the next working day (an audit
    submitted on a Sunday, or moderated six weeks before Easter Monday, is due on the Monday or the Tuesday)."""
    return working_day_on_or_after(submitted_at.astimezone(zone).date() + timedelta(weeks=weeks))


def due_by(audit: AuditRow, rules: ReauditSettings, zone: tzinfo) -> date | None:
    """The day the case's re-audit is due by, or None when its grade of record needs none: the submission day plus
    the grade of record's interval. A moderator's different grade changes the interval, counted still from the
    submission, with two limits: a re-audit already overdue by the auditor's grade when the moderator decided stays
    due on that day (trial 40: an Inadequate overdue since 2 November, moderated RI in December, read "due by 1
    March" and left the overdue list), and one that the new grade would make overdue at once is due by the earlier
    of the auditor's grade's day and the interval counted from the moderation (trial 23: a moderator's Inadequate on
    an audit submitted in September was overdue by weeks the moment it was moderated)."""
    weeks = rules.weeks(audit.grade_of_record)
    if weeks is None or audit.submitted_at is None:
        return None
    submitted = parse_utc(audit.submitted_at)
    due = due_date(submitted, weeks, zone)
    if not (audit.regraded and audit.moderated_at):
        return due
    moderated = parse_utc(audit.moderated_at)
    decided_on = moderated.astimezone(zone).date()
    before = rules.weeks(audit.overall_grade)
    owed = due_date(submitted, before, zone) if before is not None else None
    if owed is not None and owed < decided_on:
        return owed
    if due >= decided_on:
        return due
    return min(d for d in (owed, due_date(moderated, weeks, zone)) if d is not None)


def reaudits(storage: Storage, rules: ReauditSettings, zone: tzinfo, *, people: Collection[str] | None = None,
             teams: Collection[str] | None = None, case_ref: str | None = None,
             before: datetime | None = None) -> list[Reaudit]:
    """Every case due for re-audit within the scope (see bot.storage.reaudits for `people`, `teams`, `before`),
    soonest due first, so the overdue ones (due earliest) lead; who may see each is for the caller to ask
    bot.core.policy."""
    found = []
    for audit, draft in store.latest_submitted_needing_reaudit(storage, rules.grades, people=people, teams=teams,
                                                               case_ref=case_ref, before=before):
        due = due_by(audit, rules, zone)
        if due is not None:
            found.append(Reaudit(audit, due, draft))
    return sorted(found, key=lambda item: (item.due, item.case_ref, item.audit.id))


def due_for_case(storage: Storage, rules: ReauditSettings, zone: tzinfo, case_ref: str) -> Reaudit | None:
    """The re-audit this (canonical) case reference is due for, if any."""
    found = reaudits(storage, rules, zone, case_ref=case_ref)
    return found[0] if found else None


def counts_by_team(items: Iterable[Reaudit], today: date) -> dict[str, tuple[int, int]]:
    """team id -> (due in the next DUE_SOON, overdue) as at `today`; the team is the latest audit's."""
    counts: dict[str, tuple[int, int]] = {}
    for item in items:
        soon, overdue = counts.get(item.audit.team_id or "", (0, 0))
        counts[item.audit.team_id or ""] = (soon + item.due_soon(today), overdue + item.overdue(today))
    return counts
