"""A manager's everyday words for an action's command, read by one rule: a command's word (or a word people use for
it) and an action's number, and a date where the command takes one.

Trial 36 (M7): "can u chase sw s1 on 142 pls, visit still not done", "chase 9 - overdue since sept, update me by
weds", "ok give s1 till the 18th on 95", "grant 94", "approve extension on 94" and "move action 151 to 18/12 im off
after that" all went onto the QA leads' list of unanswered questions; "whats outstanding on my teams actions" got a
how-to page and "compare CR-341944" a page about struggling teams. None is a question.

What is read is a guess, and a guess never sends anything: a command that changes or sends is offered as "Did you
mean `chase 142`?", which a typed `yes` runs, and it is offered with the number and a date only, never with the
person's other words (the chase's nudge carries the action's own text: the words typed with it are said not to be
sent). A list only reads, so it runs at once. Runs after every reader of a typed line, before the knowledge base.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core import more_time_said
from bot.core.action_named import action_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import screened_out
from bot.errors import UserError
from bot.privacy.screen import check_case_reference
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from knowledge.dates import DateError, parse_day, short_date

PRIORITY = 88  # after the typed commands (87), before the knowledge base (90)
MEANT = "plain.meant"  # a typed `yes` to the offer: the value is the line to run as if typed

_LEAD = r"^(?:(?:ok|okay|right|so|hi|please|pls|can\s+(?:u|you)|could\s+(?:u|you)|will\s+(?:u|you)|just)\s+)*"
_CHASE = re.compile(rf"{_LEAD}(?:chase|nudge|remind|prod|poke|ping|hurry|follow\s+up)\b", re.IGNORECASE)
_GRANT = re.compile(rf"{_LEAD}(?:grant|approve|allow)\b", re.IGNORECASE)
_EXTENSION = re.compile(r"\b(?:extension|more\s+time|extra\s+time|(?:the\s+)?request)\b", re.IGNORECASE)
_GIVE = re.compile(rf"{_LEAD}give\b", re.IGNORECASE)
_MOVE = re.compile(rf"{_LEAD}(?:move|push|shift|change|put\s+back|re-?date|redate|bring\s+forward)\b", re.IGNORECASE)
# The action's number: after `action` or `#`, straight after the command's word, or ending its clause ("on 142 pls,");
# never a date's part (18/12), an ordinal (18th), a name's digit (s1) or a case reference's (CR-341944).
_NUMBER = re.compile(r"(?:\baction\s*#?\s*|#)(?P<marked>\d{1,7})\b|(?<![\w/.#-])(?P<bare>\d{1,7})"
                     r"(?![\w/.-])(?=\s*(?:$|[,;:!?]|\.(?:\s|$)|\s+[-–—]\s|\s+(?:pls|please|thanks|ta|as\s+well|too|also)\b))",
                     re.IGNORECASE)
# "mid jan", "mid-January": the 15th of that month (trial 41: `push action 150 back to mid jan` was not read)
_MID_MONTH = re.compile(r"\bmid(?:dle)?[\s-]*(?:of\s+)?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
                        re.IGNORECASE)
_CHASE_NUMBERS = re.compile(rf"{_LEAD}(?:chase|nudge)\b.*\d", re.IGNORECASE)
CHASE_USAGE = ("I couldn't tell which actions to chase, so nothing was sent. Type `chase` and an action's number, like "
               "`chase 18`, or several, like `chase 18, 19 and 34`; a manager can type `chase all overdue` for their "
               "teams' overdue actions.")
_DAY_AFTER = re.compile(r"\b(?:to|till|until|til|for|by)\s+(?P<day>\S.*)$", re.IGNORECASE)
_TEAM_ACTIONS = re.compile(r"\b(?:my|our|the)\s+teams?(?:'?s|s')?\s+(?:open\s+|overdue\s+|outstanding\s+)?actions?\b|"
                           r"\bactions?\s+(?:for|of|in|across)\s+(?:my|our|the)\s+teams?\b", re.IGNORECASE)
_HOW = re.compile(r"^\s*(?:how|why|where|when|who|(?:can|could|should|do|does)\s+(?:i|we|managers?))\b", re.IGNORECASE)
_COMPARE_CASE = re.compile(r"^\s*compare\s+(?:case\s+)?(?P<ref>[a-z]{2,4}\s*-?\s*\d{4,10})\b", re.IGNORECASE)


def action_number(text: str) -> int | None:
    """The one action number the line names (see _NUMBER), or None when it names none or several."""
    found = {int(m.group("marked") or m.group("bare")) for m in _NUMBER.finditer(text)}
    if len(found) != 1:
        return None
    number = found.pop()
    return number or None


def day_said(text: str, today: date) -> date | None:
    """The day after "to", "till" or "until": the longest run of words from there that reads as a day to come
    ("the 18th" in "till the 18th on 95", "18/12" in "to 18/12 im off after that"); None when none does."""
    for found in _DAY_AFTER.finditer(_MID_MONTH.sub("15 ", text)):
        words = found.group("day").split()
        for end in range(min(len(words), 5), 0, -1):
            try:
                return parse_day(" ".join(words[:end]).strip(",.;"), today, "future")
            except DateError:
                continue
    return None


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The command these words mean, run (a list) or offered (anything else); None for any other line."""
    line = " ".join((text or "").split())
    if (case := _COMPARE_CASE.match(line)) is not None:
        return _compare_case(engine, services, turn, case.group("ref"))
    if _TEAM_ACTIONS.search(line) and not _HOW.match(line) and action_number(line) is None and \
            engine.commands["actions"].allowed(turn.person):
        return engine.dispatch_command(turn, "actions", "team")
    number = action_number(line)
    if number is None:  # `chase 18, 19 and the one for S2`: a chase whose numbers could not be read gets how to type it
        return [Reply(kind="notice", text=CHASE_USAGE)] if _CHASE_NUMBERS.match(line) and not _HOW.match(line) else None
    today = turn.now.astimezone(services.settings.timezone).date()
    if _CHASE.match(line):
        return _offer(services, turn, f"chase {number}", _whose(services, number) +
                      "The nudge says the action and its due date; nothing else you typed is sent.")
    if _GRANT.match(line):
        explicit = _EXTENSION.search(line) is not None or line.lower().lstrip().startswith("grant")
        return _granted(services, turn, number, explicit)
    if _GIVE.match(line) or _MOVE.match(line):
        day = day_said(line, today)
        if day is None:  # a command's word and an action's number with no day read: its usage, not a question
            return None if _HOW.match(line) else [Reply(kind="notice", text=(
                f"I couldn't read a date there. To change action {number}'s due date, type `action {number} due "
                f"<date>`, like `action {number} due 18/12`."))]
        return _offer(services, turn, f"action {number} due {day.day}/{day.month}")
    return None


