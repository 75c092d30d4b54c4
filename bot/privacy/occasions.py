"""Capitalised words that name an occasion, a pub, a storm or a festival's greeting, not a person (fixp41).

Practitioners type office small talk to the bot as to anyone: 'Pancake Day tomorrow', 'Red Nose Day is on Friday',
'drinks at the Royal Oak', 'Storm Darragh is coming in tonight', 'Eid Mubarak to everyone!'. Each was refused as a
child's name, since the words are on the name lists ('Red', 'Oak', 'Darragh', 'Mubarak') and stand capitalised. They
are read by their shape, not listed one by one:
- an occasion: one to three capitalised English words, none a census first name, before 'Day', 'Night', 'Week',
  'Eve' or the like ('Pancake Day', 'Red Nose Day', 'World Book Day', "Valentine's Day"); not 'Summer Day', 'Hope
  Day', which may be a child and her surname;
- a pub or a named place after 'the': two capitalised common English words ('the Royal Oak', 'the Red Lion', 'the
  White Hart', 'the Rose and Crown'), unless a case, a review or a family follows ('the Grace Brown case');
- a named storm: 'Storm' and a given name where the text speaks of the weather or travel ('Storm Bert', 'high
  winds', 'take care driving');
- a festival's greeting: 'Eid Mubarak', 'Ramadan Kareem', 'Diwali Mubarak';
- a make before the thing it makes: 'my Dell laptop', 'the Microsoft Authenticator app'; not "Kayden's laptop", nor
  after a verb of giving or helping ('gave Kayden laptop access').
Tested in tests/unit/test_privacy_smalltalk41.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.privacy.lexicon import Lexicon, _split


class _Word(Protocol):
    """A word of the text where it stands (detect.Token)."""

    @property
    def text(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_OCCASION_HEADS = frozenset(_split("day days night week weekend eve morning afternoon fair festival appeal fortnight"))
_FESTIVALS = frozenset(_split("eid ramadan diwali hanukkah chanukah vaisakhi easter christmas holi navratri"))
_GREETINGS = frozenset(_split("mubarak kareem saeed sa'eed"))
# What follows a pub's or place's name when it is someone's after all: 'the Grace Brown case', 'the Hope Smith family'
_PERSONS_THINGS = frozenset(_split("case cases review reviews family families children siblings twins file plan "
                                   "referral assessment"))
_PRODUCTS = frozenset(_split("laptop laptops app apps tablet tablets printer printers headset headsets charger "
                             "chargers software licence login update updates"))
_GIVING = frozenset(_split("gave give gives giving lent lend lends showed show shows let help helped helps"))
_WEATHER = re.compile(r"\b(?:winds?|windy|gusts?|gales?|rain|rainfall|snow|ice|weather|warnings?|forecast|met\s+office|"
                      r"flood(?:s|ing|ed)?|power\s+cuts?|batten|blow(?:s|ing)?|driving|roads?|travel|trains?)\b",
                      re.IGNORECASE)


def occasion_words(text: str, tokens: Sequence[_Word], lexicon: Lexicon, common: Callable[[str], bool]) -> set[int]:
    """The indices of `tokens` that name an occasion, a pub, a storm or a festival's greeting (see the module's
    docstring), for the name finder to pass; `common` says a word is a common English word (NameFinder._common)."""
    found: set[int] = set()
    weather = bool(_WEATHER.search(text))
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper():
            continue
        folded = tok.text.casefold()
        if folded in _OCCASION_HEADS and i:
            found.update(_occasion_run(text, tokens, i, lexicon))
        elif folded == "storm" and weather and i + 1 < len(tokens) and _joined(text, tokens, i) \
                and tokens[i + 1].text[:1].isupper():
            found.update((i, i + 1))  # 'Storm Darragh is coming in tonight, take care driving'
        elif folded in _GREETINGS and i and tokens[i - 1].text.casefold() in _FESTIVALS \
                and _joined(text, tokens, i - 1):
            found.add(i)  # 'Eid Mubarak'
        elif folded not in _OCCASION_HEADS and (pub := _pub(text, tokens, i, common)):
            found.update(pub)
        elif _make(text, tokens, i):
            found.add(i)  # 'my Dell laptop'

    return found


def _joined(text: str, tokens: Sequence[_Word], i: int) -> bool:
    """Whether token i and the next are one space apart, as the words of one name are."""
    return text[tokens[i].end:tokens[i + 1].start] == " "


def _occasion_run(text: str, tokens: Sequence[_Word], head: int, lexicon: Lexicon) -> list[int]:
    """The occasion ending at the capitalised `head` ('Day'): up to three capitalised English words before it, none
    a census first name unless written as a possessive of an English word ("Valentine's Day", "Mother's Day"); the
    run with its head, or nothing."""
    run: list[int] = []
    k = head - 1
    while k >= 0 and len(run) < 3 and _joined(text, tokens, k) and tokens[k].text[:1].isupper():
        bare = re.sub(r"['’]s$", "", tokens[k].text.casefold())
        possessive = bare != tokens[k].text.casefold()
        if bare not in lexicon.known_words or (bare in lexicon.census_given and not (possessive and k == head - 1)):
            break
        run.append(k)
        k -= 1
    if not run or (k >= 0 and _joined(text, tokens, k) and tokens[k].text[:1].isupper()
                   and tokens[k].text.casefold() not in ("the", "a", "an")):
        return []  # 'Kayden Pancake Day'? a capitalised word before the run that is no English word: not sure
    return [*run, head]


def _pub(text: str, tokens: Sequence[_Word], i: int, common: Callable[[str], bool]) -> list[int]:
    """'the Royal Oak', 'the Rose and Crown': after 'the', two capitalised common English words (with 'and' between
    them or not) that no capitalised word, case or family follows; their indices, or nothing."""
    if not i or tokens[i - 1].text.casefold() != "the" or not _joined(text, tokens, i - 1):
        return []
    second = i + 1
    if second + 1 < len(tokens) and tokens[second].text == "and" and _joined(text, tokens, i) \
            and _joined(text, tokens, second):
        second += 1
    if second >= len(tokens) or not _joined(text, tokens, second - 1) or not tokens[second].text[:1].isupper():
        return []
    if not (common(tokens[i].text) and common(tokens[second].text)):
        return []
    after = tokens[second + 1] if second + 1 < len(tokens) else None
    if after is not None and _joined(text, tokens, second) and (
            after.text[:1].isupper() or after.text.casefold() in _PERSONS_THINGS):
        return []
    return list(range(i, second + 1))


def _make(text: str, tokens: Sequence[_Word], i: int) -> bool:
    """Token i, capitalised and no possessive, is a make: a product's word in lower case follows it ('Dell laptop',
    'Authenticator app'), and no verb of giving or helping comes before it ('gave Kayden laptop access')."""
    word = tokens[i].text
    if re.search(r"['’]s?$", word) or i + 1 >= len(tokens) or not _joined(text, tokens, i):
        return False
    if tokens[i + 1].text not in _PRODUCTS:
        return False
    return not (i and tokens[i - 1].text.casefold() in _GIVING)
