"""`whoami`, `who am i`, `what is my role`: the asker's own name, role, teams and manager as the bot's teams list
has them, never a question for the knowledge base (trial 54, F11: a new worker's `whoami` was "I don't know that
yet… on the QA leads' list", and an admin checking set-up put noise on that list). A small reader, not a command:
it is read where questions are, before the knowledge base, so nothing is logged for the QA leads.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.settings.people import Role
from knowledge.smalltalk import normalise

ROLE_WORDS = {Role.PRACTITIONER: "practitioner", Role.MANAGER: "manager", Role.QA_LEAD: "QA lead",
              Role.ADMIN: "admin"}

# The whole line: "who am i to the bot?" or "what role does a social worker have in a strategy meeting" stay questions.
_ASKED = re.compile(r"^(?:please\s+)?(?:whoami|who\s+am\s+i|(?:whats|what\s+is|what\s+s|tell\s+me)\s+my\s+"
                    r"(?:role|team|job\s+title|name)(?:\s+(?:here|in\s+the\s+bot|on\s+here))?|which\s+team\s+am\s+i"
                    r"(?:\s+in)?|what\s+team\s+am\s+i(?:\s+in)?|am\s+i\s+set\s+up(?:\s+right)?)(?:\s+please)?$")


def asks_who_i_am(question: str) -> bool:
    """Whether the whole line asks who the asker is to the bot (their role, team or name)."""
    return _ASKED.match(normalise(question)) is not None


def who_am_i_reply(services: Services, turn: Turn) -> Reply:
    """Their name, role and teams as teams.yaml gives them, and their team's manager, or that they are in no team."""
    directory = services.directory
    person = turn.person
    text = f"You are {person.name} ({ROLE_WORDS.get(person.role, str(person.role))})"
    teams = directory.teams_of(turn.user_id)
    if teams:
        text += " in " + " and ".join(team.name for team in teams)
        managers = [directory.label(user_id) for user_id in directory.managers_of(turn.user_id)]
        if managers:
            text += f"; your manager is {' and '.join(managers)}" if len(managers) == 1 else \
                f"; your managers are {' and '.join(managers)}"
        elif person.role is not Role.MANAGER:
            text += "; your team has no manager in the bot's teams list"
    else:
        text += ", in no team in the bot's teams list"
    return Reply(text=text + ". An admin changes this in config/teams.yaml. Type `help` to see what I can do.")
