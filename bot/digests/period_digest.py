"""The digest over a month or a quarter (`digest november`, `digest last month`, `digest this quarter`, `digest q3`):
for a head of service's or a DCS's monthly or quarterly summary (trial 30: "There is no team november").

The same figures as the weekly digest, counted over the period and stating its dates: audits completed against the
teams' monthly targets (times the months the period spans; for a period under way, what was due to date, fix 34),
grades of record, moderation agreement of the audits submitted in it, the questions most often answered badly, and
actions overdue at its end (at today for a period under way). Every team the reader may see, one line each, then the
themes across them. The weekly digest is unchanged (bot.digests.feature).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core import target_to_date
from bot.core.agreement import direction_said
from bot.core.periods import Period, previous
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.core.target_to_date import months_spanned
from bot.core.targets import audit_targets
from bot.core.team_owners import overdue_by_team
from bot.digests.digest import flagged_practice, summed_grades, weak_questions
from bot.digests.render import count_share, demo_note, weak_question_lines
from bot.digests.team_auditors import Counts, TeamFigure, team_figure
from bot.storage.reports import digests as store
from knowledge.checklist_schema import GRADE_LABELS, GRADES
from knowledge.dates import short_date


def _local(day: date, services: Services) -> datetime:
    return datetime.combine(day, time(0), tzinfo=services.settings.timezone)


def _monthly(services: Services, team_ids: Sequence[str]) -> dict[str, list[int]]:
    """Each team's members' monthly targets, one a member."""
    return {team_id: [m.audit_target for m in services.directory.teams[team_id].members] for team_id in team_ids}


def _service_targets(services: Services, team_ids: Sequence[str]) -> list[int]:
    """The teams' auditors' monthly targets, each auditor's once (bot.core.targets), though they be in two teams."""
    targets = audit_targets(services)
    return [targets.get(user, 0) for user in {m.user_id for t in team_ids for m in services.directory.teams[t].members}]


def _due(monthly: list[int], period: Period) -> tuple[float, int]:
    """(due to date, the whole period's) of these monthly targets, by the one rule of bot.core.target_to_date."""
    return target_to_date.to_date(monthly, period), sum(monthly) * months_spanned(period)


def _target_said(due: float, full: int, period: Period, total: bool = False) -> str:
    """'target 6', or while the period runs the whole target and its pro-rata share to date apart (trial 49: "a
    pro-rata target to date of 0 of 4" read as a contradiction), to one decimal as the export's sheet gives it
    (trial 62 F10: "under 1" beside the sheet's 1.5)."""
    if not full:
        return ""
    if not period.so_far:
        return f" against a target of {full}" if total else f" (target {full})"
    share = target_to_date.said(due)
    if not total:
        return f" (target {full}; pro-rata share to date {share})"
    days = monthrange(period.end.year, period.end.month)[1]
    passed = "the months passed in full and " if months_spanned(period) > 1 else ""
    return (f" against a target of {full} for {period.label} (pro-rata share to date: {share}, for {passed}"
            f"{period.end.day} of {period.end:%B}'s {days} days)")


def _grades_line(grades: dict[str, int]) -> str:
    done = sum(grades.values())
    return ", ".join(f"{GRADE_LABELS[g]} {grades[g]}" for g in GRADES if grades.get(g)) if done else "none graded"


def _agreement(agreed: int, decided: int, period: Period, moved: tuple[int, int] = (0, 0)) -> str:
    """'84% (26 of 31 moderated agreed, of audits submitted in Q3 2026/27)': the period named in the line itself, so
    this rate beside the weekly digest's and `agreement rate`'s (other audits, other dates) is visibly another
    period's (trial 40 M11: 81%, 84% and 87% read as three answers to one question)."""
    submitted = f"of audits submitted in {period.label}"
    if not decided:  # plainly (trial 50: "moderation agreement none moderated of audits submitted in December")
        return (f"none yet (no audit submitted in {period.label} has been moderated)" if period.so_far
                else f"none (no audit submitted in {period.label} was moderated)")
    return f"{round(100 * agreed / decided)}% ({agreed} of {decided} moderated agreed, {submitted}" \
           f"{direction_said(*moved, '; ')})"


def _good_or_better(grades: dict[str, int], before: dict[str, int], period: Period) -> str:
    """'good or better 8 of 20 (40%), against 30% (6 of 20) in the quarter before (Q2 2026/27)': the share a head of
    service reports each quarter or month, beside the one before it (trial 35 M2), grades of record as counted."""
    def share(counts: dict[str, int]) -> tuple[int, int]:
        return counts.get("outstanding", 0) + counts.get("good", 0), sum(counts.get(g, 0) for g in GRADES)

    (good, graded), (good_before, graded_before) = share(grades), share(before)
    earlier = previous(period)
    said = f"good or better {count_share(good, graded)}" if graded else "good or better: none graded"
    then = (f"{round(100 * good_before / graded_before)}% ({good_before} of {graded_before})" if graded_before
            else "none graded")
    then_said = "in as long before it" if period.unit == "span" else f"in the {period.unit} before"
    return f"{said}, against {then} {then_said} ({earlier.label})"


