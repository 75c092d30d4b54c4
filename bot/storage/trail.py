"""The audit trail: who did what and when, for the things a council must be able to account for.

Its own aggregate: rows are only ever added (by the writes that do those things, inside their transactions)
and read back by `audit-bot trail`; retention keeps them, since they hold ids and counts, never case content.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.storage.common import utc_text
from bot.storage.db import Storage


def record_trail(storage: Storage, actor: str, action: str, detail: dict[str, Any] | None = None,
                 at: datetime | None = None) -> None:
    """Keep who did what and when for the things a council must be able to account for."""
    storage.db.execute(
        "INSERT INTO trail (at, actor, action, detail) VALUES (?, ?, ?, ?)",
        [utc_text(at), actor, action, json.dumps(detail or {}, sort_keys=True)],
    )
