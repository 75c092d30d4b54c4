"""Reminders turned back on in words: "turn my reminders back on", "im back, turn reminders on", "resume my reminders"
are `/audit away off` (trial 49, F2).

The trial's manager paused her reminders in words (`stop my reminders until 4/1`, bot.reminders.away_worded) but
turning them back on so got knowledge-base suggestions, and both wordings then sat on the QA leads' list of unanswered
questions; only `away off` worked. A request to turn them on (turn, switch or put them (back) on, resume, restart,
unpause or re-enable them), or "i'm back" (from leave), alone or before such a request, is `away off`, whose reply says
what changed ("Welcome back: reminders are on again.", or "You were not marked away."). A question ("how do I turn
reminders back on?") is not claimed: the knowledge base answers it, as it answers how to pause them.

Trial 52 (F14): `back from leave` typed before a booked leave had started (leave 14 Dec to 1 Jan, typed on 7 Dec) got
the reminders list and Home, as a catch-up question (bot.asking.catch_up_asked), and `im back` would have cancelled
the booking unasked. Said back from leave while the leave is still ahead, it is told so, with the commands that cancel
or move it, and nothing changes.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.reminders.feature import away_command
from bot.storage.reminders import away_booked

BACK_EARLY_PRIORITY = 26  # before the catch-up questions' "back from leave" (bot.asking.catch_up_asked, 27)
PRIORITY = 27  # as pausing said in words (bot.reminders.away_worded): after typed audit text, before the knowledge base
_POLITE = r"(?:(?:pls|please|can\s+(?:u|you)|could\s+(?:u|you)|will\s+(?:u|you)|ok|okay|right|so|and)\s+)*"
_THEM = r"(?:(?:my|the|all\s+(?:my\s+|the\s+)?)\s*)?(?:daily\s+|audit\s+)?(?:reminders?|notifications?)"
_ON = (rf"(?:turn|switch|put|set)\s+(?:{_THEM}\s+(?:back\s+)?on|(?:back\s+)?on\s+{_THEM})"
       rf"|(?:resume|restart|restore|unpause|un-pause|unmute|un-mute|reactivate|re-activate|re-?enable|enable|start)"
       rf"\s+{_THEM}")
_BACK = (r"(?:i'?m|i\s+am|im)\s+back(?:\s+(?:now|at\s+work|in\s+(?:the\s+)?office|from\s+(?:my\s+|annual\s+|study\s+)?"
         r"(?:leave|a/?l|hols?|holidays?|time\s+off|sick(?:\s+leave)?)))?|back\s+from\s+(?:my\s+|annual\s+)?"
         r"(?:leave|a/?l|hols?|holidays?)")
_END = r"(?:\s+(?:again|now|please|pls|thanks|thank\s+you|asap))*\s*[.!?]*\s*$"
# "back from leave", "just back off holiday", "im back from my leave today": back said alone, with or without a request
_FROM = (r"\s+(?:from|off)\s+(?:my\s+)?(?:annual\s+|study\s+|sick\s+|maternity\s+)?(?:leave|a/?l|hols?|holidays?"
         r"|time\s+off|sick(?:\s+leave)?|being\s+off)")
_BACK_ALONE = re.compile(
    rf"^\s*(?:hi\s+|hello\s+|morning\s+)?(?:(?:(?:i'?m|i\s+am|im|just)\s+)+back(?:\s+(?:now|today|at\s+work))?"
    rf"(?:{_FROM})?|back{_FROM})(?:\s+(?:today|now))?[\s.!]*$", re.IGNORECASE)
RESUME = re.compile(rf"^\s*(?:(?:{_BACK})\s*[,;.!-]*\s+(?:so\s+|and\s+|now\s+)*)?{_POLITE}(?:{_ON}){_END}"
                    rf"|^\s*(?:hi\s+|hello\s+|morning\s+)?(?:{_BACK}){_END}", re.IGNORECASE)


def asks_to_resume(text: str) -> bool:
    """Whether the text asks for reminders to be on again ("turn my reminders back on", "im back") rather than asks
    how (a question is the knowledge base's)."""
    return RESUME.match(text.replace("\u2019", "'")) is not None


def says_back(text: str) -> bool:
    """Whether the text says the person is back ("back from leave", "im back, turn my reminders on")."""
    text = text.replace("\u2019", "'")
    return (_BACK_ALONE.match(text) is not None
            or (asks_to_resume(text) and re.search(rf"^\s*(?:hi\s+|hello\s+|morning\s+)?(?:{_BACK})", text,
                                                   re.IGNORECASE) is not None))


def not_started(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Back from a leave that is booked ahead and not started: told so, and how to cancel or move it; None for other
    text, or with no leave ahead (then `away off` or the catch-up answers it)."""
    if not says_back(text):
        return None
    today = turn.now.astimezone(services.settings.timezone).date()
    booked = away_booked(services.storage, turn.user_id, today)
    if booked is None:
        return None
    starts, until, _cover = booked
    return [Reply(f"Your leave hasn't started (it starts {_day(starts, today)}; booked to {_day(until, today)}): "
                  "nothing has changed, and your reminders come as usual until then. To cancel it, `/audit away off`; "
                  "to change the dates, `/audit away from <first day> until <last day>`.")]


def _day(day: date, today: date) -> str:
    return f"{day:%A} {day.day} {day:%B}" + (f" {day.year}" if day.year != today.year else "")


def resumed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit away off` for reminders turned back on in words; None for other text."""
    return away_command(services, turn, "off") if asks_to_resume(text) else None


def install(engine: Engine, services: Services) -> None:
    """Read reminders turned back on in words as `away off`, before the knowledge base; and back from a leave not
    yet started as that."""
    engine.add_message_handler(lambda turn, text: not_started(services, turn, text), priority=BACK_EARLY_PRIORITY)
    engine.add_message_handler(lambda turn, text: resumed(services, turn, text), priority=PRIORITY)
