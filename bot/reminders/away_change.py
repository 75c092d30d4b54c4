"""A change to time away said in words: "my leave has changed its 22nd dec not 21st", "change my leave to 22 dec -
4 jan", "back on the 3rd not the 2nd", "my leave now ends on 4 jan", "cancel my leave".

Fix 34: a manager who had booked leave in words (`away 21 dec to 2 jan`, bot.reminders.away_worded) and typed that
it had changed got the HR leave policy's out-of-scope reply or the knowledge base's "I don't know that yet": nothing
changed. A change names the end it moves (`starts`, `ends`, `back on`), the day it replaces (`22nd not 21st`: the
21st is the booking's first day, so the first day moves) or both days (a new range). The days are read by the date
reader every date question uses (knowledge.dates.parse_day), a day without its month taken as the one nearest the day
it replaces, so `the 3rd not the 2nd` in late December is 3 January. The booking changes with a one-line
confirmation of the new dates, or stays as it is with a message saying why and what to type; with no booking the
reply says so and how to book. Cancelling is `/audit away off` (bot.reminders.feature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.core.calendar import next_working_day
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.reminders import away_one_day
from bot.reminders import cover as cover_rules
from bot.reminders.feature import MAX_AWAY_DAYS, away_command
from bot.reminders.pause_heads_up import actions_listed, heads_up
from bot.storage.reminders import away_period, set_away
from bot.storage.trail import record_trail
from knowledge.dates import DateError, long_date, parse_day

PRIORITY = 27  # as away_worded, and registered before it: "i'm off from 22nd not 21st" is a change, not a booking
NOUN = (r"(?:annual\s+leave|study\s+leave|leave|a/l|al|time\s+away|time\s+off|holidays?|hols|away\s+dates|away"
        r"|booking|days\s+off)")
_FILLER = r"(?:(?:sorry|actually|oh|oops|ah|hi|so|ok|okay|update|fyi|um|erm)\b[\s,:;.!-]*)*"
_ASK = r"(?:(?:can|could|would|will)\s+(?:u|you)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+)?"
_VERB = r"(?:change|move|update|amend|edit|alter|shift|switch|correct|fix|make)"
# "change my leave (dates) to …", "can you move my a/l to …"
HEAD_VERB = re.compile(rf"^{_FILLER}{_ASK}{_VERB}\s+(?:my|the)\s+{NOUN}(?:\s+dates?)?\b(?P<body>.*)$",
                       re.IGNORECASE | re.DOTALL)
# "my leave has changed …", "my leave is now …", "my leave starts …", "the dates of my leave have changed …"
HEAD_NOUN = re.compile(rf"^{_FILLER}(?:(?:the\s+)?dates?\s+(?:of|for)\s+)?(?:(?:my|the)\s+{NOUN}(?:\s+dates?)?"
                       rf"|{NOUN}(?:\s+dates?)?(?=\s+(?:has|have|is|are)?\s*(?:been\s+)?(?:changed|moved)\b))"
                       r"(?P<verb>\s+(?:has|have|'s|is|are|was|were)?\s*(?:now\s+)?(?:been\s+)?"
                       r"(?:changed|moved|different|wrong|changing|updated|cancell?ed|canceled|off|called\s+off))?"
                       r"\b(?P<body>.*)$", re.IGNORECASE | re.DOTALL)
# "i'm back on the 3rd not the 2nd", "i'm off from 22nd not 21st": a first person change needs `not`/`instead`/`now`
HEAD_PERSON = re.compile(rf"^{_FILLER}(?=.*\b(?:not|instead|now|rather)\b)(?:i'?m\s+|i\s+am\s+|i'?ll\s+be\s+"
                         r"|i\s+will\s+be\s+|im\s+)?(?:now\s+)?(?P<body>(?:back|off|away|on\s+leave|on\s+holiday"
                         r"|on\s+a/l|(?:my\s+)?(?:last|first)\s+day)\b.*)$", re.IGNORECASE | re.DOTALL)
CANCEL = re.compile(rf"^{_FILLER}{_ASK}(?:cancel|delete|remove|scrap|drop|withdraw)\s+(?:my|the)\s+{NOUN}"
                    r"(?:\s+(?:booking|dates?))?(?:\s+(?:please|pls|thanks|thank\s+you))?\s*[.!]*\s*$",
                    re.IGNORECASE)
CANCELLED = re.compile(r"^\s*(?:cancell?ed|canceled|off|called\s+off|not\s+happening)\b", re.IGNORECASE)
LEADING = re.compile(r"^(?:[\s,;:.!-]+|(?:so\s+|and\s+)?(?:it'?s|its|it\s+is|it\s+will\s+be|it'?ll\s+be|they'?re"
                     r"|theyre|they\s+are|now|to|as|for|is|are|be|instead|please|pls|:)\b)+", re.IGNORECASE)
TRAILING = re.compile(r"(?:[\s,;:.!-]+|\b(?:now|instead|please|pls|thanks|thank\s+you|ta|cheers)\b)+$",
                      re.IGNORECASE)
REPLACING = re.compile(r"\s*,?\s+(?:and\s+)?(?:not|instead\s+of|rather\s+than)\s+(?:on\s+)?(?:the\s+)?(?P<old>\S.*)$",
                       re.IGNORECASE | re.DOTALL)
_OWN = r"(?:(?:i'?m|i\s+am|im|i'?ll\s+be|i\s+will\s+be)\s+)?"
LEAVE_WORDS = re.compile(rf"^{_OWN}(?:now\s+)?(?:off|away|on\s+leave|on\s+holiday|on\s+a/l)\s+", re.IGNORECASE)
END_WORDS = (
    ("back", re.compile(rf"^{_OWN}back\s+(?:at\s+work\s+|in\s+(?:work\s+|the\s+office\s+)?)?(?:on\s+)?(?P<day>\S.*)$",
                        re.IGNORECASE | re.DOTALL)),
    ("start", re.compile(rf"^(?:{_OWN}(?:off|away|on\s+leave|on\s+holiday|on\s+a/l)\s+)?(?:it\s+)?(?:starts?|starting"
                         r"|begins?|beginning|from|(?:my\s+)?first\s+day(?:\s+(?:away|off))?(?:\s+is)?)\s+"
                         r"(?:now\s+)?(?:on\s+|is\s+|from\s+)?(?P<day>\S.*)$", re.IGNORECASE | re.DOTALL)),
    ("end", re.compile(rf"^(?:{_OWN}(?:off|away|on\s+leave|on\s+holiday|on\s+a/l)\s+)?(?:it\s+)?(?:ends?|ending"
                       r"|finish(?:es)?|finishing|until|till|til|to|(?:my\s+)?last\s+day(?:\s+(?:away|off))?"
                       r"(?:\s+is)?)\s+(?:now\s+)?(?:on\s+|is\s+)?(?P<day>\S.*)$", re.IGNORECASE | re.DOTALL)),
)
RANGE = re.compile(r"^(?:from\s+)?(?P<first>\S.*?)(?:\s+(?:to|until|till|til|through)\s+|\s*[-–—]\s*"
                   r"|\s*,?\s+(?:and\s+)?(?P<back>(?:i'?m\s+)?back\s+(?:on\s+)?))(?P<last>\S.*)$",
                   re.IGNORECASE | re.DOTALL)
# a day of the month without its month ("the 3rd", "mon 4th"): read as the one nearest the day it replaces
DAY_ALONE = re.compile(r"^(?:[a-z]+\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?$", re.IGNORECASE)
DAY_FIRST = re.compile(r"^(?:the\s+)?(?:\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|tomorrow\b|today\b|next\b)",
                       re.IGNORECASE)
HOW_TO_BOOK = ("To book time away, type it like `away 21/12 to 2/1` (or `/audit away from DATE until DATE`); "
               "`away next fri` books one day.")
HOW_TO_CHANGE = ("Say which day changes, like `my leave starts 22/12`, `my leave ends 4/1`, `back on 5/1` or "
                 "`change my leave to 22/12 - 4/1`. Nothing was changed.")


@dataclass(frozen=True)
class Change:
    """A change said in words: `end` is "start", "end", "back", "both", "unknown" or "cancel"; `new` the day typed
    (`last` too for both ends), `old` the day it replaces when typed (`22nd not 21st`); `sure` when it names the
    leave, so with nothing booked the reply says how to book."""

    end: str
    new: str = ""
    last: str = ""
    old: str = ""
    back_day: bool = False  # both ends, the second the day back ("22 dec, back on 5 jan")
    sure: bool = True  # said of "my leave" (or cancelled): with no booking, the reply says so and how to book


def read_change(text: str) -> Change | None:
    """The change a message makes to time away, or None when it is not one (left to other features)."""
    text = text.replace("\u2019", "'").strip()
    if text.endswith("?") or len(text) > 200:
        return None
    if CANCEL.match(text):
        return Change("cancel")
    if (head := HEAD_VERB.match(text)) is not None:
        return _body(head.group("body"))
    if (head := HEAD_NOUN.match(text)) is not None and (head.group("verb") or _dated(head.group("body"))):
        if re.search(r"cancel|called\s+off|\boff\b", head.group("verb") or "", re.IGNORECASE) or \
                CANCELLED.match(head.group("body").strip(" ,;:.!-")):
            return Change("cancel")
        change = _body(head.group("body"))
        if head.group("verb") or change.end != "unknown" or change.old or DAY_FIRST.match(change.new):
            return change  # "my leave policy says 25 days" names no day first
        return None
    if (person := HEAD_PERSON.match(text)) is not None and _dated(person.group("body")):
        change = _body(person.group("body"))  # "i'm back on the 3rd now": only a change of a booking, but "… not
        # the 2nd" says it is a change
        sure = bool(change.old) and change.end != "unknown"
        return replace(change, sure=sure) if change.end != "unknown" or change.old else None
    return None


def _dated(body: str) -> bool:
    """Whether the words after "my leave" say a day or an end: "my leave starts 22/12", not "my leave policy"."""
    return re.search(r"\d|\b(?:starts?|ends?|begins?|finish|back|until|till|from|mon|tue|wed|thu|fri|sat|sun"
                     r"|tomorrow|next)", body, re.IGNORECASE) is not None


def _body(body: str) -> Change:
    """What the words after the head change: one end (named, or by the day it replaces), both, or unknown."""
    body = TRAILING.sub("", LEADING.sub("", body))
    old = ""
    if (replacing := REPLACING.search(body)) is not None:
        old = TRAILING.sub("", replacing.group("old")).strip()
        body = TRAILING.sub("", body[:replacing.start()])
        body = LEADING.sub("", body)
    leave = LEAVE_WORDS.sub("", body)
    if not old and leave[:5].lower() == "from " and (both := RANGE.match(leave)) is not None:
        return Change("both", _day(both.group("first")), _day(both.group("last")), back_day=bool(both.group("back")))
    for end, pattern in END_WORDS:
        if (said := pattern.match(body)) is not None:
            return Change(end, _day(said.group("day")), old=old)
    if not old and (both := RANGE.match(body)) is not None:
        last = _day(both.group("last"))
        return Change("both", _day(both.group("first")), last, back_day=bool(both.group("back")))
    return Change("unknown", _day(body), old=old)


def _day(words: str) -> str:
    return TRAILING.sub("", words).strip(" ,;:.!-")


def _read(typed: str, near: date, today: date) -> date:
    """The day typed, the reading nearest `near` (the day it replaces) for a day without its month or year; a
    DateError when it names no day."""
    found: list[date] = []
    error: DateError | None = None
    near_days = (31, 15, 0) if DAY_ALONE.match(typed.strip()) else ()  # `today`, `next fri`: from today only
    for reference in sorted({max(today, near - timedelta(days=back)) for back in near_days} | {today}):
        for words in (typed, away_one_day.WEEKDAY.sub("", typed)):
            try:
                found.append(parse_day(words, reference, "future"))
            except DateError as exc:
                error = error or exc
    if not found:
        raise error or DateError(f"I could not read '{typed}' as a day.")
    return min(found, key=lambda day: (abs((day - near).days), day))


def _names(typed: str, day: date) -> bool:
    """Whether the day typed (`21st`, `21 dec`, `21/12`) is `day`."""
    for words in (typed, away_one_day.WEEKDAY.sub("", typed)):
        try:
            if parse_day(words, day, "future") == day:
                return True
        except DateError:
            continue
    return False


def new_days(change: Change, starts: date | None, last: date, today: date) -> tuple[date, date]:
    """The first and last day away after the change, for time away from `starts` (None: under way) to `last`;
    UserError saying what to type when the change names no day, or none of the booking's."""
    first = starts or today
    try:
        if change.end == "both":
            back = timedelta(days=1 if change.back_day else 0)
            return _read(change.new, first, today), _read(change.last, last + back, today) - back
        end = change.end if change.end != "unknown" else _end_replaced(change, starts, last)
        if end == "start":
            return _read(change.new, first, today), last
        if end == "end":
            return first, _read(change.new, last, today)
        if end == "back":
            return first, _read(change.new, last + timedelta(days=1), today) - timedelta(days=1)
        return (day := _read(change.new, first, today)), day  # one day away, moved
    except DateError as error:
        raise UserError(f"{error} {HOW_TO_CHANGE}") from None


