"""The rows `audit-bot export` writes: completed audits with their answers, actions and moderation results."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.storage.common import COMPLETED_SQL, select
from bot.storage.db import Storage


def exported_audits(storage: Storage, since: str | None, teams: Sequence[str] | None,
                    campaign: int | None = None) -> list[dict[str, Any]]:
    """Audits with a submission (not cancelled drafts), oldest first, optionally from a date, for some teams and of
    one audit campaign; each row names the campaign it was allocated in (`campaign_id`, else None) and whether it
    was drawn in that campaign's moderation sample (`moderation_sample`)."""
    where = [f"a.status IN {COMPLETED_SQL}", "a.submitted_at IS NOT NULL"]
    params: list[object] = []
    if campaign is not None:
        where.append("ca.campaign_id = ?")
        params.append(campaign)
    if since:
        where.append("a.submitted_at >= ?")
        params.append(since)
    if teams is not None:
        where.append(f"a.team_id IN ({', '.join('?' for _ in teams) or 'NULL'})")
        params.extend(teams)
    return select(storage.db, "SELECT a.*, ca.campaign_id AS campaign_id, COALESCE(ca.sampled, 0) AS "
                              "moderation_sample FROM audits a LEFT JOIN campaign_allocations ca ON ca.audit_id = a.id "
                              f"WHERE {' AND '.join(where)} ORDER BY a.submitted_at, a.id", params)


def audit_details(storage: Storage, audit_id: int) -> dict[str, list[dict[str, Any]]]:
    """One audit's answers (in the order given), actions, decided moderations and the worker's reflections."""
    db = storage.db
    return {
        "answers": select(db, "SELECT question_id, value, evidence, flagged, answered_at FROM answers WHERE "
                              "audit_id = ? ORDER BY answered_at, question_id", [audit_id]),
        "actions": select(db, "SELECT id, description, question_id, owner_id, due_date, done_at, done_by FROM actions "
                              "WHERE audit_id = ? AND removed_at IS NULL ORDER BY id", [audit_id]),
        "moderations": select(db, "SELECT moderator_id, decided_at, agrees, grade, reason FROM moderations WHERE "
                                  "audit_id = ? AND decided_at IS NOT NULL ORDER BY id", [audit_id]),
        "reflections": select(db, "SELECT worker_id, text, created_at FROM reflections WHERE audit_id = ? ORDER BY id",
                              [audit_id]),
    }
