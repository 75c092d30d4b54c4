"""One worker's picture for their manager: `/audit worker <name, @mention or member id> [list]`.

Trial 43 (finding 12): a manager had `how is south doing`, `list team` and `actions team`, but nothing brought one
worker's audits, grades, reflections and actions together, and asking for them in words ("how is my new asye getting
on, social worker s1", "show me social worker s1's audits", `list team Social worker S1`) reached the knowledge base.
The picture shows the audits of the worker's cases (newest first, with their grades of record, up to SHOWN; `list`
shows all), the open actions they own with the overdue ones marked and any request for more time beside its action,
how many of their cases' audits they have reflected on, and the audits they carried out. It is for a manager of a team
they are in, QA leads and admins (bot.core.policy.may_see_worker); a colleague is told it is their manager's.
"""

from __future__ import annotations

from collections import Counter

from bot.audits import worker_left
from bot.audits.core import grade_label, not_in_channel
from bot.audits.readback import audit_line, readable
from bot.audits.worker_named import Named, list_team_named, people_named, picture_asked
from bot.core import more_time_said, policy
from bot.core.action_due import due_shown, is_overdue
from bot.core.grade_verdict import GRADE_ORDER
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.core.teams import team_matches, team_names
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.settings.people import Person, Role
from bot.storage import actions as action_store
from bot.storage import more_time as more_time_store
from bot.storage import readback as readback_store

SHOWN = 10  # audits of their cases shown, newest first; `list` shows them all
ALL = 500  # `worker … list`: every audit of their cases one may read
ACTIONS_SHOWN = 10
CARRIED_SHOWN = 5
LIST_WORDS = ("list", "all")
VIEW = "worker.view"  # *Worker picture* offered after `list team <person>`: the value is the member id
DETAILS = ("The name as teams.yaml has it (`worker Social worker S1`), its short code (`worker S1`) or an @mention. "
           "Shows the audits of their cases with their grades (10 newest; `worker S1 list` for all), how many they "
           "reflected on, the open actions they own (overdue ones marked, requests for more time waiting) and audits "
           "they carried out. Asked in words too: \"how is sw s1 getting on\", \"show me social worker s1's audits\".")
PRIORITY = 26  # before a team's figures in words (27) and the knowledge base (90)
USAGE = ("Type `/audit worker` and a name as teams.yaml has it (`/audit worker Social worker S1`), its short code "
         "(`/audit worker S1`) or an @mention; add `list` for every audit of their cases.")