def _end_replaced(change: Change, starts: date | None, last: date) -> str:
    """Which end `22nd not 21st` moves: the one the replaced day is (the day back for the day after the last);
    "one" for a single day away moved; UserError when that cannot be told."""
    booked = f"Your time away is {_days(starts, last)}."
    if change.old:
        if starts is not None and _names(change.old, starts):
            return "start"
        if _names(change.old, last):
            return "end"
        if any(_names(change.old, back) for back in {last + timedelta(days=1), next_working_day(last)}):
            return "back"
        raise UserError(f"{booked} Neither day is '{change.old}'. {HOW_TO_CHANGE}")
    if starts == last and change.new:
        return "one"
    raise UserError(f"{booked} {HOW_TO_CHANGE}")


def _days(starts: date | None, last: date) -> str:
    return away_one_day.days_said(starts, last, "to") if starts else f"until {long_date(last)}"


def _checked(first: date, last: date, today: date) -> date | None:
    """The first day as stored (None when it has come: the pause is under way), or UserError for days that cannot
    be time away."""
    if last < today:
        raise UserError(f"{long_date(last)} has passed, so your time away can't end then. {HOW_TO_CHANGE}")
    if last < first:
        raise UserError(f"That would end your time away on {long_date(last)}, before its first day, "
                        f"{long_date(first)}. {HOW_TO_CHANGE}")
    if last > today + timedelta(days=MAX_AWAY_DAYS):
        raise UserError(f"That is more than a year away. Give a date within the next year. {HOW_TO_CHANGE}")
    return first if first > today else None


