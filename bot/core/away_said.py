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
from bot.storage.reminders import away_on, covering_for
from knowledge.dates import long_date


def away_line(services: Services, user_id: str, today: date, subject: str = "") -> str:
    """'Team manager (Children in care) is away until Friday 11 December 2026; Team manager (North) covers their
    moderation requests only' (`subject` in place of the name: 'they'), or '' when this person is not away today."""
    away = away_on(services.storage, today).get(user_id)
    if away is None:
        return ""
    until, cover = away
    label = services.directory.label
    covered = (f"{label(cover)} covers their moderation requests only" if cover
               else "nobody covers for them")
    verb = "are" if subject == "they" else "is"
    return f"{subject or label(user_id)} {verb} away until {long_date(until)}; {covered}"


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
