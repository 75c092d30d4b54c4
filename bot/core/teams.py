"""A team as people type it: its id (`north-assessment`), or enough of its id or name to name one team (`north`,
`cin cp`, `children in care`), or a short form or its initials (`cic`).

A user trial typed `/audit list team north` and was told there was no such team. Every command that takes a team
(`/audit list team`, `/audit reaudits team`, `/audit digest`, `/audit actions team`, a campaign's teams) reads it
here, so a team reads the same way everywhere: exactly, or by words that start the words of exactly one team's id
or name. A reply read from a partial team says which team it read ("Team north-assessment: …"); words that fit
several teams list them; words that fit none list the team ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from bot.core.away_said import cover_refusal_note
from bot.core.replies import Reply
from bot.core.services import Services
from bot.errors import AccessDenied, UserError
from bot.settings.people import Directory

WORD = re.compile(r"[a-z0-9&']+")
MIN_LETTERS = 2  # "n" could be anything; "no" is a start


@dataclass(frozen=True)
class TeamRead:
    """The team a typed team names, and what was typed."""

    id: str
    typed: str
    name: str = ""  # as the teams list names it

    @property
    def note(self) -> str:
        """'North Assessment Team (north-assessment): ' when the team was read from less than its id (trial 20: "Team
        south-cin-cp:" read as a code); empty when typed as its id."""
        if self.typed.strip().lower() == self.id:
            return ""
        return f"{self.name} (`{self.id}`): " if self.name else f"Team {self.id}: "

    @property
    def said(self) -> str:
        """The team as a reply names it: its name, else its id."""
        return self.name or self.id


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("_", " "))


# Short forms social care uses for a team's work, each read as the words it stands for: `cic` names "Children in Care
# Team" (trial 23: `teams=north,cic` was refused). A team's own initials ("nat", or "na" without "team") are read too.
SHORT_FORMS = {
    "cic": "children in care", "cla": "children in care", "lac": "children in care",
    "cin": "child in need", "cp": "child protection", "cpp": "child protection",
    "eh": "early help", "mash": "multi agency safeguarding hub", "yos": "youth offending",
}
IGNORED_IN_INITIALS = frozenset({"team", "service"})


def _initials(words: list[str]) -> set[str]:
    """'Children in Care Team' -> {'cict', 'cic'}: its words' first letters, with and without 'team'."""
    kept = [word for word in words if word not in IGNORED_IN_INITIALS]
    return {"".join(word[0] for word in words), "".join(word[0] for word in kept)} - {""}


def _fits(part: str, words: set[str], initials: set[str], short_forms: bool) -> bool:
    """Whether a typed word names a team whose id and name have `words`: it starts one of them, or (`short_forms`)
    it is the team's initials, or a short form whose words each start one of them."""
    if any(word.startswith(part) for word in words):
        return True
    if not short_forms:
        return False
    expanded = SHORT_FORMS.get(part)
    return part in initials or (expanded is not None and all(any(word.startswith(bit) for word in words)
                                                             for bit in expanded.split()))


def team_matches(names: Mapping[str, str], typed: str, short_forms: bool = True) -> list[str]:
    """The team ids `typed` names, from `names` (team id to display name): the one it is exactly (an id, or a
    name in any case), else every team each of whose typed words starts a word of its id or name, or is one of
    its SHORT_FORMS or its initials (`short_forms`; off for what is not a team, such as a checklist's title)."""
    wanted = _words(typed)
    if not wanted:
        return []
    for team_id, name in names.items():
        if wanted in (_words(team_id), _words(name)):
            return [team_id]
    if sum(len(word) for word in wanted) < MIN_LETTERS:
        return []
    found = []
    for team_id, name in names.items():
        words = set(_words(team_id)) | set(_words(name))
        initials = _initials(_words(name)) | _initials(_words(team_id))
        if all(_fits(part, words, initials, short_forms) for part in wanted):
            found.append(team_id)
    return found


def team_names(directory: Directory) -> dict[str, str]:
    return {team_id: team.name for team_id, team in directory.teams.items()}


def known_teams_text(directory: Directory) -> str:
    """"`north-assessment` (North Assessment Team), …": each team as it may be typed, by id or by name."""
    return ", ".join(f"`{team_id}` ({team.name})" for team_id, team in directory.teams.items())


def shown_team(typed: str) -> str:
    """The words typed for a team as a refusal quotes them, without a leading "team" the sentence already says
    (trial 49: `digest team west` was "There is no team team west")."""
    return re.sub(r"^team\s+(?=\S)", "", " ".join(typed.split()), flags=re.IGNORECASE)


def find_team(directory: Directory, typed: str) -> TeamRead:
    """The one team `typed` names, or a UserError listing the teams it could be (several) or the team ids (none)."""
    shown = shown_team(typed)
    found = team_matches(team_names(directory), typed)
    if not found:
        raise UserError(f"There is no team `{shown}`. Teams: {known_teams_text(directory)}.")
    if len(found) > 1:
        options = ", ".join(f"`{team_id}` ({directory.teams[team_id].name})" for team_id in found)
        raise UserError(f"`{shown}` could be more than one team: {options}. Type the team id.")
    return TeamRead(found[0], typed, directory.teams[found[0]].name)


def readable_team(services: Services, teams: list[str] | None, typed: str, doing: str,
                  reader: str | None = None) -> TeamRead:
    """The team `typed` names (`/audit list team north`, `/audit digest north`), if the reader may read it:
    `teams` are the teams they may read (None: every team). `doing` words the refusal ("list the audits"), so each
    command says what was refused. `reader`, when given, is told what a cover receives when they cover the team's
    manager (trial 57, F10)."""
    if teams is not None and not team_matches(team_names(services.directory), typed):
        # trial 22: "There is no team `service`" listed every team, those the reader may not read too
        raise UserError(f"There is no team `{shown_team(typed)}` among yours: "
                        f"{', '.join(f'`{t}`' for t in teams) or 'none'}.")
    team = find_team(services.directory, typed)
    if teams is not None and team.id not in teams:
        covering = cover_refusal_note(services, reader, team.id, services.local_now().date()) if reader else ""
        raise AccessDenied(f"You can {doing} of your own teams only: "
                           f"{', '.join(f'`{t}`' for t in teams) or 'none'}.{covering}")
    return team


def noted(team: TeamRead | None, replies: list[Reply], own_line: bool = False) -> list[Reply]:
    """The replies, the first of them starting with which team was read when it was typed as less than its id;
    on a line of its own (`own_line`) before a reply that opens with a figure ("Audits completed: 0 …"), which
    "Team north-assessment: Audits completed" would run into the team's name."""
    if team is None or not team.note or not replies:
        return replies
    note = team.note.rstrip() + "\n" if own_line else team.note
    return [replace(replies[0], text=note + replies[0].text), *replies[1:]]
