"""A notice about undelivered messages that itself fails to send must not lock the database for everyone else."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.core.services import Services
from bot.storage.undelivered import claim_undelivered, record_undelivered, release_undelivered

NOW = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)


def test_giving_back_a_failed_notice_leaves_other_writers_free_and_the_notice_pending(
        services: Services, tmp_path: Path) -> None:
    storage = services.storage
    record_undelivered(storage, "U0PRAN001", "a question", NOW)
    taken = claim_undelivered(storage, "U0PRAN001", NOW)
    release_undelivered(storage, [notice.id for notice in taken])

    other = sqlite3.connect(str(storage.path), timeout=0.2)  # another thread or process of the bot
    try:
        other.execute("INSERT INTO trail (at, actor, action, detail) VALUES ('2026-03-12T10:00:00Z', 'U0PRAN002', "
                      "'check', '{}')")
        other.commit()
    finally:
        other.close()
    assert [n.kind for n in claim_undelivered(storage, "U0PRAN001", NOW)] == ["a question"]


def test_nothing_pending_is_an_empty_claim(services: Services) -> None:
    record_undelivered(services.storage, "U0PRAN002", "a reply", NOW)
    assert claim_undelivered(services.storage, "U0PRAN001", NOW) == []
    assert len(claim_undelivered(services.storage, "U0PRAN002", NOW)) == 1
