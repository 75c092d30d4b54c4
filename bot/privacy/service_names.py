"""A first name typed before the service its person works in: 'Grace from the family hub visits weekly' (trial 54, F1).

The name finder reads a given name that is also an everyday word ('Grace', 'Hope', 'Summer', 'Joy') as the word when
it opens a sentence, so 'Grace from the family hub visits weekly' was saved where 'Paige from the family hub…' and
'I should have asked Grace from the family hub' were refused. Said straight before 'from the <…> hub', a service, a
unit, a centre, health visiting or school nursing, the word is a person: their name with where they work points at
the case. A colleague named by their team or panel ('Jo from the YOT', 'Mason from the fostering panel') passes as
it does for any first name (detect.py's _TEAM_AFTER), and so do the words a family is described by ('Dad from the
family home', 'Mum from work', 'the worker from the family hub'): none is a listed given name before a service.
Found in full mode only (screen.py) and labelled "a person's name" there (_AT_A_SERVICE).
"""

from __future__ import annotations

import re

from bot.privacy.detect import Hit
from bot.privacy.lexicon import Lexicon

_NAME_AT_SERVICE = re.compile(
    r"(?<![\w'’-])(?P<name>(?-i:[A-Z][a-z]+)(?:-(?-i:[A-Z][a-z]+))?)\s+from\s+(?:the\s+|our\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:hub|hubs|service|services|unit|centre|center|health\s+visit(?:ing|ors?)|"
    r"school\s+nurs(?:e|es|ing))\b", re.IGNORECASE)
# Listed given names that open a sentence as words far more often than as a name before 'from the …'.
_NOT_HERE = frozenset(["will", "may", "can", "june", "april", "august", "march"])


def service_name_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    """Each listed given name, capitalised, said just before the service where its person works, as typed."""
    return [Hit("name", m.group("name")) for m in _NAME_AT_SERVICE.finditer(text)
            if all(part.casefold() in lexicon.census_given for part in m.group("name").split("-"))
            and m.group("name").casefold() not in _NOT_HERE]
