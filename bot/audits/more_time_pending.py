"""A request for more time that lacks its action or its day, finished by the next line, and one just sent corrected
(trial 41): `can i have till the 20th, family were away` ("Which action?"), `can i have more time on 9` then `2
weeks` ("Until when?"), a Sunday asked for then `18/12`, and `extend 146 to 8/1 - xmas` then `actually make it the
15th jan`.

The trial's worker had the first on the QA leads' list, the second sent with no date and her `2 weeks` taken to the
knowledge base, and her correction taken there too. Now bot.audits.more_time keeps what is missing beside the
conversation (`PENDING`) and this reads the next line: an action's number, or a day (read as every due date is) or how
much longer (from the due date); `cancel` leaves it, and any other line goes where it would have gone, nothing sent.
A correction right after a request is sent replaces it: the first is withdrawn and the one asked told of the new day
in one message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from bot.audits import more_time
from bot.audits.action_status import typed_id
from bot.core import more_time_said
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import more_time as requests
from knowledge.dates import DateError, kept_anyway, parse_day, short_date

DROPPED = "more_time_dropped"  # beside the conversation: a request just let go, said under the reply
PRIORITY = 16  # after a Yes-or-No question's typed answer (15), before an audit's step (20)
# `undo` too (trial 43): at "Until when?" nothing was sent yet, so undoing the request is leaving it
CANCEL = re.compile(r"^\s*(?:cancel|never\s*mind|nvm|forget\s+it|leave\s+it|no|no\s+thanks|(?:oops\s+)?undo(?:\s+"
                    r"(?:it|that))?)\s*[.!]?\s*$", re.IGNORECASE)
ACTION_ALONE = re.compile(r"^\s*(?:(?:on|for)\s+)?(?:(?:the\s+)?action\s*)?#?(?P<id>\d{1,9})\s*[.!]?\s*$",
                          re.IGNORECASE)
CORRECTION = re.compile(r"^\s*(?:(?:actually|sorry|oops|no|wait|hang\s+on|oh|sorry)[\s,!]+)*(?:(?:can\s+you|could\s+"
                        r"you|pls|please)\s+)?(?:make\s+(?:it|that)|change\s+(?:it|that)\s+to|(?:i\s+)?meant)\s+"
                        r"(?:(?:to|until|till|til)\s+)?(?P<day>[^,;?!]+?)\s*[.!]?\s*$", re.IGNORECASE)
# asking how long one may have, at "Until when?": what the question asks back, not a new question. "how long" only
# with "i"/"we" after it ("how long can i have?"): "how long should care proceedings take" is a practice question
HOW_LONG_ASKED = re.compile(r"\bhow\s+long\s+(?:can|could|may|do|will|would|should)\s+(?:i|we)\b|"
                            r"\bhow\s+much\s+(?:longer|more\s+time)\b|\buntil\s+when\b", re.IGNORECASE)
DATEISH = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|week|day|"
                     r"tomorrow|xmas|christmas)", re.IGNORECASE)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The line after "Which action?" or "Until when?", or a correction of the request just sent; None for other
    text (a request waiting is then dropped: nothing was sent)."""
    kept = store.conversation(services.storage, turn.user_id).get(more_time.PENDING)
    if isinstance(kept, dict):
        return _finished(services, turn, kept, text)
    sent = store.conversation(services.storage, turn.user_id).get(more_time.SENT)
    if isinstance(sent, dict) and (said := CORRECTION.match(text)) is not None:
        return _corrected(services, turn, sent, said.group("day"))
    return None


def _finished(services: Services, turn: Turn, kept: dict, text: str) -> list[Reply] | None:
    """The request waiting, finished with the action or the day typed, and asked."""
    if CANCEL.match(text):
        store.keep_aside(services.storage, turn.user_id, more_time.PENDING, None, turn.now)
        return [Reply(kind="notice", text="OK: nothing was asked.")]
    if kept.get("action") is None:
        found = ACTION_ALONE.match(text)
        if found is None:
            return _which_again(services, turn, kept, text) or _dropped(services, turn, kept)
        return more_time.ask(services, turn, _request(kept, typed_id(found.group("id"))))
    action = action_store.get_action(services.storage, int(kept["action"]))
    if action is None:
        return _dropped(services, turn)
    if (again := _asked_again(services, turn, kept, action, text)) is not None:
        return again
    request = _day_typed(services, turn, kept, action, text)
    return None if request is None else more_time.ask(services, turn, request)


