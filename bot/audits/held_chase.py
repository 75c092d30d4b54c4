"""A chase typed out of working hours is held until 08:00 on the next working day, or the owner's own hours' start
(trial 35: `chase 9` at 23:00 on a Saturday reached the worker at once). The chaser is told when it will go;
`chase 9` again says one waits; `withdraw chase 9` takes it back; the scheduler sends those due
(schedules.scheduler, `send_held`), dropping any whose action was done or removed meanwhile, unsent and unannounced.
Held chases live in the database (bot.storage.held_chases), so a restart loses none and the first run after it
sends those already due.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import partial

from bot.audits.action_status import typed_id
from bot.audits.chase_nudge import NOT_FOUND, due_words, may_chase, nudge
from bot.audits.handed_over import Handed, comes_at
from bot.core.action_named import action_named
from bot.core.chase_said import morning
from bot.core.outgoing import Outgoing
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import held_chases
from bot.storage.reminders import away_on
from knowledge.dates import long_date

# "withdraw chase 9", "cancel the chase on action 9", "unchase 9", "don't send the chase for action 9"
DAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

WITHDRAW_WORDS = re.compile(r"^\s*(?:please\s+)?(?:(?:withdraw|cancel|take\s+back|stop|drop|don'?t\s+send)\s+"
                            r"(?:my\s+|the\s+|that\s+)?chase\s+(?:(?:on|for|of|re)\s+)?|unchase\s+)"
                            r"(?:action\s+)?#?(?P<id>\d{1,9})\s*(?:please|thanks)?\s*[.!]?\s*$", re.IGNORECASE)


def hold(services: Services, turn: Turn, action: action_store.ActionRow, send_at: datetime) -> list[Reply]:
    """Hold the chase until `send_at` (or say one already waits) and tell the chaser when it will reach the owner."""
    held, new = held_chases.hold(services.storage, action.id, turn.user_id, turn.now, send_at)
    if not new:
        return [already_waiting(services, turn, action, held)]
    label = services.directory.label
    local = turn.now.astimezone(services.settings.timezone)
    away = away_on(services.storage, send_at.date()).get(action.owner_id)
    away_said = f" They are away until {long_date(away[0])}, so they will see it then." if away else ""
    chat_said = (" In the terminal chat it is sent by the bot's scheduler, so only if this chat (or the bot) is "
                 "running then." if turn.surface == "terminal" else "")
    out_of = _hours(services, action.owner_id, local)
    return [Reply(text=f"Held: it is out of {out_of}, so I'll nudge {label(action.owner_id)} about action "
                       f"{action.id} ({due_words(action, local.date())}) when they start. It will reach them at "
                       f"{morning(services, held.send_at)}, or sooner if they use the bot before then."
                       f"{away_said}{chat_said} Until then `my actions`, its "
                       f"audit (`show {action.audit_id}`) and `actions team` show it waiting; to take it back, type "
                       f"`withdraw chase {action.id}`.")]


def _hours(services: Services, owner: str, local: datetime) -> str:
    """Whose hours the chase falls out of: the service's, or a part-timer's own hours or days (fix41e)."""
    own, days = services.directory.hours_of(owner), services.directory.days_of(owner)
    if days is not None and local.weekday() not in days:
        return f"their working days ({', '.join(DAY_WORDS[day] for day in sorted(days))})"
    return f"their working hours ({own[0]:%H:%M} to {own[1]:%H:%M})" if own else "working hours"


def already_waiting(services: Services, turn: Turn, action: action_store.ActionRow,
                    held: held_chases.HeldChase) -> Reply:
    """`chase 9` while a chase of it waits: when that one goes, and nothing more queued."""
    label = services.directory.label
    whose = "Your" if held.chased_by == turn.user_id else f"{label(held.chased_by)}'s"
    return Reply(kind="notice", text=f"{whose} chase of {action_named(action)} is already waiting: it will reach "
                                     f"{label(action.owner_id)} at {morning(services, held.send_at)}. Nothing more "
                                     f"was queued. To take it back, type `withdraw chase {action.id}`.")


def withdraw(services: Services, turn: Turn, action_id: int) -> list[Reply]:
    """Take back the chase waiting on the action; who may is who may chase it (bot.audits.action_chase)."""
    action = action_store.get_action(services.storage, action_id)
    if action is None or turn.person is None:
        raise UserError(NOT_FOUND)
    may_chase(services, turn.person, action, None)
    if held_chases.withdraw(services.storage, action.id, turn.user_id, turn.now) is None:
        raise UserError(f"No chase of {action_named(action)} is waiting, so nothing was withdrawn. A chase typed in "
                        "working hours goes at once; one typed outside them waits until 08:00 on the next working day.")
    return [Reply(text=f"Withdrawn: the chase of {action_named(action)} will not be sent, and "
                       f"{services.directory.label(action.owner_id)} was told nothing.")]


def withdraw_worded(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """"withdraw chase 9", "cancel the chase on action 9"; None for other text."""
    found = WITHDRAW_WORDS.match(text)
    return None if found is None else withdraw(services, turn, typed_id(found.group("id")))


def due_outgoing(services: Services, now: datetime) -> list[tuple[held_chases.HeldChase, Outgoing]]:
    """The held chases due by `now`, claimed (so no other run sends them), each with its owner's nudge; the sender
    then records each as sent or failed (`settle`). Those whose action was done or removed are dropped unsent."""
    local = now.astimezone(services.settings.timezone)
    outgoing = []
    for held in held_chases.claim_due(services.storage, now):
        action = action_store.get_action(services.storage, held.action_id)
        if action is None:  # removed with its audit: nothing to chase
            held_chases.drop(services.storage, held, now)
            continue
        outgoing.append((held, Outgoing(action.owner_id, (nudge(services, action, held.chased_by, local),))))
    return outgoing


def handed_over(services: Services, turn: Turn) -> list[Handed]:
    """The chases held for the owner who is here now, claimed (fix48e: they waited for 08:00 while she used the bot),
    each as its nudge; once posted it counts as the action's chase (`settle`), else it is released for the run at her
    time. Chases of actions done or removed meanwhile are not handed over (the run drops them)."""
    local = turn.now.astimezone(services.settings.timezone)
    handed = []
    for held in held_chases.claim_for(services.storage, turn.user_id, turn.now):
        action = action_store.get_action(services.storage, held.action_id)
        if action is None:
            held_chases.drop(services.storage, held, turn.now)
            continue
        handed.append(Handed(nudge(services, action, held.chased_by, local),
                             partial(settle, services, held, True, turn.now),
                             partial(held_chases.release, services.storage, held), partial(_gone, services, held),
                             held.held_at, comes_at(held.send_at, turn.now, services.settings.timezone)))
    return handed


def _gone(services: Services, held: held_chases.HeldChase) -> bool:
    """Whether the chased action was done or removed in the turn that claimed its chase: then it is dropped unsent,
    as the run at the owner's time drops it."""
    action = action_store.get_action(services.storage, held.action_id)
    if action is not None and action.done_at is None:
        return False
    held_chases.drop(services.storage, held, services.clock())
    return True


def settle(services: Services, held: held_chases.HeldChase, delivered: bool, now: datetime) -> Reply | None:
    """A claimed chase went (then it counts as the action's chase of the day) or Slack would not take it: then it is
    tried again when its claim expires, and after its last try recorded failed, with the chaser's DM saying so
    (returned once, at that moment), so no manager believes a worker nudged who never was."""
    if not held_chases.settle(services.storage, held, delivered, now):
        return None
    action = action_store.get_action(services.storage, held.action_id)
    owner = services.directory.label(action.owner_id) if action else "its owner"
    named = action_named(action) if action else f"action {held.action_id}"
    return Reply(to_user=held.chased_by, kind="notice",
                 text=f"Your held chase of {named} could not be delivered to {owner}: Slack refused "
                      f"it {held.attempts} times, so they have not been nudged. Type `chase {held.action_id}` to try "
                      "again, or tell them yourself.")
