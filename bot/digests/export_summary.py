"""The export's summary sheet: the figures a leader hands an inspector beside the audits file, team by team and month
by month, with a row for all the exported teams together.

Every figure is counted by the code the digest counts it with, over the same dates (`digest november` and the
summary's November row agree): audits completed by the teams' auditors against their target and audits of their
cases by others (bot.digests.team_auditors team_figure), grades of record, moderation agreement of the audits
submitted in the month, actions open, overdue and done, re-audits completed and how the case's grade moved (the
weekly digest's `/audit compare` rule), and cases due for re-audit soon or overdue at the month's end (now for the
month under way). No case reference and no free text: figures only.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TextIO

from bot.core import reaudits
from bot.core.periods import Period
from bot.core.reaudit_outcomes import Tally, summed
from bot.core.services import Services
from bot.core.target_to_date import to_date
from bot.core.targets import audit_targets
from bot.core.team_owners import overdue_by_team
from bot.digests.digest import reaudits_done
from bot.digests.team_auditors import team_figure
from bot.storage.reports import digests as store
from knowledge.checklist_schema import GRADES

SUMMARY_COLUMNS = ("team_id", "team_name", "month", "from", "to", "so_far", "audits_completed",
                   "audits_of_its_cases_by_others", "target_to_date", "target_whole_month", *GRADES,
                   "good_or_better_pct",
                   "moderation_agreed", "moderation_decided", "agreement_pct", "moderated_down", "moderated_up",
                   "actions_open", "actions_overdue",
                   "actions_done", "reaudits_done", "reaudits_improved", "reaudits_same", "reaudits_worse",
                   "reaudits_cannot_say", "reaudits_due_soon", "reaudits_overdue", "demo_audits")
ALL_TEAMS = "All teams exported"


def months(first: date, today: date) -> list[Period]:
    """The calendar months from `first` (its month from that day) to today's month so far."""
    found, start = [], first
    while start <= today:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        last = following - timedelta(days=1)
        found.append(Period(start, min(last, today), f"{start:%B %Y}", today < last))
        start = following
    return found


def _local(day: date, services: Services) -> datetime:
    return datetime.combine(day, time(0), tzinfo=services.settings.timezone)


def _pct(part: int, whole: int) -> int | str:
    return round(100 * part / whole) if whole else ""


@dataclass(frozen=True)
class _Month:
    """One month's figures by team, as the store's digest queries return them."""

    period: Period
    grades: dict[str, dict[str, int]]
    agreement: dict[str, tuple[int, int]]
    overdue: dict[str, int]
    actions: dict[str, tuple[int, int]]
    redone: Mapping[str, Tally]
    due: dict[str, tuple[int, int]]
    counts: dict[str, dict[str, tuple[int, int]]]
    demo: dict[str, int]
    moved: dict[str, tuple[int, int]]  # team -> (moderated down, up) of the agreement's disagreements


def _month(services: Services, period: Period, grades: dict[str, dict[str, int]], ids: Sequence[str]) -> _Month:
    """The month's figures, dated as the period digest dates them (overdue at its end, or now while it runs)."""
    storage = services.storage
    start, end = _local(period.start, services), _local(period.end + timedelta(days=1), services)
    at = services.clock() if period.so_far else end
    day = services.local_now().date() if period.so_far else period.end + timedelta(days=1)
    due = reaudits.counts_by_team(reaudits.reaudits(storage, services.settings.reaudit, services.settings.timezone,
                                                    teams=ids, before=at), day)
    return _Month(period, grades, store.moderation_agreement(storage, start, end, ids),
                  overdue_by_team(services, ids, at, day),
                  store.open_and_done_action_counts(storage, at, (start, end), ids),
                  reaudits_done(services, start, end, ids), due,
                  store.auditor_counts(storage, (start, end), (start, end), None),
                  store.demo_counts(storage, start, end, ids), store.moderation_direction(storage, start, end, ids))