def command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit worker <who> [list]`: the picture, or one message saying why not (nobody, several, not yours)."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    words = args.split()
    every = bool(words) and words[-1].casefold() in LIST_WORDS
    typed = " ".join(words[:-1] if every else words)
    if not typed:
        raise UserError(USAGE)
    named = people_named(services.directory, typed)
    if not named.found and (left := worker_left.leaver_said(services, turn, typed)) is not None:
        return [Reply(kind="notice", text=left)]
    return picture(services, turn, one_named(services, turn.person, named), every)


def one_named(services: Services, person: Person, named: Named) -> str:
    """The one member `named` found, or a UserError listing who matched (names as teams.yaml has them)."""
    directory = services.directory
    if len(named.found) == 1:
        return named.found[0]
    if named.found:
        names = ", ".join(directory.label(user_id) for user_id in named.found)
        raise UserError(f"“{named.typed}” matches {len(named.found)} people: {names}. Type one of them in full, for "
                        f"example `worker {directory.label(named.found[0])}`.")
    team_ids = person.team_ids if not person.is_qa_or_admin else ()
    known = sorted({directory.label(uid) for team_id in team_ids for uid in directory.teams[team_id].member_ids
                    if uid != person.user_id})
    among = f" People in your teams: {', '.join(known)}." if known else ""
    raise UserError("Nobody in teams.yaml has that name (what was typed is not said back: it may be a child's). "
                    f"Type a name as it is there, its short code (`worker S1`) or an @mention.{among}")


def checked(services: Services, person: Person, worker_id: str) -> None:
    """Refuse, in one message saying whose it is, anyone but the worker's manager, a QA lead or an admin."""
    if policy.may_see_worker(services.directory, person, worker_id):
        return
    name = services.directory.label(worker_id)
    managers = " or ".join(services.directory.label(m) for m in services.directory.managers_of(worker_id))
    theirs = f"{managers}, their manager," if managers else "their manager"
    if person.role is Role.PRACTITIONER:
        raise AccessDenied(f"A colleague's audits and actions are for their manager and QA leads to look at, not "
                           f"colleagues: {name}'s manager is {managers or 'not in teams.yaml'}. Yours are in "
                           "`list mine` and `my actions`.")
    raise AccessDenied(f"{name} is not in a team you manage, so their audits and actions are for {theirs} QA leads "
                       "and admins to look at. `actions team` and `list team` show your own teams'.")


def picture(services: Services, turn: Turn, worker_id: str, every: bool = False) -> list[Reply]:
    """The worker's picture (see the module) for someone who may see it."""
    checked(services, turn.person, worker_id)
    directory = services.directory
    _total, audits = readable(services, turn.person, {"people": [worker_id]}, ALL)
    theirs = [audit for audit in audits if audit.worker_id == worker_id]
    carried = [audit for audit in audits if audit.auditor_id == worker_id and audit.worker_id != worker_id]
    teams = ", ".join(team.name for team in directory.teams_of(worker_id))
    lines = [f"**{directory.label(worker_id)}**" + (f" ({teams})" if teams else "")]
    lines += _cases(services, worker_id, theirs, every)
    lines += _actions(services, turn, worker_id, every)
    if carried:
        lines.append(f"**Audits they carried out**: {len(carried)}")
        lines += [audit_line(services, audit) for audit in carried[:CARRIED_SHOWN]]
    shown = theirs if every else theirs[:SHOWN]
    lines.append("_`show N` opens an audit; `chase N` nudges them about an action._")
    return [Reply(text="\n".join(lines), choices=tuple(Choice(f"View #{a.id}", "audit.view", str(a.id))
                                                       for a in shown[:SHOWN]))]


def _cases(services: Services, worker_id: str, theirs: list, every: bool) -> list[str]:
    """The audits of their cases with their grades of record, and how many they reflected on."""
    if not theirs:
        return ["**Audits of their cases**: none submitted yet."]
    grades = Counter(audit.grade_of_record for audit in theirs if audit.grade_of_record)
    said = ", ".join(f"{grades[grade]} {grade_label(grade)}" for grade in GRADE_ORDER if grades[grade])
    reflected = len(readback_store.reflected_audit_ids(services.storage, worker_id) & {a.id for a in theirs})
    lines = [f"**Audits of their cases**: {len(theirs)}" + (f", graded {said}" if said else "") +
             f". They have reflected on {reflected} of {len(theirs)}. Newest first:"]
    shown = theirs if every else theirs[:SHOWN]
    lines += [audit_line(services, audit) for audit in shown]
    if len(theirs) > len(shown):
        lines.append(f"_{len(theirs) - len(shown)} older: `worker {services.directory.label(worker_id)} list` "
                     "shows them all._")
    return lines


def _actions(services: Services, turn: Turn, worker_id: str, every: bool) -> list[str]:
    """Their open actions, soonest due first, overdue ones marked, a request for more time beside its action (every
    action with one waiting is shown, however far down)."""
    actions = action_store.open_actions_of(services.storage, worker_id)
    if not actions:
        return ["**Open actions they own**: none."]
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    overdue = sum(1 for action in actions if is_overdue(action.due_date, today))
    waiting = {asked.action_id for asked in more_time_store.pending_of(services.storage, worker_id)}
    asked = (f"{count_of(len(waiting), 'request')} for more time waiting for an answer" if waiting
             else "no request for more time waiting")
    lines = [f"**Open actions they own**: {len(actions)}, {overdue} overdue; {asked}:"]
    shown = [a for n, a in enumerate(actions) if every or n < ACTIONS_SHOWN or a.id in waiting]
    notes = more_time_said.notes_for(services, shown)
    for action in shown:
        due = due_shown(action.due_date) + (" (**overdue**)" if is_overdue(action.due_date, today) else "")
        lines.append(f"• Action {action.id} — {action.description} ({audit_and_case(action.audit_id, action.case_ref)}"
                     f"), due {due}" + (f" — {notes[action.id]}" if action.id in notes else ""))
    if len(actions) > len(shown):
        lines.append(f"_{len(actions) - len(shown)} more: `worker {services.directory.label(worker_id)} list` shows "
                     "them all._")
    return lines


def pressed(services: Services, turn: Turn, worker_id: str) -> list[Reply]:
    """*Worker picture* pressed: the picture, unless the person has left teams.yaml since it was offered."""
    if services.directory.person(worker_id) is None:
        raise UserError("That button is from an older message and that person is no longer in teams.yaml. " + USAGE)
    return picture(services, turn, worker_id)


def worded(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The picture asked for in words ("show me social worker s1's audits"): when the words name someone; None for
    a line that names nobody, left to the team figures and the knowledge base."""
    typed = picture_asked(text)
    if typed is None:
        return None
    named = people_named(services.directory, typed)
    if not named.found:
        return None
    return picture(services, turn, one_named(services, turn.person, named))


def list_team_person(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`list team Social worker S1`: `list team` takes a team, so a person after it is told so and offered their
    picture, never sent to the knowledge base (trial 43: the corporate parenting principles, in full)."""
    typed = list_team_named(text)
    if typed is None or team_matches(team_names(services.directory), typed):
        return None
    named = people_named(services.directory, typed)
    if not named.found:
        return None
    if len(named.found) > 1 or not policy.may_see_worker(services.directory, turn.person, named.found[0]):
        try:
            one_named(services, turn.person, named)
            checked(services, turn.person, named.found[0])
        except UserError as refused:
            raise UserError(f"`list team` takes a team, not a person. {refused}") from None
    label = services.directory.label(named.found[0])
    return [Reply(text=f"`list team` takes a team (`list team` alone lists all of yours), not a person. For "
                       f"{label}'s audits, actions and reflections, type `worker {label}`.",
                  choices=(Choice(f"Worker picture: {label}", VIEW, named.found[0]),))]


def install(engine: Engine, services: Services) -> None:
    """Register `/audit worker`, its wordings and `list team <person>`, before the knowledge base answers them."""
    engine.add_command("worker", lambda turn, args: command(services, turn, args),
                       "one worker's picture: their cases' audits and grades, their open and overdue actions, "
                       "requests for more time and reflections (their manager, QA leads and admins)",
                       usage="/audit worker <name, @mention or member id> [list]", details=DETAILS,
                       help_roles=[Role.MANAGER, Role.QA_LEAD, Role.ADMIN],
                       typed=r"(?:<@\w+(?:\|[^>]*)?>|@?[A-Za-z(][\w'’().-]*(?:\s+[\w'’().-]+){0,4})")
    engine.add_action(VIEW, lambda turn, value: pressed(services, turn, value))
    engine.add_message_handler(lambda turn, text: list_team_person(services, turn, text), priority=PRIORITY)
    engine.add_message_handler(lambda turn, text: worded(services, turn, text), priority=PRIORITY)
