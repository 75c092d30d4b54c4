"""The words after `digest` put in the order the digest reads them: the period first, then the team or teams, joined by
"vs" (`digest north and south last week` reads as `digest last week north vs south`).

Trial 50: `digest north vs south last week` was "I don't know that yet" (and went onto the QA leads' list), `digest
north last week` and `digest team north last week` were "I couldn't read … as a period", and `digest north and south
last week` was "I'm not sure which of these you mean", while `digest last week north` worked. A period (a week, month
or quarter, as `digest` reads one) is now found at either end of the words, and the teams are the rest, joined by vs,
and, & or a comma, with or without `team`. "and" only joins teams when the words do not name one team already, as
"South Child in Need and Protection" has it in its name.

fix53c: a period between two teams (`north last week vs south`, `north, last week, south`) was not read; it is now,
wherever a joining word stands beside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from bot.core.periods import corrected, read_period
from bot.core.teams import team_matches

# The week forms `digest` reads itself (bot.digests.feature THIS_WEEK and LAST_WEEK), as whole words.
WEEK = re.compile(r"^(?:for\s+)?(?:(?:this|last)\s+week(?:['’]?s)?(?:\s+so\s+far)?|so\s+far"
                  r"|(?:the\s+)?week\s+so\s+far)$")
LONGEST_PERIOD = 6  # words: "since the start of sept 2026"
COMMA = ","
VERSUS = re.compile(r"\s+(?:vs|versus|v)\.?\s+")
JOINED = re.compile(r"(\s*(?:,|&|\band\b)\s*)")
JOINER = re.compile(r"^(?:,|&|and|vs|versus|v)\.?$")  # one word between two teams
EDGES = re.compile(r"^(?:(?:,|&|and|vs|versus|v|for)\s+)+|(?:\s+(?:,|&|and|vs|versus|v))+$")
# "team south": the word is in some teams' names and not others' ("South Child in Need and Protection")
LEADING_TEAM = re.compile(r"^team\s+(?=\S)")
# Every team the reader may see (bot.digests.feature ALL_TEAMS): never split into teams.
EVERY_TEAM = re.compile(r"\b(?:all|both|my\s+teams|service|overall|combined|together)\b")


def arranged(text: str, names: Mapping[str, str], today: date) -> str:
    """`text` (what follows `digest`) as "<period> <team> vs <team>": the same words whatever order they were typed
    in, period words' typos read (bot.core.periods corrected), so every order gives the same digest."""
    words = f" {COMMA} ".join(corrected(piece) for piece in (text or "").split(COMMA)).split()
    span = period_span(words, today)
    period, rest = ("", words) if span is None else (" ".join(words[span[0]:span[1]]), _without(words, *span))
    return " ".join(part for part in (period, " vs ".join(teams_typed(" ".join(rest), names))) if part)


def period_span(words: list[str], today: date) -> tuple[int, int] | None:
    """(start, end) of the longest period at the start or the end of `words`, or between two teams with a joining
    word (vs, and, & or a comma) on one side of it (fix53c: `north last week vs south`); None when there is none.
    Never in the middle of a run of words with no joining word beside it, so a word inside a team's name is never
    read as a month."""
    for size in range(min(LONGEST_PERIOD, len(words)), 0, -1):
        for start in dict.fromkeys((0, len(words) - size, *range(1, len(words) - size))):
            said = " ".join(words[start:start + size])
            if (_bounded(words, start, start + size) and COMMA not in words[start:start + size]
                    and (WEEK.match(said) or read_period(said, today))):
                return start, start + size
    return None


def _without(words: list[str], start: int, end: int) -> list[str]:
    """`words` without the period at words[start:end], and without one of two joining words it stood between
    (`north, last week, south` is `north, south`), the comma dropped before vs, and or &."""
    before, after = words[:start], words[end:]
    if before and after and JOINER.match(before[-1]) and JOINER.match(after[0]):
        return before + after[1:] if after[0] == COMMA else before[:-1] + after
    return before + after


def _bounded(words: list[str], start: int, end: int) -> bool:
    """Whether words[start:end] begins or ends `words`, or has a joining word just before or just after it."""
    return start == 0 or end == len(words) or JOINER.match(words[start - 1]) is not None or \
        JOINER.match(words[end]) is not None


def teams_typed(text: str, names: Mapping[str, str]) -> list[str]:
    """The teams in `text`, each as typed: split at "vs", then at "and", "&" or a comma, the longest run of words
    between them that names one team kept whole (`north and south`, but `south child in need and protection`)."""
    teams: list[str] = []
    for part in VERSUS.split(EDGES.sub("", " ".join(text.split()))):
        part = LEADING_TEAM.sub("", part.strip())
        teams += [part] if EVERY_TEAM.search(part) else _joined(part, names)
    return [team for team in teams if team]


def _joined(part: str, names: Mapping[str, str]) -> list[str]:
    """`part` split at its joining words, each run of pieces that names one team kept together, longest first."""
    split = JOINED.split(part)  # pieces, with the joining words between them
    pieces, joins = split[::2], split[1::2]
    teams, start = [], 0
    while start < len(pieces):
        end = next((end for end in range(len(pieces), start, -1)  # "team south child in need and protection"
                    if len(team_matches(names, _team_words(pieces, joins, start, end))) == 1), start + 1)
        teams.append(_team_words(pieces, joins, start, end))
        start = end
    return teams


def _team_words(pieces: list[str], joins: list[str], start: int, end: int) -> str:
    """The pieces from `start` to `end` rejoined, without a leading `team`."""
    return LEADING_TEAM.sub("", _rejoined(pieces, joins, start, end).strip())


def _rejoined(pieces: list[str], joins: list[str], start: int, end: int) -> str:
    return "".join(piece + (joins[index] if index < end - 1 else "") for index, piece in enumerate(pieces)
                   if start <= index < end)
