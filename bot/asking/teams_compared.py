"""Teams compared in words: "north vs south?", "compare north and south", "north v south this quarter".

Fix 41 (trial 40): "north vs south?" was every team's digest, South and North lost among the others. Now only the teams
named, one line each side by side, as the period digest lays out every team (`digest <period> <team> vs <team>`), over
the period said (this month when none is), with the digest's own role check. A side that names no team, while the
other does ("north vs narnia"), is told which teams there are, never the knowledge base's "I don't know that yet".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.asking.team_asked import teams_by_word
from bot.core.replies import Reply, error
from bot.core.services import Services
from bot.core.teams import team_matches, team_names
from bot.engine.routing import Engine, Turn

# "north vs south", "compare north and south", "how does north compare with south", "north against south": a side
# is a few words; "and" or "with" joins them only after "compare" ("how does grading work with south" is no comparison)
_SIDE = r"(?:the\s+)?(?P<{}>[a-z0-9&' -]+?)"
_ASK = r"(?:(?:can|could)\s+(?:you|u|i)\s+|please\s+|lets\s+)?"
COMPARED = (
    re.compile(rf"^{_ASK}compare\s+{_SIDE.format('first')}\s+(?:and|with|to|against|vs|versus|v|&)\s+"
               rf"{_SIDE.format('second')}$"),
    re.compile(rf"^(?:how\s+(?:does|do|is|are)\s+)?{_SIDE.format('first')}\s+(?:vs|versus|v|against|"
               rf"compared?\s+(?:to|with|against))\s+{_SIDE.format('second')}(?:\s+(?:doing|look|looking))?$"),
)
TRAILING = frozenset({"in", "for", "over", "during", "from", "since", "the"})
MAX_SIDE = 4  # words a team is named in ("children in care team"); more is a sentence, not a team


@dataclass(frozen=True)
class Compared:
    """The teams the words name, in the order said, and a side that names none ("" when both do)."""

    teams: tuple[str, ...]
    unknown: str


def compared(services: Services, said: str, period: str) -> Compared | None:
    """The teams `said` compares (its period words taken out first), or None when it compares no team: "section 17
    vs section 47" is a practice question."""
    words = (said.replace(period, " ", 1) if period else said).split()
    while words and words[-1] in TRAILING:  # "north vs south in" once "this quarter" is taken out
        words.pop()
    text = " ".join(words)
    found = next((match for shape in COMPARED if (match := shape.match(text)) is not None), None)
    if found is None:
        return None
    sides = [" ".join(found.group(name).split()) for name in ("first", "second")]
    if any(len(side.split()) > MAX_SIDE for side in sides):
        return None
    named = [_named(services, side) for side in sides]
    if not any(named) or (not all(named) and not any(teams_by_word(services, side) for side in sides)):
        return None  # "children in care vs care leavers": practice words, not a team against a mistyped one
    unknown = next((side for side, teams in zip(sides, named, strict=True) if len(teams) != 1), "")
    teams = tuple(dict.fromkeys(team for side in named if len(side) == 1 for team in side))
    return Compared(teams, unknown)


def _named(services: Services, side: str) -> set[str]:
    """The teams one side names: by a word only a team's name has ("south"), or its whole name or id ("children in
    care", which is practice words said on their own)."""
    by_word = teams_by_word(services, side)
    if by_word:
        return by_word
    whole = team_matches(team_names(services.directory), side.removesuffix(" team"))
    return set(whole) if len(whole) == 1 else set()


def answer(engine: Engine, services: Services, turn: Turn, asked: Compared, period: str) -> list[Reply]:
    """The period digest of the teams compared, side by side (with the digest's role check), or which teams there
    are when a side names none."""
    if asked.unknown or len(asked.teams) < 2:
        teams = services.directory.teams
        listed = ", ".join(f"{team.name} (`{team_id}`)" for team_id, team in teams.items())
        what = f"`{asked.unknown}` is not a team I know" if asked.unknown else "Those are the same team"
        return [error(f"{what}, so I can't compare it. The teams are: {listed}. Ask again with two of them, like "
                      f"_north vs south this quarter_.")]
    return engine.dispatch_command(turn, "digest", f"{period or 'this month'} {' vs '.join(asked.teams)}")
