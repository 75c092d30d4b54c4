"""Initials written with a space between the letters (trial 38, H3: 'child J S told the teacher she was hit' was
stored, 'the case of K M, when is the RCPC due' answered and 'child J S (the eldest) not seen alone' noted, while
'JS' and 'J.S.' were refused).

Two or three single capitals with a space between are everyday writing too ('A and E', 'I am', 'Q A', 'grades A B C',
'plan B'), so they count as initials only where a person stands (the places bot/privacy/initials.py reads for 'JS',
but the weakest: 'for', 'with', 'and' before them): after a word only a person follows ('child J S', 'brother K M',
'saw J S', 'the case of K M'), before a person's verb or age ('J S told', 'J S said', 'J S (9)', 'J S aged 4'), in
brackets after a person ('the child (J S)'), or before a person in brackets ('J S (the eldest)'). Never the letters
of an acronym ('Q A said' is QA, 'A E said' the emergency department), an everyday word ('I S'), nor after 'the', 'a' or
a possessive ('the J S form'). Tested in tests/unit/test_privacy_spaced_initials.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import PERSON_AFTER, Hit
from bot.privacy.initials import (
    _BRACKET_CLOSES,
    _BRACKETED_AFTER_PERSON,
    _CLAUSE_THAT,
    _OWNER_BEFORE,
    _PERSON_BEFORE,
    AGE_AFTER,
    is_initials,
    shouted,
)
from bot.privacy.lexicon import Lexicon
from bot.privacy.person_context import PERSON_NOUNS

# Two or three single capitals with one space between, not part of a longer run of them ('A B C D').
_SPACED = re.compile(r"(?<![\w.&+/'’-])(?<![A-Z] )[A-Z] [A-Z](?: [A-Z])?(?![\w&+/'’-]| [A-Z]\b)")
# A person in brackets after them: 'J S (the eldest)', 'K M (child)'.
_PERSON_IN_BRACKETS = re.compile(
    rf"^\s*\(\s*(?:the\s+)?(?:{'|'.join(sorted(PERSON_NOUNS | {'eldest', 'youngest', 'oldest', 'middle'}))})\b",
    re.IGNORECASE)


def spaced_initials_hits(text: str, acronyms: frozenset[str], lexicon: Lexicon) -> list[Hit]:
    """Spaced initials where a person stands in `text` (see the module's docstring); `acronyms` in capitals are
    never initials, nor is text mostly in capitals, where capitals say nothing."""
    if shouted(text):
        return []
    hits: list[Hit] = []
    for found in _SPACED.finditer(text):
        letters = found.group(0).replace(" ", "")
        before = text[max(0, found.start() - 30):found.start()]
        after = text[found.end():found.end() + 40]
        if not is_initials(letters, acronyms, lexicon) or "I" in letters[:1] or (
                _OWNER_BEFORE.search(before) and not _CLAUSE_THAT.search(before)):
            continue  # 'Q A said', 'I S', 'the J S form'
        if AGE_AFTER.match(after) or PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before) \
                or _PERSON_IN_BRACKETS.match(after) \
                or (_BRACKETED_AFTER_PERSON.search(before) and _BRACKET_CLOSES.match(after)):
            hit = Hit("initials", found.group(0))
            if hit not in hits:
                hits.append(hit)
    return hits
