"""Actions from audits: `/audit actions` lists a person's open actions, each with a Done button, a page at a time.

Marking done and reopening are bot.audits.action_status; removing one added by mistake is bot.audits.action_removal.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import chase_said, more_time_said, not_mine_said, policy
from bot.core.action_due import due_shown, is_overdue
from bot.core.cut_short import clip_at_word
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.core.team_owners import team_action_owners
from bot.core.teams import find_team, noted, readable_team, team_matches, team_names
from bot.engine import pages
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.settings.people import Person, Role
from bot.storage import actions as action_store
from bot.storage import audits as store

SHOWN = 20  # a page: Slack shows at most 25 buttons in one message
ECHOED = 60  # characters of an action's words said back when its Done is picked by number
TEAM_READERS = (Role.MANAGER, Role.ADMIN)  # who chases and closes a team's actions
TEAM_VIEWERS = (*TEAM_READERS, Role.QA_LEAD)  # who lists them: QA leads oversee every team, read-only (trial 48)
USAGE = ("Type `/audit actions` for your open actions, or `/audit actions team` for your teams'; add `overdue` for "
         "the overdue ones only, `page 2` for the ones due later.")
LATE_WORDS = ("overdue", "late")  # `/audit actions team overdue`: only the overdue ones (trial 40)


def list_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit actions` for your own; `/audit actions team` for everyone in the teams you manage, `/audit actions
    team north` (or `/audit actions north`) for one of them; `overdue` for only the overdue ones; `page N` for the
    ones due later (or `more` typed next, as under `/audit list`)."""
    words, page = pages.page_of(args.split())
    late = any(word.lower() in LATE_WORDS for word in words)
    words = [word for word in words if word.lower() not in LATE_WORDS]
    scope = words[0].lower() if words else ""
    if scope in ("team", "teams"):
        return _team_actions(services, turn, " ".join(words[1:]), page, late)
    if scope and turn.person is not None and turn.person.role in TEAM_VIEWERS:
        try:
            return _team_actions(services, turn, " ".join(words), page, late)
        except AccessDenied:
            raise
        except UserError as exc:  # `/audit actions everyone`: not a team, and maybe not meant as one
            raise UserError(f"{exc} {USAGE}") from None
    if scope:
        raise UserError(USAGE)
    actions = action_store.open_actions_of(services.storage, turn.user_id)
    waiting = chase_said.yours_waiting(services, turn.user_id)  # chases they hold until the morning (fix37b)
    if not actions:
        pages.remember(services, turn, "actions", [], page, last_page=True)
        return [Reply(text=_none_of_yours(services, turn, late)), *waiting]
    heading = ("Your overdue actions", "your overdue actions") if late else ("Your open actions", "your open actions")
    return [_listing(services, turn, heading, Scope([], late), page, actions), *waiting]


def _none_of_yours(services: Services, turn: Turn, late: bool) -> str:
    """'You have no open actions from audits.', and to a reader of teams' actions whose teams have some, the command
    that lists them (trial 62 F9: a head of service's `/audit actions overdue` said only that, though 24 were overdue
    across the teams): "You own no open actions; `/audit actions team overdue` lists every team's (24 overdue)."."""
    person, plain = turn.person, "You have no open actions from audits."
    if person is None or person.role not in TEAM_VIEWERS:
        return plain
    everyone = policy.sees_every_team(person)
    team_ids = list(services.directory.teams) if everyone else readable_team_ids(services, person)
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    actions = action_store.open_actions_of_owners(services.storage, team_action_owners(services, team_ids))
    overdue = sum(1 for action in actions if is_overdue(action.due_date, today))
    whose = "every team's" if everyone else "your teams'"
    if late and overdue:
        return f"You own no open actions; `/audit actions team overdue` lists {whose} ({overdue} overdue)."
    if actions:
        return (f"You own no open actions; `/audit actions team` lists {whose} ({count_of(len(actions), 'open action')}"
                f", {overdue} overdue).")
    return plain


