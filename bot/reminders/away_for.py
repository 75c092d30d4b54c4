"""A manager setting a worker in their own team away: `/audit away from 14/12 until 18/12 for S1`.

Trial 41 (M5): a manager back from leave typed `away from 14/12 until 18/12 for S1` and was told "I could not read
'18/12 for S1' as a date"; `S1 is on leave next week, can you stop her reminders` only explained pausing your own.
Covering a worker's leave is normal practice, so a manager of the worker's team (or an admin) may do it: the days are
read as `/audit away` reads them, said back with Yes / No (typed `yes` too), and set on Yes, the worker told by DM.
Anyone else is told, in one line, who can. Setting the days is `/audit away` itself, run as the worker
(bot.reminders.feature), so cover checks, "this replaces" and the trail are the same.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.core.calendar import next_working_day
from bot.core.policy import may_set_away_for
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.reminders.away_one_day import days_said
from bot.settings.people import SLACK_USER_ID, Role
from bot.storage.reminders import away_period
from bot.storage.trail import record_trail
from knowledge.dates import long_date

YES = "away.for.yes"
NO = "away.for.no"
# `… for S1`, `… for Social worker S1`, `… for <@U0PRAS001>`: before a cover, or at the end
FOR_PERSON = re.compile(r"\s+for\s+(?P<who>(?:(?!\s+cover\b).)+?)\s*[.!]?(?=\s+cover\b|\s*$)", re.IGNORECASE)
MENTION = re.compile(rf"^<@({SLACK_USER_ID})(?:\|[^>]*)?>$|^@?({SLACK_USER_ID})$")
STALE = "That button is from an older message: type `/audit away … for <name>` again. Nothing was changed."
Parsed = tuple[date | None, date, str | None] | None  # (first day booked ahead, last day, cover), None for `off`


def person_in(services: Services, typed: str) -> str | None:
    """The member id of the person `typed` names (their name as the bot writes it, its short code `S1`, a mention
    or a member id); None when it names nobody."""
    found = MENTION.match(typed.strip())
    if found is not None:
        user_id = found.group(1) or found.group(2)
        return user_id if services.directory.person(user_id) else None
    return services.directory.named(typed)


def split_for(services: Services, text: str) -> tuple[str, str] | None:
    """(member id, the command's words without `for …`) when `text` ends by naming a person (`… for S1`), else
    None: `for` naming nobody ("for a training course") is left to the date reader, which says what it could not
    read."""
    found = FOR_PERSON.search(text)
    if found is None:
        return None
    user_id = person_in(services, found.group("who"))
    if user_id is None:
        return None
    return user_id, (text[:found.start()] + text[found.end():]).strip()


def check(services: Services, turn: Turn, worker_id: str, days: str) -> None:
    """Refuse, in one line saying who can, anyone but a manager of the worker's team or an admin."""
    if may_set_away_for(services.directory, turn.person, worker_id):
        return
    name = services.directory.label(worker_id)
    managers = " or ".join(services.directory.label(m) for m in services.directory.managers_of(worker_id))
    theirs = f"{managers}, their manager," if managers else "an admin"
    typed = f"`/audit away {days}`" if days else "`/audit away until DATE`"
    where = ("is not in a team you manage" if turn.person.role is Role.MANAGER
             else "can only be set away by their manager")
    raise UserError(f"{name} {where}, so I can't set them away: {theirs} can, or {name} can type {typed} "
                    "themselves. Nothing was changed.")


def worker_turn(services: Services, turn: Turn, worker_id: str) -> Turn:
    """The turn as the worker would type it, so `/audit away` reads and checks the days as theirs."""
    person = services.directory.person(worker_id)
    if person is None:
        raise UserError(STALE)
    return replace(turn, person=person)


def propose(services: Services, turn: Turn, worker_id: str, parsed: Parsed, today: date) -> list[Reply]:
    """The days read back, with Yes / No: nothing is set until Yes."""
    name = services.directory.label(worker_id)
    if parsed is None:
        said = (f"Turn {name}'s reminders back on now (ending or cancelling their time away)? I'll tell them by DM.")
        value = f"{worker_id}|off||"
    else:
        starts, until, cover = parsed
        covered = f", {services.directory.label(cover)} covering their moderation requests" if cover else ""
        said = (f"Set {name} away {days_said(starts or today, until, 'to')}{covered}? Their reminders pause "
                f"{'then' if starts else 'now'} and start again on {long_date(next_working_day(until))}; I'll tell "
                "them by DM.")
        value = f"{worker_id}|{starts.isoformat() if starts else ''}|{until.isoformat()}|{cover or ''}"
    return [confirmations.ask(services, turn, Reply(kind="question", text=said, choices=(
        Choice("Yes, set it", YES, value), Choice("No, leave it", NO, value))))]


def decoded(services: Services, turn: Turn, value: str) -> tuple[Turn, str]:
    """A Yes button's value as (the worker's turn, `/audit away` words), the right to do it checked again (the
    value travels through Slack)."""
    parts = value.split("|")
    if len(parts) != 4 or services.directory.person(parts[0]) is None:
        raise UserError(STALE)
    worker_id, starts, until, cover = parts
    check(services, turn, worker_id, "")
    if starts == "off":
        return worker_turn(services, turn, worker_id), "off"
    try:
        days = f"from {date.fromisoformat(starts).isoformat()} " if starts else ""
        words = f"{days}until {date.fromisoformat(until).isoformat()}"
    except ValueError:
        raise UserError(STALE) from None
    return worker_turn(services, turn, worker_id), f"{words} cover {cover}" if cover else words


def done(services: Services, turn: Turn, worker: Turn, words: str, replies: list[Reply]) -> list[Reply]:
    """After `/audit away` ran as the worker: the manager is told it is done, the worker gets what it said to them
    (led by who set it) by DM, and any cover told keeps their DM."""
    name = services.directory.label(worker.user_id)
    me = services.directory.label(turn.user_id)
    own = [reply for reply in replies if reply.is_for_requester]
    others = [reply for reply in replies if not reply.is_for_requester]
    said = " ".join(reply.text for reply in own)
    record_trail(services.storage, turn.user_id, "away.set_for", {"user": worker.user_id, "words": words},
                 at=turn.now)
    if words == "off":
        told = f"{me} turned your reminders back on: your time away is ended or cancelled. {said}"
        return [Reply(f"Done: {name}'s reminders are back on, and I've told them."),
                Reply(to_user=worker.user_id, kind="notice", text=told), *others]
    told = f"{me} has set you away. {said} `/audit away` shows it."
    period = away_period(services.storage, worker.user_id)
    today = turn.now.astimezone(services.settings.timezone).date()
    days = f" {days_said(period[0] or today, period[1], 'to')}" if period else ""
    back = f"; their reminders start again on {long_date(next_working_day(period[1]))}" if period else ""
    return [Reply(f"Done: {name} is away{days}{back}. I've told them by DM."),
            Reply(to_user=worker.user_id, kind="notice", text=told), *others]


def said_no(services: Services, value: str) -> list[Reply]:
    """No: nothing set."""
    worker_id = value.split("|")[0]
    name = services.directory.label(worker_id) if services.directory.person(worker_id) else "them"
    return [Reply(kind="notice", text=f"OK: nothing was changed for {name}.")]
