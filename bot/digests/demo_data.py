"""Invented audits so a new user sees digests and the dashboard at once (`audit-bot demo-data`).

Teams and staff come from teams.yaml, checklists from knowledge/checklists/*.yaml (snapshotted exactly as
the audit flow does), case references are invented (CR-104233), and practice improves over the weeks so
the trend chart has something to say. No names anywhere: staff are Slack ids with their teams.yaml labels. Some of
the cases due for re-audit are then re-audited (bot.digests.demo_reaudits), so re-audit outcomes can be tried.

Every invented audit is held to the rules a person's audit is (bot.core.audit_rules.submission_breaks) before it is
stored: each grade has its evidence note, a grade other than the one the answers suggest has a reason, an Inadequate
one has an action, and an immediate concern is raised only on an audit graded Inadequate (a review found grades
with no evidence note, and a Good audit carrying an immediate safeguarding concern).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.core import policy
from bot.core.agreement import last_complete_week
from bot.core.calendar import is_working_day
from bot.core.replies import count_of
from bot.core.services import Services
from bot.digests.demo_answers import answer_rows, asked, check_rules, grade_reason, invented_actions, notes_of
from bot.digests.demo_reaudits import add_reaudits
from bot.settings.people import Role
from bot.storage.common import utc_text
from bot.storage.demo_data import (
    accept_demo_moderations,
    insert_audits,
    next_action_id,
    next_audit_id,
    snapshot_checklist,
)
from knowledge.checklist_schema import GRADES

START_MIX = (0.05, 0.35, 0.40, 0.20)
END_MIX = (0.12, 0.52, 0.28, 0.08)


# Demo moderations decided within this long of the run are left waiting for the auditor's response (Accept or
# Respond); older ones are accepted, as most are in a running service.
STILL_OPEN = timedelta(days=4)

@dataclass(frozen=True)
class DemoSummary:
    audits: int
    actions: int
    moderations: int
    checklists: int
    reaudits: int = 0  # of the audits, those re-auditing an invented case due for one


def checklist_contents(services: Services) -> list[dict[str, Any]]:
    """Every live checklist, in the JSON shape audits snapshot (read through the one knowledge service)."""
    return [checklist.to_content() for checklist in services.live_knowledge().current.kb.checklists.values()]


def _mix(progress: float) -> list[float]:
    return [a + (b - a) * progress for a, b in zip(START_MIX, END_MIX, strict=True)]


AGREED_REASON = "The evidence in the record supports the auditor's grade."
REGRADED_REASON = "Evidence supports a different grade."


@dataclass(frozen=True)
class _Parties:
    """What the moderation policy asks about an audit (bot.core.policy.AuditParties)."""

    auditor_id: str
    worker_id: str | None
    team_id: str | None
    status: str = "submitted"
    submitted_at: object = "submitted"  # a stand-in: only whether it was submitted counts


def _moderator(services: Services, rng: random.Random, qa_leads: list[str], auditor: str, worker: str,
               team_id: str) -> str | None:
    """A moderator the bot's policy allows for this audit (never its auditor, the worker or the team's manager):
    a QA lead where one may, else anyone in teams.yaml who may; None when nobody may (it stays unmoderated)."""
    directory = services.directory
    audit = _Parties(auditor, worker, team_id)
    allowed = [uid for uid in qa_leads if policy.may_moderate(directory, directory.person(uid), audit)]
    if not allowed:
        allowed = [uid for uid in directory.ids_with_role(*Role)
                   if policy.may_moderate(directory, directory.person(uid), audit)]
    return rng.choice(allowed) if allowed else None


# Over 60 lines on purpose: one seeded random stream draws every invented week in order; split into parts, the
# order of draws (and so the demo figures people and tests compare against) would be easy to change by accident.
def generate(services: Services, weeks: int = 12, seed: int = 7,
             progress: Callable[[str], None] = lambda _line: None) -> DemoSummary:
    """Fill the database with `weeks` weeks of invented audits up to today; returns what was added.

    The weeks are the `weeks` complete weeks the default digest and its chart show (ending with the last complete
    week), plus this week so far for drafts and the Home tab, so the chart has no empty weeks at either end.
    """
    # Long because every invented audit is drawn from one seeded random stream in a fixed order: split up, that order
    # (and so the demo data) would be harder to see and easy to change by accident.
    rng = random.Random(seed)
    settings = services.settings
    storage = services.storage
    now = services.clock()
    tz = settings.timezone
    today = now.astimezone(tz).date()
    contents = checklist_contents(services)
    checklists = {c.id: c for c in services.live_knowledge().current.kb.checklists.values()}
    if not contents:
        raise FileNotFoundError(f"no checklists found under {settings.knowledge_dir / 'checklists'}")
    hashes = {c["id"]: snapshot_checklist(storage, c, now - timedelta(weeks=weeks + 1)) for c in contents}
    qa_leads = services.directory.ids_with_role(Role.QA_LEAD) or services.directory.ids_with_role(Role.ADMIN)
    audit_id, action_id = next_audit_id(storage), next_action_id(storage)
    used_refs: set[str] = set()
    totals = [0, 0, 0]
    first_monday = last_complete_week(today) - timedelta(weeks=weeks - 1)
    this_week = (today, 0, 0)  # (its Monday, audits, actions): printed after the re-audits, which may fall in it
    for week_index in range(weeks + 1):
        monday = first_monday + timedelta(weeks=week_index)
        audits, answers, actions, moderations = [], [], [], []
        for team in services.directory.teams.values():
            managers = list(team.manager_ids) or list(team.member_ids)
            workers = [m.user_id for m in team.members if m.role is Role.PRACTITIONER] or managers
            for _ in range(rng.randint(2, 5)):
                day = monday + timedelta(days=rng.randint(0, 4))
                if not is_working_day(day) or day > today:
                    continue
                auditor = rng.choice(managers) if rng.random() < 0.75 or not qa_leads else rng.choice(qa_leads)
                checklist = rng.choice(contents)
                grade_rank = rng.choices(range(4), weights=_mix(min(1.0, week_index / max(1, weeks - 1))))[0]
                # Nothing is dated after the run: an audit drawn for later today is submitted now.
                submitted = min(datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59)), tzinfo=tz), now)
                started = submitted - timedelta(hours=rng.randint(1, 30))
                is_draft = day >= today - timedelta(days=3) and rng.random() < 0.3
                moderated = not is_draft and rng.random() < 0.35 and day < today - timedelta(days=3)
                case_ref = f"CR-{rng.randint(100000, 999999)}"
                while case_ref in used_refs:
                    case_ref = f"CR-{rng.randint(100000, 999999)}"
                used_refs.add(case_ref)
                worker = rng.choice([w for w in workers if w != auditor] or workers)  # nobody audits their own case
                decided = min(submitted + timedelta(days=rng.randint(1, 4), hours=1), now)
                moderator = _moderator(services, rng, qa_leads, auditor, worker, team.id) if moderated else None
                moderated = moderator is not None
                agrees = moderated and rng.random() < 0.8
                record_grade = GRADES[grade_rank] if agrees or not moderated else GRADES[min(3, grade_rank + 1)]
                status = "draft" if is_draft else "moderated" if moderated else "submitted"
                questions = [q for s in checklist["sections"] for q in s["questions"]]
                rows = asked(checklists[checklist["id"]], answer_rows(
                    questions[: len(questions) // 2] if is_draft else questions, grade_rank, rng, day,
                    (audit_id, auditor, utc_text(started))))
                answers += rows
                reason = None if is_draft else grade_reason(
                    checklists[checklist["id"]], rows, GRADES[grade_rank], f"{seed}:{audit_id}")
                audits.append((
                    audit_id, checklist["id"], hashes[checklist["id"]], case_ref, auditor, worker, team.id, status,
                    "question:" + checklist["sections"][0]["questions"][0]["id"] if is_draft else "done",
                    None if is_draft else GRADES[grade_rank], utc_text(started), utc_text(submitted),
                    None if is_draft else utc_text(submitted), utc_text(decided) if moderated else None, reason,
                    *((None, None) if is_draft else notes_of(f"{seed}:{audit_id}", GRADES[grade_rank], rows)),
                ))
                if not is_draft:
                    # The bot refuses to submit an Inadequate audit without an action; a moderator's Inadequate
                    # gets one too, so every audit whose grade of record is Inadequate has at least one.
                    added = invented_actions(rng, (action_id, audit_id), max(rng.choice((0, 1, 1, 2)), int(
                        record_grade == "inadequate")), day, today, tz, (worker, auditor, utc_text(submitted)))
                    actions += added
                    action_id += len(added)
                    check_rules(checklists[checklist["id"]], rows, GRADES[grade_rank], reason, len(added))
                if moderator is not None:
                    # As the bot records a decision: the moderator's grade (the auditor's, when agreeing) and a reason.
                    moderations.append((audit_id, moderator, utc_text(submitted + timedelta(days=1)),
                                        utc_text(decided), int(agrees), record_grade,
                                        AGREED_REASON if agrees else REGRADED_REASON))
                audit_id += 1
        insert_audits(storage, audits, answers, actions, moderations, demo=True)
        totals = [totals[0] + len(audits), totals[1] + len(actions), totals[2] + len(moderations)]
        if week_index < weeks:
            progress(f"week {week_index + 1}/{weeks} ({monday:%d %b}): {count_of(len(audits), 'audit')}, "
                     f"{count_of(len(actions), 'action')}")
        else:
            this_week = (monday, len(audits), len(actions))
    again = add_reaudits(services, seed, qa_leads)
    accept_demo_moderations(storage, now - STILL_OPEN)  # most accepted, the last few days' left to try
    progress(f"re-audits of cases due: {again.audits} ({again.improved} improved, {again.same} the same, "
             f"{again.worse} worse)")
    progress(this_week_line(*this_week, again.this_week))
    return DemoSummary(audits=totals[0] + again.audits, actions=totals[1] + again.actions, moderations=totals[2],
                       checklists=len(contents), reaudits=again.audits)


def this_week_line(monday: date, audits: int, actions: int, reaudits: tuple[int, int]) -> str:
    """'this week so far (07 Dec): 2 audits (1 a re-audit), 2 actions': the week's invented audits with the
    re-audits dated in it, printed after them (trial 55 F15: "1 audits, 0 actions" while today's re-audit had two)."""
    again = f" ({reaudits[0]} {'a re-audit' if reaudits[0] == 1 else 're-audits'})" if reaudits[0] else ""
    return (f"this week so far ({monday:%d %b}): {count_of(audits + reaudits[0], 'audit')}{again}, "
            f"{count_of(actions + reaudits[1], 'action')}")
