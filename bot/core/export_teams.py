"""The teams typed after `/audit export`: one or several (`south north`, `south and north`, `south, north`), each
read as every team is (bot.core.teams) and each checked against what the person may export.

Trial 45: `/audit export south north` was read as one team called "south north" and refused, and a word that was
neither a date nor a team was told only that it was no team. Now every team named is exported together, or, if one
of them is not the person's to export, nothing is, and the message names that team and the teams they may export.
"""

from __future__ import annotations

import re

from bot.core.services import Services
from bot.core.teams import find_team, team_matches, team_names
from bot.errors import AccessDenied, UserError

_BETWEEN_TEAMS = re.compile(r"\s*[,;+]\s*")
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def typed_teams(services: Services, allowed: list[str] | None, words: str, then: str = "") -> list[str]:
    """The ids of the teams `words` names, in the order typed, once each is one the person may export (`allowed`;
    None: every team); else one message naming the word that is no team, or the team refused, and what they may,
    with the command for those (trial 46: `then`, the rest of what was typed, such as ` since 1/9/2026`)."""
    names = team_names(services.directory)
    found: list[str] = []
    for chunk in _BETWEEN_TEAMS.split(words):
        for piece in _pieces(names, chunk):
            found.extend(_read(services, names, allowed, piece))
    refused = [team_id for team_id in found if allowed is not None and team_id not in allowed]
    if refused:
        raise AccessDenied(f"You may not export the audits of {_named(services, refused)}: you may export "
                           f"{_named(services, allowed or [])}. Nothing was exported."
                           f"{_next_step(services, [t for t in found if t not in refused], allowed or [], then)}")
    return list(dict.fromkeys(found))


def _next_step(services: Services, kept: list[str], allowed: list[str], then: str) -> str:
    """The export they may have: the teams typed that are theirs ("To export North Assessment Team alone: `/audit
    export north since 1/9/2026`"), else every team they may export; nothing when they may export none."""
    teams = list(dict.fromkeys(kept)) or allowed
    if not teams:
        return ""
    names = team_names(services.directory)
    named = " and ".join(services.directory.teams[team].name for team in teams)
    typed = " ".join(_short(names, team) for team in teams)
    return f" To export {named}{' alone' if kept else ''}: `/audit export {typed}{then}`"


def _short(names: dict[str, str], team_id: str) -> str:
    """The shortest way to type a team that names it alone: the first word of its id (`north`), else the id."""
    first = team_id.split("-")[0]
    return first if team_matches(names, first) == [team_id] else team_id


def _pieces(names: dict[str, str], chunk: str) -> list[str]:
    """A chunk as one team when it names one (`south child in need and protection`), else split at `and`."""
    return [chunk] if len(team_matches(names, chunk)) == 1 else [part for part in _AND.split(chunk) if part.strip()]


def _read(services: Services, names: dict[str, str], allowed: list[str] | None, piece: str) -> list[str]:
    """The teams in words typed with no mark between them (`south north`): the longest run of words naming one
    team, then the next; a word naming none is neither a date nor a team, and is told so."""
    words = piece.split()
    teams: list[str] = []
    start = 0
    while start < len(words):
        end = next((end for end in range(len(words), start, -1)
                    if len(team_matches(names, " ".join(words[start:end]))) == 1), None)
        if end is None:
            if len(team_matches(names, words[start])) > 1:
                find_team(services.directory, words[start])  # says which teams it could be
            raise UserError(f"`{words[start]}` is neither a date nor a team you may export. You may export "
                            f"{_named(services, allowed if allowed is not None else list(names))}; a start day "
                            "goes after `since`, like `/audit export south since 1/9/2026`.")
        teams.append(team_matches(names, " ".join(words[start:end]))[0])
        start = end
    return teams


def _named(services: Services, team_ids: list[str]) -> str:
    """"`south-cin-cp` (South Child in Need and Protection)", each team by id and name; 'none' for none."""
    return ", ".join(f"`{team_id}` ({services.directory.teams[team_id].name})" for team_id in team_ids) or "none"


def names_teams(services: Services, words: str) -> bool:
    """Whether `words` are teams and nothing else (`south north`, `north and south`), whoever may export them: what
    follows `export` typed in words is then the command's own (a North manager typing `export north south` is refused
    South, never sent North's file alone)."""
    try:
        return bool(typed_teams(services, None, words))
    except UserError:
        return False
