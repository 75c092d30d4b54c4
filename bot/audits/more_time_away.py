"""A request for more time sent to someone away, said to the worker (trial 57 F6; trial 60 F10).

Trial 60 (F10): a worker asked on 22 December for 1 January while their manager was away until 3 January, and was
told only "your request waits for their return", so the day passed unanswered. Now a day asked for that falls before
the one asked is back is said at once, with what the worker can do under the existing rules (bot.core.owner_manager:
who may answer a request): the request also goes to whoever else may answer it now (another manager of the worker,
else an admin, once the audit's auditor no longer answers for it), or, when nobody else may, the worker is told so
and how to ask for a day after the return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.core.away_said import away_line, booked_line
from bot.core.calendar import next_working_day, previous_working_day
from bot.core.owner_manager import auditor_answers, others_who_answer
from bot.core.services import Services
from bot.storage import audits as store
from bot.storage.actions import ActionRow
from bot.storage.reminders import away_on
from knowledge.dates import long_date


@dataclass(frozen=True)
class AwaySaid:
    """The words for the worker ("" when the one asked is in), who else is sent the request (None: nobody), and,
    when nobody may answer it before the one asked is back, the first day it can be answered (trial 61, G1: no other
    day before it is offered, such as the working day before a bank holiday)."""

    text: str
    also: str | None = None
    answered_from: date | None = None

    def answerable(self, day: date) -> bool:
        """Whether a request for `day` can be answered in time (so may be offered to the worker)."""
        return self.answered_from is None or day >= self.answered_from


def away_said(services: Services, asked: str, action: ActionRow, until: date | None, today: date) -> AwaySaid:
    """What the worker is told when the one asked is away: until when, and either that the request waits for their
    return, or, when the day asked for falls before it, who else is sent it or how to ask for a later day."""
    away = away_line(services, asked, today)
    if not away:
        return _booked_ahead(services, asked, until, today)
    back = next_working_day(away_on(services.storage, today)[asked][0])
    if until is None or until >= back:
        return AwaySaid(f" {away}: your request waits for their return.")
    after = next_working_day(back)
    later = f"type `actually make it {after.day}/{after.month}` to ask for a day after their return"
    falls = f" {away}. {long_date(until)} falls before they are back on {long_date(back)}, so it would pass unanswered"
    idle = set(away_on(services.storage, today))
    others = [who for who in others_who_answer(services, action) if who not in idle]
    if others:
        role = "also your manager" if others[0] in services.directory.managers_of(action.owner_id) else "an admin"
        return AwaySaid(f"{falls}: I've sent your request to {services.directory.label(others[0])} ({role}) as well, "
                        f"who may answer it now. Or {later}.", others[0])
    return AwaySaid(f"{falls}, and {_nobody_else(services, action)}. To have it answered in time, {later}; if you "
                    "don't, they are offered a later date when they are back.", answered_from=back)


def _booked_ahead(services: Services, asked: str, until: date | None, today: date) -> AwaySaid:
    """Time away booked to start later that the day asked for falls in, said from the moment it is booked (fix74a A2:
    a request on 7 Dec for 23 Dec, the manager booked away from 21 Dec, was said nothing until 21 Dec): they can
    still answer it before they go, so nothing is sent to anyone else; else nothing."""
    booked = booked_line(services, asked, today)
    if booked is None or until is None:
        return AwaySaid("")
    line, starts, last = booked
    back = next_working_day(last)
    if not starts <= until < back:
        return AwaySaid("")
    after = next_working_day(back)
    return AwaySaid(f" {line}. {long_date(until)} falls before they are back on {long_date(back)}, so unless they "
                    f"answer it by {long_date(previous_working_day(starts))}, it would pass unanswered: type `actually "
                    f"make it {after.day}/{after.month}` to ask for a day after their return.")


def _nobody_else(services: Services, action: ActionRow) -> str:
    """Why nobody else may answer it: only the auditor changes a submitted audit's actions (a cover takes moderation
    requests only), or the owner has no other manager and there is no admin."""
    audit = store.get_audit(services.storage, action.audit_id)
    if audit is not None and auditor_answers(services, audit):
        return (f"nobody else may change its date while audit #{audit.id} waits for moderation (only its auditor "
                "may; a cover takes moderation requests only)")
    return "nobody else may answer it for them"
