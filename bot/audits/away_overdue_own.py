"""One's own time away and one's own overdue (or soon due) actions: "im on leave next week and my action is overdue",
"I'm off from Monday and action 12 is due while I'm away, what do I do?", a manager's "I'm on leave and my actions
are overdue".

fix80a: these got the HR leave policy's out-of-scope reply, or only the action's card, since bot.audits.away_overdue
answers a manager about someone else's actions and leaves first-person lines alone. A line that says in the first
person both that the writer is (or will be) away and that their action is overdue or due is about their own actions:
they are told their time away as the bot knows it (`away` bookings, else the days the line says, else none), which of
their open actions are overdue and which fall due while away, and what they can do: ask for more time (`extend N to
<date>, <reason>`, which goes to whoever may give it) and book the time away (`away from … until …`) so reminders
pause, due dates staying as they are. A request for more time on a named action ("can i have more time on 82, im
off till the 12th") is left to the request itself, which sends it.

Trial 64 (F1): "i am on annual leave next week, can i have more time on my actions?", "what happens to my actions
while im on leave", "will my actions be paused when im on holiday" still got the HR leave policy (the knowledge base's
out-of-scope leave topic, priority 90), since this rule wanted the line to open in the first person, to say "due" or
"overdue", and to ask no more time. Now the writer's being away may be said anywhere in the line ("while im on
leave", "if im off sick"), and asking for more time, or what happens to, pauses or changes their actions, is enough.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.audits.away_overdue import AWAY, NUMBER
from bot.core.action_due import due_shown, is_overdue
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.reminders.away_worded import away_words
from bot.reminders.feature import read_days
from bot.storage import actions as action_store
from bot.storage.actions import ActionRow
from bot.storage.reminders import away_period
from knowledge.dates import DateError, long_date, parse_day

PRIORITY = 24  # before a manager's question about someone else's (25) and time away said in words (26, 27)
MINE = re.compile(r"^\s*(?:(?:hi|hello|so|ok|right|help|um)[\s,!.]+)?(?:i|i'm|im|i\s+am|i'll|ill|i've|my)\b",
                  re.IGNORECASE)
OWN_ACTIONS = re.compile(r"\b(?:my\s+(?:\w+\s+)?(?:actions?|tasks?)|actions?\s*#?\s*\d{1,7}|(?:actions?|tasks?)\s+"
                         r"(?:of\s+mine|i\s+(?:have|own|got)))\b", re.IGNORECASE)
DUE = re.compile(r"\b(?:overdue|late|due|deadline|out\s+of\s+date)\b", re.IGNORECASE)
ASKS_MORE_TIME = re.compile(r"\b(?:more\s+time|extension|extend|extned)\b", re.IGNORECASE)
# the writer away, said anywhere: "while im on leave", "when i'm on holiday", "if im off sick", "im going on leave"
SELF_AWAY = re.compile(r"\b(?:i|i'm|im|i\s+am|i'll|ill|i\s+will)\s+(?:(?:be|going|gonna|go|to|currently|now|also|still|"
                       rf"away|off)\s+)*(?:{AWAY.pattern})", re.IGNORECASE)
# what else a question about one's actions while away asks: whether they pause, change, move or wait
WHILE_AWAY = re.compile(r"\b(?:happens?|paus\w*|chang\w*|mov\w*|stop\w*|freez\w*|frozen|hold|wait\w*)\b",
                        re.IGNORECASE)
# a request for more time on an action it names ("more time on 82", "extend action 82"): the request's, which sends it
NAMED_REQUEST = re.compile(r"\b(?:(?:more\s+time|extension|extend|extned)\s+(?:on|for|to)?\s*#?\d|action\s*#?\s*\d)",
                           re.IGNORECASE)
CLAUSE_END = re.compile(r"\s*(?:[,;!?]|\.(?=\s)|\s[-–—]+\s|\s+(?:and|but|so)\s+)\s*", re.IGNORECASE)
FROM_DAY = re.compile(r"\b(?:from|starting(?:\s+on)?)\s+(?P<day>[^,;.?!]+?)(?=\s+(?:and|but|so|until|till|til|to|for|"
                      r"with)\b|\s+[-–—]\s|[,;.?!]|\s*$)", re.IGNORECASE)
MOST_LISTED = 8  # actions named in a list; `actions overdue` lists the rest


def asked(text: str) -> bool:
    """Whether a line says, in the first person, that the writer is away, and asks about their actions: overdue or
    due, more time on them, or what happens to them meanwhile; not a request for more time on a named action."""
    line = text.replace("\u2019", "'")
    more_time = ASKS_MORE_TIME.search(line)
    if not OWN_ACTIONS.search(line) or (more_time and NAMED_REQUEST.search(line)):
        return False
    if SELF_AWAY.search(line):  # "while im on leave": more time, or what happens to them, asked too
        return bool(DUE.search(line) or more_time or WHILE_AWAY.search(line))
    # "i have leave next week and my action is due"
    return bool(MINE.match(line) and AWAY.search(line) and DUE.search(line))


def days_said(text: str, today: date) -> tuple[date, date] | None:
    """(first, last) day away the line's opening clauses say ("im on leave next week" -> Monday to Friday of next
    week), read as `/audit away` reads them; None when they say no days."""
    line = text.replace("\u2019", "'")
    for end in reversed([found.start() for found in CLAUSE_END.finditer(line)] + [len(line)]):
        words = away_words(line[:end], today)
        if words is None:
            continue
        try:
            read = read_days(words, today, named=lambda name: name)
        except UserError:
            continue
        if read is not None:
            return read[0] or today, read[1]
    return None


def first_day_said(text: str, today: date) -> date | None:
    """The first day away a line gives without its last ("I'm off from Monday"), else None."""
    found = FROM_DAY.search(text.replace("\u2019", "'"))
    if found is None:
        return None
    try:
        day = parse_day(found.group("day"), today, "future")
    except DateError:
        return None
    # "off from Monday" said on a Monday is next Monday: today would be "from today"
    return day + timedelta(days=7) if day == today and found.group("day").strip().lower() != "today" else day


def answer(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The writer's time away, their overdue actions and those due while away, and what they can do."""
    if not asked(text):
        return None
    today = turn.now.astimezone(services.settings.timezone).date()
    booked = away_period(services.storage, turn.user_id)
    booked = booked if booked is not None and booked[1] >= today else None
    window = ((booked[0] or today), booked[1]) if booked else days_said(text, today)
    mine = action_store.open_actions_of(services.storage, turn.user_id)
    named = [int(number) for number in NUMBER.findall(text)]
    first = window[0] if window else first_day_said(text, today)
    lines = [_away_line(services, booked, window, first, today)]
    lines += [_named_line(services, turn.user_id, number, window or (first, None), today) for number in named]
    overdue = [action for action in mine if is_overdue(action.due_date, today)]
    coming = [action for action in mine if window and not is_overdue(action.due_date, today)
              and window[0] <= date.fromisoformat(action.due_date) <= window[1]]
    lines.append(f"Your overdue actions: {_listed(overdue)}." if overdue else "None of your actions is overdue.")
    if window:
        lines.append(f"Due while you are away: {_listed(coming)}." if coming else
                     "None of your open actions falls due while you are away.")
    yours = [number for number in named if any(action.id == number for action in mine)]
    example = (yours or [action.id for action in (*overdue, *coming)] or [0])[0]
    lines.append(_what_to_do(example, booked is not None, window or (first, None)))
    return [Reply(kind="notice", text="\n".join(lines))]


