"""When reminders come, asked in words: "remind me at 2pm instead of 9.30", "set up my reminders" (trial 58, F11).

Both got the canned "I can't set personal reminders or diary entries" (bot.asking.remind_asked), though the reminders'
time is the bot's own: the reminders job's time (`schedules.reminders` in settings.yaml), or, for someone teams.yaml
gives `working_hours`, the start of those hours (schedules/scheduler.py holds a reminder until then). Now the time is
said with who changes it (an admin: config is theirs), and "set up my reminders" is told they are automatic, with what
`my reminders` shows. A reminder of one's own ("remind me at 3pm to call the school") is still remind_asked's.

Trial 60 (F12): a manager booked away over Christmas asked "when will my reminders start again", "when do my reminders
restart" and "am i still on leave in the bot", and got the knowledge base's general entry on when reminders are sent,
the one on resuming an audit, and a "Did you mean" on leavers. These ask for the person's own answer, read from their
time away here, beside the reminders' time: the day reminders start again and how `away off` restarts them now, or
that they are not marked away and when reminders come.
"""

from __future__ import annotations

import re
from datetime import date, time

from bot.core.calendar import next_working_day
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.reminders.away_one_day import days_said
from bot.storage.reminders import away_booked, away_on
from knowledge.dates import long_date

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
_REMINDERS = r"(?:my\s+|the\s+|our\s+)?(?:daily\s+|audit\s+)?(?:reminders?|nudges|chasers)"
# "when will my reminders start again", "when do my reminders restart", "when are reminders back on", "tell me when
# my reminders resume"; never "when are reminders sent" (how they work: the knowledge base's)
RESTART = re.compile(rf"^\s*{_ASKING}(?:tell\s+me\s+|let\s+me\s+know\s+)?when\s+"
                     rf"(?:(?:will|do|does|are|is|would|shall)\s+{_REMINDERS}|{_REMINDERS}(?:\s+(?:will|are|would))?)\s+"
                     r"(?:(?:be\s+)?(?:going\s+to\s+|gonna\s+)?(?:start(?:ing)?|begin(?:ning)?|come|coming|turn(?:ed)?|"
                     r"switch(?:ed)?|be)\s+)?(?:(?:back\s+)?on\s+again|again|back(?:\s+on)?|re-?start(?:ing)?|"
                     r"resume|resuming|un-?pause)\b[^?]*\?*\s*$"
                     # "am i still on leave in the bot", "am i still away", "am i marked away", "is my leave still
                     # booked", "are my reminders still paused"; never "am i on track" (own_progress)
                     rf"|^\s*{_ASKING}(?:am|r)\s+i\s+(?:still\s+)?(?:marked\s+(?:as\s+)?|booked\s+(?:as\s+)?|down\s+as\s+|"
                     r"set\s+(?:as\s+)?)?(?:on\s+(?:annual\s+)?leave|away|off|on\s+holiday)(?:\s+(?:still|now))?"
                     r"(?:\s+(?:in|on|with)\s+(?:the\s+)?(?:bot|system|audit-?bot|here))?(?:\s+(?:still|now))?\s*[?.!]*\s*$"
                     rf"|^\s*{_ASKING}(?:is|are)\s+(?:my\s+(?:leave|time\s+away|away)|{_REMINDERS})\s+(?:still\s+)?"
                     r"(?:booked|on|set|paused|off|stopped|on\s+hold)(?:\s+(?:in|on)\s+(?:the\s+)?(?:bot|system))?"
                     r"(?:\s+still)?\s*[?.!]*\s*$", re.IGNORECASE)
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


def restart_said(services: Services, user_id: str, today: date) -> str:
    """When this person's reminders start again: after their time away under way (`away off` restarts them now),
    after the time away they have booked (they come as usual until it starts), or, not away, when they come."""
    away = away_on(services.storage, today).get(user_id)
    if away is not None:
        return (f"You're away until {long_date(away[0])}: your reminders start again on "
                f"{long_date(next_working_day(away[0]))} (`away off` restarts them now).")
    booked = away_booked(services.storage, user_id, today)
    if booked is not None:
        return (f"You aren't away yet: you're booked away {days_said(booked[0], booked[1], 'to')}, so your reminders "
                f"come as usual until then, pause on your first day away and start again on "
                f"{long_date(next_working_day(booked[1]))} (`away off` cancels it).")
    return (f"You aren't marked away: reminders come{reminder_time(services, user_id)} on each of your working days "
            "(`away until DATE` pauses them while you are off).")


def asked(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The reminders' time for a line asking to move it; that they are automatic, with what `my reminders` shows,
    for "set up my reminders"; when they start again, for "when will my reminders start again" (trial 60 F12);
    None for any other line."""
    said = (text or "").replace("\u2019", "'")
    if RESTART.match(said):
        today = turn.now.astimezone(services.settings.timezone).date()
        return [Reply(text=restart_said(services, turn.user_id, today))]
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
