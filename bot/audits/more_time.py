"""An action's owner asking for more time on it (trial 29): `more time on action 110`, `extend action 110 to 14/12`,
`can i have more time on action 110`, `cant do action 110 by mon, family away til the 12th. can i hav more time?`,
and `action 110 due 14/12` typed by an owner who may not change the date.

Only the auditor changes an action's date (bot.audits.action_edit), so the trial's worker had no way to ask: the
long line went on the QA leads' list, the short one showed the action's card, and `action 110 due 14/12` was told
"not an action of an audit you did". Now the auditor (or, when the audit can no longer be changed by them, the
owner's manager) is sent the request, with the date asked for and the reason when given, and the words that set it;
the owner is told who was asked, and the request is kept in the trail. The approver answers with *Approve the new
date* or *Say no* (typed in the terminal chat), the owner's manager too (bot.audits.more_time_answer). A date is read
as every due date is (knowledge.dates.parse_day); the reason is screened for identifiers (bot.privacy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.audits import action_edit, more_time_answer, more_time_undo
from bot.audits.action_status import typed_id
from bot.audits.more_time_away import AwaySaid, away_said
from bot.core import also_asked, more_time_said
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.more_time_words import ACTION_NUMBER, ASKS, BARE_NUMBER
from bot.core.more_time_words import HAVE_IT as _HAVE_IT
from bot.core.more_time_words import LATER_WORDS as _LATER
from bot.core.owner_manager import approver
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import more_time as requests
from knowledge.dates import (
    DateError,
    day_off,
    kept_anyway,
    long_date,
    parse_day,
    short_date,
    working_day_near,
)

USAGE = "/audit extend <action number> [to DATE] [, reason]"
TYPED = rf"(?:action\s+)?(?:{NUMBER})(?:\s+\S.*)?"
# What a near miss of `extend` may be offered with (bot.engine.routing.Command.suggested): its number and a day asked
# for, never other words, since it sends them to someone (trial 34: "action 34 isnt mine, thats the IRO's job" was
# offered as `extend action 34 isnt mine…`, and typing that asked the manager for more time).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DAY = (rf"(?:\d{{1,2}}(?:[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?)?(?:st|nd|rd|th)?(?:\s+{_MONTH})?|tomorrow|"
        r"(?:next\s+|this\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)")
# A reason after the day and a dash is kept (trial 41: `extned 106 to 18/12 - waiting on school` was offered without it,
# and `yes` ran nothing): the person typed it for the request, and it is screened before it is offered.
SUGGESTED = rf"(?:action\s+)?(?:{NUMBER})(?:\s+(?:to|until|till|til)\s+{_DAY}(?:\s+[-\u2013\u2014]+\s+\S[^\n]*)?)?"
LATER = re.compile(rf"\b{_LATER}\b", re.IGNORECASE)
# "extend 141 by a week", "by 2 weeks", "for another 3 days": counted from the action's due date (trial 41: it was sent
# with no date)
BY = re.compile(r"\b(?:by|for)\s+(?:(?:a|an|one|another)\s+(?:extra\s+)?|(?P<count>\d{1,2}|two|three|four|couple\s+of)"
                r"\s+(?:more\s+|extra\s+)?)(?P<unit>weeks?|days?)\b", re.IGNORECASE)
# how much longer typed alone at "Until when?": "2 weeks", "a week", "another 10 days", "3 more days"
HOW_LONG = re.compile(r"^\s*(?:(?:by|for)\s+)?(?:(?:a|an|one|another)\s+(?:extra\s+)?|(?P<count>\d{1,2}|two|three|four|"
                      r"couple\s+of)\s+(?:more\s+|extra\s+)?)(?P<unit>weeks?|days?)(?:\s+(?:more|longer|please|pls))?"
                      r"\s*[.!]?\s*$", re.IGNORECASE)
# A request naming no action: "can i have till the 20th, family were away", "can i get more time", "i need more time"
UNNUMBERED = re.compile(rf"^\s*(?:(?:hi|hiya|hello|sorry|please|pls)[\s,!]+)?(?:{_HAVE_IT}(?:until|till|til)\b|"
                        r"(?:can|could|may)\s+i\s+(?:please\s+)?(?:have|get)\s+(?:some\s+|a\s+bit\s+)?(?:more|extra)\s+"
                        r"time\b|i\s+need\s+(?:some\s+|a\s+bit\s+)?(?:more|extra)\s+time\b)", re.IGNORECASE)
# what a request naming no action may be about instead: an audit to finish, a campaign's deadline, a reflection
NOT_AN_ACTION = re.compile(r"\b(?:audits?|campaigns?|reflections?|moderat\w*|sample)\b", re.IGNORECASE)
PENDING = "more_time_pending"  # beside the conversation: a request waiting for its action or its day
SENT = "more_time_sent"  # beside the conversation: the request just sent, which `actually make it …` corrects
# An action named by its number alone after the day asked for, as after the words asking (BARE_NUMBER): "can i have
# til the 18th on 130" (trial 37: it asked nobody); read only when the number is an action of the one typing (`typed`)
DAY_THEN_NUMBER = re.compile(rf"\b{_HAVE_IT}(?:until|till|til)\s+[^,;?!]{{1,30}}?\s+(?:on|for)\s+#?(?P<id>\d+)\b",
                             re.IGNORECASE)
# the day asked for: "more time on action 110 until 14/12", "extend action 110 to 14/12", "an extension to 14/12",
# "can i hav til 11/12" (polite words after it are not the day: "til 11/12 pls")
UNTIL = re.compile(r"(?:more\s+time|extra\s+time|extension|extend\s+(?:it|action\s+#?\d+)|"
                   r"(?:have|hav|get|keep)(?:\s+(?:it|this|that))?)"
                   r"(?:\s+(?:on|for)\s+(?:action\s+)?#?\d+)?\s+(?:to|until|till|til)\s+(?P<day>[^,;?!]+?)"
                   r"(?=\s+(?:as|because|cos|since|pls|please|plz|thanks|thx|ta)\b|[,;?!]|\.(?:\s|$)|\s+[-–—]+\s|\s*$"
                   r"|\s+(?:on|for)\s+(?:action\s+)?#?\d+\b)",  # "til the 18th on action 130" (trial 37)
                   re.IGNORECASE)
# A day said elsewhere in the line, in the words of why (trial 52: "more time on action 137, the TAF cant meet till end
# of jan" asked "Until when?"): "till/until/by end of <month>", "end of the month", "mid feb"; the longest start of
# the words after it that reads as a day is the day asked for.
LOOSE_DAY = re.compile(r"\b(?:until|till|til|by|before)\s+(?P<day>(?:the\s+)?(?:end\s+of|mid\b|mid-|middle\s+of)"
                       r"[^,;?!]*?)(?=[,;?!]|\.(?:\s|$)|\s+[-–—]+\s|\s*$)", re.IGNORECASE)
# "cos of the conference": the reason is "the conference" (trial 43 read "of the conference")
BECAUSE = re.compile(r"\b(?:(?:because|cos|coz|cuz)(?:\s+of)?|as|since|reason:?)\s+(?P<why>\S.*)$", re.IGNORECASE)
# A dash between spaces ends a clause too: approvers are told to put a reason "after a dash" (trial 36: `extend 149 to
# 23/12 - school holidays` could not read '23/12 - school holidays' as a date).
CLAUSES = re.compile(r"[,;?!]|\.(?=\s|$)|\s[-–—]+\s")
# The command's own form, `extend 84 to 20/1, <reason>` (USAGE), whose reason runs to the end of the line; after a
# spaced dash it does wherever the day is said (trial 53, F5).
EXTEND_HEAD = re.compile(r"^\s*extend\s+(?:action\s+)?#?\d+\b", re.IGNORECASE)
AFTER_DASH = re.compile(r"\s+[-–—]+\s+(?P<why>\S.*)$", re.DOTALL)
AFTER_COMMA = re.compile(r"\s*[,;:]\s*(?P<why>\S.*)$", re.DOTALL)
AFTER_WORD = re.compile(r"\s+(?:(?:because|cos|coz|cuz)(?:\s+of)?|as|since)\s+(?P<why>\S.*)$",
                        re.DOTALL | re.IGNORECASE)
REASON_WORD = re.compile(r"^(?:(?:because|cos|coz|cuz)(?:\s+of)?|reason:?)\s+", re.IGNORECASE)
ASKING = re.compile(r"^\s*(?:can|could|may|pls|please|is\s+it\s+ok)\b", re.IGNORECASE)
# A line saying the action is not theirs is never a request for more time (trial 34: "action 34 isnt mine, thats the
# IRO's job not me" became one): bot.audits.feature reads it as such.
NOT_MINE = re.compile(r"\b(?:is\s*n['\u2019]?t|isnt|not|never\s+was)\s+(?:mine|my\s+(?:action|job|one|task|case|"
                      r"responsibility))\b|\bnot\s+(?:for\s+)?me\b|\bwrong\s+(?:person|worker|owner)\b",
                      re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "couple of": 2}


@dataclass(frozen=True)
class Request:
    """What was asked: the action's number, the day asked for (None when not said), why (None when not said), how
    much longer when said so ("another week"), and whether the action was named by its number alone."""

    action_id: int
    until: date | None
    reason: str | None
    later: timedelta | None = None
    bare: bool = False
    typed: str = ""  # the line the reason was read from: a refusal names every identifier in it
    from_due: bool = False  # `later` counts from the due date ("by a week"), not from today when that is later
    anyway: bool = False  # a day off asked for all the same ("20/12 anyway")
    unread: str = ""  # why the day asked for is no day: said once the action, and so a later day, is known (F9)


def read(text: str, today: date) -> Request | None:
    """The request in a line asking for more time on one action, or None when the line is not one (no action's
    number, no words asking for time, or it says the action is not theirs). A day asked for that names no day is
    refused, with an example."""
    said = UNTIL.search(text)
    whole, at = whole_reason(text, said)
    head = text[:at] if ACTION_NUMBER.search(text[:at]) else text  # a number in the reason is the reason's (F5)
    numbers = {match.group("id") for match in ACTION_NUMBER.finditer(head)}
    bare = {match.group("id") for pattern in (BARE_NUMBER, DAY_THEN_NUMBER)
            for match in pattern.finditer(head)} if not numbers else set()
    if len(numbers | bare) != 1 or ASKS.search(text) is None or NOT_MINE.search(text) is not None:
        return None
    number = (numbers | bare).pop()
    until, anyway, unread = None, False, ""
    if said is not None:
        day, anyway = kept_anyway(said.group("day").strip())
        until, unread = _day(day, today)
    if said is None:
        until = loose_day(text, today)
    by = BY.search(text) if until is None and not unread else None
    later = _later(text) if by is None else _later(by.group(0), by)
    return Request(typed_id(number), until, whole or _reason(text, number), later, bool(bare), text, by is not None,
                   anyway, unread)


def whole_reason(text: str, said: re.Match[str] | None) -> tuple[str | None, int]:
    """The reason typed after the day (or, in `extend 84 - …`, after the number) and a spaced dash, or in the
    command's own form after a comma: every word to the end of the line (trial 53, F5: `extend 84 to 20/1 - dad is
    off shift work until Jan, can only meet evenings` reached the manager without ", can only meet evenings"). None
    when there is no such reason: the line's clauses are then read (`_reason`). With it, where the reason starts (the
line's length when there is none)."""
    head = EXTEND_HEAD.match(text)
    start = said.end("day") if said is not None else head.end() if head is not None else None
    if start is None:
        return None, len(text)
    found = AFTER_DASH.match(text, start) or (
        (AFTER_COMMA.match(text, start) or AFTER_WORD.match(text, start)) if head is not None else None)
    if found is None:
        return None, len(text)
    return REASON_WORD.sub("", found.group("why")).rstrip(" .") or None, found.start("why")


def loose_day(text: str, today: date) -> date | None:
    """The day in "till end of jan", "by the end of the month", "until mid feb" anywhere in the line (the longest
    start of the words after it that reads as a day to come), or None when there is none."""
    for found in LOOSE_DAY.finditer(text):
        words = found.group("day").split()
        for size in range(len(words), 0, -1):
            try:
                return parse_day(" ".join(words[:size]), today, "future")
            except DateError:
                continue
    return None


def _day(text: str, today: date) -> tuple[date | None, str]:
    """The day asked for, read as every due date is, and ""; for a day that is none, None and why (`unread_said`
    refuses it with an example once the action is known)."""
    try:
        return parse_day(text, today, "future"), ""
    except DateError as error:
        return None, str(error)


def unread_said(services: Services, request: Request, today: date) -> str:
    """A request whose day is no day, refused with an example later than the action's due date (trial 60, F9: the
    example was a week from today, the day action 121 was already due, and typing it was refused as no more time)."""
    action = action_store.get_action(services.storage, request.action_id)
    due = date.fromisoformat(action.due_date) if action is not None else today
    return f"{request.unread} Nothing was asked: type it like `extend action {request.action_id} to " \
           f"{example_after(due, today)}`."


def _later(text: str, found: re.Match[str] | None = None) -> timedelta | None:
    """How much longer "another week", "2 more days", "by a week"… asks for; None when the line says no such
    thing."""
    found = found or LATER.search(text)
    return None if found is None else later_of(found)


def later_of(found: re.Match[str]) -> timedelta:
    """The days a match of LATER, BY or HOW_LONG says (its `count` and `unit`): "2 weeks" is 14."""
    said = (found.group("count") or "1").lower()
    count = _COUNTS.get(" ".join(said.split()), int(said) if said.isdigit() else 1)
    return timedelta(days=count * (7 if found.group("unit").lower().startswith("week") else 1))


def _reason(text: str, number: str) -> str | None:
    """Why more time is needed: the words after `as`/`because`, else the parts of the line that neither name the
    action nor ask ("family away til the 12th" in "cant do action 110 by mon, family away til the 12th. can i …")."""
    named = re.compile(rf"(?<![\d/.-]){re.escape(number)}(?![\d/.-])" if number else r"(?!)")
    for clause in CLAUSES.split(text):
        if (because := BECAUSE.search(clause)) is not None and ACTION_NUMBER.search(because.group("why")) is None:
            return because.group("why").strip(" .")
    rest = [part.strip() for part in CLAUSES.split(text) if part.strip() and not ACTION_NUMBER.search(part)
            and not named.search(part) and not ASKS.search(part) and not ASKING.match(part)]
    return ", ".join(rest) or None


def example(today: date) -> str:
    """A day to type in an example: a working day about a week from today."""
    day = working_day_near(today + timedelta(days=7))
    return f"{day.day}/{day.month}"


def later_day(due: date, today: date) -> date:
    """The day an example of asking for more time on an action due `due` suggests: a working day about a week after
    it (after today, when it has passed), so never the day it is due already (trial 60, F9)."""
    return working_day_near(max(due, today) + timedelta(days=7))


def example_after(due: date | str, today: date) -> str:
    """`later_day` as typed, `5/1`."""
    day = later_day(date.fromisoformat(due) if isinstance(due, str) else due, today)
    return f"{day.day}/{day.month}"


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A request for more time typed anywhere, or `action 110 due 14/12` typed by the action's owner where only its
    auditor may change it: the request sent and the owner told; None for other text, and for a number alone that is
    no action of theirs ("more time on 147"). Other questions typed with it are not answered, but named, with how to
    ask them (trial 43: they were dropped without a word)."""
    asked = _typed(services, turn, also_asked.kept(text, _used))
    if asked is None or not (others := also_asked.others(text, _used)):
        return asked
    said = also_asked.line(others, lambda part: not services.identifier_screen.find(part))
    return _before_question(asked, Reply(kind="notice", text=said))


def _used(part: str) -> bool:
    """Whether a part of a line holding several is the request for more time's: it asks for time or names an
    action."""
    return bool(ASKS.search(part) or ACTION_NUMBER.search(part) or re.fullmatch(r"#?\d+", part.strip()))


def _before_question(replies: list[Reply], notice: Reply) -> list[Reply]:
    """`notice` added to the replies, before a question they end with (its options stay the ones numbered last)."""
    if replies and replies[-1].kind == "question":
        return [*replies[:-1], notice, replies[-1]]
    return [*replies, notice]


def _typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    today = turn.now.astimezone(services.settings.timezone).date()
    request = read(text, today)
    if request is not None and request.bare:
        action = action_store.get_action(services.storage, request.action_id)
        request = request if action is not None and action.owner_id == turn.user_id else None
    if request is None:
        request = _owner_typed_a_date(services, turn, text, today)
    if request is None and UNNUMBERED.match(text) and not ACTION_NUMBER.search(text) and not NOT_MINE.search(text) \
            and not NOT_AN_ACTION.search(text):
        return _which_action(services, turn, text, today)
    return None if request is None else ask(services, turn, request)


def _which_action(services: Services, turn: Turn, text: str, today: date) -> list[Reply] | None:
    """A request naming no action (`can i have till the 20th, family were away`): asked of the one open action the
    person owns, else "Which action?" with their numbers, the request kept until the next line names one
    (bot.audits.more_time_pending); None for someone with no open action."""
    actions = action_store.open_actions_of(services.storage, turn.user_id)
    if not actions:
        return None
    request = read(f"{text} on action {actions[0].id}", today)
    if request is None:
        return None
    request = Request(actions[0].id, request.until, _reason(text, ""), request.later, typed=text,
                      from_due=request.from_due, anyway=request.anyway, unread=request.unread)
    if request.unread:
        raise UserError(unread_said(services, request, today))
    if len(actions) == 1:
        return ask(services, turn, request)
    store.keep_aside(services.storage, turn.user_id, PENDING, {
        "action": None, "until": request.until.isoformat() if request.until else None,
        "later_days": request.later.days if request.later else None, "from_due": request.from_due,
        "anyway": request.anyway, "reason": request.reason, "typed": text}, turn.now)
    newest_waiting(services, turn)
    return [which_question(actions, request.until)]


def which_question(actions: list[action_store.ActionRow], until: date | None) -> Reply:
    """"Which action?" for a request naming none, with the person's open actions' numbers."""
    day = f" until {short_date(until)}" if until else ""
    numbers = ", ".join(str(action.id) for action in actions)
    return Reply(kind="question", text=f"Which action do you want more time on{day}? Type its number: your open "
                                       f"actions are {numbers} (`my actions` lists them). Nothing is sent until you "
                                       "do (`cancel` to leave it).", prompt="Type the action's number.")


def _owner_typed_a_date(services: Services, turn: Turn, text: str, today: date) -> Request | None:
    """`action 110 due 14/12` from its owner who may not set it: a request for that day, else None (the auditor's
    own change, and anyone else's, go on to bot.audits.action_edit)."""
    edit = action_edit.parse(text)
    if edit is None or edit.field != "due" or not edit.value:
        return None
    action = action_store.get_action(services.storage, edit.action_id)
    if action is None or action.owner_id != turn.user_id or action.auditor_id == turn.user_id:
        return None
    try:
        until = parse_day(edit.value, today, "future")
    except DateError as error:
        raise UserError(f"{error} Nothing was asked.") from None
    return Request(action.id, until, None)


def _open_action(services: Services, turn: Turn, request: Request) -> action_store.ActionRow:
    """The open action the request is for, of the one asking; else the UserError saying why nothing was asked."""
    action = action_store.get_action(services.storage, request.action_id)
    if action is None:
        raise UserError("I can't find that action; type `/audit actions` to see your open ones.")
    if action.owner_id != turn.user_id:
        raise UserError(f"Only the owner of action {action.id} asks for more time on it. Its auditor changes its date "
                        f"with `action {action.id} due <date>`.")
    if action.done_at:
        raise UserError(f"{action_named(action, capital=True)} is marked done already, so it needs no more time.")
    return action


def _until(turn: Turn, services: Services, request: Request, action: action_store.ActionRow) -> date | None:
    """The day asked for: as said, or "another week" after the due date (after today, when that has passed). A day
    on or before the due date gives no more time, and is refused with the due date and how to ask (trial 34: `extend
    action 106 to fri` asked the manager for the day it was already due)."""
    due = date.fromisoformat(action.due_date)
    until = request.until
    today = turn.now.astimezone(services.settings.timezone).date()
    if until is None and request.later is not None:
        from_due = due + request.later
        until = from_due if request.from_due and from_due > today else max(due, today) + request.later
    if until is not None and until <= due:
        later = later_day(due, today)
        raise UserError(f"{action_named(action, capital=True)} is already due {short_date(due)}, so asking for "
                        f"{short_date(until)} "
                        f"gives it no more time. Nothing was asked: type a later day, like `extend action "
                        f"{action.id} to {later.day}/{later.month}, <reason>`.")
    return until


