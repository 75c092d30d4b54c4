"""A manager away, said where others meet it (trial 57: F6, F9, F10).

A worker's request for more time went to a manager away until Friday with no word of it; a worker asking "who is
covering for my manager" got knowledge-base suggestions; the cover was refused the covered team's digest with no
word of what a cover receives. A cover takes only the moderation requests of the person away (bot.reminders.cover),
so each of those places now says who is away until when, who covers, and what the cover does not take.

Here, not in bot.reminders, because the features that say it (bot.audits, bot.asking) may not import each other.
"""

from __future__ import annotations

from datetime import date

from bot.core.services import Services
from bot.storage.reminders import away_booked, away_on, covering_for
from knowledge.dates import long_date


def away_line(services: Services, user_id: str, today: date, subject: str = "") -> str:
    """'Team manager (Children in care) is away until Friday 11 December 2026; Team manager (North) covers their
    moderation requests only' (`subject` in place of the name: 'they'), or '' when this person is not away today."""
    away = away_on(services.storage, today).get(user_id)
    if away is None:
        return ""
    until, cover = away
    verb = "are" if subject == "they" else "is"
    return f"{subject or services.directory.label(user_id)} {verb} away until {long_date(until)}; " \
           f"{_covered(services, cover)}"


def booked_line(services: Services, user_id: str, today: date) -> tuple[str, date, date] | None:
    """('Team manager (North) is booked away from Monday 21 December 2026 until Sunday 3 January 2027; nobody covers
    for them', first day, last day) for time away booked to start after today; None when none is (fix74a A2: a day
    asked for inside it was said only once the time away had started)."""
    booked = away_booked(services.storage, user_id, today)
    if booked is None:
        return None
    starts, until, cover = booked
    return (f"{services.directory.label(user_id)} is booked away from {long_date(starts)} until {long_date(until)}; "
            f"{_covered(services, cover)}", starts, until)


def _covered(services: Services, cover: str | None) -> str:
    return f"{services.directory.label(cover)} covers their moderation requests only" if cover else \
        "nobody covers for them"


def cover_refusal_note(services: Services, reader: str, team_id: str, today: date) -> str:
    """The sentence added when a cover is refused the covered person's team: what a cover receives and what not
    (trial 57, F10: TM North, covering, was told only "your own teams only"); '' when they cover nobody there."""
    managers = services.directory.teams[team_id].manager_ids
    covered = [who for who, _, _ in covering_for(services.storage, reader, today) if who in managers]
    if not covered:
        return ""
    names = " and ".join(services.directory.label(who) for who in covered)
    return (f" You cover {names}'s moderation requests only: audits waiting for their moderation come to you in "
            "your reminders, and a cover gets no access to their team's digest, actions or requests for more time.")