def _target(services: Services, ids: Sequence[str], period: Period, together: bool) -> tuple[float, int]:
    """(what was due to date of the monthly targets, as the period digest sums them: pro-rata while the month runs;
    the whole month's, as Home's "1 of 2 for December so far" counts it), of a team's members' own, or for the teams
    together each auditor's once (their highest). Both, each in a column naming its rule (trial 55 F11: a sheet's
    0 to date in December read against Home's 2 for the month)."""
    teams = [services.directory.teams[t] for t in ids]
    if not together:
        monthly = [m.audit_target for team in teams for m in team.members]
    else:
        targets = audit_targets(services)
        monthly = [targets.get(user, 0) for user in {m.user_id for t in teams for m in t.members}]
    # bot.core.target_to_date's one rule, as the chat's "pro-rata share to date: 1.5" (trial 62 F10)
    due = to_date(monthly, period)
    return (int(due) if due == int(due) else due), sum(monthly)  # 2, not 2.0, for a month that has ended


def _row(services: Services, month: _Month, ids: Sequence[str], name: str, team_id: str) -> dict[str, Any]:
    """The month's row for these teams together (one team's, or every exported team's: `team_id` empty)."""
    period = month.period
    figure = team_figure([services.directory.teams[t] for t in ids], month.counts, services.directory)
    target, whole = _target(services, ids, period, together=not team_id)
    grades = {g: sum(month.grades.get(t, {}).get(g, 0) for t in ids) for g in GRADES}
    graded = sum(grades.values())
    agreed, decided = (sum(month.agreement.get(t, (0, 0))[i] for t in ids) for i in (0, 1))
    down, up = (sum(month.moved.get(t, (0, 0))[i] for t in ids) for i in (0, 1))
    redone = summed(month.redone.get(t, Tally()) for t in ids)
    return {"team_id": team_id, "team_name": name, "month": period.label, "from": period.start.isoformat(),
            "to": period.end.isoformat(), "so_far": period.so_far, "audits_completed": figure.month,
            "audits_of_its_cases_by_others": figure.others_month, "target_to_date": target,
            "target_whole_month": whole, **grades,
            "good_or_better_pct": _pct(grades.get("outstanding", 0) + grades.get("good", 0), graded),
            "moderation_agreed": agreed, "moderation_decided": decided, "agreement_pct": _pct(agreed, decided),
            "moderated_down": down, "moderated_up": up,
            "actions_open": sum(month.actions.get(t, (0, 0))[0] for t in ids),
            "actions_overdue": sum(month.overdue.get(t, 0) for t in ids),
            "actions_done": sum(month.actions.get(t, (0, 0))[1] for t in ids),
            "reaudits_done": redone.total, "reaudits_improved": redone.improved,
            "reaudits_same": redone.same, "reaudits_worse": redone.worse,
            "reaudits_cannot_say": redone.cannot_say,
            "reaudits_due_soon": sum(month.due.get(t, (0, 0))[0] for t in ids),
            "reaudits_overdue": sum(month.due.get(t, (0, 0))[1] for t in ids),
            "demo_audits": sum(month.demo.get(t, 0) for t in ids)}


def summary_rows(services: Services, first: date, team_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """Each month's row for each team in the export, then the teams together, from `first` to today."""
    ids = list(team_ids) if team_ids is not None else list(services.directory.teams)
    periods = months(first, services.local_now().date())
    bounds = [_local(p.start, services) for p in periods] + [_local(periods[-1].end + timedelta(days=1), services)]
    by_team = store.grade_counts_by_week(services.storage, bounds, ids)
    rows: list[dict[str, Any]] = []
    for index, period in enumerate(periods):
        grades = {team: weeks[index] for team, weeks in by_team.items()}
        month = _month(services, period, grades, ids)
        rows.extend(_row(services, month, [t], services.directory.teams[t].name, t) for t in ids)
        rows.append(_row(services, month, ids, ALL_TEAMS, ""))
    return rows


def write_summary(rows: list[dict[str, Any]], out: TextIO) -> int:
    """The summary sheet as CSV, one row a team and month; figures only, so no cell needs screening."""
    writer = csv.DictWriter(out, fieldnames=SUMMARY_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)
