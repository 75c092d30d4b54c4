"""`/audit digest [this week | last week] [team]`: the weekly digest on demand, for a manager's own teams or, for QA
and admins, any. Last week's by default, as Monday's digest; `this week` (or `so far`) gives the week under way,
counted to today (trial 18: a manager asking on Friday saw "0 this week" for last week and not the two audits they
had just done); `last week` always last week's.

Once the working week is over (no working time left in it: a Friday after working hours, a Saturday or Sunday, or a
Friday bank holiday) the default is the week ending this Sunday, said so (trial 49 F17: `digest` on a Sunday evening
gave the week before and left out that day's audit, though the week had no working days left to add to it; fix53c:
a Friday evening, after the service's working hours, `quiet_hours` in settings, as held DMs keep, is the same)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from bot.core import buttons, policy
from bot.core.agreement import last_complete_week
from bot.core.period_or_team import team_or_period
from bot.core.periods import TYPED as PERIOD_TYPED
from bot.core.periods import Period, read_period
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.teams import noted, team_names
from bot.digests import themes
from bot.digests.digest import build_service_digest, build_team_digests
from bot.digests.digest_week import week_over
from bot.digests.digest_words import arranged
from bot.digests.period_digest import period_replies
from bot.digests.render import service_replies, team_replies
from bot.engine.near_miss import TEAM
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
from bot.settings.people import Role

_THIS = r"(?:for\s+)?(?:this\s+week(?:['’]?s)?(?:\s+so\s+far)?|so\s+far|(?:the\s+)?week\s+so\s+far)"
_LAST = r"(?:for\s+)?last\s+week(?:['’]?s)?"  # what the digest gives anyway (trial 19: read as a team's name)
THIS_WEEK = re.compile(rf"^\s*{_THIS}\b\s*", re.IGNORECASE)
LAST_WEEK = re.compile(rf"^\s*{_LAST}\b\s*", re.IGNORECASE)
# "service", "all", "all teams", "my teams", "both", "overall": every team the reader may see, side by side (trial 22:
# "digest service" was "There is no team service", and a manager of two teams had no total for both).
ALL_TEAMS = re.compile(r"^\s*(?:the\s+)?(?:whole\s+)?(?:service|all(?:\s+(?:my\s+)?teams)?|my\s+teams|both(?:\s+teams)?"
                       r"|overall|combined|together)\s*$", re.IGNORECASE)
# a month or quarter (bot.core.periods reads it): `november 2026`, `last month`, `this quarter`, `q3`
_PERIOD = r"(?:(?:this|last|previous)\s+(?:month|quarter)|q[1-4](?:\s+20\d\d)?|[a-z]{3,9}\s+20\d\d)"
_WHEN = rf"(?:{_THIS}|{_LAST}|{_PERIOD}|{PERIOD_TYPED})"


def typed_shape(names: Iterable[str] = ()) -> str:
    """The words `digest` runs with when typed bare: a period and up to four teams, in either order (trial 50:
    `digest north vs south last week` was taken for a question); a team is a word or two, or one of `names` whole
    (`south child in need and protection`), so a longer question starting "digest" stays a question."""
    named = "".join(f"{re.escape(name.lower())}|" for name in sorted(names, key=len, reverse=True))
    team = rf"(?:team\s+)?(?:{named}{TEAM})"
    teams = rf"{team}(?:(?:\s*[,&]\s*|\s+(?:vs|versus|v|and)\s+){team}){{0,3}}"
    return rf"(?:{_WHEN}(?:\s*,?\s+{teams})?|{teams}(?:\s*,?\s+{_WHEN})?)?"


# The digest asked for in other words than the command's (trial 19: "weekly digest" and "show me this weeks digest"
# got a knowledge-base article; trial 26: "service digest", the Home button's label, explained the digest instead of
# showing it): `when` is this or last week
ASKED = re.compile(
    r"^\s*(?:(?:can\s+i\s+(?:see|have)|(?:show|give|send|get)(?:\s+me)?)\s+)?(?:the\s+|my\s+|our\s+)?"
    r"(?:(?P<when>this|last)\s+week(?:['’]?s)?\s+)?"
    r"(?:weekly\s+|team(?:['’]?s)?\s+|audit\s+|(?:whole\s+)?service(?:['’]?s)?\s+)*digest"
    r"(?:\s+(?:for\s+)?(?P<after>this|last)\s+week)?(?:\s+so\s+far)?(?:\s*,?\s*please)?\s*[.!?]*\s*$",
    re.IGNORECASE)


def digest_replies(services: Services, turn: Turn, text: str) -> list[Reply]:
    """The digest this person asked for, checked against their role on the server side every time. A team is read
    as every command reads one (bot.core.teams): `north` is north-assessment, and the reply says so."""
    local = turn.now.astimezone(services.settings.timezone)
    today = local.date()
    text = arranged(text, team_names(services.directory), today)  # period first, any order typed (trial 50)
    if (asked := _period_asked(text, today)) is not None:
        return _period_digest(services, turn, *asked)
    so_far = THIS_WEEK.match(text)
    last = LAST_WEEK.match(text)
    said = so_far or last
    team_text = text[said.end():] if said else text
    if so_far:
        return _digest(services, turn, today - timedelta(days=today.weekday()), team_text)
    if last is None and week_over(services, local):
        monday = today - timedelta(days=today.weekday())
        return [*_digest(services, turn, monday, team_text), Reply(kind="notice", text=(
            "This is this week's digest, to today: the working week is over. `/audit digest last week` gives "
            "last week's."))]
    return [*_digest(services, turn, last_complete_week(today), team_text), Reply(kind="notice", text=(
        "This is last week's digest. Audits submitted since Monday are in next week's: `/audit digest this week` "
        "shows the week so far."))]


def _period_asked(text: str, today: date) -> tuple[Period, str] | None:
    """(the month or quarter the words start with, the team words after it), or None for a week or a team."""
    words = text.split()
    for size in (3, 2, 1):
        period = read_period(" ".join(words[:size]), today) if len(words) >= size else None
        if period is not None:
            return period, " ".join(words[size:])
    return None


def _period_digest(services: Services, turn: Turn, period: Period, team_text: str) -> list[Reply]:
    """`digest november [team]`: the period's figures for the team named, or every team the reader may see."""
    allowed = policy.digest_teams(services.directory, turn.person)
    if not allowed:
        raise AccessDenied("The digest is for team managers, QA leads and admins. Ask your team manager for it.")
    every_team = policy.sees_every_team(turn.person)
    if (several := _teams_listed(services, turn, team_text)) is not None:
        return period_replies(services, period, *several)
    if team_text.strip() and not ALL_TEAMS.match(team_text):
        team = team_or_period(services, None if every_team else allowed, team_text, "see the digest", turn.user_id)
        return noted(team, period_replies(services, period, [team.id], team.said), own_line=True)
    heading = "Every team" if every_team else "Your teams"
    return period_replies(services, period, list(services.directory.teams) if every_team else allowed, heading)


