"""Moderation agreement team by team, asked in words: "agreement rates by team?", "which team has the lowest agreement
rate", "moderation agreement per team", "how does agreement compare across teams".

Trial 28: a QA lead's "agreement rates by team?" got the knowledge-base entry explaining the rate (which points to the
digest), and "which team has the lowest agreement rate" got suggestions and went onto the unanswered list. The figures
are the digest's (bot.core.agreement: the audits submitted in the last complete week and the 4 weeks before it, each
counted once at its latest decision), for the teams whose digest the reader may read: every team for QA leads and
admins, a manager's own. Anyone else's words go on to the knowledge base, which explains the rate.
"""

from __future__ import annotations

from bot.asking import rate_asked
from bot.asking.asked_plainly import plainly
from bot.core import agreement as figures
from bot.core import policy
from bot.core.agreement import Agreement, last_complete_week
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.agreement_words import team_by_team
from bot.digests.render import count_share
from bot.engine.routing import Engine, Turn

PRIORITY = 27  # with the other figures asked in words, before the knowledge base (90)
MAX_WORDS = 16


def asked(text: str) -> str | None:
    """'all', 'lowest', 'highest' or 'down' (which way moderation moves the grades) when `text` asks for the agreement
    team by team; None for anything else."""
    said = plainly(text)
    if len(said.split()) > MAX_WORDS:
        return None
    return team_by_team(said)


def team_agreement(services: Services, team_ids: list[str], which: str) -> list[Reply]:
    """Each team's agreement over the digest's window, lowest first, with the whole (of these teams) and the
    window as dates; for `lowest` or `highest`, that team first, said in one line."""
    monday = last_complete_week(services.local_now().date())
    counts = figures.by_team(services, monday, team_ids)
    since = figures.decided_since(services, monday, team_ids)
    moved = figures.direction_by_team(services, monday, team_ids)
    names = {team_id: services.directory.teams[team_id].name for team_id in team_ids}
    rated = sorted((team_id for team_id in team_ids if counts.get(team_id, (0, 0))[1]),
                   key=lambda team_id: (counts[team_id][0] / counts[team_id][1], names[team_id]))
    unrated = sorted((team_id for team_id in team_ids if team_id not in rated), key=names.__getitem__)
    lines = [f"• **{names[team_id]}**: {count_share(*counts[team_id])}"
             f"{figures.direction_said(*moved.get(team_id, (0, 0)), '; ')}" for team_id in rated]
    lines += [f"• **{names[team_id]}**: none moderated" for team_id in unrated]
    whole = Agreement(sum(counts.get(t, (0, 0))[0] for t in team_ids), sum(counts.get(t, (0, 0))[1] for t in team_ids),
                      figures.basis(monday), sum(since.get(t, 0) for t in team_ids),
                      sum(moved.get(t, (0, 0))[0] for t in team_ids), sum(moved.get(t, (0, 0))[1] for t in team_ids))
    label = "Whole service" if len(team_ids) == len(services.directory.teams) else "Your teams"
    head = (_moved_down(rated, counts, moved, names) if which == "down" else _answer(rated, counts, names, which))
    text = "\n".join([*([head] if head else []), *lines, f"**{label}**: {whole.said()}."])
    return [Reply(title="Moderation agreement by team", text=text,
                  note="Lowest first; each team's counts the audits its digest counts (`/audit digest <team>`), "
                       "agreement against the auditor's grade (down: the moderator graded lower), the target "
                       f"{figures.TARGET_PERCENT}% or more.")]


def _answer(rated: list[str], counts: dict[str, tuple[int, int]], names: dict[str, str], which: str) -> str | None:
    """'Lowest: South …, 2 of 4 (50%).' for a question asking which team; None when it asked for all, or no team has
    a moderated audit to rank (every line then says so). Teams tied are all named."""
    if which == "all":
        return None
    if not rated:
        return "No team has a moderated audit in these weeks, so none is lowest or highest yet."
    pick = rated[0] if which == "lowest" else rated[-1]
    rate = counts[pick][0] / counts[pick][1]
    tied = [team_id for team_id in rated if counts[team_id][0] / counts[team_id][1] == rate]
    said = " and ".join(f"{names[team_id]}, {count_share(*counts[team_id])}" for team_id in tied)
    return f"**{which.capitalize()}**: {said}."


def _moved_down(rated: list[str], counts: dict[str, tuple[int, int]], moved: dict[str, tuple[int, int]],
                names: dict[str, str]) -> str:
    """'Moderated down most: North Assessment Team, 2 of 7 moderated (0 up).': for "which team over-grades", the team
    whose auditors' grades moderators lowered most often (teams tied all named), or that none was lowered."""
    most = max((moved.get(team_id, (0, 0))[0] for team_id in rated), default=0)
    if not most:
        return "No team's audits were moderated down in these weeks: no team's grades were lowered by a moderator."
    tied = [team_id for team_id in rated if moved.get(team_id, (0, 0))[0] == most]
    said = " and ".join(f"{names[team_id]}, {most} of {counts[team_id][1]} moderated ({moved[team_id][1]} up)"
                        for team_id in tied)
    return f"**Moderated down most** (the auditor's grade was higher than the moderator's): {said}."


def routed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The agreement team by team for those who may read the teams' digests; None for anyone else, or other words."""
    which = asked(text)
    if which is None:
        return None
    team_ids = [team_id for team_id in policy.digest_teams(services.directory, turn.person)
                if team_id in services.directory.teams]
    if not team_ids:
        return None
    rate_asked.figure_shown(services, turn)  # "is 81% good?" next is about it
    return team_agreement(services, team_ids, which)


def install(engine: Engine, services: Services) -> None:
    """Register the agreement team by team asked in words."""
    engine.add_message_handler(lambda turn, text: routed(services, turn, text), priority=PRIORITY)
