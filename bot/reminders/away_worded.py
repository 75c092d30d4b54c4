"""Time away said in words, booked as `/audit away` books it: "im on leave all next week, tm north covering",
"away next week cover tm north", "I'm off from 21/12 to 4/1, cover QA lead (practice)".

Trial 28: a manager typed the first and got the HR leave policy's out-of-scope reply (nothing paused), and the second
got knowledge-base suggestions; only `away from monday to friday cover tm north` worked. A first-person statement of
leave with its days is `/audit away` with those days: "next week" (and "all next week", "the whole of next week") is
Monday to Friday of next week (at a weekend the week coming: knowledge.dates.next_week, the rule due dates keep), the
working days reminders come on, so they start again the Monday after; "this week"
is today to Friday. Other days are read by the away parser itself (bot.reminders.feature.read_away, dates by
knowledge.dates): this module only turns the wording into the command's words, and the reply says the dates back.
A statement without days ("im on leave") or a question ("how do I pause reminders while I am on leave?") is not
claimed: the knowledge base answers it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from bot.core.more_time_words import asks_on_a_numbered_action
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.reminders import away_range, away_season
from bot.reminders.away_one_day import said_in_words
from bot.reminders.feature import away_command, read_days, until_words
from knowledge.dates import next_week

PRIORITY = 27  # after an audit or a moderation waiting for typed text, before typed commands and the knowledge base
_I_AM = r"(?:(?:i'?m|i\s+am|i'?ll\s+be|i\s+will\s+be|i'?m\s+going\s+to\s+be|im\s+going\s+to\s+be)\s+)"
_LEAVE = (r"(?:(?:on|taking|having|booked)\s+(?:(?:my|some|a\s+week'?s?|annual|study|parental|sick)\s+)*"
          r"(?:leave|a/?l|hols?|holidays?|time\s+off)|(?:annual\s+|study\s+)?leave|a/l|on\s+holidays?"
          r"|off(?:\s+(?:from\s+)?(?:work|sick))?|away|out(?:\s+of\s+(?:the\s+)?office)?|not\s+in)")
STATEMENT = re.compile(rf"^\s*(?P<person>{_I_AM}|(?:i\s+)?(?:will\s+be\s+|ll\s+be\s+)?)?(?P<leave>{_LEAVE})\s*,?\s+"
                       r"(?P<rest>\S.*?)\s*[.!]?\s*$", re.IGNORECASE | re.DOTALL)
WEEK = re.compile(r"^(?:for\s+)?(?:(?:all|all\s+of|the\s+whole\s+of|the\s+whole|the\s+rest\s+of|rest\s+of)\s+)?"
                  r"(?P<which>next|this)\s+week\b", re.IGNORECASE)
# the cover, after the days: "cover tm north", "covered by tm north", ", tm north covering", "and tm north is covering"
COVER = re.compile(r"^[\s,;:.-]*(?:(?:and|with)\s+)?(?:(?:cover(?:ed)?|covering)\s+(?:by\s+)?(?P<named>\S.*?)"
                   r"|(?P<first>\S.*?)\s+(?:is\s+|will\s+be\s+|'?s\s+)?(?:covering(?:\s+for\s+me)?|covers(?:\s+me)?"
                   r"|to\s+cover))\s*[.!]?\s*$", re.IGNORECASE | re.DOTALL)
# days the away parser reads itself: `until 11/12`, `from 7/12 to 11/12`, `21/12 - 4/1`, `back on 4th jan` (never
# `to` first: "im off to a meeting" says no days)
# a request after the days, which the statement already makes: "im off next fri can u pause my reminders" (trial 29)
ASKING_PAUSE = re.compile(r"[\s,;.-]*(?:(?:so\s+)?(?:can|could|will|would)\s+(?:u|you)\s+|(?:pls|please)\s+)?"
                          r"(?:please\s+)?"
                          r"(?:(?:pause|stop|mute|turn\s+off|hold)\s+(?:my\s+|the\s+)?reminders?|"
                          r"stop\s+(?:nagging|chasing|pestering|messaging|reminding)(?:\s+me)?)(?:\s+(?:please|pls))?"
                          r"\s*[?.!]*\s*$", re.IGNORECASE)
PARSER_DAYS = re.compile(r"^(?:from\s+\S|until\s|till\s|til\s|(?:i'?m\s+)?back\s|\d{1,2}/\d"
                         r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
                         re.IGNORECASE)
# a cover named in what the away parser is given: its own word, or "X covering" at the end
PARSER_COVER = re.compile(r"(?:[\s,;]+(?:(?:and|with)\s+)?(?:cover(?:ed)?|covering)\s+(?:by\s+)?(?P<named>\S.*?)"
                          r"|(?:\s*[,;]\s*|\s+(?:and|with)\s+)(?P<first>\S[^,;]*?)\s+(?:is\s+|will\s+be\s+)?"
                          r"(?:covering(?:\s+for\s+me)?|covers(?:\s+me)?|to\s+cover))\s*[.!]?\s*$",
                          re.IGNORECASE | re.DOTALL)


# What the leave is for, said beside its days, which no date reader reads: "over xmas", "for christmas", "over the
# holidays" (trial 36: `im on leave over xmas from 21st dec back on 4th jan` got the HR leave policy, and `im off from
# 21/12 to 4/1 over xmas` "could not read '4/1 over xmas'").
OCCASION = re.compile(r"\s*,?\s*\b(?:over|for|during|at)\s+(?:the\s+)?(?:xmas|christmas|x-mas|new\s+year|easter|"
                      r"half[\s-]?term|(?:school\s+|summer\s+|christmas\s+|xmas\s+)?hol(?:iday)?s|the\s+break)\b",
                      re.IGNORECASE)

# A question asked with the days ("im on leave over xmas, 21st dec til 4th jan. how do i stop the reminders?", trial
# 24) is answered by the knowledge base, never booked.
HOW_DO_I = re.compile(r"\b(?:how|what|why|when|where|who)\s+(?:do|can|should|does|would|will)\s+(?:i|we|you)\b",
                      re.IGNORECASE)


def week_days(which: str, today: date) -> tuple[date, date]:
    """The days `next week` or `this week` means for reminders, which come on working days: next week's Monday to
    Friday (knowledge.dates.next_week: the coming one at a weekend, as "end of next week" reads it); this week from
    today to its Friday (today alone at a weekend)."""
    if which.lower() == "next":
        return next_week(today)  # the rule due dates keep too: at a weekend, the week ahead
    return today, max(today, today + timedelta(days=4 - today.weekday()))


# "pause reminders till monday", "stop my reminders until 4/1" (trial 44): a request to pause them to a day, which is
# `/audit away until <day>` (bot.reminders.feature.until_words: the day is the last day away); without a day ("pause
# reminders") it stays a question for the knowledge base.
PAUSE_UNTIL = re.compile(r"^\s*(?:(?:pls|please|can\s+(?:u|you)|could\s+(?:u|you))\s+)?(?:pause|stop|mute|hold)\s+"
                         r"(?:my\s+|the\s+|all\s+(?:my\s+)?)?reminders?\s+(?:un)?til{1,2}\s+(?P<day>\S.*?)"
                         r"(?:\s+(?:please|pls|thanks))?\s*[.!]?\s*$", re.IGNORECASE)


def paused_until(text: str) -> str | None:
    """What `/audit away` is given for a request to pause reminders to a day ("pause reminders till monday" ->
    "until monday": Monday the last day away, as every "until" is read: until_words), or None for other text."""
    found = PAUSE_UNTIL.match(text.replace("\u2019", "'"))
    return until_words(found.group("day")) if found else None


def away_words(text: str, today: date) -> str | None:
    """What `/audit away` is given for a first-person statement of time away with its days ("im on leave all next
    week, tm north covering" -> "from 2026-12-07 until 2026-12-11 cover tm north"), or None when the text is not
    one (a question, no days said, `away until 11/12`, which the command reads as it is)."""
    said = _statement(text)
    if said is None:
        return None
    rest = away_range.dated(OCCASION.sub("", said.group("rest")).strip(" ,"), today)  # "from the 21st to 4th jan"
    bare_away = not said.group("person") and said.group("leave").lower() == "away"
    week = WEEK.match(rest)
    if week is not None:
        first, last = week_days(week.group("which"), today)
        cover = _cover(rest[week.end():])
        if cover is None:
            return None
        days = f"from {first.isoformat()} until {last.isoformat()}" if first > today else f"until {last.isoformat()}"
        return f"{days}{f' cover {cover}' if cover else ''}"
    if bare_away:
        return None  # `away until 11/12`, `away next fri` are the command itself
    if not PARSER_DAYS.match(rest):  # one day (`im off next fri`), or a statement without days: a question
        return said_in_words(_cover_worded(rest), today)
    return _cover_worded(rest)


# Words of time away already taken or someone else's, never one's own leave to come: "I was off sick last week",
# "she is away", "mum's on leave until friday" (fix74a A3: such a line typed as an audit's note was booked).
NOT_MINE_TO_COME = re.compile(r"\b(?:was|were|had|been|went|last\s+(?:week|month)|yesterday|ago|he|she|they|his|"
                              r"her|their|mum|dad|mother|father|parents?|carers?)\b", re.IGNORECASE)


# `away until 4/1 - mum said`: the away command's words, then a spaced dash and words of a note (fix77c). A cover after
# the dash (`away until 4/1 - cover tm south`) or a date (`away 21/12 - 2/1`, a range) keeps it the command.
NOTE_AFTER_DAYS = re.compile(r"^\s*/?(?:audit\s+)?away\s+(?:until|till|til)\s+\S.*?\s[-–—]+\s+"
                             r"(?!cover\b)(?=[^\n]*[a-z]{2})(?!\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*$)\S", re.IGNORECASE)


def note_after_days(text: str) -> bool:
    """Whether a line reads as `away until <day>` with a note after a spaced dash (`away until 4/1 - mum said`):
    typed where an audit waits for words, it is those words, never the command run aside (fix77c: it was booked,
    or refused as an unreadable date, and the note lost). `away until 4/1` alone stays the command."""
    return NOTE_AFTER_DAYS.match(text) is not None


def own_leave_ahead(text: str, today: date) -> str | None:
    """`away_words` for a line that is wholly the person's own time away still to come: its days read as `/audit
    away` reads them, the last not passed, and no word of a past leave or of someone else's; None otherwise. What
    a line typed while an audit waits is booked on (bot.audits.feature): "off from 1/12 to 4/12 so the visit was
    late" at a yes/no question is the step's, never an unreadable leave (fix74a A3)."""
    words = away_words(text, today)
    if words is None or NOT_MINE_TO_COME.search(text):
        return None
    try:
        read_days(words, today, named=lambda name: name)  # only the days are checked here: the cover when booked
    except UserError:
        return None
    return words


def _statement(text: str) -> re.Match[str] | None:
    """A first-person statement of time away ("im off …"), a request to pause after it left out; None for a question
    or other text."""
    text = text.replace("\u2019", "'")
    text = ASKING_PAUSE.sub("", text) if STATEMENT.match(text) else text
    said = STATEMENT.match(text)
    return None if said is None or text.rstrip().endswith("?") or HOW_DO_I.search(text) else said


def season_said(text: str, today: date) -> Reply | None:
    """"Which days?" for time away said with a season and no days ("im off over christmas", trial 60 F13: the
    statutory-timescales entry), keeping a cover said with it; None for other text."""
    said = _statement(text.rstrip().rstrip("?"))  # "im off over christmas?" is no question of how
    if said is None:
        return None
    rest, cover = said.group("rest"), None
    if (found := PARSER_COVER.search(rest)) is not None:
        rest, cover = rest[:found.start()], (found.group("named") or found.group("first")).strip()
    return away_season.which_days(today, cover) if away_season.names_only_a_season(rest) else None


def _cover(after: str) -> str | None:
    """The cover named after the days ('' for none), or None when something else follows them."""
    if not after.strip(" ,;.!"):
        return ""
    found = COVER.match(after)
    return None if found is None else (found.group("named") or found.group("first")).strip()


def _cover_worded(days: str) -> str:
    """Days the away parser reads, with a cover said in words at the end ("…, tm north covering") in its form."""
    found = PARSER_COVER.search(days)
    if found is None:
        return days.rstrip(" ,;.!")
    return f"{days[:found.start()]} cover {(found.group('named') or found.group('first')).strip()}"


def booked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit away` for time away said in words, its reply saying what was booked; None for other text. A statement
    with more after it ("im on leave next week, tm south covering, <about a case>", trial 38) is booked from the
    statement, and the rest is said to be neither kept nor sent: it is never screened here, so never stored."""
    if asks_on_a_numbered_action(text):
        return None  # the request for more time's (fix81e); `leave_not_booked` says how to book the leave
    today = turn.now.astimezone(services.settings.timezone).date()
    words = paused_until(text) or away_words(text, today)
    if words is not None:
        return away_command(services, turn, words)
    statement = leading_statement(text, today)
    if statement is None:
        season = season_said(text, today)
        return [season] if season is not None else None
    return [*away_command(services, turn, statement), Reply(kind="notice", text=REST_NOT_KEPT)]


REST_NOT_KEPT = ("I booked your time away from the first part of your message; the rest was not kept or sent to "
                 "anyone. If it was a question, ask it on its own.")
_CLAUSE_END = re.compile(r"\s*(?:[,;!]|\.(?=\s)|\s[-–—]+\s)\s*")


def leading_statement(text: str, today: date) -> str | None:
    """What `/audit away` is given for the longest first clauses of `text` that are a statement of time away with
    its days, when more follows them; None for a question (ending "?") or when no first part is one."""
    if text.rstrip().endswith("?"):
        return None
    for end in reversed([found.start() for found in _CLAUSE_END.finditer(text)]):
        if (words := away_words(text[:end], today)) is not None:
            return words
    return None


_ISO_DAY = re.compile(r"\b\d{4}-(?P<month>\d{2})-(?P<day>\d{2})\b")


def leave_not_booked(services: Services, turn: Turn, text: str | None) -> Callable[[list[Reply]], list[Reply]] | None:
    """A statement of leave with a request for more time on a numbered action after it ("i am on annual leave next
    week, can i have more time on action 93", fix81e: the leave was booked and the request said "not kept or
    sent"): the request goes on as typed alone (`booked` leaves it), and this leads its reply with the leave not
    booked and the command that books it; None for other text."""
    if not text or not asks_on_a_numbered_action(text):
        return None
    words = leading_statement(text.rstrip().rstrip("?"), turn.now.astimezone(services.settings.timezone).date())
    if words is None:
        return None
    command = _ISO_DAY.sub(lambda day: f"{int(day.group('day'))}/{int(day.group('month'))}", words)
    said = f"Your time away is not booked yet: to book it, type `away {command}`."
    return lambda _replies: [Reply(kind="notice", text=said)]


def install(engine: Engine, services: Services) -> None:
    """Register time away said in words, before typed commands and the knowledge base."""
    engine.add_message_handler(lambda turn, text: booked(services, turn, text), priority=PRIORITY)
    engine.add_turn_watch(lambda turn, text: leave_not_booked(services, turn, text))
    engine.add_also_asked_shortcut(PAUSE_UNTIL)  # `pause reminders till monday and how do i reflect`