def _already_waiting(services: Services, action: action_store.ActionRow) -> Reply | None:
    """The request that still waits for an answer on this action, said instead of sending another (trial 34: a
    second request went to the manager); None when none waits."""
    asked = requests.latest(services.storage, action.id)
    if asked is None or more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        return None
    until = f" until {short_date(asked.until)}" if asked.until else ""
    when = short_date(asked.at.astimezone(services.settings.timezone).date(), year=False)
    return Reply(kind="notice", text=(
        f"You already asked {more_time_said.asked_of(services, asked)} for more time on {action_named(action)}"
        f"{until} on {when}, and it is still waiting for their answer, so I haven't asked again. To ask for another "
        f"day, withdraw it first (`withdraw {action.id}`), then ask again."))


def _screened(services: Services, turn: Turn, request: Request) -> str | None:
    """The reason, screened before anything else is checked (trial 53, F6): one holding an identifier is refused with
    what to write instead, and a request already waiting on the owner's action is said after it, so the worker knows
    both before typing again."""
    if not request.reason:
        return None
    try:
        return screen_text(request.reason, services.identifier_screen, "that reason", typed=request.typed)
    except UserError as refused:
        action = action_store.get_action(services.storage, request.action_id)
        waiting = _already_waiting(services, action) if action is not None and action.owner_id == turn.user_id \
            else None
        if waiting is None:
            raise
        raise UserError(f"{refused} {waiting.text}") from None


