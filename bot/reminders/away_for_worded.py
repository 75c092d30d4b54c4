"""A worker's time away said in words by their manager: "S1 is on leave next week, can you stop her reminders",
"sw s1 is off from 14/12 to 18/12", "away next week for S1".

Trial 41 (M5): the first got the article on pausing your own reminders. The statement is read as the worker's own
would be (bot.reminders.away_worded, with "her reminders" as "my reminders"), and handed to `/audit away … for S1`
(bot.reminders.feature), which checks who may, reads the days back and sets them on Yes (bot.reminders.away_for).
A statement of a person's leave without days ("S1 is off sick") is told how to give them, never sent to the
knowledge base as a question about pausing one's own.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.reminders import away_for
from bot.reminders.away_worded import _LEAVE, away_words
from bot.reminders.feature import away_command

PRIORITY = 26  # just before a statement of one's own time away (27)
THIRD_PERSON = re.compile(r"^\s*(?P<who>\S.*?)\s+(?:is|'s|will\s+be|is\s+going\s+to\s+be)\s+(?P<rest>\S.*)$",
                          re.IGNORECASE | re.DOTALL)
THEIR_REMINDERS = re.compile(r"\b(?:her|his|their|them)\b(?=\s+reminders?\b)", re.IGNORECASE)
LEAVE = re.compile(rf"^(?:{_LEAVE})\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"^(?:i'?m|i\s+am|i'?ll|i\s+will)\b", re.IGNORECASE)


def said_of(services: Services, text: str) -> tuple[str, str, bool] | None:
    """(member id, the statement as the worker would say it, whether it is "<person> is …"), for a line about
    another person's time away; None otherwise."""
    text = text.replace("\u2019", "'").strip()
    said = THIRD_PERSON.match(text)
    if said is not None and (who := away_for.person_in(services, said.group("who"))) is not None:
        return who, f"im {said.group('rest')}", True
    named = away_for.split_for(services, text)
    if named is None:
        return None
    return named[0], named[1] if FIRST_PERSON.match(named[1]) else f"im {named[1]}", False


def set_for(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit away … for <person>` for a statement of another person's time away with its days; how to give the
    days for one without; None for other text (and for one's own, which bot.reminders.away_worded reads)."""
    said = said_of(services, text)
    if said is None or said[0] == turn.user_id:
        return None
    worker_id, statement, third_person = said
    today = turn.now.astimezone(services.settings.timezone).date()
    words = away_words(THEIR_REMINDERS.sub("my", statement), today)
    if words is not None:
        return away_command(services, turn, f"{words} for {worker_id}")
    if not third_person or not LEAVE.match(statement[3:]) or "?" in text:
        return None  # a question about someone's leave ("S1 is off sick, who covers her visits?") is asked as one
    name = services.directory.label(worker_id)
    return [Reply(kind="error", text=f"To pause {name}'s reminders, tell me the days: like `away from 14/12 until "
                                     f"18/12 for {name}` or `{name} is on leave next week`. Nothing was changed.")]


def install(engine: Engine, services: Services) -> None:
    """Register another person's time away said in words, before one's own and the knowledge base."""
    engine.add_message_handler(lambda turn, text: set_for(services, turn, text), priority=PRIORITY)
