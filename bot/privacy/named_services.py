"""National services named in everyday records, which the screen passes (bot/privacy/data/named_services.txt).

'There is no threshold for Kooth', 'the child attends Forest School', 'the mother attends Freedom Programme
sessions', 'the Family Drug and Alcohol Court was discussed' (trial 15, F2, F6, F18): each service was refused as a
child's name, a school's or an address, with advice that made no sense for it. A finding that lies wholly inside a
listed service's name is dropped. A service whose name is also a given name (Brook) is one only where the words
before it say a service is used ('goes to Brook', 'referred to Brook', 'seen at Evelina'); elsewhere it is still a
person's name. The national specialist children's hospitals are listed too ('Alder Hey did the skeletal survey',
fixp38), but a street one is named after stays an address where a family is said to live on it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from bot.privacy.detect import Hit
from bot.privacy.lexicon import Lexicon

DATA = Path(__file__).parent / "data" / "named_services.txt"
# The words before a service that say it is used: 'goes to', 'attends', 'referred to', 'signposted to', 'signed up
# with', 'accesses', 'uses', 'a referral to', 'sessions at'.
_USED_BEFORE = re.compile(r"\b(?:go|goes|going|gone|went|been|attend|attends|attended|attending|refer|refers|"
                          r"referred|referral|referrals|signposted|signpost|sign(?:s|ed|ing)?\s+up|access|accesses|"
                          r"accessed|use|uses|used|using|sessions?|appointments?|clinic)\s+(?:to\s+|at\s+|with\s+|"
                          r"for\s+|from\s+)?(?:the\s+)?$|"
                          # a hospital's: 'seen at Evelina', 'admitted to the Evelina', 'transferred from Evelina'
                          r"\b(?:seen|taken|admitted|transferred|discharged|treated|scanned)\s+(?:to|at|from|in)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)
# A family said to live on a street that a listed service is named after ('the family live on Great Ormond Street'):
# where they live, refused as an address as before.
_LIVED_ON_BEFORE = re.compile(r"\b(?:live|lives|lived|living|stay|stays|stayed|staying|housed|rehoused)\s+"
                              r"(?:(?:back|now|still|currently)\s+)?(?:on|in|off)\s+(?:the\s+)?$", re.IGNORECASE)


@functools.cache
def named_services() -> tuple[str, ...]:
    """The services' names, as written in the data file."""
    lines = (line.split("#", 1)[0].strip() for line in DATA.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def without_named_services(text: str, hits: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """The hits less those wholly inside a listed service's name where it stands as the service."""
    spans = [(m.start(), m.end()) for name in named_services() if name.casefold() in text.casefold()
             for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
             if not _LIVED_ON_BEFORE.search(text[max(0, m.start() - 40):m.start()])
             and (" " in name or name.casefold() not in lexicon.given
                  or _USED_BEFORE.search(text[max(0, m.start() - 40):m.start()]))]
    return without_spans(text, hits, spans)


def without_spans(text: str, hits: list[Hit], spans: list[tuple[int, int]]) -> list[Hit]:
    """The hits less those whose every occurrence in `text` lies wholly inside one of `spans` (a listed name where it
    stands as that name): a name also written elsewhere ('Brook said ... referred to Brook') stays."""
    if not spans:
        return hits
    return [hit for hit in hits if not hit.words or not all(
        any(start <= m.start() and m.end() <= end for start, end in spans)
        for m in re.finditer(rf"(?<!\w){re.escape(hit.words)}(?!\w)", text))]
