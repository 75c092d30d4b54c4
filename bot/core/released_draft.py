"""How a draft its campaign released at close is said wherever it is listed (Home, `/audit resume`, `campaign mine
N`): an ordinary draft now, that was once in the campaign (fix63c: `campaign mine N` said "no longer needed" of it,
and Home and the resume list did not say it had left the campaign)."""

from __future__ import annotations


def released_said(campaign_id: int | None) -> str:
    """'was in campaign 1, closed; finish it as an ordinary audit or cancel it', or "" for a draft never released."""
    if campaign_id is None:
        return ""
    return f"was in campaign {campaign_id}, closed; finish it as an ordinary audit or cancel it"
