"""Record in the audit trail who gained, lost or changed access since the bot last started.

teams.yaml is edited by hand, outside the bot, so the bot cannot see who made a change; it can see
what changed. At each start the directory is compared with the snapshot kept in the database, and
every difference goes to the trail with actor "teams.yaml" and the time of the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.settings.people import Directory
from bot.storage import Storage
from bot.storage.roles import SnapshotRow, read_role_snapshot, replace_role_snapshot
from bot.storage.trail import record_trail

ACTOR = "teams.yaml"


@dataclass(frozen=True)
class RoleChange:
    user_id: str
    change: str  # added | removed | changed
    before: SnapshotRow | None
    after: SnapshotRow | None

    def detail(self) -> dict[str, str]:
        detail = {"user": self.user_id}
        if self.before:
            detail["role_before"], detail["teams_before"] = self.before
        if self.after:
            detail["role"], detail["teams"] = self.after
        return detail


def snapshot_of(directory: Directory) -> dict[str, SnapshotRow]:
    return {
        person.user_id: (person.role.value, ",".join(sorted(person.team_ids)))
        for person in directory.people.values()
    }


def compare(before: dict[str, SnapshotRow], after: dict[str, SnapshotRow]) -> list[RoleChange]:
    """Differences between two snapshots, in user id order."""
    changes: list[RoleChange] = []
    for user_id in sorted(set(before) | set(after)):
        old, new = before.get(user_id), after.get(user_id)
        if old == new:
            continue
        kind = "added" if old is None else "removed" if new is None else "changed"
        changes.append(RoleChange(user_id, kind, old, new))
    return changes


def record_role_changes(storage: Storage, directory: Directory, now: datetime) -> list[RoleChange]:
    """Compare teams.yaml with the last snapshot, trail each difference, and keep the new snapshot.

    The very first start records one `roles.initial` row listing everyone instead of one row per
    person, so the trail opens with the starting picture rather than dozens of "added" lines.
    """
    current = snapshot_of(directory)
    with storage.write():
        previous = read_role_snapshot(storage)
        if not previous:
            if current:
                people = {uid: f"{role} ({teams})" if teams else role for uid, (role, teams) in sorted(current.items())}
                record_trail(storage, ACTOR, "roles.initial", {"people": people}, at=now)
                replace_role_snapshot(storage, current)
            return []
        changes = compare(previous, current)
        for change in changes:
            record_trail(storage, ACTOR, f"role.{change.change}", change.detail(), at=now)
        if changes:
            replace_role_snapshot(storage, current)
    return changes