def _asked_again(services: Services, turn: Turn, kept: dict, action: action_store.ActionRow,
                 text: str) -> list[Reply] | None:
    """The request itself said again at "Until when?" (trial 64, F5: `can i get an extension` went to the knowledge
    base, the request dropped and the line put on the QA leads' list): with a day ("more time till friday") it is
    asked for that day; without one, "Until when?" is asked again. None for other lines, and for a request on another
    action (`more time on action 94`), which go where they would have gone."""
    today = turn.now.astimezone(services.settings.timezone).date()
    said = None if more_time.ACTION_NUMBER.search(text) else more_time.read(f"{text} on action {action.id}", today)
    if said is None and not HOW_LONG_ASKED.search(text):
        return None
    reason = kept.get("reason") or (said.reason if said else None)
    if said is not None and (said.until or said.later):
        return more_time.ask(services, turn, more_time.Request(action.id, said.until, reason, said.later, typed=text,
                                                               from_due=said.from_due, anyway=said.anyway))
    question = more_time.ask(services, turn, more_time.Request(action.id, None, reason,
                                                               typed=str(kept.get("typed") or text)))
    return [Reply(kind="notice", text=f"That is the request waiting: more time on action {action.id}, which I send "
                                      "once you say until when."), *question]


def _which_again(services: Services, turn: Turn, kept: dict, text: str) -> list[Reply] | None:
    """The request itself said again at "Which action?" (`can i get an extension`, `i need more time`; fix81e, as
    trial 64 F5 at "Until when?"): "Which action?" asked again, the request kept, nothing dropped or sent to the
    knowledge base; a day said with it (`can i have till the 18th`) replaces the one kept. None for other lines, and
    for one naming an action (`more time on action 94`), which is a request of its own."""
    asked = more_time.UNNUMBERED.match(text) or more_time.ASKS.search(text) or HOW_LONG_ASKED.search(text)
    actions = action_store.open_actions_of(services.storage, turn.user_id)
    if not asked or not actions or more_time.ACTION_NUMBER.search(text) or more_time.BARE_NUMBER.search(text) \
            or more_time.NOT_AN_ACTION.search(text):
        return None
    today = turn.now.astimezone(services.settings.timezone).date()
    said = more_time.read(f"{text} on action {actions[0].id}", today)
    if said is not None and said.until is not None:
        kept = {**kept, "until": said.until.isoformat(), "later_days": None}
        store.keep_aside(services.storage, turn.user_id, more_time.PENDING, kept, turn.now)
    until = date.fromisoformat(kept["until"]) if kept.get("until") else None
    return [Reply(kind="notice", text="That is the request waiting: more time, which I send once you say which "
                                      "action."), more_time.which_question(actions, until)]


def _dropped(services: Services, turn: Turn, kept: dict | None = None) -> list[Reply] | None:
    """Another line instead of what was asked: the request waiting is let go (nothing was sent) and the line goes
    where it would have gone (None), said under its reply (`_dropped_said`; trial 52: it went without a word, and an
    older `undo` was named as what waited)."""
    store.keep_aside(services.storage, turn.user_id, more_time.PENDING, None, turn.now)
    if kept is not None:
        store.keep_aside(services.storage, turn.user_id, DROPPED, {"action": kept.get("action")}, turn.now)
    return None


