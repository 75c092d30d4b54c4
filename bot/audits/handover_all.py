"""`hand over C1's actions to N1`: every open action of one worker given to one person at once, asked first.

Trial 62 (F8): after a worker left, their team manager had 23 open actions to hand over and only `action N owner …`
to do it with, 23 commands, each DMing the leaver. Now one command (or the same asked in words, bot.audits.
handover_all_words) reads back how many actions and to whom, Yes or No; Yes gives each one over as `action N owner`
does (bot.audits.action_handover.change_owner: a revision and a trail entry each), the new owner gets one message
listing them, the old owner one saying they are no longer theirs, and a leaver none.

Who may: for each action, whoever may hand that action over (bot.audits.action_handover.may_hand_over: its auditor,
a manager of its owner, an admin, and, once its owner has left, a manager of the audit's team); the new owner is
read for each action by bot.audits.action_owners.resolve, so it is one of that case's people, as anywhere an owner
is typed. Actions the person may not hand over, or that the new owner may not hold, stay where they are and are
said, by number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.audits import action_handover, action_owners, handover_all_words
from bot.audits.worker_named import MENTION, POSSESSIVE, people_named
from bot.core.action_due import is_overdue, overdue_before
from bot.core.left_behind import handover_command, left_actions
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.settings.people import Role
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import known_people
from bot.storage.actions import ActionRow
from knowledge.dates import short_date

YES, NO = "handover_all.yes", "handover_all.no"
PRIORITY = 23  # before one action handed over in words (24), which these lines never match
_CASES = {True: "that case's", False: "those cases'"}
_LISTED = 25  # actions listed in the new owner's message; the rest counted


@dataclass(frozen=True)
class Plan:
    """What a handover of all of `worker`'s actions to `owner` would do: the actions given, and those kept back
    (not the person's to hand over, or not the new owner's to hold)."""

    worker: str
    owner: str
    given: tuple[ActionRow, ...]
    not_theirs: tuple[int, ...]
    cannot_hold: tuple[int, ...]


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """All of a worker's actions asked to be handed over: read back, Yes or No; how to, when the worker or the new
    owner is not said; None for other text."""
    asked = handover_all_words.said(text)
    if asked is None:
        return None
    worker = _worker(services, asked.worker) if asked.worker else None
    if worker is None or not asked.who:
        return [_how(services, turn, worker, named_nobody=bool(asked.worker) and worker is None)]
    plan = _plan(services, turn, worker, asked.who)
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=_question(services, turn, plan),
        choices=(Choice("Yes, hand them over", YES, f"{plan.worker}:{plan.owner}", "primary"),
                 Choice("No, leave them", NO, plan.worker))),
        set_aside=f"Nothing was handed over: to do it, type `{_command(services, worker, plan.owner)}`.")]


def _worker(services: Services, typed_worker: str) -> str | None:
    """The member id of the worker named: someone in teams.yaml (as `worker S1` reads a name), else someone who has
    left it (their last name there or its short code); UserError when it fits several; None when nobody."""
    directory = services.directory
    text = " ".join(typed_worker.split()).strip(" ,.;:!?")
    if (mention := MENTION.match(text)) is not None:
        return (mention.group(1) or mention.group(2)).upper()
    found = list(people_named(directory, text).found) or directory.left_named(POSSESSIVE.sub("", text.lstrip("@")))
    if len(found) > 1:
        names = [directory.label(user_id) for user_id in found]
        raise UserError(f"That could be {', '.join(names[:-1])} or {names[-1]}: type the whole name, like "
                        f"`{_command(services, found[0], '')}`.")
    return found[0] if found else None


def _how(services: Services, turn: Turn, worker: str | None, named_nobody: bool = False) -> Reply:
    """How to hand all of a worker's actions over, when the line did not say whose or to whom: the command, with
    the worker filled in when known, and (for managers and admins) the leavers whose actions sit in their teams.
    What was typed for the worker is never said back: it may be a child's name."""
    if worker is not None:
        mine = _open(services, worker)
        count = f"{len(mine)} open action{'s' if len(mine) != 1 else ''}"
        return Reply(kind="notice", text=(
            f"{services.directory.label(worker)} has {count}. To hand them all to one person, type "
            f"`{handover_command(_name(services, worker))}` (their name, or `me`): I'll say how many and to whom "
            "before anything changes, and tell only the new owner (and the old one, if still here)."))
    names = known_people.known_names(services.storage)
    today = turn.now.astimezone(services.settings.timezone).date()
    teams = None if turn.person.role is Role.ADMIN else services.directory.managed_team_ids(turn.user_id)
    left = left_actions(services.storage, services.directory, names, overdue_before(today).isoformat(),
                        teams) if teams is None or teams else []
    listed = "".join(f"\n• {line}" for line in left)
    nobody = "That names nobody in teams.yaml, or who has left it. " if named_nobody else ""
    return Reply(kind="notice", text=(
        f"{nobody}To hand all of one worker's open actions to one person, type `hand over <worker>'s actions to "
        f"<name>`, like `hand over C1's actions to N1` (or `to me`): I'll say how many and to whom first.{listed}"))


