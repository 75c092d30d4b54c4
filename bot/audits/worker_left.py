"""`worker C1` for someone who has left teams.yaml (fix77c): the picture is of a current worker, so a leaver has none,
but "Nobody in teams.yaml has that name" left the manager unsure whether she had typed it wrong. Now the reply says
who they were, that they have left, and what is left to do: hand over their open actions on the reader's teams'
cases (`hand over C1's actions to <name>`, bot.audits.handover_all), which only managers and admins do."""

from __future__ import annotations

from bot.core.action_due import overdue_before
from bot.core.left_behind import handover_command
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.settings.people import Role
from bot.storage import known_people


def leaver_said(services: Services, turn: Turn, typed: str) -> str | None:
    """What `worker <typed>` says when `typed` names exactly one leaver (by the name they had, or its short code);
    None when it names no leaver, or several (left to the "nobody" reply)."""
    found = services.directory.left_named(typed)
    if len(found) != 1:
        return None
    name = services.directory.former[found[0]]
    said = f"{name} has left (they are no longer in teams.yaml), so there is no picture of them."
    return f"{said} {_their_actions(services, turn, found[0], name)} The audits of their cases stay in `list`."


def _their_actions(services: Services, turn: Turn, leaver: str, name: str) -> str:
    """Their open actions the reader may see counted, and who hands them over with which command."""
    person = turn.person
    if person.role is Role.PRACTITIONER:
        return "Their open actions are their team manager's to hand over."
    teams = None if person.is_qa_or_admin else services.directory.managed_team_ids(person.user_id)
    today = turn.now.astimezone(services.settings.timezone).date()
    counted = [left for left in known_people.open_actions_by_owner(services.storage, overdue_before(today).isoformat(),
                                                                  teams) if left.owner_id == leaver]
    where = "" if teams is None else " on your teams' cases"
    if not counted:
        return f"They own no open actions{where}, so nothing of theirs waits to be handed over."
    left = counted[0]
    many = "s" if left.open != 1 else ""
    overdue = f" ({left.overdue} overdue)" if left.overdue else ""
    command = f"`{handover_command(name)}`"
    who = ("their team manager or an admin hands them to one person with " + command if person.role is Role.QA_LEAD
           else f"{command} hands them to one person (asked first)")
    return f"They own {left.open} open action{many}{where}{overdue}: {who}."
