"""Digests as JSON-ready data (`audit-bot digest --format json`): every figure with the count it rests on, and
a change in share only where the text digest shows one (None, JSON null, where there are too few audits)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from bot.digests.digest import (
    COMPARE_WEEKS,
    MIN_AUDITS_FOR_THEME,
    MIN_AUDITS_TO_COMPARE,
    ServiceDigest,
    TeamDigest,
)


def jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def _share(count: int, whole: int) -> dict[str, Any]:
    return {"count": count, "of": whole, "share": round(count / whole, 4) if whole else None}


def team_payload(digest: TeamDigest) -> dict[str, Any]:
    """One team's digest: its stored figures, plus each grade's share beside the previous weeks with both counts."""
    payload = jsonable(asdict(digest))
    payload["so_far"] = digest.so_far
    payload["month"] = digest.month_so_far
    payload["graded_week"] = digest.graded_week
    payload["graded_previous"] = digest.graded_previous
    payload["grade_changes"] = [
        {"grade": share.grade, "week": _share(share.week, share.graded_week),
         "previous": _share(share.previous, share.graded_previous),
         "change_points": None if share.change_points is None else round(share.change_points, 1)}
        for share in digest.grade_shares
    ]
    payload["rules"] = rules()
    return payload


def rules() -> dict[str, int]:
    """The thresholds behind what is shown, so a reader of the JSON can tell a null from a missing figure."""
    return {"compare_weeks": COMPARE_WEEKS, "min_audits_to_compare": MIN_AUDITS_TO_COMPARE,
            "min_audits_for_theme": MIN_AUDITS_FOR_THEME}


def service_payload(service: ServiceDigest) -> dict[str, Any]:
    """The whole service's summary, as the text digest gives it: totals, the good-or-better share with its
    count, and the questions most often answered badly across teams (the teams' rule)."""
    teams = service.teams
    graded = sum(t.graded_week for t in teams)
    return {
        "week": service.week,
        "week_start": service.week_start.isoformat(),
        "completed_week": service.figure.week,
        "completed_month": service.figure.month,
        "by_others_week": service.figure.others_week,
        "by_others_month": service.figure.others_month,
        "month": service.month_so_far,
        "month_ended": service.month_ended,
        "so_far": service.counted_to is not None,
        "target_month": service.figure.target,
        "overdue_actions": sum(t.overdue_actions for t in teams),
        "graded_week": graded,
        "good_or_better_week": _share(sum(t.good_or_better_count for t in teams), graded),
        "moderation_agreement": _share(sum(t.moderation_agreed for t in teams),
                                       sum(t.moderation_decided for t in teams)),
        "moderated_down": sum(t.moderated_down for t in teams),  # of the disagreements, graded lower
        "moderated_up": sum(t.moderated_up for t in teams),
        "moderated_week": sum(t.moderated_week for t in teams),
        "demo_week": sum(t.demo_week for t in teams),
        "weak_questions": jsonable([asdict(q) for q in service.weak_questions]),
        "rules": rules(),
    }