def _teams_listed(services: Services, turn: Turn, team_text: str) -> tuple[list[str], str] | None:
    """(the teams of `digest this month north vs south`, their names as the heading): "vs" between them, as "and" is
    in a team's name and a comma is read as a space; each read, and checked against the reader's teams, as one team
    typed is. Shown side by side as every team is (fix 41); None for one team or none."""
    typed = [part.strip() for part in re.split(r"\s+(?:vs|versus)\s+", team_text) if part.strip()]
    if len(typed) < 2:
        return None
    readable = None if policy.sees_every_team(turn.person) else policy.digest_teams(services.directory, turn.person)
    ids = list(dict.fromkeys(team_or_period(services, readable, one, "see the digest").id for one in typed))
    names = [services.directory.teams[team_id].name for team_id in ids]
    return ids, " and ".join(names) if len(names) < 3 else ", ".join(names)


def _digest(services: Services, turn: Turn, monday: date, team_text: str) -> list[Reply]:
    directory = services.directory
    person = turn.person
    every_team = policy.sees_every_team(person)
    allowed = policy.digest_teams(directory, person)
    if not allowed:
        # Buttons can be copied: the action re-checks what the command's role list checks.
        raise AccessDenied("The digest is for team managers, QA leads and admins. Ask your team manager for it.")
    combined = bool(ALL_TEAMS.match(team_text))
    if (several := _teams_listed(services, turn, team_text)) is not None:  # `digest north vs south`: last week's
        return service_replies(build_service_digest(services, monday, *several), chart=False)
    if team_text.strip() and not combined:
        team = team_or_period(services, None if every_team else allowed, team_text, "see the digest", turn.user_id)
        return noted(team, [r for d in build_team_digests(services, monday, [team.id]) for r in team_replies(d)],
                     own_line=True)
    if every_team:
        return service_replies(build_service_digest(services, monday))
    side_by_side = (service_replies(build_service_digest(services, monday, allowed, "Your teams"), chart=False)
                    if len(allowed) > 1 or combined else [])
    if combined:
        return side_by_side
    return side_by_side + [r for d in build_team_digests(services, monday, allowed) for r in team_replies(d)]


def asked_in_words(engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """"weekly digest", "show me this week's digest": the command, with its role check; None for anything else."""
    asked = ASKED.match(text)
    if asked is None or text.strip().lower().startswith("digest"):  # the command's own word: typed as a command
        return None
    when = (asked.group("when") or asked.group("after") or "").lower()
    return engine.dispatch_command(turn, "digest", {"this": "this week", "last": "last week"}.get(when, ""))


def install(engine: Engine, services: Services) -> None:
    """Register `/audit digest`, the digest and its themes asked for in words, and the Home tab's "Full digest"
    button."""
    engine.add_message_handler(lambda turn, text: asked_in_words(engine, turn, text), priority=27)
    themes.install(engine, services)  # "what are the common themes coming out of audits?"
    # both commands take team names in any spelling, so a typo of either is still read as the command
    teams_typed = typed_shape([*services.directory.teams, *team_names(services.directory).values(),
                               *(team_id.replace("-", " ") for team_id in services.directory.teams)])
    engine.add_command(
        "digest", lambda turn, text: digest_replies(services, turn, text),
        "last week's audit digest for your team (QA leads and admins: any team, or the whole service), or this "
        "week's once the working week is over (Friday after working hours, or a weekend); `this week` for the week "
        "so far, `last week` always last week's; a month or quarter (`november`, `last month`, `this quarter`, "
        "`q3`) for that period",
        usage="/audit digest [this week | last week | <month> | last month | this quarter | q3] [team]",
        roles=[Role.MANAGER, Role.QA_LEAD, Role.ADMIN],
        who_can="team managers, QA leads and admins",
        typed=teams_typed,
    )
    engine.add_command(
        "themes", lambda turn, text: themes.command(services, turn, text),
        "the questions most often answered badly across your teams (QA leads and admins: every team), then in each "
        "team: over the last 4 weeks, or a period (`this month`, `last month`, `this quarter`, `november`), for the "
        "teams named (`themes north vs south`)",
        usage="/audit themes [this month | last month | <month> | this quarter | q3] [team]",
        roles=[Role.MANAGER, Role.QA_LEAD, Role.ADMIN],
        who_can="team managers, QA leads and admins",
        typed=teams_typed,
    )
    engine.add_action("digest.show", lambda turn, value: digest_replies(services, turn, buttons.key(value)))
