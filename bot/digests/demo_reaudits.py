"""Re-audits in the demo data, so `/audit reaudits outcomes`, `/audit compare`, the digest and the Home tab have
something to show (trial 27: the demo held none, so "No re-audits were submitted" beside 21 overdue).

After the weeks of invented audits are stored, some of the invented cases due for re-audit (overdue, or due in the
next two weeks, as bot.core.reaudits says) are audited again by their team's manager (now and then a QA lead), with
the checklist the earlier audit used: most better, some the same, one or two worse. Each re-audit is dated at least
3 weeks after the audit that asked for it, within the 3 months the outcomes count, and recently enough that its own
grade does not make the case overdue again. One falls in the last complete week, the week the default digest shows.
It is an audit like the others (bot.digests.demo_answers, checked against the audit rules), unmoderated, and drawn
from its own seeded random stream, so the weeks' audits are the same as without it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from bot.core.agreement import last_complete_week
from bot.core.calendar import is_working_day
from bot.core.reaudits import DUE_SOON, Reaudit, reaudits
from bot.core.services import Services
from bot.digests.demo_answers import answer_rows, asked, check_rules, grade_reason, invented_actions, notes_of
from bot.storage.audits import AuditRow, checklist_version
from bot.storage.common import parse_utc, utc_text
from bot.storage.demo_data import insert_audits, next_action_id, next_audit_id
from knowledge.checklist_schema import GRADES

SHARE = 0.6  # of the cases due, the share re-audited
EARLIEST = timedelta(weeks=3)  # a re-audit comes at least this long after the audit that asked for it
LOOKBACK = timedelta(weeks=12)  # inside the 3 months `/audit reaudits outcomes` counts
SAME_EVERY = 4  # every 4th re-audit keeps the grade (after the one or two that get worse)


@dataclass(frozen=True)
class ReauditSummary:
    """What was added: audits and actions, and how the re-audits' grades moved (for the progress line)."""

    audits: int = 0
    actions: int = 0
    improved: int = 0
    same: int = 0
    worse: int = 0
    this_week: tuple[int, int] = (0, 0)  # (audits, actions) of them dated this week so far, for its progress line


def candidates(services: Services, today: date) -> list[Reaudit]:
    """Invented cases overdue or due within two weeks whose re-audit can come 3 weeks after the audit asking for
    it, soonest due first. Left out: real cases (never given an invented audit), a re-audit already under way, and
    an audit a moderator regraded, whose pair `/audit compare` may not be able to judge beside an unmoderated one."""
    zone = services.settings.timezone
    return [item for item in reaudits(services.storage, services.settings.reaudit, zone)
            if item.audit.demo and not item.audit.regraded and item.under_way is None
            and item.due < today + DUE_SOON and _day_of(item.audit, zone) + EARLIEST <= today]


def chosen_cases(due: list[Reaudit], rng: random.Random) -> list[Reaudit]:
    """About SHARE of the cases due, in the order given, and always one that can get worse when any can (one graded
    better than Inadequate), so the demo shows a re-audit that found practice worse whatever the seed."""
    chosen = [item for item in due if rng.random() < SHARE]
    if not any(_can_worsen(item) for item in chosen):
        worsening = next((item for item in due if _can_worsen(item)), None)
        chosen = sorted([*chosen, worsening], key=due.index) if worsening is not None else chosen
    return chosen


def _can_worsen(item: Reaudit) -> bool:
    return item.audit.grade_of_record in GRADES[:-1]


def planned_grades(chosen: list[Reaudit], rng: random.Random) -> list[str]:
    """Each chosen re-audit's grade: the first one (two when 8 or more) that can get worse does, every 4th of the
    others keeps its grade, and the rest improve by one grade or, now and then, two."""
    worse_left = 1 if len(chosen) < 8 else 2
    grades = []
    for item in chosen:
        rank = GRADES.index(item.audit.grade_of_record or GRADES[-1])
        if worse_left and _can_worsen(item):
            worse_left -= 1
            grades.append(GRADES[rank + 1])
        elif len(grades) % SAME_EVERY == SAME_EVERY - 1 or rank == 0:
            grades.append(GRADES[rank])
        else:
            grades.append(GRADES[max(0, rank - (2 if rng.random() < 0.3 else 1))])
    return grades


