"""A diminutive before a letter ('lil j', 'little j', 'baby K', 'wee k'): what a family calls a child, and as sure to
identify them to anyone who knows the family as their name (trial 13, F8: 'yes, used wishes and feelings cards
with lil j' was stored as an evidence note).

'lil', 'little', 'baby', 'big' or 'wee', then one letter standing alone, in any case, perhaps with a dot or a
possessive ("baby j's cot"). Not after 'a' ('a little x'), nor 'a' or 'i' after it ('little i know'), nor a
public case's name ('Baby P', data/public_case_names.txt).
Tested in tests/unit/test_privacy_trial13.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import Hit
from bot.privacy.lexicon import Lexicon
from bot.privacy.public_cases import normalise

_DIMINUTIVE = re.compile(
    r"(?<![\w'’-])(?<!\ba\s)(?<!\ban\s)(?P<little>lil|little|baby|big|wee)\s+"
    r"(?P<word>[^\W\d_](?=['’]s\b|\.(?!\w)|(?![\w'’.-])))", re.IGNORECASE)
_WORDS_TOO = frozenset({"a", "i"})


def diminutive_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    """'lil j', 'little J.': a child called by a diminutive and a letter, quoted with the diminutive as typed."""
    hits: list[Hit] = []
    for m in _DIMINUTIVE.finditer(text):
        if m.group("word").casefold() in _WORDS_TOO or normalise(m.group(0)) in lexicon.public_cases:
            continue
        hit = Hit("initials", text[m.start():m.end()])
        if hit not in hits:
            hits.append(hit)
    return hits
