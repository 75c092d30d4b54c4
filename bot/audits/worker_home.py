"""A manager's workers on Home, each with a *Picture* button (fix44e): the picture `/audit worker S1` shows in the
chat (bot.audits.worker_picture), opened in a modal over Home.

Before, the picture was only typed (`worker S1`, "how is sw s1 getting on"), so a manager working from Home had no
way to it. The button carries the worker's member id only; the press re-checks, as the typed command does, that the
presser may see that worker (their manager, a QA lead or an admin: bot.core.policy.may_see_worker), and anyone else
gets the one message saying whose it is, in the modal. Case references only: the picture names no child.
"""

from __future__ import annotations

from bot.audits import worker_picture
from bot.core.action_due import is_overdue
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.settings.people import Person
from bot.storage import actions as action_store

PICTURE = "home.worker_picture"  # value: the worker's member id
MODAL_TITLE = "Worker picture"  # Slack allows 24 characters
SHOWN = 25  # workers with a button (5 rows); the rest are named by `worker <name>`
PRIORITY = 21  # just after the team's figures (20)


def workers_of(services: Services, person: Person) -> list[str]:
    """The members of the teams this person manages (not themselves, nor a fellow manager of those teams: a
    colleague, trial 63 F4), in name order: the workers whose picture is theirs to see."""
    directory = services.directory
    colleagues = {person.user_id, *directory.co_managers_of(person.user_id)}
    found = {uid for team_id in directory.managed_team_ids(person.user_id)
             for uid in directory.teams[team_id].member_ids if uid not in colleagues}
    return sorted(found, key=lambda uid: (directory.label(uid).casefold(), uid))


def _line(services: Services, worker_id: str, today: str) -> str:
    """One worker with their open and overdue actions, so the one to look at first stands out."""
    actions = action_store.open_actions_of(services.storage, worker_id)
    overdue = sum(1 for action in actions if is_overdue(action.due_date, today))
    return (f"• {services.directory.label(worker_id)}: {count_of(len(actions), 'open action')}"
            + (f", {overdue} overdue" if overdue else ""))


def home_section(services: Services, person: Person) -> list[Reply]:
    """A manager's workers, each with a *Picture* button; nothing for anyone who manages no team."""
    workers = workers_of(services, person)
    if not workers:
        return []
    today = services.local_now().date().isoformat()
    shown = workers[:SHOWN]
    more = f" {len(workers) - SHOWN} more: type `worker <name>`." if len(workers) > SHOWN else ""
    return [Reply(title="Your workers",
                  text="\n".join(_line(services, uid, today) for uid in shown),
                  note="**Picture** shows a worker's audits by grade, open and overdue actions, requests for more time "
                       f"and reflections (typed: `worker <name>`).{more}",
                  choices=tuple(Choice(f"Picture: {services.directory.label(uid)}", PICTURE, uid) for uid in shown))]


def pressed(services: Services, turn: Turn, worker_id: str) -> list[Reply]:
    """*Picture* pressed: the worker's picture in a modal, or the one message saying why not, in the modal too."""
    try:
        replies = worker_picture.pressed(services, turn, worker_id)
    except UserError as refused:
        return [Reply(kind="error", text=str(refused), modal=MODAL_TITLE)]
    return [Reply(text=reply.text, choices=reply.choices, modal=MODAL_TITLE) for reply in replies]


def install(engine: Engine, services: Services) -> None:
    """Register the picture typed (`worker S1` and its wordings, bot.audits.worker_picture) and on Home: the section
    and its button. One install for both, so the picture and its ways in stay together."""
    worker_picture.install(engine, services)
    engine.add_home_section("workers", lambda person: home_section(services, person), priority=PRIORITY)
    engine.add_action(PICTURE, lambda turn, value: pressed(services, turn, value))
