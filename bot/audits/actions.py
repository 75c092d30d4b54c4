"""Actions from audits: `/audit actions` lists a person's open actions, each with a Done button."""

from __future__ import annotations

from bot.core import buttons, policy
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.core.teams import noted, readable_team
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.settings.people import Person, Role
from bot.storage import actions as action_store
from bot.storage.errors import Conflict, NotAllowed, NotFound
from knowledge.dates import short_date

SHOWN = 20  # Slack shows at most 25 buttons in one message
TEAM_READERS = (Role.MANAGER, Role.ADMIN)
USAGE = "Type `/audit actions` for your open actions, or `/audit actions team` for your teams'."


def list_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit actions` for your own; `/audit actions team` for everyone in the teams you manage, `/audit actions
    team north` (or `/audit actions north`) for one of them."""
    words = args.split()
    scope = words[0].lower() if words else ""
    if scope in ("team", "teams"):
        return _team_actions(services, turn, " ".join(words[1:]))
    if scope and turn.person.role in TEAM_READERS:
        try:
            return _team_actions(services, turn, args)
        except AccessDenied:
            raise
        except UserError as exc:  # `/audit actions everyone`: not a team, and maybe not meant as one
            raise UserError(f"{exc} {USAGE}") from None
    if scope:
        raise UserError(USAGE)
    actions = action_store.open_actions_of(services.storage, turn.user_id)
    if not actions:
        return [Reply(text="You have no open actions from audits.")]
    return [_listing(services, turn, "**Your open actions**", actions, with_owner=False)]


def _team_actions(services: Services, turn: Turn, typed_team: str = "") -> list[Reply]:
    """Open actions of the people in a manager's teams (every team for an admin), for supervision and clinics; one
    of those teams when `typed_team` names it."""
    directory = services.directory
    person = turn.person
    if person is None or person.role not in TEAM_READERS:
        raise UserError("Team actions are for team managers and admins. `/audit actions` lists your own.")
    team_ids = list(directory.teams) if person.role is Role.ADMIN else directory.managed_team_ids(person.user_id)
    if not team_ids:
        return [Reply(text="You don't manage a team in teams.yaml, so there are no team actions to show.")]
    team = (readable_team(services, None if person.role is Role.ADMIN else team_ids, typed_team,
                          "see the open actions") if typed_team.strip() else None)
    owners = sorted({uid for team_id in ([team.id] if team else team_ids)
                     for uid in directory.teams[team_id].member_ids})
    actions = action_store.open_actions_of_owners(services.storage, owners)
    where = f"team {team.id}" if team else "your teams"
    if not actions:
        return noted(team, [Reply(text=f"Nobody in {where} has an open action from audits.")])
    return noted(team, [_listing(services, turn, f"**Open actions in {where}**", actions, with_owner=True)])


def _listing(services: Services, turn: Turn, heading: str, actions: list[action_store.ActionRow],
             with_owner: bool) -> Reply:
    """Soonest due first, overdue ones marked, each with a Done button naming the action as the list does."""
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    lines = [heading]
    for action in actions[:SHOWN]:
        owner = f"{services.directory.label(action.owner_id)}: " if with_owner else ""
        due = short_date(action.due_date) + (" (**overdue**)" if action.due_date < today else "")
        lines.append(f"• {action_name(action.id).capitalize()} — {owner}{action.description} "
                     f"({audit_and_case(action.audit_id, action.case_ref)}), due {due}")
    if len(actions) > SHOWN:
        lines.append(f"_…and {len(actions) - SHOWN} more, due later._")
    lines.append(f"_Press Done, or type `done {actions[0].id}`, when an action is complete._")
    return Reply(text="\n".join(lines),
                 choices=tuple(Choice(f"Done: {action_name(a.id)}", "actions.done", str(a.id))
                               for a in actions[:SHOWN]))


def action_name(action_id: int) -> str:
    """How the listing and its Done buttons both name an action, so a person can match one to the other."""
    return f"action {action_id}"


def _may_complete_for_others(services: Services, person: Person, owner_id: str) -> bool:
    return policy.may_complete_for_others(services.directory, person, owner_id)


def on_done(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Record who completed the action and when; the owner is re-checked, since buttons can be copied."""
    action_id = buttons.record_id(value, "type `/audit actions` for the up-to-date list")
    try:
        action = action_store.complete_action(services.storage, action_id, turn.user_id,
                                              allowed=_may_complete_for_others_lookup(services, turn.person,
                                                                                      action_id),
                                              now=turn.now)
    except NotFound:
        raise UserError("I can't find that action; type `/audit actions` to see your open ones.") from None
    except NotAllowed:
        raise AccessDenied("Only the owner of this action (or their manager) can mark it done.") from None
    except Conflict:
        raise StaleAction("That action is already marked done.") from None
    return [Reply(text=f"Done: _{action.description}_ is marked complete. Thank you.")]


def _may_complete_for_others_lookup(services: Services, person: Person, action_id: int) -> bool:
    owner = action_store.action_owner(services.storage, action_id)
    return owner is not None and _may_complete_for_others(services, person, owner)