def _dropped_said(services: Services, turn: Turn) -> Callable[[list[Reply]], list[Reply]] | None:
    """A watch on each typed message: a request let go by it (`_dropped`) is said under the reply, with how to send
    it."""
    if not isinstance(store.conversation(services.storage, turn.user_id).get(more_time.PENDING), dict):
        return None

    def after(_replies: list[Reply]) -> list[Reply]:
        dropped = store.conversation(services.storage, turn.user_id).get(DROPPED)
        if not isinstance(dropped, dict):
            return []
        store.keep_aside(services.storage, turn.user_id, DROPPED, None, turn.now)
        today = turn.now.astimezone(services.settings.timezone).date()
        number, on = dropped.get("action") or "<action number>", f" on action {dropped['action']}" \
            if dropped.get("action") else ""
        return [Reply(kind="notice", text=f"Your request for more time{on} was not sent: to send it, type "
                                          f"`extend {number} to {_example(services, dropped, today)}` with your "
                                          "day.")]

    return after


def _example(services: Services, dropped: dict, today: date) -> str:
    """A day for the example: about a week after the action's due date (trial 64, F5: `extend 93 to 15/12` named the
    day it was due already), else about a week from today."""
    action = action_store.get_action(services.storage, int(dropped["action"])) if dropped.get("action") else None
    return more_time.example_after(action.due_date, today) if action else more_time.example(today)


def _request(kept: dict, action_id: int) -> more_time.Request:
    """The request kept for "Which action?", for the action now named."""
    until = date.fromisoformat(kept["until"]) if kept.get("until") else None
    later = timedelta(days=int(kept["later_days"])) if kept.get("later_days") else None
    return more_time.Request(action_id, until, kept.get("reason"), later, typed=str(kept.get("typed") or ""),
                             from_due=bool(kept.get("from_due")), anyway=bool(kept.get("anyway")))


def _day_typed(services: Services, turn: Turn, kept: dict, action: action_store.ActionRow,
               text: str) -> more_time.Request | None:
    """The day typed at "Until when?" (or at a day off queried): a date, `20/12 anyway`, or how much longer from
    the due date; a short line that is no day is refused and the question waits; other text is let go (None)."""
    day, anyway = kept_anyway(text.strip())
    reason, typed_line = kept.get("reason"), str(kept.get("typed") or "")
    if (longer := more_time.HOW_LONG.match(day)) is not None:
        later = more_time.later_of(longer)
        return more_time.Request(action.id, None, reason, later, typed=typed_line, from_due=True)
    today = turn.now.astimezone(services.settings.timezone).date()
    try:
        until = parse_day(day, today, "future")
    except DateError as error:
        if len(day.split()) <= 4 and DATEISH.search(day):
            raise UserError(f"{error} Nothing was asked yet: type the day, like "
                            f"`{more_time.example_after(action.due_date, today)}`, or "
                            "how much longer, like `2 weeks` (`cancel` to leave it).") from None
        _dropped(services, turn, kept)
        return None
    return more_time.Request(action.id, until, reason, typed=typed_line, anyway=anyway)


def _corrected(services: Services, turn: Turn, sent: dict, day: str) -> list[Reply] | None:
    """`actually make it the 15th jan` right after a request was sent: that request replaced by one for the new day,
    while it still waits; None when it no longer does (answered or withdrawn) or the words are no day."""
    action = action_store.get_action(services.storage, int(sent["action"]))
    asked = requests.latest(services.storage, int(sent["action"]))
    if action is None or asked is None or action.owner_id != turn.user_id or \
            more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        return None
    day, anyway = kept_anyway(day.strip())
    reason, was = sent.get("reason"), f"until {short_date(asked.until)}" if asked.until else "with no day named"
    if (longer := more_time.HOW_LONG.match(day)) is not None:
        request = more_time.Request(action.id, None, reason, more_time.later_of(longer), from_due=True)
    else:
        try:
            until = parse_day(day, turn.now.astimezone(services.settings.timezone).date(), "future")
        except DateError:
            return None
        request = more_time.Request(action.id, until, reason, anyway=anyway)
    return more_time.ask(services, turn, request, replacing=was)


def install(engine: Engine, services: Services) -> None:
    """Read the line that finishes or corrects a request for more time."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
    engine.add_message_watch(lambda turn, text: _dropped_said(services, turn))