def _team_line(services: Services, team_id: str, counted: tuple[dict[str, int], dict[str, int]],
               figure: TeamFigure, rest: tuple[int, int, int, int, int], period: Period) -> str:
    """One team's line: its auditors' audits against its target (others' of its cases apart), grades, agreement."""
    agreed, decided, late, *moved = rest
    others = f" (+{figure.others_month} of its cases by others, not counted against it)" if figure.others_month else ""
    before, grades = counted
    return (f"{count_of(figure.month, 'audit')} completed by its "
            f"auditors{_target_said(*_due(_monthly(services, [team_id])[team_id], period), period)}{others}; grades: "
            f"{_grades_line(grades)}; {_good_or_better(grades, before, period)}; agreement: "
            f"{_agreement(agreed, decided, period, (moved[0], moved[1]))}; overdue actions: {late}")


def period_replies(services: Services, period: Period, team_ids: Sequence[str], heading: str) -> list[Reply]:
    """The period's figures for `team_ids`, one line a team, a total, and the themes across them. The audits against
    a target are what the teams' auditors did, each one's all (bot.digests.team_auditors team_figure: the weekly
    digest's, Home's and `/audit auditors`' rule); audits of their cases by others are said apart."""
    figures = period_figures(services, period, team_ids, heading)
    start, end = _local(period.start, services), _local(period.end + timedelta(days=1), services)
    lines = [f"• **{services.directory.teams[team_id].name}**: {line}" for team_id, line in figures.teams.items()]
    return [Reply(text=figures.summary + "\n" + "\n".join(lines) + figures.demo),
            _themes_reply(services, start, end, team_ids, period)]


@dataclass(frozen=True)
class PeriodFigures:
    """A period's figures: the total line, each team's figures (without its name) and the demo-data line."""

    summary: str
    teams: dict[str, str]
    demo: str


def period_figures(services: Services, period: Period, team_ids: Sequence[str], heading: str) -> PeriodFigures:
    """The period's total and each team's figures, as `period_replies` shows them, for a comparison of two periods
    (bot.digests.months_compared) to set side by side."""
    start, end = _local(period.start, services), _local(period.end + timedelta(days=1), services)
    overdue_at = services.clock() if period.so_far else end
    overdue_day = services.local_now().date() if period.so_far else period.end + timedelta(days=1)
    grades = store.grade_counts_by_week(services.storage, [_local(previous(period).start, services), start, end],
                                        team_ids)
    agreement = store.moderation_agreement(services.storage, start, end, team_ids)
    moved = store.moderation_direction(services.storage, start, end, team_ids)
    overdue = overdue_by_team(services, team_ids, overdue_at, overdue_day)
    counts = store.auditor_counts(services.storage, (start, end), (start, end), None)
    lines, total = {}, {"agreed": 0, "decided": 0, "overdue": 0, "down": 0, "up": 0}
    for team_id in team_ids:
        agreed, decided = agreement.get(team_id, (0, 0))
        down, up = moved.get(team_id, (0, 0))
        for key, value in (("agreed", agreed), ("decided", decided), ("overdue", overdue.get(team_id, 0)),
                           ("down", down), ("up", up)):
            total[key] += value
        before, counted = grades.get(team_id) or [{}, {}]
        lines[team_id] = _team_line(services, team_id, (before, counted),
                                    team_figure([services.directory.teams[team_id]], counts, services.directory),
                                    (agreed, decided, overdue.get(team_id, 0), down, up), period)
    every = [summed_grades([weeks[i] for weeks in grades.values()]) for i in (0, 1)]
    summary = _summary(services, period, team_ids, heading, (every, total, counts))
    return PeriodFigures(summary, lines, _demo_line(services, start, end, team_ids, sum(every[1].values())))


def _summary(services: Services, period: Period, team_ids: Sequence[str], heading: str,
             counted: tuple[list[dict[str, int]], dict[str, int], Counts]) -> str:
    """The period's total line for the teams: audits against the target, good or better, agreement, overdue."""
    every, total, counts = counted
    figure = team_figure([services.directory.teams[t] for t in team_ids], counts, services.directory)
    whose = ("the team's", "its") if len(team_ids) == 1 else ("the teams'", "their")
    others = (f" (+{figure.others_month} of {whose[1]} cases by others, not counted against it)"
              if figure.others_month else "")
    good = _good_or_better(every[1], every[0], period)
    span = f"{short_date(period.start)} to {short_date(period.end)}" + (", so far" if period.so_far else "")
    return (f"**{heading}, {period.label}** ({span}): {count_of(figure.month, 'audit')} completed by {whose[0]} "
            f"auditors{_target_said(*_due(_service_targets(services, team_ids), period), period, total=True)}"
            f"{others}; {good[0].upper()}{good[1:]}; moderation agreement "
            f"{_agreement(total['agreed'], total['decided'], period, (total['down'], total['up']))}; overdue actions "
            f"{'now' if period.so_far else 'at its end'}: {total['overdue']}.")


def _themes_reply(services: Services, start: datetime, end: datetime, team_ids: Sequence[str],
                  period: Period) -> Reply:
    """The questions most often answered badly in audits submitted in the period, across the teams."""
    themes = weak_questions(services, [row for rows in flagged_practice(services, start, end, team_ids).values()
                                       for row in rows])
    if not themes:
        return Reply(kind="notice", text=f"Themes in {period.label}: no question was answered badly often enough "
                                         "to be a theme.")
    return Reply(title=f"Most often answered badly in {period.label}", text="\n".join(weak_question_lines(themes)))


def _demo_line(services: Services, start: datetime, end: datetime, team_ids: Sequence[str], done: int) -> str:
    """The weekly digest's line saying how many of the audits counted are invented demo data, for a month or a
    quarter too (trial 35: only the weekly one said so); empty when none are."""
    demo = sum(store.demo_counts(services.storage, start, end, team_ids).values())
    return f"\n_{demo_note(demo, done)}_" if demo else ""