def add_reaudits(services: Services, seed: int, qa_leads: list[str]) -> ReauditSummary:
    """Re-audit some of the invented cases due (see the module) and store them marked as demo data."""
    rng = random.Random(f"reaudits-{seed}")
    now = services.clock()
    today = now.astimezone(services.settings.timezone).date()
    chosen = chosen_cases(candidates(services, today), rng)
    audits: list[tuple[Any, ...]] = []
    answers: list[tuple[Any, ...]] = []
    actions: list[tuple[Any, ...]] = []
    moved = {"improved": 0, "same": 0, "worse": 0}
    this_week = [0, 0]
    ids = (next_audit_id(services.storage), next_action_id(services.storage))
    week: date | None = last_complete_week(today)  # the week the default digest shows: one re-audit is put in it
    for item, grade in zip(chosen, planned_grades(chosen, rng), strict=True):
        day = _reaudit_day(services, rng, (item.audit, grade), today, week)
        if day is not None and week is not None and week <= day < week + timedelta(weeks=1):
            week = None  # placed: the others fall where they may
        made = None if day is None else _reaudit(services, rng, (item.audit, grade, day),
                                                 (ids[0] + len(audits), ids[1] + len(actions)), qa_leads)
        if made is None:
            continue
        audits.append(made[0])
        answers += made[1]
        actions += made[2]
        if day is not None and day >= today - timedelta(days=today.weekday()):
            this_week = [this_week[0] + 1, this_week[1] + len(made[2])]
        before, after = GRADES.index(item.audit.grade_of_record or ""), GRADES.index(grade)
        moved["improved" if after < before else "worse" if after > before else "same"] += 1
    insert_audits(services.storage, audits, answers, actions, [], demo=True)
    return ReauditSummary(len(audits), len(actions), **moved, this_week=(this_week[0], this_week[1]))


def _day_of(audit: AuditRow, zone: tzinfo) -> date:
    return parse_utc(audit.submitted_at or "").astimezone(zone).date()


def _reaudit_day(services: Services, rng: random.Random, planned: tuple[AuditRow, str], today: date,
                 week: date | None) -> date | None:
    """For `planned` = (earlier audit, the re-audit's grade): a working day from 3 weeks after the earlier audit to
    today, within LOOKBACK, and late enough that a grade asking for another re-audit leaves it due after today; in
    the week from Monday `week` when one of those days is, so the default digest has a re-audit to tell of; None
    when no day fits."""
    earlier, grade = planned
    weeks = services.settings.reaudit.weeks(grade)
    age = min(LOOKBACK, timedelta(weeks=weeks - 1)) if weeks else LOOKBACK
    first = max(_day_of(earlier, services.settings.timezone) + EARLIEST, today - age)
    days = [first + timedelta(days=n) for n in range((today - first).days + 1)
            if is_working_day(first + timedelta(days=n))]
    that_week = [day for day in days if week is not None and week <= day < week + timedelta(weeks=1)]
    return rng.choice(that_week or days) if days else None


def _reaudit(services: Services, rng: random.Random, planned: tuple[AuditRow, str, date], ids: tuple[int, int],
             qa_leads: list[str]) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]] | None:
    """(audit row, answer rows, action rows) of a re-audit, `planned` = (earlier audit of the case, grade, day),
    numbered from `ids` = (audit id, first action id), mostly by the team's manager (never the worker); None when
    the case's team has left teams.yaml."""
    earlier, grade, day = planned
    tz, now = services.settings.timezone, services.clock()
    today = now.astimezone(tz).date()
    team = services.directory.teams.get(earlier.team_id or "")
    if team is None:
        return None
    worker = earlier.worker_id or ""
    managers = [uid for uid in (team.manager_ids or team.member_ids) if uid != worker]
    leads = [uid for uid in qa_leads if uid != worker]
    # As with the weeks' audits: mostly the team's manager, now and then a QA lead.
    auditor = rng.choice(managers if managers and (rng.random() < 0.75 or not leads) else leads or qa_leads)
    submitted = min(datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59)), tzinfo=tz), now)
    started = submitted - timedelta(hours=rng.randint(1, 30))
    checklist = checklist_version(services.storage, earlier.checklist_hash)
    questions = [q for section in checklist.to_content()["sections"] for q in section["questions"]]
    rows = asked(checklist, answer_rows(questions, GRADES.index(grade), rng, day,
                                        (ids[0], auditor, utc_text(started))))
    reason = grade_reason(checklist, rows, grade, f"reaudit:{ids[0]}")
    actions = invented_actions(rng, (ids[1], ids[0]), max(rng.choice((0, 1, 1, 2)), int(grade == "inadequate")),
                               day, today, tz, (worker, auditor, utc_text(submitted)))
    check_rules(checklist, rows, grade, reason, len(actions))
    audit = (ids[0], earlier.checklist_id, earlier.checklist_hash, earlier.case_ref, auditor, earlier.worker_id,
             earlier.team_id, "submitted", "done", grade, utc_text(started), utc_text(submitted), utc_text(submitted),
             None, reason, *notes_of(f"reaudit:{ids[0]}", grade, rows))
    return audit, rows, actions
