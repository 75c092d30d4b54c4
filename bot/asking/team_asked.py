"""A team's audit figures asked for in words: "how is south doing", "how is the south team doing this month",
"south team audits", "is cic behind on audits", "how are my teams doing".

Trial 26: a head of service asked all three of the first and was answered, confidently, with the entry on homeless
16 and 17 year olds ("south" was read as the start of "Southwark"). A team's name, as every command reads one
(bot.core.teams: `south`, `children in care`, `cic`), with words asking how it is doing, is a question about that
team's figures: its digest for the week so far (with the month against target), or each auditor's count against
target when it asks who is behind, with the digest's own role check (a manager of another team is told they can see
their own teams only). A bare team word ("south") asks the same.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.teams import team_matches, team_names
from bot.engine.routing import Engine, Turn
from bot.errors import UserError

_PERIOD = r"(?:\s+(?:for\s+|in\s+)?(?P<period>(?:this|last)\s+(?:month|week)|so\s+far|lately|recently|this\s+year))?"
_TEAM = r"(?:the\s+)?(?P<team>[a-z0-9&][a-z0-9& ]*?)(?P<word>\s+teams?)?"
_ON_AUDITS = (r"(?:\s+(?:on|with|against|for)\s+(?:their\s+|its\s+|the\s+|our\s+)?"
              r"(?:audits?|audit\s+targets?|targets?))?")
# how it is doing: its digest for the week so far
DOING = (
    re.compile(rf"^(?:how\s+(?:is|are|s)|hows|whats|what\s+is)\s+{_TEAM}\s+(?:doing|getting\s+on|performing|"
               rf"going|looking|like){_ON_AUDITS}{_PERIOD}$"),
    re.compile(rf"^(?:(?:what\s+are|whats|what\s+is|show|see|give\s+me|get)\s+)?{_TEAM}(?:s)?\s+(?:audit\s+)?"
               rf"(?:audits|figures|numbers|stats|statistics|performance|progress|results|picture){_PERIOD}$"),
    re.compile(rf"^how\s+many\s+audits\s+(?:has|have|did)\s+{_TEAM}\s+(?:done|completed|submitted)(?:\s+so\s+far)?"
               rf"{_PERIOD}$"),
    # "whats the picture for south team" (trial 30)
    re.compile(rf"^(?:whats|what\s+is|hows|how\s+is)\s+the\s+(?:picture|position|situation|story|state\s+of\s+play)"
               rf"\s+(?:for|in|with|of|at|on|across)\s+{_TEAM}{_PERIOD}$"),
    re.compile(rf"^{_TEAM}{_PERIOD}$"),  # "south", "the south team": a bare team word
)
# who in it is behind: each auditor's count against target
BEHIND = re.compile(rf"^(?:why\s+(?:is|are)|is|are)\s+{_TEAM}\s+(?:behind|falling\s+behind|on\s+track|on\s+target|"
                    rf"ahead|struggling|meeting\s+(?:its|their)\s+(?:audit\s+)?targets?){_ON_AUDITS}{_PERIOD}$")
# every team the reader may see, as the digest gives them
ALL = re.compile(r"^(?:my|our|all(?:\s+the|\s+my|\s+our)?|every|the|each)?\s*(?:teams?|service|whole\s+service)$")
# Words of a team's name that also name practice: a team is read from them only with "team" said ("how is the
# children in care team doing"), never "how is child protection doing" or "care figures".
PRACTICE_WORDS = frozenset({"child", "children", "childrens", "care", "need", "needs", "in", "and", "of", "protection",
                            "assessment", "early", "help", "looked", "after", "safeguarding", "youth", "family",
                            "families", "court", "legal", "adolescent", "adolescents", "disabled", "disability",
                            "leaving", "leavers", "leaver", "support", "front", "door"})
MIN_BARE = 4  # a bare word names a team only when it is a word of its name of at least this many letters ("south")


def team_named(services: Services, typed: str, team_said: bool, bare: bool = False) -> str | None:
    """The one team `typed` names (its id), "*" for every team the reader may see ("my teams", "the service"), or
    None: no team, several, or only practice words without "team" after them. A bare word (`bare`, nothing else
    typed) must be whole words of one team's name or id ("south"), or have "team" after it ("cic team"): a bare
    "cic" or "care" asks what the words mean."""
    if ALL.match(f"{typed} team" if team_said else typed):
        return "*"
    words = typed.split()
    if not team_said and all(word in PRACTICE_WORDS for word in words):
        return None
    names = team_names(services.directory)
    found = team_matches(names, typed)
    if len(found) != 1:
        return None
    if bare and not team_said:
        own = set(re.findall(r"[a-z0-9]+", f"{found[0]} {names[found[0]]}".lower()))
        if not all(word in own and len(word) >= MIN_BARE for word in words):
            return None
    return found[0]


def _period(said: str | None) -> str:
    return " ".join((said or "").split())


# A short question about figures that names a team by a word only its name has ("what's going on with south's
# audits?"), in no shape above: that team's figures too, so "south" never reaches the knowledge base as "Southwark".
FIGURE_WORDS = re.compile(r"\b(?:doing|audits?|figures|numbers|stats|behind|targets?|performance|progress|"
                          r"struggling|getting\s+on|going)\b")
PERIOD_SAID = re.compile(r"\b(?:this|last)\s+(?:month|week)\b")
MAX_IN_PASSING = 12
# Re-audits named in passing ("what re-audits are due in north?"): their own list answers (bot.audits.reaudits), not
# the digest, which only counts them
OTHER_LISTS = re.compile(r"\b(?:re\s*-?\s*audits?|reaudits?)\b")
NOT_DISTINCT = PRACTICE_WORDS | {"team", "teams", "service", "services"}


def named_in_passing(services: Services, said: str) -> str | None:
    """The one team a short question about figures names by a word of its name or id that is not a practice word
    ("south", "north": MIN_BARE letters or more), said as it or with an "s" ("souths", from "south's")."""
    words = said.split()
    if len(words) > MAX_IN_PASSING or FIGURE_WORDS.search(said) is None or OTHER_LISTS.search(said):
        return None
    found = teams_by_word(services, said)
    return found.pop() if len(found) == 1 else None


def teams_by_word(services: Services, said: str) -> set[str]:
    """The teams `said` names by a word only a team's name or id has ("south", "norths"), however many: "north vs
    south" names two."""
    words = said.split()
    typed = set(words) | {word[:-1] for word in words if word.endswith("s")}
    return {team_id for team_id, name in team_names(services.directory).items()
            for word in re.findall(r"[a-z0-9]+", f"{team_id} {name}".lower())
            if len(word) >= MIN_BARE and word not in NOT_DISTINCT and word in typed}


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The team's figures, as its command gives them with its role check; None when the text asks no team's."""
    said = plainly(text)
    if not said or len(said.split()) > 16:
        return None
    behind = BEHIND.match(said)
    for shape in (behind, *(s.match(said) for s in DOING)):
        if shape is None:
            continue
        bare = shape.re is DOING[-1]
        team = team_named(services, shape.group("team").strip(), shape.group("word") is not None, bare=bare)
        if team is not None:
            return _figures(engine, turn, team, _period(shape.group("period")), behind=shape is behind)
    team = named_in_passing(services, said)
    if team is None:
        return None
    period = PERIOD_SAID.search(said)
    return _figures(engine, turn, team, _period(period.group() if period else None), behind="behind" in said.split())


def _figures(engine: Engine, turn: Turn, team: str, period: str, behind: bool) -> list[Reply]:
    """Who is behind: `/audit auditors` over the month (or the period said); how a team is doing: `/audit digest`
    for the week so far, or last week's; last month: the auditors' counts, as the digest gives weeks only."""
    if not engine.commands["digest"].allowed(turn.person):
        raise UserError("A team's audit figures are for team managers, QA leads and admins: ask your team manager. "
                        "For your own audits this month, ask _am I on track with my audits?_")
    named = "" if team == "*" else team
    if behind or period.startswith("last month"):
        month = period if period in ("this month", "last month", "this week", "last week") else "this month"
        return engine.dispatch_command(turn, "auditors", f"{month} {named}".strip())
    week = "last week" if period == "last week" else "this week"
    return engine.dispatch_command(turn, "digest", f"{week} {named}".strip())


def install(engine: Engine, services: Services) -> None:
    """Register a team's figures asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=27)
