"""Cover while someone is away: who may cover, who is told, and what the cover sees (trial 22).

A cover takes the moderation requests of someone away. A trial found two managers booked as each other's cover over
the same days, so both sets of requests would reach nobody; the person named was never told, and `/audit away` and
Home said nothing of it. Now a cover who is away themself over any of those days is refused, the cover is told by DM
when named and when no longer needed, and both `/audit away` and Home say whom a person covers.
"""

from __future__ import annotations

from datetime import date

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.reminders.away_one_day import days_said
from bot.settings.people import Role
from bot.storage.reminders import away_period, covering_for
from knowledge.dates import long_date

COVER_ROLES = (Role.MANAGER, Role.QA_LEAD, Role.ADMIN)  # the cover gets moderation reminders: moderators only


def check(services: Services, turn: Turn, cover: str, first: date, until: date) -> None:
    """Refuse a cover who cannot moderate, someone with nothing to cover, or a cover away over any of the days."""
    if turn.person.role not in COVER_ROLES:
        raise UserError("You don't get moderation requests, and those are all a cover takes, so there is nothing "
                        f"to cover: type `/audit away until {until.day}/{until.month}` without `cover`.")
    covering = services.directory.person(cover)
    if covering is None:
        raise UserError("That person is not set up in audit-bot, so they cannot cover. Pick someone who is.")
    if cover == turn.user_id:
        raise UserError("You cannot cover for yourself. Pick a colleague, or leave out `cover`.")
    if covering.role not in COVER_ROLES:
        raise UserError(f"{services.directory.label(cover)} is a practitioner, and only team "
                        "managers, QA leads and admins can moderate, so they cannot cover: your cover gets "
                        "the reminders about audits waiting for your moderation. Pick a team manager, "
                        "QA lead or admin, or leave out `cover`.")
    theirs = away_period(services.storage, cover)
    if theirs is not None and _overlap(first, until, theirs[0] or first, theirs[1]):
        label = services.directory.label(cover)
        raise UserError(f"{label} is away themself {_days(theirs[0], theirs[1])}, so on those days your moderation "
                        f"requests would reach nobody. Pick someone who is in, or leave out `cover`. Nothing was "
                        "changed.")


def clash(services: Services, user_id: str, first: date, until: date) -> str:
    """A sentence for someone booking time away while they cover a colleague over some of the same days: that
    colleague's requests would reach nobody then (said, not refused: their leave is their own)."""
    clashing = [(who, starts, last) for who, starts, last in covering_for(services.storage, user_id, first)
                if _overlap(first, until, starts or first, last)]
    if not clashing:
        return ""
    names = ", ".join(services.directory.label(who) for who, _, _ in clashing)
    return (f" You are the cover for {names} over some of those days, so their moderation requests would reach "
            "nobody then: ask them to name another cover.")


def told(services: Services, turn: Turn, cover: str | None, earlier: str | None, first: date | None,
         until: date) -> list[Reply]:
    """The DMs: the person named as cover is told whom they cover and when; a cover replaced is told they are not."""
    me = services.directory.label(turn.user_id)
    replies = []
    if cover is not None and cover != earlier:
        replies.append(Reply(to_user=cover, kind="notice", text=(
            f"{me} is away {_days(first, until)} and has named you as their cover: audits waiting for their "
            f"moderation come to you in your reminders on {'that day' if first == until else 'those days'}, and only "
            "those: a cover gets no access to their team's digest, actions or requests for more time. `/audit away` "
            "shows whom you cover.")))
    if earlier is not None and earlier != cover:
        replies.append(released(services, turn, earlier))
    return replies


def released(services: Services, turn: Turn, cover: str) -> Reply:
    """The DM to a cover no longer needed (time away cancelled or ended, or another cover named)."""
    return Reply(to_user=cover, kind="notice", text=(
        f"{services.directory.label(turn.user_id)} no longer needs you to cover their moderation requests."))


def covering_text(services: Services, user_id: str, today: date) -> str:
    """'You cover Team manager (North)'s moderation requests from … until ….', or "" when covering nobody."""
    periods = covering_for(services.storage, user_id, today)
    return " ".join(f"You cover {services.directory.label(who)}'s moderation requests "
                    f"{_days(starts if starts and starts > today else None, last)}." for who, starts, last in periods)


def _overlap(first: date, until: date, other_first: date, other_until: date) -> bool:
    return first <= other_until and other_first <= until


def _days(first: date | None, until: date) -> str:
    """"on Thursday 24 December 2026" for one day away (not "from … until" the same day), else "from … until …"."""
    return days_said(first, until) if first else f"until {long_date(until)}"
