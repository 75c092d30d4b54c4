"""The numbered options last shown to each person that open a case or an audit (the `shown_options` table, m390),
so `open 2` opens the second (bot.campaigns.open_listed): one row a person, each option as [label, action, value]."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from bot.storage.common import utc_text
from bot.storage.db import Storage

KEPT_FOR = timedelta(days=7)  # a list a week old is no longer "just shown"; its row goes as others are written


def remember(storage: Storage, user_id: str, options: list[list[str]] | None, now: datetime) -> None:
    """Keep `options` as the ones just shown to `user_id`, or forget theirs (None: options shown since open nothing);
    rows older than KEPT_FOR are deleted meanwhile."""
    if options is None and storage.db.execute("SELECT 1 FROM shown_options WHERE user_id = ?",
                                              [user_id]).fetchone() is None:
        return  # nothing to forget: no write
    with storage.write() as db:
        if options is None:
            db.execute("DELETE FROM shown_options WHERE user_id = ?", [user_id])
        else:
            db.execute("INSERT INTO shown_options (user_id, options, shown_at) VALUES (?, ?, ?) ON CONFLICT(user_id) "
                       "DO UPDATE SET options = excluded.options, shown_at = excluded.shown_at",
                       [user_id, json.dumps(options), utc_text(now)])
        db.execute("DELETE FROM shown_options WHERE shown_at < ?", [utc_text(now - KEPT_FOR)])


def last(storage: Storage, user_id: str) -> list[list[str]]:
    """The options kept for `user_id`, in the order shown; none when none are kept."""
    row = storage.db.execute("SELECT options FROM shown_options WHERE user_id = ?", [user_id]).fetchone()
    items = json.loads(row[0]) if row else []
    return [[str(part) for part in item] for item in items if isinstance(item, list) and len(item) == 3]
