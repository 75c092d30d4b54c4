"""`pause my reminders` with no day: "Until when?", and the next line is the day (trial 48, F8).

The trial's manager typed `pause my reminders` and got the knowledge-base entry on how to pause them; `pause reminders
till monday` already paused them (bot.reminders.away_worded). Now a request to pause them with no day asks "Until
when?" and keeps that beside the conversation (`PENDING`); the next line is read as `pause reminders till <day>`
reads it, through the one reading of "until" (bot.reminders.feature.until_words, fix50b: the day is the last day
away; `back on <day>` is the day back); `cancel` leaves it, and a line that is no day goes where it would have gone,
nothing paused. A question ("how do I pause reminders?") is still the knowledge base's.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.reminders.feature import away_command, until_words
from bot.storage import audits as store
from knowledge.dates import DateError, parse_day

PENDING = "pause_until_pending"  # beside the conversation: a pause asked for, waiting for its day
ASKED_PRIORITY = 27  # as the other ways of pausing said in words (bot.reminders.away_worded), before the knowledge base
TYPED_PRIORITY = 17  # the line after "Until when?": after a Yes-or-No question (15) and more time's day (16)
# "pause my reminders", "can you stop the reminders please", "turn off my reminders for a bit", "pause reminders
# while im on leave": a request with no day
PAUSE = re.compile(r"^\s*(?:(?:pls|please|can\s+(?:u|you)|could\s+(?:u|you)|will\s+(?:u|you))\s+)*(?:please\s+)?"
                   r"(?:pause|stop|mute|hold|silence|snooze|turn\s+off|switch\s+off)\s+(?:my\s+|the\s+|all\s+(?:my\s+|"
                   r"the\s+)?)?(?:daily\s+|audit\s+)?reminders?(?:\s+(?:for\s+(?:a\s+bit|a\s+while|now|me)|"
                   r"while\s+(?:i'?m|i\s+am)\s+(?:on\s+leave|away|off)))?(?:\s+(?:please|pls|thanks))?\s*[.!?]*\s*$",
                   re.IGNORECASE)
CANCEL = re.compile(r"^\s*(?:cancel|never\s*mind|nvm|forget\s+it|leave\s+it|no|no\s+thanks)\s*[.!]?\s*$",
                    re.IGNORECASE)
DATEISH = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|week|"
                     r"tomorrow|xmas|christmas|until|till|til)", re.IGNORECASE)
UNTIL_WHEN = ("Until when? Type your last day away, like `friday` or `3/1`: reminders start again the next working "
              "day (or type the day back, like `back on 4/1`; `cancel` to leave them on).")


def asks_to_pause(text: str) -> bool:
    """Whether the text asks for reminders to be paused without saying until when ("pause my reminders")."""
    return PAUSE.match(text.replace("\u2019", "'")) is not None


def asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """"Until when?" for a request to pause reminders with no day, kept for the next line; None for other text."""
    if not asks_to_pause(text):
        return None
    store.keep_aside(services.storage, turn.user_id, PENDING, True, turn.now)
    return [Reply(text=UNTIL_WHEN, prompt="Type the day")]


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The line after "Until when?": the last day away, paused as `pause reminders till <day>` pauses; `cancel`
    leaves them on; a short line that is no day is refused and the question waits; other text goes where it would
    have gone."""
    if store.conversation(services.storage, turn.user_id).get(PENDING) is not True:
        return None
    if CANCEL.match(text):
        _let_go(services, turn)
        return [Reply(kind="notice", text="OK: your reminders stay on.")]
    words = until_words(text)
    day = words.removeprefix("back on ").removeprefix("until ")
    today = turn.now.astimezone(services.settings.timezone).date()
    try:
        parse_day(day, today, "future")
    except DateError as error:
        if len(day.split()) <= 4 and DATEISH.search(day):
            raise UserError(f"{error} Nothing is paused yet: type your last day away, like `friday` or `3/1`, or "
                            "the day back, like `back on 4/1` (`cancel` to leave them on).") from None
        _let_go(services, turn)
        return None
    _let_go(services, turn)
    return away_command(services, turn, words)  # as `pause reminders till <day>` (away_worded)


def _let_go(services: Services, turn: Turn) -> None:
    store.keep_aside(services.storage, turn.user_id, PENDING, None, turn.now)


def install(engine: Engine, services: Services) -> None:
    """Ask "Until when?" for a pause with no day, and read the day typed next."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=TYPED_PRIORITY)
    engine.add_message_handler(lambda turn, text: asked(services, turn, text), priority=ASKED_PRIORITY)
