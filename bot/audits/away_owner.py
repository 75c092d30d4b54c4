"""A heads-up when an action's owner is marked away (`/audit away until DATE [cover @person]`, bot.reminders).

A trial (F17) gave an action to a worker who was on leave until after its due date: nothing said so, and the action
went overdue while its owner was away and their reminders paused. Wherever an owner is picked or typed (an audit's
actions step, bot.audits.finish, and the first action an Inadequate grade needs, bot.audits.inadequate_action), the
person adding it is told once, in one short notice, with who covers and how to pick someone else. It never blocks the
action: the person adding it may know the owner is back in time, or want it with them anyway. With the due date known
the notice is given only when it falls on or before their last day away; not yet known (asked next), that they are
away until that day. Time away booked ahead counts too (trial 22: an action due 23 December went to a manager
booked away from 21 December, and nothing was said), for a due date inside it; a period that has ended says nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from bot.audits.action_fields import how_near
from bot.core.replies import Reply
from bot.core.services import Services
from bot.storage.reminders import away_period
from knowledge.dates import long_date


def notice(services: Services, owner_id: str, today: date, due: date | None, repick: str | None,
           asker_id: str | None = None, eligible: Collection[str] | None = None,
           due_said: bool = False) -> list[Reply]:
    """One notice when `owner_id` is away and the action's `due` date (None: asked next) is on or before their last
    day away; `repick` says how to pick someone else ("with `action 4 owner …`"), or None where nothing can. No
    notice otherwise. When the owner is `asker_id`, the person adding the action, it speaks to them ("You are away
    until …"), not of them by their own name (trial 17, F7). `eligible`: who may hold the action, so a cover who may
    not is not offered as if they could. `due_said`: the line just before gave the due date ("Action 1 added: due
    … (in 10 days)."), so the notice does not say it again (fix50g: "(in 10 days)" twice in one message)."""
    away = away_period(services.storage, owner_id)
    if away is None or away[1] < today:
        return []
    starts, until, cover = away
    starts = starts if starts is not None and starts > today else None
    if due is not None and (due > until or (starts is not None and due < starts)):
        return []
    covered = f" (cover: {services.directory.label(cover)})" if cover else ""
    if cover and eligible is not None and cover not in eligible:  # trial 20: named, then refused as the owner
        covered = (f" (cover: {services.directory.label(cover)}, who is not one of this case's people, so can't "
                   "hold its actions)")
    yourself = owner_id == asker_id
    who = "You are" if yourself else f"Heads up: {services.directory.label(owner_id)} is"
    when = f"from {long_date(starts)} until {long_date(until)}" if starts else f"until {long_date(until)}"
    said = f"{who} away {when}{covered}"
    said += ", so check the due date, asked next." if due is None else \
        f", so {'you' if yourself else 'they'}'ll be away when it falls due." if due_said else \
        f", and the action is due {long_date(due)}{how_near(due, today)}."  # fix50e: how near, as everywhere
    if repick:
        said += f" You can pick someone else {repick}, or keep {'it yourself' if yourself else 'them'}."
    return [Reply(kind="notice", text=said)]
