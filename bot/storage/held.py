"""What the three held-message tables (held_dms, held_news, held_chases) share: which rows still wait for a person.

A row waits while it is held (whenever its time), or while a claim on it is older than CLAIM_EXPIRES and was never
settled (the sender died): the same rule `claim_due` uses in each table, so Home's counts and a handover made
because the person is here see the same rows as the scheduler's run.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.storage.common import utc_text

CLAIM_EXPIRES = timedelta(minutes=10)  # a claim this old and not marked sent is claimable again (the sender died)
UNSETTLED = "(state = 'held' OR (state = 'sending' AND (claimed_at IS NULL OR claimed_at <= :stale)))"


def waiting_for(whose: str, person_id: str, now: datetime) -> tuple[str, dict[str, str]]:
    """The WHERE clause and its values for rows still waiting for `person_id`: `whose` names them by `:to`
    ("to_user = :to"), and the rest is UNSETTLED, so each table's `waiting_for` and `claim_for` read one rule."""
    return f"{whose} AND {UNSETTLED}", {"to": person_id, "stale": utc_text(now - CLAIM_EXPIRES)}
