"""Which DMs held and not yet sent a removal (`redact`, bot.audits.redaction) changes, and how.

fix65b: a DM held for its reader's working hours that quotes a removed text gets the removal's marker in its place,
or the removed words would be delivered later. fix70c found two gaps:

- A: only a whole quote was found. A preview cut short (a button's 75 characters, a note said back at 120, a digest
  line at 60: every shape bot.core.cut_short lists) kept the words it did quote. Now a cut-short start of the text,
  at least CUT_LEAST characters of it (or all of it when shorter) and then "…", is replaced too, the "…" with it.
- B: any held DM holding the words was changed, so a short text removed from one audit (a first name, "Jo") changed
  unrelated messages. Now a held DM records the audit it is about (bot.audits.held_dms.named_audit, m680) and a
  removal of an audit's text changes only the held DMs about that audit (any text, any length), never one about
  another audit. A DM held before m680, or about no one audit, has no audit recorded: it is changed only for a
  removed text of UNAMBIGUOUS characters or more (its spacing made single), which is too long to be anything but
  a quote of it (a first name, a place or "his brother" is shorter), and only where a cut quote holds as many.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from bot.core.cut_short import cut_quotes
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import redaction as redaction_store

UNAMBIGUOUS = 12  # characters a removed text needs to change a held DM whose audit is not recorded
CUT_LEAST = 4  # characters of a text's start that, cut short with "…", count as a quote of it


def redact_held(services: Services, turn: Turn, audit_id: int, texts: Collection[str], marker: str) -> int:
    """Replace `texts`, removed from audit `audit_id`, in the held DMs they may be quoted in (as above) with
    `marker`; how many held DMs changed."""
    unambiguous = [text for text in texts if len(" ".join(text.split())) >= UNAMBIGUOUS]
    swaps = redaction_store.HeldSwaps(about=quoting(texts, marker, CUT_LEAST),
                                      unknown=quoting(unambiguous, marker, UNAMBIGUOUS) if unambiguous else None)
    return redaction_store.redact_held_dms(services.storage, audit_id, swaps, texts, turn.user_id, turn.now)


def quoting(texts: Collection[str], marker: str, least: int) -> Callable[[str], str]:
    """A string with each of `texts` it quotes made `marker`: cut short (at least `least` characters of it, then
    "…"), or whole as the same words in any case and spacing (a message may reflow it)."""
    longest_first = sorted({text for text in texts if text.split()}, key=len, reverse=True)
    whole = _words_of(longest_first)

    def swap(value: str) -> str:
        for text in longest_first:
            value = cut_quotes(value, text, marker, least)
        return whole.sub(lambda _: marker, value) if whole is not None else value

    return swap


def _words_of(texts: list[str]) -> re.Pattern[str] | None:
    """Each text as its words, any spacing between them, whole words only, longest first; None for no words."""
    words = sorted({tuple(text.split()) for text in texts}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in text) for text in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