def _name(services: Services, user_id: str) -> str:
    """A person's name without "(left)": the command reads a leaver by the name they had."""
    return services.directory.former.get(user_id) or services.directory.label(user_id)


def _command(services: Services, worker: str, owner: str) -> str:
    command = handover_command(_name(services, worker))
    return command.replace("<name>", services.directory.label(owner)) if owner else command


def _open(services: Services, worker: str) -> list[ActionRow]:
    return action_store.open_actions_of(services.storage, worker)


def _plan(services: Services, turn: Turn, worker: str, who: str) -> Plan:
    """Which of the worker's open actions go to `who` (read for each case as an owner is read); UserError or
    AccessDenied when none would."""
    label = services.directory.label
    actions = _open(services, worker)
    if not actions:
        raise UserError(f"{label(worker)} has no open actions, so there is nothing to hand over.")
    given: list[tuple[ActionRow, str]] = []
    not_theirs: list[int] = []
    cannot: list[tuple[int, UserError]] = []
    for action in actions:
        audit = store.get_audit(services.storage, action.audit_id)
        if audit is None or not action_handover.may_hand_over(services, turn, audit, action):
            not_theirs.append(action.id)
            continue
        try:
            owner = action_owners.resolve(services, audit, who, turn.user_id,
                                          nobody=_nobody(services, worker, action_owners.case_people(services, audit)))
        except UserError as refused:
            cannot.append((action.id, refused))
            continue
        if isinstance(owner, list):  # `the manager` where a team has several
            raise UserError(f"That team has {len(owner)} managers: type which one, like "
                            f"`{_command(services, worker, owner[0])}`.")
        given.append((action, owner))
    return _checked(services, worker, given, not_theirs, cannot)


def _checked(services: Services, worker: str, given: list[tuple[ActionRow, str]], not_theirs: list[int],
             cannot: list[tuple[int, UserError]]) -> Plan:
    """The plan once it hands something over to one person; else why not, in words."""
    label = services.directory.label
    owners = {owner for _, owner in given}
    if len(owners) > 1:
        raise UserError("That means a different person on different cases: type one person's name, like "
                        f"`{_command(services, worker, sorted(owners)[0])}`.")
    if not given:
        if cannot:
            raise cannot[0][1]
        raise AccessDenied(f"{label(worker)}'s open actions are on audits you can't hand over: a manager of the "
                           "audit's team, its auditor or an admin can, so nothing changed.")
    [owner] = owners
    if owner == worker:
        raise UserError(f"Those actions are already {label(worker)}'s, so nothing changed.")
    return Plan(worker, owner, tuple(action for action, _ in given), tuple(not_theirs),
                tuple(number for number, _ in cannot))


def _nobody(services: Services, worker: str, people: list[str]) -> str:
    """Who was typed names nobody: the command again, with a case's people who could hold the actions."""
    names = [f"`{_command(services, worker, uid)}`" for uid in people if uid != worker][:3]
    such = f", such as {' or '.join(names)}" if names else ""
    return (f"That names nobody who can hold them, so nothing changed: type `{_command(services, worker, '')}` "
            f"with the name of someone in the case's team, as I write it, or `me`{such}.")


