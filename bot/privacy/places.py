"""Where a family lives, said without a house number, and the local hospital by its name (trial 38, M3: 'family live
on moor lane near the park' was stored, though '14 Moor Lane' was refused; 'mum in hospital at Leeds General
Infirmary till xmas' was sent on to the manager, though a school's name is refused).

A street is an address only where the family is said to live on it: a verb of living or moving before it ('live on
moor lane', 'moved to Elm Grove', 'staying on Station Road'), then one to three words and a street's type. Not a
street anyone may be on ('lives on the high street', 'lives on a busy road', 'lives on the same road as dad', 'lives
off the main road'): those words say nothing of where.

A local hospital named by its place as a general, district or county hospital, or an infirmary ('Leeds General
Infirmary', 'Hull Royal Infirmary', 'Pinderfields General Hospital'; not 'the Royal Infirmary' or 'the General
Hospital', which name no place), narrows where a family lives as its school
does. The regional children's hospitals and those known nationally are named in ordinary practice text ('the Royal
Manchester Children's Hospital', 'St Thomas hospital', 'Alder Hey did the skeletal survey': tests/data/privacy's tuning
corpora) and pass; the national ones named without 'Hospital' are listed in data/named_services.txt. Tested in
tests/unit/test_privacy_places.py.
"""

from __future__ import annotations

import re

from bot.privacy.detect import Hit

_STREET_TYPES = (r"road|rd|street|st|avenue|ave|lane|ln|drive|close|crescent|grove|terrace|gardens|mews|way|court|"
                 r"walk|rise")
# Words that make a street anyone's ('the high street', 'a busy road', 'the same road'), not where a family lives.
_ANY_STREET = (r"(?:the|a|an|this|that|our|their|his|her|my|your|which|what|one|every|same|main|high|busy|quiet|long|"
               r"short|back|side|next|other|new|old|wrong|right|dead|private|country|ring|slip|bus|fast|slow|memory|"
               r"nice|nearby|local|big|small|steep|different)")
_LIVED_ON = re.compile(
    r"\b(?:live|lives|lived|living|stay|stays|stayed|staying|moved|moving|move|housed|rehoused|placed)\s+"
    r"(?:(?:back|now|still|currently)\s+)?(?:on|in|to|at|off)\s+(?:the\s+)?"
    rf"(?P<street>(?!{_ANY_STREET}\b)[^\W\d_][\w'’-]*(?:\s+(?!{_ANY_STREET}\b)[^\W\d_][\w'’-]*){{0,2}}"
    rf"\s+(?:{_STREET_TYPES}))\b(?!['’])",
    re.IGNORECASE)
_LOCAL_HOSPITAL = re.compile(
    r"\b(?P<hospital>(?:[A-Z][\w'’-]+\s+){1,3}(?:(?:(?:District\s+)?General|District|County|Community|Memorial)\s+"
    r"Hospital|(?:General\s+|Royal\s+)?Infirmary)\b)")
# The words of a hospital's name that name no place: 'The Royal Infirmary', 'the General Hospital'.
_NO_PLACE = frozenset({"the", "a", "an", "general", "district", "county", "community", "memorial", "royal", "local",
                       "nearest", "at", "in", "to", "hospital", "infirmary", "children's", "childrens"})


def place_hits(text: str) -> list[Hit]:
    """The streets a family is said to live on and the local hospitals named in `text` (see the module's docstring),
    a street as an address and a hospital as its own kind."""
    hits = [Hit("address", m.group("street")) for m in _LIVED_ON.finditer(text)]
    for m in _LOCAL_HOSPITAL.finditer(text):
        words = m.group("hospital").split()
        while words and words[0].casefold() in _NO_PLACE:
            words = words[1:]  # 'The Leeds General Infirmary' is 'Leeds General Infirmary'
        if words and words[0].casefold() not in _NO_PLACE:
            hits.append(Hit("hospital", " ".join(words)))
    return hits