def changed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The booking changed as said, with the new dates in one line; None for text that is no change."""
    change = read_change(text)
    if change is None:
        return None
    today = turn.now.astimezone(services.settings.timezone).date()
    period = away_period(services.storage, turn.user_id)
    if period is None or period[1] < today:
        if not change.sure:
            return None
        return [Reply(f"You have no time away booked, so there is nothing to change. {HOW_TO_BOOK}")]
    if change.end == "cancel":
        return away_command(services, turn, "off")
    starts, last, cover = period
    first, new_last = new_days(change, starts, last, today)
    new_starts = _checked(first, new_last, today)
    if (new_starts, new_last) == (starts, last):
        return [Reply(f"Your away dates stay {_days(starts, last)}: that is what is booked already, so nothing "
                      "changed.")]
    if cover is not None:
        cover_rules.check(services, turn, cover, new_starts or today, new_last)
    set_away(services.storage, turn.user_id, new_last, cover, turn.now, new_starts)
    record_trail(services.storage, turn.user_id, "away.changed",
                 {"until": new_last.isoformat(), "starts": new_starts.isoformat() if new_starts else None,
                  "was_until": last.isoformat(), "was_starts": starts.isoformat() if starts else None}, at=turn.now)
    pause = "reminders pause then" if new_starts else "your reminders are paused until then"
    said = (f"Your away dates are now {_days(new_starts, new_last)} (was {_days(starts, last)}); {pause} and start "
            f"again on {long_date(next_working_day(new_last))}. `/audit away off` cancels it.")
    if cover is None:  # trial 50 (F3): what nobody chases on the new days, as every pause says
        return [Reply(said + heads_up(services, turn.user_id, today, new_starts, new_last)),
                *actions_listed(services, turn.user_id, today, new_starts, new_last)]
    me = services.directory.label(turn.user_id)
    return [Reply(f"{said} {services.directory.label(cover)} still covers your moderation requests; I've told them."),
            *actions_listed(services, turn.user_id, today, new_starts, new_last),  # trial 57 (F7): cover or not
            Reply(to_user=cover, kind="notice", text=f"{me}'s time away has changed: they are away "
                  f"{_days(new_starts or today, new_last)}, and you cover their moderation requests then.")]


def install(engine: Engine, services: Services) -> None:
    """Register changes to time away said in words, before time away said in words is booked."""
    engine.add_message_handler(lambda turn, text: changed(services, turn, text), priority=PRIORITY)