def _team_actions(services: Services, turn: Turn, typed_team: str, page: int, late: bool = False) -> list[Reply]:
    """Open actions of the people in a manager's teams (every team for an admin or a QA lead, who only reads them),
    for supervision and clinics; one of those teams when `typed_team` names it. A team that does not exist is said
    so, with the real teams, before whether the reader may read it (trial 48: `actions team west` was only refused)."""
    directory = services.directory
    person = turn.person
    if typed_team.strip() and not team_matches(team_names(directory), typed_team):
        find_team(directory, typed_team)  # "There is no team `west`. Teams: …"
    if person is None or person.role not in TEAM_VIEWERS:
        raise UserError("Team actions are for team managers, QA leads and admins. `/audit actions` lists your own.")
    everyone = policy.sees_every_team(person)
    team_ids = list(directory.teams) if everyone else readable_team_ids(services, person)
    if not team_ids:
        return [Reply(text="You don't manage a team in teams.yaml, so there are no team actions to show.")]
    team = (readable_team(services, None if everyone else team_ids, typed_team,
                          "see the open actions", turn.user_id) if typed_team.strip() else None)
    owners = team_action_owners(services, [team.id] if team else team_ids)
    actions = action_store.open_actions_of_owners(services.storage, owners)
    # an admin or a QA lead manages no team: theirs is every team (fix81e: "Overdue actions in your teams")
    where = f"team {team.id}" if team else "every team" if everyone else "your teams"
    words = ["team", team.id] if team else ["team"]
    if not actions:
        pages.remember(services, turn, "actions", words, page, last_page=True)
        nobody = "any team" if where == "every team" else where
        return noted(team, [Reply(text=f"Nobody in {nobody} has an open action from audits.")])
    kind = "overdue" if late else "open"
    whose = f"{where}'s {kind} actions" if team or everyone else f"your teams' {kind} actions"
    heading = (f"{kind.capitalize()} actions in {where}", whose)
    return noted(team, [_listing(services, turn, heading, Scope(words, late), page, actions)])


def readable_team_ids(services: Services, person: Person) -> list[str]:
    """The teams whose actions a team reader sees: every team for an admin, else those they manage."""
    directory = services.directory
    return list(directory.teams) if person.role is Role.ADMIN else directory.managed_team_ids(person.user_id)


def team_owner_ids(services: Services, person: Person) -> list[str]:
    """Everyone in the teams whose actions a team reader sees (`readable_team_ids`), and leavers who own open actions
    of those teams' audits (bot.core.team_owners)."""
    return team_action_owners(services, readable_team_ids(services, person))


@dataclass(frozen=True)
class Scope:
    """Whose actions a listing shows (`team` and maybe a team's id; none for your own) and whether only the overdue
    ones (`overdue` typed, or asked in words)."""

    words: list[str]
    late: bool = False

    @property
    def typed(self) -> list[str]:
        """The command's words as typed again for another page: `team south-cin-cp overdue`."""
        return [*self.words, "overdue"] if self.late else self.words


def _listing(services: Services, turn: Turn, heading: tuple[str, str], scope: Scope, page: int,
             actions: list[action_store.ActionRow]) -> Reply:
    """One page, soonest due first, overdue ones marked, each with a Done button naming the action as the list does
    (the owner's name too for a team's); how to see the next page, as `/audit list` says it. Only the overdue ones
    when the scope says so, the last page then saying how many more are due later (trial 40)."""
    words = scope.words
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    later = [a for a in actions if not is_overdue(a.due_date, today)] if scope.late else []
    if scope.late:
        actions = [a for a in actions if is_overdue(a.due_date, today)]
        if not actions:
            pages.remember(services, turn, "actions", scope.typed, page, last_page=True)
            return Reply(text=f"Nothing is overdue: {_due_later(later, words)}")
    total = len(actions)
    first = (page - 1) * SHOWN
    shown = actions[first:first + SHOWN]
    if not shown:
        raise pages.no_such_page(page, heading[1], total, SHOWN, "actions", scope.typed)
    counted = f" ({first + 1} to {first + len(shown)} of {total})" if total > len(shown) else ""
    lines = [f"**{heading[0]}**{counted}"]
    asked = more_time_said.notes_for(services, shown)  # "more time asked to 18 Dec, waiting for …" (trial 34)
    asked = chase_said.merged(services, shown, turn.user_id, asked)  # "chase held until 08:00 Mon 7 Dec"
    if not words:  # your own: "you said it isn't yours on 6 Dec, and … was told" (trial 37)
        asked = _joined(asked, not_mine_said.notes_for(services, shown))
    for action in shown:
        owner = f"{services.directory.label(action.owner_id)}: " if words else ""
        due = due_shown(action.due_date) + (" (**overdue**)" if is_overdue(action.due_date, today) else "")
        lines.append(f"• {action_name(action.id).capitalize()} — {owner}{action.description} "
                     f"({audit_and_case(action.audit_id, action.case_ref)}), due {due}"
                     + (f" — {asked[action.id]}" if action.id in asked else ""))
    last_page = first + len(shown) >= total
    lines.extend(_footer(services, turn, scope, page, actions[first + len(shown):], later))
    pages.remember(services, turn, "actions", scope.typed, page, last_page)
    closable = [a for a in shown if _may_close(services, turn, a)]
    lines.append(f"_Press Done, or type `done {closable[0].id}`, when an action is complete._" if closable else
                 "_Read-only: an action is marked done by its owner or their manager._")
    return Reply(text="\n".join(lines),
                 choices=tuple(Choice(f"Done: {action_name(a.id)}", "actions.done", str(a.id),
                                      echo=_done_echo(services, a, bool(words))) for a in closable))