def _whose(services: Services, number: int) -> str:
    """"Action 142 is Social worker N1's. ": whom the chase offered would nudge, so a wrong number is seen before
    `yes` (the words may have named someone else); nothing for an action that does not exist (the chase says so)."""
    action = action_store.get_action(services.storage, number)
    if action is None:
        return ""
    return f"{action_named(action, capital=True)} is {services.directory.label(action.owner_id)}'s. "


def _granted(services: Services, turn: Turn, number: int, explicit: bool) -> list[Reply] | None:
    """"grant 94": the request for more time waiting on the action, offered as the date it asked for; said when none
    waits (only when the words named more time: a bare "approve 70" may be about something else)."""
    action = action_store.get_action(services.storage, number)
    asked = requests.latest(services.storage, number) if action is not None else None
    if action is None or asked is None or more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        if not explicit:
            return None
        return [Reply(kind="notice", text=f"No request for more time is waiting on action {number}. To change its "
                                          f"date, type `action {number} due <date>`, like `action {number} due "
                                          "18/12`.")]
    if asked.until is None:
        return [Reply(kind="notice", text=f"{services.directory.label(action.owner_id)} asked for more time on "
                                          f"{action_named(action)} without a date. To give it, type `action {number} "
                                          f"due <date>`, like `action {number} due 18/12`.")]
    day = date.fromisoformat(asked.until)
    return _offer(services, turn, f"action {number} due {day.day}/{day.month}",
                  f"That gives the {short_date(asked.until)} {services.directory.label(action.owner_id)} asked for.")


def _offer(services: Services, turn: Turn, line: str, note: str = "") -> list[Reply]:
    """"Did you mean `<line>`?", run by a typed `yes`."""
    said = f" {note}" if note else ""
    if screened_out(line, services):
        return [Reply(kind="notice", text=f"Did you mean `{line}`? Type it like that.{said}")]
    offered = Reply(kind="notice", text=f"Did you mean `{line}`? Type `yes` to run it, or type it yourself.{said}")
    return [confirmations.meant(services, turn, offered, MEANT, line)]


def _compare_case(engine: Engine, services: Services, turn: Turn, typed: str) -> list[Reply] | None:
    """"compare CR-341944": compare takes an audit's number, so the case's audits are listed with theirs."""
    try:
        ref = check_case_reference(typed, services.settings.case_reference_pattern, services.identifier_screen)
    except UserError:
        return None
    told = Reply(kind="notice", text="`compare` takes an audit's number, not a case reference: type `compare` and "
                                     f"the number of the later audit, like `compare 12`. The audits of {ref}:")
    return [told, *engine.dispatch_command(turn, "list", f"case {ref}")]


def install(engine: Engine, services: Services) -> None:
    """Register the words above (read after every other reader, before the knowledge base) and the offer's `yes`."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text),
                               priority=PRIORITY)
    engine.add_action(MEANT, lambda turn, value: engine.claim(turn, value))
