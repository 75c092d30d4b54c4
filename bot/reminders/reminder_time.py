"""When reminders come, asked in words: "remind me at 2pm instead of 9.30", "set up my reminders" (trial 58, F11).

Both got the canned "I can't set personal reminders or diary entries" (bot.asking.remind_asked), though the reminders'
time is the bot's own: the reminders job's time (`schedules.reminders` in settings.yaml), or, for someone teams.yaml
gives `working_hours`, the start of those hours (schedules/scheduler.py holds a reminder until then). Now the time is
said with who changes it (an admin: config is theirs), and "set up my reminders" is told they are automatic, with what
`my reminders` shows. A reminder of one's own ("remind me at 3pm to call the school") is still remind_asked's.
"""

from __future__ import annotations

import re
from datetime import time

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn

PRIORITY = 27  # before a reminder of one's own (bot.asking.remind_asked, 28) and the knowledge base
_ASKING = r"(?:(?:hey|hi|ok|okay|pls|please|can|could|will|would|u|you|bot|just|also|i|how|do|we)[\s,]+)*"
# "set up my reminders", "can you set up reminders for me", "how do i setup my reminders"; never "set up a reminder"
SET_UP = re.compile(rf"^\s*{_ASKING}(?:set\s*-?\s*up|configure)\s+(?:my\s+|the\s+|all\s+my\s+)?(?:audit\s+|daily\s+)?"
                    r"reminders\b(?:\s+(?:for\s+me|please|pls))?\s*[.!?]*\s*$", re.IGNORECASE)
# "remind me at 2pm instead of 9.30", "can my reminders come later", "change my reminder time", "move my reminders
# to the afternoon"; never "remind me later to call the school"
TIME_CHANGE = re.compile(r"\bremind\w*\b.*\b(?:instead|rather\s+than|earlier|later\s+than|different\s+time|another\s+"
                         r"time)\b|\b(?:change|move|shift)\s+(?:my\s+|the\s+)?(?:daily\s+)?reminders?\b|"
                         r"\breminders?\s+(?:time|times)\b|\btime\s+(?:of\s+)?(?:my\s+|the\s+)?reminders\b|"
                         r"\breminders\s+(?:come|arrive|be\s+sent)\s+(?:at|later|earlier|in\s+the)\b", re.IGNORECASE)
WHO_CHANGES = "set by `working_hours` in teams.yaml: ask an admin to change yours"


def reminder_time(services: Services, user_id: str) -> str:
    """' at 9:30' (the reminders job's time), or the start of the person's own working hours when the job runs
    before them; '' when the job has no one set time."""
    spec = services.settings.cron.get("reminders")
    if spec is None or not (spec.hour.isdigit() and spec.minute.isdigit()):
        return ""
    runs = time(int(spec.hour), int(spec.minute))
    own = services.directory.hours_of(user_id)
    if own is not None and not own[0] <= runs < own[1]:
        return f" at {_clock(own[0])}, when your working hours ({_clock(own[0])}–{_clock(own[1])}) start,"
    return f" at {_clock(runs)}"


def when_said(services: Services, user_id: str) -> str:
    """The one line on when this person's reminders come and who changes it."""
    return f"Reminders come{reminder_time(services, user_id)} on your working days ({WHO_CHANGES})."


def asked(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The reminders' time for a line asking to move it; that they are automatic, with what `my reminders` shows,
    for "set up my reminders"; None for any other line."""
    said = (text or "").replace("\u2019", "'")
    if SET_UP.match(said):
        first = Reply(text=f"Reminders are automatic: there is nothing to set up. {when_said(services, turn.user_id)} "
                           "Here is what `my reminders` shows now:")
        return [first, *engine.dispatch_command(turn, "reminders", "")]
    if TIME_CHANGE.search(said):
        return [Reply(text=f"{when_said(services, turn.user_id)} I can't move them from here. For a reminder of your "
                           "own at another time, Slack's `/remind` can: `/remind me at 2pm to …`.")]
    return None


def _clock(moment: time) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


def install(engine: Engine, services: Services) -> None:
    """Register the reminders' time asked in words, before a reminder of one's own."""
    engine.add_message_handler(lambda turn, text: asked(engine, services, turn, text), priority=PRIORITY)
