"""`whoami`, `who am i`, `what is my role`: the asker's own name, role, teams and manager as the bot's teams list
has them, never a question for the knowledge base (trial 54, F11: a new worker's `whoami` was "I don't know that
yet… on the QA leads' list", and an admin checking set-up put noise on that list). A small reader, not a command:
it is read where questions are, before the knowledge base, so nothing is logged for the QA leads.
"""

from __future__ import annotations

import re

from bot.core.away_said import away_line
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


# Trial 57 (F9): a worker asking who covers an away manager got knowledge-base suggestions, never the cover's name.
_MANAGER = r"my\s+(?:team\s+)?(?:manager|tm|boss)"
_AWAY = r"(?:on\s+(?:annual\s+)?leave|away|off(?:\s+work)?|on\s+holiday)"
_WHO_COVERS = re.compile(
    rf"\bwho\s*(?:is|s)?\s+(?:covering|covers|cover)\s+(?:for\s+)?{_MANAGER}\b"
    rf"|\b{_MANAGER}\s+(?:is|s)\s+{_AWAY}\b.*\bwho\b"
    rf"|\bwho\s+(?:do|should|can)\s+i\s+(?:go\s+to|ask|speak\s+to|talk\s+to|contact)\b.*\b{_MANAGER}\s+"
    rf"(?:is|s)\s+{_AWAY}\b"
    rf"|^is\s+{_MANAGER}\s+{_AWAY}\b")


def asks_who_covers(question: str) -> bool:
    """Whether the line asks who covers the asker's own manager while away (`who is covering for my manager`,
    `my manager is on leave who do i go to`)."""
    return _WHO_COVERS.search(normalise(question)) is not None


def answered(services: Services, turn: Turn, question: str) -> Reply | None:
    """`whoami` or "who covers my manager", answered from the teams list and time away, never logged; None for any
    other line, or a cover question from someone with no manager (the knowledge base answers them)."""
    if asks_who_i_am(question):
        return who_am_i_reply(services, turn)
    if asks_who_covers(question) and services.directory.managers_of(turn.user_id):
        return who_covers_reply(services, turn)
    return None


def who_covers_reply(services: Services, turn: Turn) -> Reply:
    """Each of the asker's managers: away until when and who covers what, or not marked away; then whom to go to,
    a cover taking only moderation requests."""
    today = turn.now.astimezone(services.settings.timezone).date()
    managers = services.directory.managers_of(turn.user_id)
    lines = [away_line(services, manager, today) or f"{services.directory.label(manager)}, your manager, is not "
             "marked away in audit-bot" for manager in managers]
    if not any(away_line(services, manager, today) for manager in managers):
        return Reply(text=". ".join(lines) + ": ask them as usual.")
    return Reply(text=". ".join(lines) + ". A cover takes no actions and no requests for more time: those wait "
                 "for your manager's return (`extend` still sends your request, and says so). If something can't "
                 "wait, ask another team manager or a QA lead.")


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
        colleagues = directory.co_managers_of(turn.user_id)
        managers = [directory.label(user_id) for user_id in directory.managers_of(turn.user_id)
                    if user_id not in colleagues]
        if colleagues:
            text += f"; you manage {_managed(services, turn.user_id)} with " + \
                " and ".join(directory.label(user_id) for user_id in colleagues)
        if managers:
            text += f"; your manager is {' and '.join(managers)}" if len(managers) == 1 else \
                f"; your managers are {' and '.join(managers)}"
            text += _managers_away(services, turn)
        elif person.role is not Role.MANAGER:
            text += "; your team has no manager in the bot's teams list"
    else:
        text += ", in no team in the bot's teams list"
    return Reply(text=text + f". An admin changes this in {services.settings.teams_file_shown}. Type `help` to see "
                             "what I can do.")


def _managed(services: Services, user_id: str) -> str:
    """The teams this person manages by name, or "it" when they are in that one team only."""
    directory = services.directory
    managed = directory.managed_team_ids(user_id)
    if [team.id for team in directory.teams_of(user_id)] == managed and len(managed) == 1:
        return "it"
    return " and ".join(directory.teams[team_id].name for team_id in managed)


def _managers_away(services: Services, turn: Turn) -> str:
    """'; they are away until …; Team manager (North) covers their moderation requests only' while a manager of
    the asker is away (trial 57, F9), else ''."""
    today = turn.now.astimezone(services.settings.timezone).date()
    managers, label = services.directory.managers_of(turn.user_id), services.directory.label
    away = [line for manager in managers
            if (line := away_line(services, manager, today, "they" if len(managers) == 1 else label(manager)))]
    return f"; {'; '.join(away)}" if away else ""
