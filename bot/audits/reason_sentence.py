"""A short reason that starts with a command's word: "help was needed", "review was late", "digest was late".

fix37a: at a moderation's "Why?", such a reason of two or three words was met as a command typed wrong ("That isn't
how `/audit help` is typed", the reason asked again), or ran the command aside (`digest was late` showed a digest),
and the moderator could not save it. A line is the reason, not the command, when every word after the command's word
is an ordinary word (an everyday English word of two letters or more, no number, no word of a date or period), the
first of them none of what the command takes (a command's word, a word its typed shape names: `mine`, `team`, `page`,
`off`, `accept`, `good`…), and none naming a team (or, after `checklist`, a checklist). So `help`, `mod 12`, `agree
12`, `mod abc` (too short for a reason, bot.core.sentences), `kb accept abc`, `digest north`, `list good` and `away
next week` are still what they were.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.audits.core import checklists
from bot.core.periods import MONTHS
from bot.core.sentences import says_something
from bot.core.services import Services
from bot.core.teams import team_matches, team_names
from bot.engine.near_miss import SHORT_FORMS, SYNONYMS, TEAM, Shapes, full_name
from knowledge.english import everyday_words

_SHAPE_WORD = re.compile(r"[a-z]{2,}")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words of a date or a period, which `away`, `digest`, `auditors` and `areas` read anywhere after their word.
_WHEN_WORDS = frozenset({*MONTHS, *(month[:3] for month in MONTHS), "sept", *_DAYS, *(day[:3] for day in _DAYS),
                         "today", "tomorrow", "yesterday", "week", "weeks", "month", "months", "quarter", "year"})
_LEADING = ("me", "audit", "audits")  # "show me audit 1": words a command reads past (near_miss.LEADING_AUDIT)
_EDGES = ".,;:!?'\"()"


def a_reason(text: str, shapes: Shapes, names_an_argument: Callable[[str, str], bool]) -> bool:
    """Whether `text` is a command's word then ordinary words, long enough to be a reason: the text a step that
    waits for one saves, never the command. The first word after the command's is none the command takes (`list
    was good` is a reason, `list good` the list); `names_an_argument(command, words)` says whether `words` name
    something the command takes beside its shape's own words (a team, a checklist)."""
    words = [word.strip(_EDGES).lower() for word in (text or "").split()]
    if len(words) < 2 or not says_something(text) or (name := full_name(words[0])) not in shapes:
        return False
    if not all(_ordinary(word) for word in words[1:]) or words[1] in _taken(name, shapes):
        return False
    return not (names_an_argument(name, " ".join(words[1:])) or names_an_argument(name, words[1]))


def _ordinary(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word in everyday_words() and word not in _WHEN_WORDS


def _taken(name: str, shapes: Shapes) -> frozenset[str]:
    """The words command `name` may take first: those its typed shape names, every command's word, and the words it
    reads past to its number."""
    shape = shapes.get(name)
    return _shape_words("" if shape is None else shape.pattern) | frozenset({*shapes, *SHORT_FORMS, *SYNONYMS,
                                                                             *_LEADING})


@functools.cache
def _shape_words(pattern: str) -> frozenset[str]:
    return frozenset(_SHAPE_WORD.findall(pattern))


def argument_names(services: Services, shapes: Shapes) -> Callable[[str, str], bool]:
    """For a_reason: whether words name a team after a command that takes one (`digest north`, `areas cic`) or,
    after `checklist`, a word of a checklist's id or title (`checklist neglect`)."""
    names = team_names(services.directory)

    def named(command: str, words: str) -> bool:
        if command == "checklist":
            titles = " ".join(f"{checklist.id} {checklist.title}" for checklist in checklists(services).values())
            return bool(set(words.split()) & set(re.findall(r"[a-z0-9]+", titles.lower())))
        shape = shapes.get(command)
        return shape is not None and TEAM in shape.pattern and bool(team_matches(names, words))

    return named