def _question(services: Services, turn: Turn, plan: Plan) -> str:
    """"Hand all 23 of Social worker C1's open actions (9 overdue, on 21 cases) to **N1**? …"."""
    label = services.directory.label
    today = turn.now.astimezone(services.settings.timezone).date()
    count = len(plan.given)
    late = sum(1 for action in plan.given if is_overdue(action.due_date, today))
    cases = len({action.case_ref for action in plan.given})
    what = (f"all {count} of {_name(services, plan.worker)}'s open actions" if not (plan.not_theirs or plan.cannot_hold)
            else f"{count} of {_name(services, plan.worker)}'s open actions")
    if count == 1:
        what = f"{_name(services, plan.worker)}'s open action {plan.given[0].id}"
    about = ", ".join(filter(None, [f"{late} overdue" if late else "",
                                    f"on {cases} case{'s' if cases != 1 else ''}"]))
    new = label(plan.owner) + (" (you)" if plan.owner == turn.user_id else "")
    return (f"Hand {what} ({about}) to **{new}**? Each keeps its number and due date, and the change is kept in its "
            f"audit's history. {_who_is_told(services, turn, plan)}{_kept_back(services, plan)}")


def _who_is_told(services: Services, turn: Turn, plan: Plan) -> str:
    label = services.directory.label
    new = "" if plan.owner == turn.user_id else f"{label(plan.owner)} gets one message listing them"
    if services.directory.person(plan.worker) is None:
        old = f"{_name(services, plan.worker)} has left, so isn't told"
    else:
        old = "" if plan.worker == turn.user_id else f"{label(plan.worker)} one saying they are no longer theirs"
    said = "; ".join(filter(None, [new, old]))
    return f"{said[0].upper()}{said[1:]}." if said else ""


def _kept_back(services: Services, plan: Plan) -> str:
    """The actions left where they are, by number, and why."""
    label = services.directory.label
    lines = []
    if plan.cannot_hold:
        one = len(plan.cannot_hold) == 1
        lines.append(f" {_numbers(plan.cannot_hold)} {'stays' if one else 'stay'} with {label(plan.worker)}: "
                     f"{label(plan.owner)} is not one of {_CASES[one]} people (hand "
                     f"{'it' if one else 'each'} to someone who is with `action N owner <name>`).")
    if plan.not_theirs:
        one = len(plan.not_theirs) == 1
        lines.append(f" {_numbers(plan.not_theirs)} {'stays' if one else 'stay'} too: "
                     f"{'it is on an audit' if one else 'they are on audits'} only {'its' if one else 'their'} "
                     "auditor, a manager of the audit's team or an admin can hand over.")
    return "".join(lines)


def _numbers(numbers: tuple[int, ...]) -> str:
    said = [str(number) for number in numbers]
    word = "Action" if len(said) == 1 else "Actions"
    return f"{word} {said[0]}" if len(said) == 1 else f"{word} {', '.join(said[:-1])} and {said[-1]}"


