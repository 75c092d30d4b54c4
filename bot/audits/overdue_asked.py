"""Overdue actions asked for in words: "whats overdue", "overdue actions", "who in my team is behind", "which actions
are overdue", "anything overdue in my team".

Trial 28: a manager typed the first three and got "I'm not sure which of these you mean" (the Home tab said
"Overdue actions now: 6", and nothing led to `/audit actions team`). For a team manager or an admin they are
`/audit actions team overdue`, the team's overdue actions only, oldest first, with a line saying how many of how
many open are overdue; for anyone else `/audit actions overdue`, their own (trial 40: "overdue actions south" listed
all 16 open actions, not the 8 overdue). Who is behind on audits against
target is bot.asking.behind_asked; this module, apart from it, is only the actions' side.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.audits import overdue_why
from bot.audits.actions import TEAM_READERS, team_owner_ids
from bot.core import policy
from bot.core.action_due import is_overdue
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import actions as action_store

PRIORITY = 27  # after an audit or a moderation waiting for typed text, before the knowledge base
_MINE = r"(?:\s+(?:in|for|of|from)\s+(?:my|our|the)\s+teams?)?"
_TEAMISH = r"(?:my|our|the)\s+teams?"
_ACTIONS = r"(?:(?:audit\s+)?actions?|tasks?|things|stuff|items)"
# asked of overdue actions: the person's own, or their teams' for those who read a team's
OVERDUE = (
    re.compile(rf"^(?:(?:what|which|whats|what\s+is|what\s+are|whats\s+still|what\s+is\s+still|anything|any|is\s+"
               rf"anything|are\s+there\s+any|show(?:\s+me)?|list|see|check)\s+)?(?:{_ACTIONS}\s+)?"
               rf"(?:(?:is|are|still)\s+)*(?:overdue|late|past\s+due|out\s+of\s+date){_MINE}$"),
    re.compile(rf"^(?:(?:show(?:\s+me)?|list|see|check|what\s+are\s+(?:the|my|our)|whats|any|my|our|the)\s+)*"
               rf"(?:{_TEAMISH}s?\s+)?overdue\s+{_ACTIONS}{_MINE}$"),
    # "which of my actions are overdue" (trial 43), "what of our actions is late"
    re.compile(rf"^(?:which|what)\s+(?:(?:ones\s+)?of\s+(?:my|our|the|{_TEAMISH}s?)\s+)?{_ACTIONS}\s+(?:are|is)\s+"
               rf"(?:still\s+)?(?:overdue|late|past\s+due){_MINE}$"),
)
# who in a team is behind: its members' overdue actions (asked only of a team)
BEHIND = re.compile(rf"^(?:who|whos|who\s+is|which\s+(?:workers?|people|staff|members?))\s+(?:in|on|from)\s+"
                    rf"{_TEAMISH}\s+(?:is|are|s)?\s*(?:falling\s+|getting\s+)?(?:behind|overdue|late)"
                    rf"(?:\s+(?:on|with)\s+(?:their\s+)?{_ACTIONS})?$")


def asked(text: str) -> str | None:
    """'own' for overdue actions asked in words, 'team' when a team is named ("who in my team is behind"), or None
    for anything else."""
    said = plainly(text)
    if BEHIND.match(said):
        return "team"
    if any(shape.match(said) for shape in OVERDUE):
        return "team" if re.search(r"\bteams?\b", said) else "own"
    return None


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit actions team` (a team reader) or `/audit actions` for overdue actions asked in words, with how many
    are overdue said first; None for other text, and for a team asked by someone who reads no team's actions."""
    scope = asked(text)
    if scope is None:  # "why are they overdue" after the list (trial 40)
        return overdue_why.answered(services, turn, text)
    reads_team = turn.person is not None and turn.person.role in TEAM_READERS
    if scope == "team" and not reads_team:
        return None
    listing = engine.dispatch_command(turn, "actions", "team overdue" if reads_team else "overdue")
    return [_overdue_line(services, turn, reads_team), *listing]


def _overdue_line(services: Services, turn: Turn, team: bool) -> Reply:
    """How many of the listed actions are overdue: the listing below has them first."""
    if team and turn.person is not None:
        actions = action_store.open_actions_of_owners(services.storage, team_owner_ids(services, turn.person))
    else:
        actions = action_store.open_actions_of(services.storage, turn.user_id)
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    late = sum(1 for action in actions if is_overdue(action.due_date, today))
    every = team and policy.sees_every_team(turn.person)  # an admin has no teams: theirs is every team (fix81e)
    whose = ("in every team" if every else "in your teams") if team else "of yours"
    if not late:
        return Reply(kind="notice", text=f"No open action {'in any team' if every else whose} is overdue.")
    counted = count_of(late, "open action") if late == len(actions) else \
        f"{late} of the {count_of(len(actions), 'open action')}"
    return Reply(kind="notice", text=f"{counted} {whose} {'is' if late == 1 else 'are'} overdue, listed below oldest "
                                     "first." + (
        " `chase 12` nudges an action's owner by DM." if team else ""))


def install(engine: Engine, services: Services) -> None:
    """Register overdue actions asked in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
