"""The scheduled weekly send: each team's digest to its managers and channel, the service digest to admins. The
channel's names no case (it says how many) unless `case_references_in_channels` is set: a channel is read by more
than the managers, whose own digest, sent to them directly, names the cases (fix 41).

Trial 60 (F16): a manager booked away over Christmas got week 52's digest on 29 December, while her reminders waited
and were summed up on her return. A manager (or admin) away on the digest's day now has it held, as a DM out of
working hours is (bot.audits.held_dms), until the start of their first working day back: it comes then with the rest
held for them, or when they next use the bot. The team's channel gets its copy as usual. fix74b (B1): the held
digest comes with its trend chart, as an ordinary one does.

fix74b (B2): week 53's digest (28 December to 3 January) was due on the Monday she was back and went at once, so it
could reach her before week 52's, held for her: when the bot was down at the start of her morning and started after
09:00 (the missed run is made, then what is held is sent), or when her own working hours start after the digest's
time. A digest for someone with a scheduled message (a digest) still held for them now waits behind it, held until
the same time: what is held goes in the order it was held, so the weeks come in order, whether sent by the run or
handed over when they use the bot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial

from bot.core.agreement import last_complete_week
from bot.core.calendar import next_day_worked
from bot.core.outgoing import SCHEDULER_ACTOR, Outgoing
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.digest import build_service_digest
from bot.digests.render import service_replies, team_replies
from bot.settings.people import Role
from bot.storage import held_dms
from bot.storage.reminders import away_on
from knowledge.dates import long_date


def digest_outgoing(services: Services, now: datetime) -> list:
    """The scheduled weekly send: each team's digest to its managers and channel, the service one to admins; a
    manager or admin away that day has theirs held for their first working morning back (trial 60 F16)."""
    today = now.astimezone(services.settings.timezone).date()
    monday = last_complete_week(today)
    away = away_on(services.storage, today)
    outgoing = []
    service = build_service_digest(services, monday)
    named = services.settings.case_references_in_channels  # else a channel's post counts the cases (fix 41)
    for digest in service.teams:
        team = services.directory.teams[digest.team_id]
        for manager in team.manager_ids:
            outgoing.append(_to_person(services, f"{manager}/{team.id}", away.get(manager),
                                       partial(team_replies, digest, to_user=manager), now))
        if team.digest_channel:
            outgoing.append(Outgoing(f"{team.digest_channel}/{team.id}",
                                     tuple(team_replies(digest, to_channel=team.digest_channel, cases_named=named))))
    for admin in services.directory.ids_with_role(Role.ADMIN):
        outgoing.append(_to_person(services, f"{admin}/service", away.get(admin),
                                   partial(service_replies, service, to_user=admin), now))
    return outgoing


def _to_person(services: Services, recipient: str, away: tuple[date, str | None] | None,
               replies: Callable[..., list[Reply]], now: datetime) -> Outgoing:
    """A person's digest, now; or, while they are away, held for the start of their first working day back, with
    its chart as an ordinary digest has (fix74b B1: the held one came without it); or, while an earlier digest is
    still held for them, held behind it (fix74b B2)."""
    user_id = recipient.split("/")[0]
    if away is not None:
        back = next_day_worked(away[0], services.directory.days_of(user_id))
        start = (services.directory.hours_of(user_id) or services.settings.quiet_hours)[0]
        return _held(recipient, replies, datetime.combine(back, start, tzinfo=services.settings.timezone),
                     f"held for your time away (to {long_date(away[0])})")
    if (behind := _still_held(services, user_id, now)) is not None:
        return _held(recipient, replies, behind, "held to come after the digest held for your time away, so you "
                                                 "read the weeks in order")
    return Outgoing(recipient, tuple(replies(chart=True)))


def _still_held(services: Services, user_id: str, now: datetime) -> datetime | None:
    """When the last scheduled message still held for this person (a digest held for their time away) is sent, or
    None when none is: a later digest waits until then, so it comes after it (fix74b B2)."""
    waiting = held_dms.waiting_for(services.storage, user_id, now)
    return max((dm.send_at for dm in waiting if dm.by_user == SCHEDULER_ACTOR), default=None)


def _held(recipient: str, replies: Callable[..., list[Reply]], until: datetime, why: str) -> Outgoing:
    """The digest and its chart held until `until`, its note saying why."""
    note = f"Audit digest from audit-bot, {why}. `/audit digest` shows the latest at any time."
    noted = tuple(reply if reply.image else replace(reply, note=note) for reply in replies(chart=True))
    return Outgoing(recipient, noted, held_until=until)
