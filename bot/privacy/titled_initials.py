"""A title with an initial ('miss k said', 'Mr J', 'mrs b. came', 'Ms. T'): how a family member is written down by
initial, and as sure to identify them to anyone who knows the family as their surname (twelfth user trial, F12:
'yes, seen alone, miss k said she is happy' and 'I spoke with miss k about the plan' were stored, while 'mr okafor
left the room' was refused).

A title (detect.TITLES: mr, mrs, ms, miss, mx, master, with or without its dot) and one letter, or dotted initials
('mrs j.k.'), standing alone, in any case. A title with a role or nothing after it stays a role ('miss said it was
fine', as pupils call a teacher). 'miss' and 'master' are verbs too ('will miss a visit', 'I miss u', 'master a
skill'): after them 'a', 'i' and 'u' are the initial only where a person's words follow ('miss a said').
Tested in tests/unit/test_privacy_titled_initials.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import PERSON_AFTER, TITLES, Hit

_TITLE = "|".join(sorted(TITLES))
_TITLED_INITIAL = re.compile(
    rf"\b(?P<title>{_TITLE})\.?\s+(?P<initial>[^\W\d_](?:\.\s?[^\W\d_](?![\w'’]))*\.?)"
    r"(?=['’]s\b|(?![\w'’-]|\.\w))", re.IGNORECASE)
_VERB_TITLES = frozenset({"miss", "master"})
_WORDS_TOO = frozenset({"a", "i", "u"})  # after 'miss' or 'master', an article, a pronoun or chat's 'you'


def titled_initial_hits(text: str) -> list[Hit]:
    """'miss k', 'Mr J', 'mrs b.': a family member named by title and initial (quoted as typed, without a dot at
    the end); 'miss said' and 'will miss a visit' pass."""
    hits: list[Hit] = []
    for m in _TITLED_INITIAL.finditer(text):
        initial = m.group("initial")
        if m.group("title").casefold() in _VERB_TITLES and initial.casefold() in _WORDS_TOO \
                and not PERSON_AFTER.match(text[m.end():m.end() + 40]):
            continue
        hit = Hit("initials", text[m.start():m.end()].rstrip("."))
        if hit not in hits:
            hits.append(hit)
    return hits
