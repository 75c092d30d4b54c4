"""Who has the most overdue actions, asked in words: "who has the most overdue actions", "which team has the most
overdue actions" (trial 55 F9: a "Did you mean" of how-to entries). The overdue actions counted team by team (as the
digest counts them: by the audited case's team) and owner by owner, most first, for the teams the reader may see;
`actions team overdue` lists them. Never a knowledge question.
"""

from __future__ import annotations

import re

from bot.core.action_due import is_overdue
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.team_owners import overdue_by_team, team_action_owners
from bot.engine.routing import Turn
from bot.storage import actions as action_store

ASKED = re.compile(r"^(?:who|which\s+(?:team|teams|worker|workers|person|people|owners?)|whos|who\s+s)\s+(?:has|have|"
                   r"got|has\s+got|is\s+sitting\s+on)\s+(?:the\s+)?(?:most|more|biggest\s+number\s+of|highest\s+"
                   r"number\s+of)\s+(?:overdue|late)(?:\s+(?:audit\s+)?actions?)?$")
SHOWN_OWNERS = 10


def most_asked(said: str) -> bool:
    """Whether `said` (as bot.asking.asked_plainly gives it) asks who has the most overdue actions."""
    return ASKED.match(said) is not None


def most_overdue(services: Services, turn: Turn, team_ids: list[str]) -> list[Reply]:
    """The overdue actions by team and by owner, most first, in one reply."""
    today = services.local_now().date()
    by_team = overdue_by_team(services, team_ids, services.clock(), today)
    teams = services.directory.teams
    owners = team_action_owners(services, team_ids)
    late = [a for a in action_store.open_actions_of_owners(services.storage, owners) if is_overdue(a.due_date, today)]
    by_owner: dict[str, int] = {}
    for action in late:
        by_owner[action.owner_id] = by_owner.get(action.owner_id, 0) + 1
    total = sum(by_team.values())
    if not total and not by_owner:
        return [Reply(text="Nothing in your teams is overdue.")]
    lines = [f"**By team** ({total} overdue):"]
    lines += [f"• {teams[t].name}: {by_team.get(t, 0)}"
              for t in sorted(team_ids, key=lambda t: (-by_team.get(t, 0), teams[t].name))]
    lines.append("**By owner**:")
    ranked = sorted(by_owner.items(), key=lambda item: (-item[1], services.directory.label(item[0])))
    lines += [f"• {services.directory.label(owner)}: {count}" for owner, count in ranked[:SHOWN_OWNERS]]
    return [Reply(title="Overdue actions, most first", text="\n".join(lines),
                  note="`actions team overdue` lists them with their owners and due dates; `chase all overdue` "
                       "nudges each owner.")]
