"""A diminutive before a letter or a two-letter name ('lil j', 'little j', 'baby K', 'little Mo', 'big Al', 'little
jj'): what a family calls a child, and as sure to identify them to anyone who knows the family as their name (trial
13: F8, 'yes, used wishes and feelings cards with lil j' was stored as an evidence note; F14, 'fair, though little Mo
was seen alone twice' was sent to a QA lead, as the name finder reads words of three letters or more).

'lil', 'little', 'baby', 'big' or 'wee', then one or two letters standing alone, in any case, perhaps with a dot or a
possessive ("baby j's cot"). One letter is an initial, but not 'a' or 'i' ('little i know'); two letters are a name
written as one ('little Mo', 'big Al': a given name in the name lists, capitalised) or initials where the initials
check would take them ('little jj'; not 'little to no', 'big up', 'lil em', 'little TV'). Not after 'a' ('a little
bit'), nor a public case's name ('Baby P', data/public_case_names.txt).
Tested in tests/unit/test_privacy_trial13.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import RELATIONS, TITLES, Hit
from bot.privacy.initials import is_initials
from bot.privacy.lexicon import Lexicon
from bot.privacy.public_cases import normalise

_DIMINUTIVE = re.compile(
    r"(?<![\w'’-])(?<!\ba\s)(?<!\ban\s)(?P<little>lil|little|baby|big|wee)\s+"
    r"(?P<word>[^\W\d_]{1,2}(?=['’]s\b|\.(?!\w)|(?![\w'’.-])))", re.IGNORECASE)
_WORDS_TOO = frozenset({"a", "i"})


def diminutive_hits(text: str, allowed: frozenset[str], lexicon: Lexicon) -> list[Hit]:
    """'lil j', 'little Mo', 'little jj': a child called by a diminutive and a letter (quoted with the diminutive, as
    typed), a two-letter name (quoted alone, as the name finder quotes 'baby Leo') or initials."""
    hits: list[Hit] = []
    for m in _DIMINUTIVE.finditer(text):
        word, folded = m.group("word"), m.group("word").casefold()
        if normalise(m.group(0)) in lexicon.public_cases:
            continue
        if len(word) == 1:
            hit = None if folded in _WORDS_TOO else Hit("initials", m.group(0))
        elif folded in RELATIONS or folded in TITLES or (folded in lexicon.everyday_words
                                                          and folded not in lexicon.census_given):
            hit = None  # 'little to no', 'big up', 'lil ma'
        elif word.istitle() and folded in lexicon.given:
            hit = Hit("name", word)
        else:
            hit = Hit("initials", word) if is_initials(word.upper(), allowed, lexicon) else None
        if hit is not None and hit not in hits:
            hits.append(hit)
    return hits