def _set_by_approver(services: Services, turn: Turn, request: Request) -> list[Reply] | None:
    """`extend 110 to 14/12` typed by someone who may set the action's date (its auditor, or the owner's manager
    once the auditor may not): the date set as their own answer (bot.audits.more_time_answer.give, which says so when
    the owner withdrew their request); without a day, the words that set one. None when the one typing owns the
    action or may not set its date (then only the owner asks)."""
    action = action_store.get_action(services.storage, request.action_id)
    if action is None or action.owner_id == turn.user_id or action.done_at:
        return None
    try:
        more_time_answer.answerable(services, turn, action.id)
    except UserError:
        return None
    today = turn.now.astimezone(services.settings.timezone).date()
    until = request.until or (max(date.fromisoformat(action.due_date), today) + request.later
                              if request.later is not None else None)
    if until is None:
        raise UserError(f"`extend` is how an action's owner asks for more time. To set action {action.id}'s date "
                        f"yourself, type `action {action.id} due <date>`, like `action {action.id} due "
                        f"{example(today)}`. Nothing changed.")
    return more_time_answer.give(services, turn, action.id, until)


def ask(services: Services, turn: Turn, request: Request, replacing: str = "") -> list[Reply]:
    """Send the request to whoever may give the new date, tell the owner who was asked, and keep it (bot.storage.
    more_time) and in the trail. One already waiting on the action is said instead; typed by someone who may set
    the date, it is set (`_set_by_approver`). A request with no day is asked "Until when?", and a day off queried,
    before anything is sent (trial 41). `replacing`: the day of the request this one corrects, said to both. The
    reason is screened before anything else is checked: a name in it is refused with what to write instead even when
    a request already waits (trial 53, F6: the worker was told only "You already asked", and would type it again)."""
    if request.unread:
        raise UserError(unread_said(services, request, turn.now.astimezone(services.settings.timezone).date()))
    reason = _screened(services, turn, request)
    if (set_by := _set_by_approver(services, turn, request)) is not None:
        return set_by
    action = _open_action(services, turn, request)
    if not replacing and (waiting := _already_waiting(services, action)) is not None:
        return [waiting]
    until_day = _until(turn, services, request, action)
    if (question := _day_wanted(services, turn, request, action, until_day)) is not None:
        return [question]
    if replacing:
        requests.withdraw(services.storage, action.id, turn.user_id, turn.now)
    store.keep_aside(services.storage, turn.user_id, PENDING, None, turn.now)
    asked, role = approver(services, action)
    until = f"until {short_date(until_day.isoformat())}" if until_day else ""
    detail = ", ".join(part for part in (until, f"reason: {reason}" if reason else "") if part)
    where = f"_{action.description}_, {audit_and_case(action.audit_id, action.case_ref)}"
    owner = services.directory.label(action.owner_id)
    away = away_said(services, asked, action, until_day, turn.now.astimezone(services.settings.timezone).date())
    number = requests.record_request(services.storage, action.id, turn.user_id, asked,
                                     until_day.isoformat() if until_day else None, action.due_date, turn.now,
                                     also=[away.also] if away.also else [])
    store.keep_aside(services.storage, turn.user_id, SENT, {"action": action.id, "reason": request.reason,
                                                            "until": until_day.isoformat() if until_day else None},
                     turn.now)
    instead = f" (instead of {replacing})" if replacing else ""
    off = "" if until_day is None or request.anyway else _day_off_said(turn, services, until_day, away)
    sent = Reply(text=f"I've asked {services.directory.label(asked)}, {role}, for more time on {action_named(action)}"
                      f"{' ' + until if until else ''}{instead}. It stays due {short_date(action.due_date)} until "
                      f"they set a new date.{away.text}{off}")
    asking = (f"{owner} asks for more time on action {action.id} ({where}, due {short_date(action.due_date)})"
               f"{': ' + detail if detail else ''}{f'. This replaces their request {replacing}' if replacing else ''}. "
               f"{more_time_answer.typed_answers(action.id, until_day)}")
    answers = more_time_answer.choices(action.id, until_day, number)
    also = [Reply(to_user=away.also, text=f"{asking} (Sent to you as well: {services.directory.label(asked)} is "
                                          "away past the day asked for.)", choices=answers)] if away.also else []
    return [more_time_undo.offered(services, turn, sent, action.id, number),  # `undo` typed next (trial 43)
            Reply(to_user=asked, text=asking, choices=answers), *also]


