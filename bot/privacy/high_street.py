"""National high-street shops, cafes and restaurants named in office small talk, which the screen passes
(bot/privacy/data/high_street.txt; fixp41).

Practitioners ask the bot what they ask colleagues: 'cakes from Marks and Spencer in the kitchen', 'a John Lewis
voucher for the leaving present', 'sandwiches from Pret for the training day'. Each was refused as a child's name:
'Spencer', 'Lewis', 'Sainsbury's', 'Barrett' are on the name lists. A finding wholly inside a listed chain's name is
dropped: a name of two or more words that begins with no given name wherever it stands, another ('John Lewis',
'Sainsbury's') only where a shop is meant, after a word of going to or buying from one ('from Sainsbury's', 'at
Costa', 'popping to Boots') or before what one buys there ('a Nando's voucher', 'Greggs sausage rolls', 'the Costa
cups'). Never where a person's predicate follows: 'Sainsbury said she was scared', 'John Lewis is in foster care'
stay names.
Tested in tests/unit/test_privacy_smalltalk41.py.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from bot.privacy.detect import _ONLY_A_PERSON, PERSON_AFTER, Hit
from bot.privacy.lexicon import Lexicon
from bot.privacy.named_services import without_spans

DATA = Path(__file__).parent / "data" / "high_street.txt"
_SHOP_BEFORE = re.compile(r"\b(?:from|at|to|in|into|outside|near|by|popping|popped|nipping|nipped|a|an|the)\s+$",
                          re.IGNORECASE)
_SHOP_AFTER = re.compile(r"^\s+(?:vouchers?|gift\s+cards?|cards?|meal|deals?|sandwich(?:es)?|lunch|breakfast|"
                         r"dinner|coffees?|cups?|cafe|run|shop|order|delivery|sausage\s+rolls?|cakes?|bags?|"
                         r"for\s+(?:the\s+)?(?:team\s+|a\s+)?(?:lunch|dinner|breakfast|tea|drinks?|meal))\b",
                         re.IGNORECASE)


@functools.cache
def high_street_names() -> tuple[str, ...]:
    """The chains' names, as written in the data file."""
    lines = (line.split("#", 1)[0].strip() for line in DATA.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def without_high_street(text: str, hits: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """The hits less those wholly inside a listed chain's name where it stands as the shop."""
    folded = text.casefold()
    spans = [(m.start(), m.end()) for name in high_street_names() if name.casefold() in folded
             for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
             if not _person_after(text[m.end():m.end() + 40]) and (
                 (" " in name and name.split()[0].casefold() not in lexicon.given)
                 or _SHOP_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                 or _SHOP_AFTER.match(text[m.end():m.end() + 24]))]
    return without_spans(text, hits, spans)


def _person_after(after: str) -> bool:
    """What is said of a person after the name ('John Lewis is in foster care', 'Costa was hit'): a child, not a
    shop."""
    return bool(PERSON_AFTER.match(after) or _ONLY_A_PERSON.match(after))