def _may_close(services: Services, turn: Turn, action: action_store.ActionRow) -> bool:
    """Whether the reader gets a Done button for an action listed: a QA lead reads every team's, and closes only
    their own (trial 48)."""
    person = turn.person
    return person is None or policy.may_complete_action(services.directory, person, action.owner_id)


def _footer(services: Services, turn: Turn, scope: Scope, page: int, rest: list[action_store.ActionRow],
            later: list[action_store.ActionRow]) -> list[str]:
    """What comes after this page, truly: more overdue ones, or ones due later (trial 40: page 1 said "Due later"
    while page 2 began with 11 more overdue); on an overdue-only list's last page, how many are due later."""
    if rest:
        today = turn.now.astimezone(services.settings.timezone).date().isoformat()
        what = "More overdue" if is_overdue(rest[0].due_date, today) else "Due later"
        command = pages.next_page_command("actions", scope.typed, page)
        return [f"_{what}: {pages.more_hint(services, turn, command)}._"]
    return [f"_{_due_later(later, scope.words)}_"] if later else []


def _due_later(later: list[action_store.ActionRow], words: list[str]) -> str:
    """How many open actions are not yet overdue, and the command that lists them all."""
    if not later:
        return "no other action is open."
    verb = "is" if len(later) == 1 else "are"
    return f"{count_of(len(later), 'more open action')} {verb} due later: `/audit {' '.join(['actions', *words])}`."


def _joined(first: dict[int, str], second: dict[int, str]) -> dict[int, str]:
    """Two sets of notes beside actions, one line each: both, when an action has both."""
    return {key: "; ".join(note for note in (first.get(key), second.get(key)) if note) for key in {*first, *second}}


def _done_echo(services: Services, action: action_store.ActionRow, with_owner: bool) -> str:
    """What a Done picked by number is said back as: the action's words, and whose it is in a team list, so a
    manager closing a colleague's action by typing a number sees which one it was."""
    words = clip_at_word(action.description, ECHOED)
    owner = f" for {services.directory.label(action.owner_id)}" if with_owner else ""
    return f"Done — {action_name(action.id)}{owner}: “{words}”"


def action_name(action_id: int) -> str:
    """How the listing and its Done buttons both name an action, so a person can match one to the other."""
    return f"action {action_id}"


def bare_number(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A number typed alone in a DM just after the open actions were listed (the terminal picks an option with it):
    which action it names is not guessed, since the list's Done buttons are not numbered as its actions are (trial
    21), and how to mark action N done is said. None when the last list shown was another, or the text is no
    number."""
    number = text.strip().lstrip("#")
    listing = store.last_listing(services.storage, turn.user_id)
    if not number.isdigit() or len(number) > 9 or listing is None or listing.get("command") != "actions":
        return None
    return [Reply(kind="notice", text=f"To mark action {number} done, type `done {number}`, or press its Done "
                                      "button. Nothing was changed.")]
