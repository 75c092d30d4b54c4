"""Who the bot has seen in teams.yaml, with the last name it had (m620_fix66a_known_people), and what is still left
with people who are no longer there: open actions they own and drafts they started (trial 58, F1, F6, F7)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.storage.common import COMPLETED_SQL, select, utc_text
from bot.storage.db import Storage


def remember_names(storage: Storage, names: Mapping[str, str], now: datetime) -> None:
    """Keep each person's name as teams.yaml gives it now, so it can still be shown once they have left."""
    stamp = utc_text(now)
    with storage.write() as db:
        db.table("known_people").upsert_all([{"user_id": uid, "name": name, "seen_at": stamp}
                                       for uid, name in names.items()], pk="user_id")


def known_names(storage: Storage) -> dict[str, str]:
    """Everyone the bot has seen in teams.yaml, by Slack ID, with the last name they had there."""
    if not storage.db.table("known_people").exists():
        return {}
    return {str(r["user_id"]): str(r["name"]) for r in select(storage.db, "SELECT user_id, name FROM known_people")}


@dataclass(frozen=True)
class LeftOpen:
    """One person's open actions (how many, how many overdue), for whoever is no longer in teams.yaml."""

    owner_id: str
    open: int
    overdue: int


def open_actions_by_owner(storage: Storage, overdue_before: str,
                          team_ids: list[str] | None = None) -> list[LeftOpen]:
    """Open actions of submitted audits, counted by owner (and how many are overdue: due before `overdue_before`, an
    ISO day that bot.core.action_due gives); with `team_ids`, only those on these teams' audits (the case's team,
    which follows a leaver's actions up: the Home of its managers, trial 62 F8)."""
    in_teams = f"AND au.team_id IN ({', '.join('?' for _ in team_ids)}) " if team_ids is not None else ""
    rows = select(storage.db, "SELECT a.owner_id AS owner_id, COUNT(*) AS open, "
                              "SUM(CASE WHEN a.due_date < ? THEN 1 ELSE 0 END) AS overdue "
                              "FROM actions a JOIN audits au ON au.id = a.audit_id WHERE a.removed_at IS NULL "
                              f"AND a.done_at IS NULL AND au.status IN {COMPLETED_SQL} AND au.submitted_at IS NOT NULL "
                              f"{in_teams}GROUP BY a.owner_id ORDER BY a.owner_id", [overdue_before, *(team_ids or [])])
    return [LeftOpen(str(r["owner_id"]), int(r["open"]), int(r["overdue"] or 0)) for r in rows]


@dataclass(frozen=True)
class Draft:
    """A draft audit: its number, auditor, case reference and the case's team."""

    id: int
    auditor_id: str
    case_ref: str
    team_id: str


def drafts_by_auditor(storage: Storage) -> list[Draft]:
    """Every draft audit, oldest first."""
    rows = select(storage.db, "SELECT id, auditor_id, case_ref, team_id FROM audits WHERE status = 'draft' ORDER BY id")
    return [Draft(int(r["id"]), str(r["auditor_id"]), str(r["case_ref"]), str(r["team_id"] or "")) for r in rows]


def leavers_owning_team_actions(storage: Storage, team_ids: list[str], members: list[str]) -> list[str]:
    """Owners of open actions on these teams' audits who are none of `members` (people who left teams.yaml): the
    audit's team is the case's team, so the team that audited the case still follows its actions up."""
    if not team_ids:
        return []
    marks = ", ".join("?" for _ in team_ids)
    rows = select(storage.db, "SELECT DISTINCT a.owner_id AS owner_id FROM actions a JOIN audits au "
                              "ON au.id = a.audit_id WHERE a.removed_at IS NULL AND a.done_at IS NULL "
                              f"AND au.team_id IN ({marks}) "
                              f"AND au.status IN {COMPLETED_SQL} AND au.submitted_at IS NOT NULL", list(team_ids))
    known = set(members)
    return sorted(str(r["owner_id"]) for r in rows if r["owner_id"] not in known)