def _away_line(services: Services, booked: tuple[date | None, date, str | None] | None,
               window: tuple[date, date] | None, first: date | None, today: date) -> str:
    """Your time away as booked here, else the days your message says, else that none is booked."""
    if booked is not None:
        starts, until, cover = booked
        when = (f"booked away from {long_date(starts)} until {long_date(until)}" if starts and starts > today
                else f"away until {long_date(until)}")
        covered = f" ({services.directory.label(cover)} covering)" if cover else ""
        return f"You are {when}{covered}: your reminders pause then, but due dates stay as they are."
    if window is not None:
        return (f"You have no time away booked here yet; your message says {long_date(window[0])} to "
                f"{long_date(window[1])}. Due dates do not move while you are away.")
    said = f"; your message says from {long_date(first)}" if first else ""
    return f"You have no time away booked here{said}. Due dates do not move while you are away."


def _named_line(services: Services, user_id: str, number: int, window: tuple[date | None, date | None],
                today: date) -> str:
    action = action_store.get_action(services.storage, number)
    if action is None or action.owner_id != user_id:
        return f"Action {number} is not one of your actions, so I can't say more about it here."
    if action.done_at:
        return f"Action {number} ({action.case_ref}) is done already."
    due = date.fromisoformat(action.due_date)
    return f"Action {number} (“{action.description}”, {action.case_ref}) is due {due_shown(due)}: " \
        f"{_state(due, window, today)}."


def _state(due: date, window: tuple[date | None, date | None], today: date) -> str:
    """Overdue, due before the first day away, while away (or after its first day, the last unknown), or after."""
    first, last = window
    if is_overdue(due, today):
        return "overdue"
    if first is None:
        return "not overdue yet"
    if due < first:
        return f"not overdue yet, and due before your first day away, {long_date(first)}"
    if last is None:
        return f"due on or after your first day away, {long_date(first)}"
    return "due while you are away" if due <= last else "due after you are back"


def _listed(actions: list[ActionRow]) -> str:
    shown = ", ".join(f"{action.id} (due {due_shown(action.due_date)})" for action in actions[:MOST_LISTED])
    more = f" and {len(actions) - MOST_LISTED} more (`actions overdue` lists them)" \
        if len(actions) > MOST_LISTED else ""
    return f"{shown}{more}"


def _what_to_do(example: int, booked: bool, window: tuple[date | None, date | None]) -> str:
    number = str(example) if example else "N"
    first, last = (f"{day.day}/{day.month}" if day else None for day in window)
    if booked:
        book = "your time away is booked, so your reminders pause then (`/audit away` shows it)"
    else:
        book = (f"book your time away so your reminders pause: `away from {first or '<first day>'} until "
                f"{last or '<last day>'}`")
    if not example:  # nothing overdue or due while away: only the booking is worth saying
        return f"What you can do: {book}."
    return ("What you can do:\n"
            f"• ask for more time: `extend {number} to <date>, <reason>` (it goes to whoever can give it, the auditor "
            "or your manager)\n"
            f"• {book}\n"
            f"• if it is done already: `done {number}`")


def install(engine: Engine, services: Services) -> None:
    """Register one's own time away with overdue actions, said in words, before another person's (25)."""
    engine.add_message_handler(lambda turn, text: answer(services, turn, text), priority=PRIORITY)