def _day_wanted(services: Services, turn: Turn, request: Request, action: action_store.ActionRow,
                until: date | None) -> Reply | None:
    """"Until when?" for a request naming no day: the request is kept aside (bot.audits.more_time_pending reads the
    next line) and nothing is sent; None when it names one."""
    if until is not None:
        return None
    today = turn.now.astimezone(services.settings.timezone).date()
    store.keep_aside(services.storage, turn.user_id, PENDING, {
        "action": action.id, "reason": request.reason, "typed": request.typed}, turn.now)
    newest_waiting(services, turn)
    like = example_after(action.due_date, today)
    return Reply(kind="question", text=f"Until when do you need {action_named(action)}? It is due "
                                       f"{short_date(action.due_date)}. Type the day, like `{like}`, or how much "
                                       "longer, like `2 weeks`; nothing is sent until you do (`cancel` to leave it).",
                 prompt="Type the day, or how much longer.")


def newest_waiting(services: Services, turn: Turn) -> None:
    """A question for a request's day or action is now the one waiting: an older offer (`undo` after `done 138`) is set
    aside, so "The choice above is still waiting" never points past it (trial 52, finding 5). Its button still
    works."""
    store.keep_aside(services.storage, turn.user_id, confirmations.KEY, None, turn.now)


def _day_off_said(turn: Turn, services: Services, until: date, away: AwaySaid) -> str:
    """A day asked for on a weekend or bank holiday, said as a due date on one is (bot.audits.action_fields.off_said),
    with the words that ask for the working day instead; "" on a working day, or when that working day would pass
    unanswered while the one asked is away (trial 61, G1: the day after their return is offered instead)."""
    off = day_off(until, turn.now.astimezone(services.settings.timezone).date())
    if off is None or not away.answerable(off.instead):
        return ""
    return (f" {long_date(off.day)} is {off.what}: to ask for {off.instead_said}, instead, type `actually make it "
            f"{off.instead.day}/{off.instead.month}`.")


def extend_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit extend 110 to 14/12, family away`: the owner's request for more time, as said in words. Words saying
    the action is not theirs are refused: nothing is sent (trial 34)."""
    words = args.strip()
    if not re.match(r"^(?:action\s+)?#?\d", words, re.IGNORECASE):
        raise UserError(f"Name the action to ask more time on: `{USAGE}`, like `/audit extend 110 to 14/12`.")
    said = words if words.lower().startswith("action") else f"action {words}"
    if NOT_MINE.search(said) is not None:
        raise UserError("That says the action is not yours, so I haven't asked anyone for more time on it. Tell its "
                        "auditor who it should be, so they can change its owner.")
    today = turn.now.astimezone(services.settings.timezone).date()
    request = read(f"extend {said}", today)
    if request is None:
        raise UserError(f"Name one action to ask more time on: `{USAGE}`.")
    return ask(services, turn, request)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit extend` and a request for more time said in words (bot.audits.feature.shortcuts)."""
    engine.add_command("extend", lambda turn, args: extend_command(services, turn, args),
                       "ask the auditor for more time on an action you own", usage=USAGE, typed=TYPED,
                       suggested=SUGGESTED)
    more_time_undo.install(engine, services)  # *Withdraw* and `undo` straight after a request (trial 43)
