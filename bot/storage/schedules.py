"""Leases and the record of scheduled sends: how two processes and a restart never send twice."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from bot.storage.common import utc_text
from bot.storage.db import Storage

RUN_MARKER = "*"  # the recipient of the row that says a whole run finished (or was skipped)

SENDS_KEPT = timedelta(days=90)
"""How long a scheduled job's record of a run and its sends is kept (by the daily housekeeping job,
`forget_old_sends`). A record is read again only for its own period: a day (reminders, campaign closes,
housekeeping) or an ISO week (the digest), while that period's runs and deferrals last and when a start catches up
on the run last due, looked for at most 8 days back (schedules/scheduler.py, CATCH_UP_LOOKBACK) and deferred past
the bank holidays after it. Ninety days is ten times that, so a late catch-up, a clock set wrong for a while or a
deferral over Christmas can never find its period forgotten and send twice, and an operator can still see who
last quarter's runs went to (`sends_for`)."""


def acquire_lease(storage: Storage, name: str, holder: str, now: datetime, seconds: int) -> bool:
    """Take or renew the lease; True when `holder` has it until now + seconds.

    A compare-and-set in one BEGIN IMMEDIATE transaction: a lease held by someone else that has not
    expired stays theirs, so of two processes on one database only one runs the jobs.
    """
    expires = utc_text(now + timedelta(seconds=seconds))
    with storage.write() as db:
        row = db.execute("SELECT holder, expires_at FROM leases WHERE name = ?", [name]).fetchone()
        if row is not None and row[0] != holder and row[1] > utc_text(now):
            return False
        db.execute(
            "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at",
            [name, holder, expires],
        )
    return True


def release_lease(storage: Storage, name: str, holder: str) -> None:
    """Let another process take over at once when this one shuts down cleanly."""
    with storage.write() as db:
        db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", [name, holder])


def claim_send(storage: Storage, job: str, period: str, recipient: str, now: datetime) -> bool:
    """Record a send before making it; False when this job already went to this recipient for the period.

    Claiming first means a crash between claim and post loses one message rather than sending it twice,
    which is the right way round for reminders people would otherwise mute.
    """
    cursor = storage.db.execute(
        "INSERT OR IGNORE INTO sends (job, period, recipient, status, at) VALUES (?, ?, ?, 'sent', ?)",
        [job, period, recipient, utc_text(now)],
    )
    return cursor.rowcount == 1


def mark_send(storage: Storage, job: str, period: str, recipient: str, status: str, now: datetime) -> None:
    """Change a claimed send's status (failed when Slack refused it)."""
    storage.db.execute(
        "UPDATE sends SET status = ?, at = ? WHERE job = ? AND period = ? AND recipient = ?",
        [status, utc_text(now), job, period, recipient],
    )


def run_recorded(storage: Storage, job: str, period: str) -> str | None:
    """The status of a whole run ('ran' or 'skipped'), or None if it never happened."""
    row = storage.db.execute(
        "SELECT status FROM sends WHERE job = ? AND period = ? AND recipient = ?", [job, period, RUN_MARKER]
    ).fetchone()
    return row[0] if row else None


def record_run(storage: Storage, job: str, period: str, status: str, now: datetime) -> None:
    """Mark a run as done ('ran') or missed for good ('skipped'), so catch-up at start knows."""
    storage.db.execute(
        "INSERT INTO sends (job, period, recipient, status, at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(job, period, recipient) DO UPDATE SET status = excluded.status, at = excluded.at",
        [job, period, RUN_MARKER, status, utc_text(now)],
    )


def sends_for(storage: Storage, job: str, period: str) -> list[tuple[str, str]]:
    """(recipient, status) of one run, for tests and the operator."""
    rows = storage.db.execute(
        "SELECT recipient, status FROM sends WHERE job = ? AND period = ? AND recipient != ? ORDER BY recipient",
        [job, period, RUN_MARKER],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def forget_old_sends(storage: Storage, jobs: Collection[str], now: datetime, keep: timedelta = SENDS_KEPT) -> int:
    """Drop the records of `jobs`' runs and sends last written more than `keep` before `now` (see SENDS_KEPT for
    why none of them is read again); returns how many went.

    Only the named scheduled jobs, whose periods are days and weeks: the notices sent at start are keyed by
    their text, not a date, and must stay to keep a restart with the same problems from sending them again.
    The table has no index on the time: a daily pass over three months of rows (some tens of thousands for a
    large council) is milliseconds, and an index would cost every claim."""
    if not jobs:
        return 0
    marks = ", ".join("?" * len(jobs))
    with storage.write() as db:
        return db.execute(f"DELETE FROM sends WHERE job IN ({marks}) AND at < ?",
                          [*jobs, utc_text(now - keep)]).rowcount
