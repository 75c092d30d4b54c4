"""Property: for any audits of a few cases (random grades, moderations, statuses and times across both clock
changes, random re-audit settings), the re-audits due are what a plain reading of the rule gives: per case, the
latest submitted audit that is not cancelled (a reopened one still counts), if its grade of record has an interval,
due that many weeks after its submission's London day, or the first working day after that when it is a weekend or an
England and Wales bank holiday (so never on one); under way when a never-submitted draft of the case was
started since. With a cut-off, only what was submitted (or started) before it counts. No clock is read: the
dates are data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.reaudits import counts_by_team, reaudits
from bot.settings.reaudit import ReauditSettings
from bot.storage.common import utc_text
from bot.storage.db import Storage
from bot.storage.demo_data import insert_audits, snapshot_checklist
from knowledge.checklist_schema import GRADES
from tests.support.digest_rows import CHECKLIST
from tests.support.examples import examples

LONDON = ZoneInfo("Europe/London")
BASE = datetime(2027, 3, 1, tzinfo=UTC)  # draws run to early 2028: both clock changes of 2027 fall inside
CASES = ("CR-200001", "CR-200002", "CR-200003")
TEAMS = ("north-assessment", "south-cin-cp")
LATE_EVENING = (22 * 60 + 30, 23 * 60, 23 * 60 + 30, 0, 30)  # minutes after midnight UTC
KINDS = ("submitted", "in_moderation", "moderated", "reopened", "draft", "cancelled", "cancelled_after_draft")


@dataclass(frozen=True)
class Drawn:
    case: str
    grade: str | None
    moderated: str | None
    kind: str
    started: datetime
    submitted: datetime | None  # None for a draft never submitted, or cancelled
    team: str


@st.composite
def drawn_audit(draw: st.DrawFn) -> Drawn:
    kind = draw(st.sampled_from(KINDS))
    # Times on a coarse grid, so two audits of a case are sometimes submitted at the same second (id decides), and
    # often late in the evening in UTC: in summer time that is already the next day in London.
    minute = draw(st.one_of(st.sampled_from(LATE_EVENING), st.integers(0, 47).map(lambda half_hours: 30 * half_hours)))
    started = BASE + timedelta(days=draw(st.integers(0, 350)), minutes=minute)
    submitted = (started + timedelta(days=draw(st.integers(0, 30)))
                 if kind in ("submitted", "in_moderation", "moderated", "reopened") else None)
    return Drawn(case=draw(st.sampled_from(CASES)), grade=draw(st.sampled_from((None, *GRADES))),
                 moderated=draw(st.sampled_from((None, *GRADES))) if kind == "moderated" else None, kind=kind,
                 started=started, submitted=submitted, team=draw(st.sampled_from(TEAMS)))


rules_drawn = st.builds(
    lambda weeks: ReauditSettings(tuple((g, w) for g, w in zip(GRADES, weeks, strict=True) if w is not None)),
    st.tuples(*(st.one_of(st.none(), st.integers(1, 104)) for _ in GRADES)))


@cache
def bank_holidays() -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=range(2026, 2031))


def working_day_from(day: date) -> date:
    """The plain reading: step a day at a time past Saturdays, Sundays and bank holidays."""
    while day.weekday() >= 5 or day in bank_holidays():
        day += timedelta(days=1)
    return day


@cache
def migrated() -> Storage:
    """One migrated in-memory database, copied for each example (migrating each time took most of the run)."""
    template = Storage(":memory:")
    template.migrate()
    return template


def store(audits: list[Drawn]) -> Storage:
    storage = Storage(":memory:")
    migrated().db.conn.backup(storage.db.conn)
    digest = snapshot_checklist(storage, CHECKLIST, BASE)
    rows, decisions = [], []
    for audit_id, audit in enumerate(audits, start=1):
        status = {"reopened": "draft", "cancelled_after_draft": "cancelled"}.get(audit.kind, audit.kind)
        rows.append((audit_id, "case-audit", digest, audit.case, "U0MGRN001", "U0PRAN001", audit.team, status,
                     "done", audit.grade, utc_text(audit.started), utc_text(audit.submitted or audit.started),
                     utc_text(audit.submitted) if audit.submitted else None, None))
        if audit.kind == "moderated" and audit.submitted is not None:
            decisions.append((audit_id, "U0QALEAD1", utc_text(audit.submitted),
                              utc_text(audit.submitted + timedelta(hours=1)), int(audit.moderated == audit.grade),
                              audit.moderated, "Because."))
    insert_audits(storage, rows, [], [], decisions)
    return storage


def expected(audits: list[Drawn], rules: ReauditSettings,
             before: datetime | None) -> set[tuple[str, int, date, int | None]]:
    """The rule read plainly, on the drawn data."""
    def counts(audit: Drawn) -> bool:
        return audit.submitted is not None and (before is None or audit.submitted < before)

    found = set()
    for case in CASES:
        submitted = [(a.submitted, audit_id, a) for audit_id, a in enumerate(audits, start=1)
                     if a.case == case and counts(a)]
        if not submitted:
            continue
        when, latest_id, latest = max(submitted, key=lambda row: (row[0], row[1]))
        weeks = dict(rules.weeks_by_grade).get((latest.moderated or latest.grade) or "")
        if weeks is None:
            continue
        drafts = [audit_id for audit_id, a in enumerate(audits, start=1)
                  if a.case == case and a.kind == "draft" and a.started >= when
                  and (before is None or a.started < before)]
        due = working_day_from(when.astimezone(LONDON).date() + timedelta(weeks=weeks))
        found.add((case, latest_id, due, min(drafts, default=None)))
    return found


@settings(max_examples=examples(60), deadline=None)
@given(audits=st.lists(drawn_audit(), max_size=12), rules=rules_drawn,
       cutoff=st.one_of(st.none(), st.integers(0, 380 * 48)))
def test_the_due_list_is_the_plain_rule_on_any_audits(audits: list[Drawn], rules: ReauditSettings,
                                                      cutoff: int | None) -> None:
    before = None if cutoff is None else BASE + timedelta(minutes=30 * cutoff + 15)
    storage = store(audits)
    try:  # the clock is pinned far from the drawn dates: the due dates must not depend on it
        with time_machine.travel(datetime(2031, 6, 1, 12, 0, tzinfo=UTC), tick=False):
            due = reaudits(storage, rules, LONDON, before=before)
    finally:
        storage.close()
    assert all(r.due.weekday() < 5 and r.due not in bank_holidays() for r in due)  # never a weekend or bank holiday
    assert {(r.case_ref, r.audit.id, r.due, r.under_way) for r in due} == expected(audits, rules, before)
    assert [r.due for r in due] == sorted(r.due for r in due)  # soonest (so the overdue) first
    today = BASE.date() + timedelta(days=200)
    by_team = counts_by_team(due, today)
    assert sum(overdue for _, overdue in by_team.values()) == sum(today > r.due for r in due)
    assert sum(soon for soon, _ in by_team.values()) == sum(today <= r.due < today + timedelta(days=14) for r in due)
