"""What a campaign is, and the checks on a new one: pure, so every mistake's message is tested without Slack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from bot.storage.campaigns import Allocation, Campaign

__all__ = ["Allocation", "Campaign", "CampaignSpec", "CaseItem", "FieldError", "check_spec"]

AUDITOR_MODES = ("managers", "peer")
MAX_PER_WORKER = 20
MAX_NAME = 80
MAX_THEME = 200


class FieldError(UserError):
    """A mistake in one field of a new campaign: a form shows the message beside that field."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CaseItem:
    """One case to audit: its reference (None when the auditor names it at Start), its worker and team."""

    case_ref: str | None
    worker_id: str
    team_id: str


@dataclass(frozen=True)
class CampaignSpec:
    """A campaign as asked for, already checked (see `check_spec`)."""

    name: str
    theme: str
    checklist_id: str
    teams: tuple[str, ...]
    starts_on: date
    deadline: date
    auditors: str
    moderation_share: int
    per_worker: int | None = None
    cases: tuple[CaseItem, ...] = ()


def parse_day(text: str, what: str) -> date:
    """An ISO date (2026-12-01) for a campaign's start or deadline; anything else gets one clear message."""
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise FieldError(f"The {what} {text!r} is not a date I can read. Write it as YYYY-MM-DD, "
                         "such as 2026-12-18.", "deadline" if what == "deadline" else "start") from None


def parse_share(text: str | int) -> int:
    """The share of submitted audits to moderate, 0 to 100 (a trailing % is allowed)."""
    raw = str(text).strip().rstrip("%").strip()
    if not re.fullmatch(r"[0-9]{1,3}", raw) or not 0 <= int(raw) <= 100:
        raise FieldError(f"The moderation share {text!r} must be a whole percentage from 0 to 100, such as 20.",
                         "moderate")
    return int(raw)


def parse_per_worker(text: str | int) -> int:
    """How many cases each worker has audited, 1 to 20; anything else gets one clear message."""
    raw = str(text).strip()
    if not re.fullmatch(r"[0-9]{1,3}", raw) or not 1 <= int(raw) <= MAX_PER_WORKER:
        raise FieldError(f"Cases per worker must be a whole number from 1 to {MAX_PER_WORKER}, not {text!r}.",
                         "per-worker")
    return int(raw)


def _screened(text: str, screen: Screen, what: str, field: str) -> str:
    try:
        return screen_text(text, screen, what)
    except UserError as exc:
        raise FieldError(str(exc), field) from None


def check_spec(spec: CampaignSpec, checklist_ids: frozenset[str] | set[str], team_ids: frozenset[str] | set[str],
               screen: Screen, cases_to_follow: bool = False) -> CampaignSpec:
    """The spec if it can be run; else one UserError naming the first thing to fix and how. With
    `cases_to_follow` the cases come from a file read next (once the teams are known to be sound)."""
    name, theme = " ".join(spec.name.split()), " ".join(spec.theme.split())
    if not name or len(name) > MAX_NAME:
        raise FieldError(f"Give the campaign a name of 1 to {MAX_NAME} characters, such as "
                         "'Neglect audit December'.", "name")
    _screened(name, screen, "that campaign name", "name")
    if not theme or len(theme) > MAX_THEME:
        raise FieldError(f"Give the campaign a theme of 1 to {MAX_THEME} characters, such as 'neglect'.", "theme")
    _screened(theme, screen, "that theme", "theme")
    if spec.checklist_id not in checklist_ids:
        raise FieldError(f"There is no checklist called {spec.checklist_id!r}. Choose one of: "
                         f"{', '.join(sorted(checklist_ids))}.", "checklist")
    if not spec.teams:
        raise FieldError("Choose at least one team for the campaign (team ids from teams.yaml).", "teams")
    unknown = [t for t in spec.teams if t not in team_ids]
    if unknown:
        raise FieldError(f"There is no team {unknown[0]!r} in teams.yaml. Known teams: "
                         f"{', '.join(sorted(team_ids))}.", "teams")
    if len(set(spec.teams)) != len(spec.teams):
        raise FieldError("A team is listed twice: name each team once.", "teams")
    if spec.starts_on > spec.deadline:
        raise FieldError(f"The campaign starts on {spec.starts_on.isoformat()}, after its deadline "
                         f"{spec.deadline.isoformat()}: the start must be on or before the deadline.", "deadline")
    if spec.auditors not in AUDITOR_MODES:
        raise FieldError(f"Who audits must be `managers` (team managers audit their own teams) or `peer` "
                         f"(auditors from other teams), not {spec.auditors!r}.", "auditors")
    if not 0 <= spec.moderation_share <= 100:
        raise FieldError("The moderation share must be a whole percentage from 0 to 100.", "moderate")
    if (spec.per_worker is None) == (not spec.cases and not cases_to_follow):
        raise FieldError("Give either how many cases per worker (1 to 20) or a CSV file of case references, not "
                         "both and not neither.", "per-worker")
    if spec.per_worker is not None:
        parse_per_worker(spec.per_worker)
    outside = [c for c in spec.cases if c.team_id not in spec.teams]
    if outside:
        raise UserError(f"Case {outside[0].case_ref} belongs to a worker in {outside[0].team_id!r}, which is not "
                        "one of the campaign's teams. Add the team, or take the case out of the file.")
    return CampaignSpec(name=name, theme=theme, checklist_id=spec.checklist_id, teams=spec.teams,
                        starts_on=spec.starts_on, deadline=spec.deadline, auditors=spec.auditors,
                        moderation_share=spec.moderation_share, per_worker=spec.per_worker, cases=spec.cases)
