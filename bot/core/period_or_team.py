"""The words after a command that takes a period and a team (`digest`, `auditors`): a team read as every command
reads one, or, when they name none, one message saying what was not read, the teams and the periods that work.

fix53c: `digest north vs south last fortnight` said "I couldn't read `south last fortnight` as a period"; only the
words that are not a team are quoted now ("`last fortnight`").

Trial 35 (M2): `auditors last quarter` and `digest lst month` were "There is no team last quarter", with no word that
a period could be typed there at all.
"""

from __future__ import annotations

from bot.core.periods import PERIODS_SAID, looks_like_period
from bot.core.services import Services
from bot.core.teams import TeamRead, readable_team, team_matches, team_names
from bot.errors import AccessDenied, UserError


def team_or_period(services: Services, teams: list[str] | None, typed: str, doing: str,
                   reader: str | None = None) -> TeamRead:
    """The team `typed` names (bot.core.teams readable_team); words naming none are refused with the periods that
    work, and words that look like a period (`last fortnight`) are said to be a period not read."""
    try:
        return readable_team(services, teams, typed, doing, reader)
    except AccessDenied:
        raise
    except UserError as error:
        if looks_like_period(typed):
            raise UserError(f"I couldn't read `{not_a_team(services, typed)}` as a period. {PERIODS_SAID}") from None
        if str(error).startswith("There is no team"):  # not when the words fit several teams: that is a team
            raise UserError(f"{error} {PERIODS_SAID}") from None
        raise


def not_a_team(services: Services, typed: str) -> str:
    """`typed` without the words at its start or end that name one team (`south last fortnight` is `last
    fortnight`): what was not read, as the period error quotes it."""
    words, names = typed.split(), team_names(services.directory)
    for size in range(len(words) - 1, 0, -1):
        for team, rest in ((words[:size], words[size:]), (words[-size:], words[:-size])):
            if not looks_like_period(" ".join(team)) and len(team_matches(names, " ".join(team))) == 1:
                return " ".join(rest)
    return " ".join(words)
