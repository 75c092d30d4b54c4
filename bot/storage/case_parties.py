"""Who a case is, on the record, the work of: the worker its latest audit names, and the owners of its open actions.
The self-audit rule (bot.core.policy.is_own_case) reads these before an audit of the case starts or is restored."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.actions import ActionRow, open_actions_of_case
from bot.storage.audits import AuditRow, audit_row
from bot.storage.common import select
from bot.storage.db import Storage


@dataclass(frozen=True)
class CaseParties:
    """The case's latest audit naming a worker (None when none does) and its open actions from submitted audits."""

    latest: AuditRow | None
    open_actions: tuple[ActionRow, ...]


def case_parties(storage: Storage, case_ref: str, exclude: int = 0) -> CaseParties:
    """The latest audit of the case (any age, not cancelled, not `exclude`) that names its worker, and the open
    actions of its other submitted audits: an audit's own draft is left out, so picking someone else as its worker
    does not change whose case it is."""
    rows = select(storage.db,
        "SELECT * FROM audits WHERE case_ref = ? AND status != 'cancelled' AND worker_id IS NOT NULL AND id != ? "
        "ORDER BY COALESCE(submitted_at, started_at) DESC, id DESC LIMIT 1", [case_ref, exclude])
    latest = audit_row(rows[0]) if rows else None
    return CaseParties(latest, tuple(open_actions_of_case(storage, case_ref, exclude)))