def on_yes(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes to "Hand all 23 of …'s open actions to N1?": each handed over as `action N owner` hands one over."""
    worker, _, owner = value.partition(":")
    plan = _plan(services, turn, worker, owner)
    moved: list[ActionRow] = []
    for action in plan.given:
        audit = store.get_audit(services.storage, action.audit_id)
        try:
            if audit is not None:
                action_handover.change_owner(services, turn, audit, action.id, owner)
                moved.append(action)
        except UserError:
            continue  # done or removed since it was asked: it stays as it is now
    if not moved:
        raise UserError(f"None of {services.directory.label(worker)}'s actions is open now, so nothing changed.")
    return [_done(services, turn, plan, moved), *_told(services, turn, plan, moved)]


def _done(services: Services, turn: Turn, plan: Plan, moved: list[ActionRow]) -> Reply:
    label = services.directory.label
    today = turn.now.astimezone(services.settings.timezone).date()
    late = sum(1 for action in moved if is_overdue(action.due_date, today))
    count = f"{len(moved)} action{'s' if len(moved) != 1 else ''}"
    where = "`/audit actions` lists them" if plan.owner == turn.user_id else "`/audit actions team` lists them"
    overdue = (f" {late} of them {'are' if late != 1 else 'is'} overdue: give each a new date with "
               "`action N due <date>`." if late else "")
    return Reply(text=f"Done: {count} that were {_name(services, plan.worker)}'s are now {label(plan.owner)}'s, each "
                      f"kept in its audit's history ({where}).{overdue}{_kept_back(services, plan)}")


def _told(services: Services, turn: Turn, plan: Plan, moved: list[ActionRow]) -> list[Reply]:
    """One message to the new owner listing them, one to the old owner if still here; never the one who asked."""
    by, label = services.directory.label(turn.user_id), services.directory.label
    told = []
    if plan.owner != turn.user_id:
        today = turn.now.astimezone(services.settings.timezone).date()
        lines = [f"• Action {action.id} ({audit_and_case(action.audit_id, action.case_ref)}): "
                 f"_{action.description}_, due {short_date(date.fromisoformat(action.due_date))}"
                 f"{' (overdue)' if is_overdue(action.due_date, today) else ''}" for action in moved[:_LISTED]]
        more = f"\n…and {len(moved) - _LISTED} more." if len(moved) > _LISTED else ""
        told.append(Reply(to_user=plan.owner, text=(
            f"{by} gave you {len(moved)} action{'s' if len(moved) != 1 else ''} that were "
            f"{_name(services, plan.worker)}'s:\n" + "\n".join(lines) + more + "\n`/audit actions` lists them.")))
    if services.directory.person(plan.worker) is not None and plan.worker != turn.user_id:
        told.append(Reply(to_user=plan.worker, text=(
            f"{by} gave {_numbers(tuple(a.id for a in moved)).lower()} of yours to {label(plan.owner)}, so they are "
            "no longer yours to do and have gone from your `/audit actions`.")))
    return told


def on_no(services: Services, turn: Turn, value: str) -> list[Reply]:
    """No to the question: nothing changes."""
    del turn
    return [Reply(kind="notice", text=f"OK: {services.directory.label(value)}'s actions stay with them. Nothing "
                                      "changed.")]


USAGE = "/audit hand over <worker>'s actions to <name>"
# What follows `hand` typed without `/audit`: a worker's actions (never `hand action 2 …`, one action's, whose words
# bot.audits.action_handover reads), and to whom: `hand over C1's actions to N1`, `hand C1's actions over to me`.
TYPED = (r"(?:over\s+)?(?:all\s+(?:of\s+)?)?(?:the\s+)?[^\d#\s][^#]{0,60}?(?:'s|’s|s'|s)\s+(?:open\s+)?actions"
         r"(?:\s+(?:over\s+)?to\s+\S.*)?")


def command(services: Services, turn: Turn, rest: str) -> list[Reply]:
    """`/audit hand over C1's actions to N1`: as typed without `/audit`."""
    replies = typed(services, turn, f"hand {rest}")
    if replies is None:
        raise UserError(f"Type `{USAGE}`, like `/audit hand over C1's actions to N1` (or `to me`): every open "
                        "action of that worker goes to that person once you say yes. One action: `/audit edit "
                        "<audit> action <action> owner <name>`.")
    return replies


def install(engine: Engine, services: Services) -> None:
    """`/audit hand over …` and the same typed or asked in words; its Yes and No."""
    engine.add_command("hand", lambda turn, rest: command(services, turn, rest),
                       "hand all of one worker's open actions (a leaver's too) to one person, asked first",
                       usage=USAGE, help_roles=(Role.MANAGER, Role.QA_LEAD, Role.ADMIN), typed=TYPED)
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
    confirmations.add_answers(engine, services, (YES, lambda turn, value: on_yes(services, turn, value)),
                              (NO, lambda turn, value: on_no(services, turn, value)))
