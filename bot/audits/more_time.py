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

from bot.audits import action_edit, more_time_answer
from bot.audits.action_status import typed_id
from bot.core.markup import audit_and_case
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import actions as action_store
from bot.storage.trail import record_trail
from knowledge.dates import DateError, parse_day, short_date, working_day_near

USAGE = "/audit extend <action number> [to DATE] [, reason]"
TYPED = rf"(?:action\s+)?(?:{NUMBER})(?:\s+\S.*)?"
ACTION_NUMBER = re.compile(r"\baction\s+#?(?P<id>\d+)\b", re.IGNORECASE)
ASKS = re.compile(r"\b(?:more|extra)\s+time\b|\bextend\b|\bextension\b", re.IGNORECASE)
# the day asked for: "more time on action 110 until 14/12", "extend action 110 to 14/12", "an extension to 14/12"
UNTIL = re.compile(r"(?:more\s+time|extra\s+time|extension|extend\s+(?:it|action\s+#?\d+))"
                   r"(?:\s+(?:on|for)\s+(?:action\s+)?#?\d+)?\s+(?:to|until|till|til)\s+(?P<day>[^,;?!]+?)"
                   r"(?=\s+(?:as|because|cos|since)\b|[,;?!]|\.(?:\s|$)|\s*$)", re.IGNORECASE)
BECAUSE = re.compile(r"\b(?:as|because|cos|coz|since|reason:?)\s+(?P<why>\S.*)$", re.IGNORECASE)
CLAUSES = re.compile(r"[,;?!]|\.(?=\s|$)")
ASKING = re.compile(r"^\s*(?:can|could|may|pls|please|is\s+it\s+ok)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Request:
    """What was asked: the action's number, the day asked for (None when not said) and why (None when not said)."""

    action_id: int
    until: date | None
    reason: str | None


def read(text: str, today: date) -> Request | None:
    """The request in a line asking for more time on one action, or None when the line is not one (no action's
    number, or no words asking for time). A day asked for that names no day is refused, with an example."""
    numbers = {match.group("id") for match in ACTION_NUMBER.finditer(text)}
    if len(numbers) != 1 or ASKS.search(text) is None:
        return None
    said = UNTIL.search(text)
    until = None
    if said is not None:
        try:
            until = parse_day(said.group("day").strip(), today, "future")
        except DateError as error:
            raise UserError(f"{error} Nothing was asked: type it like `extend action {numbers.pop()} to "
                            f"{_example(today)}`.") from None
    return Request(typed_id(numbers.pop()), until, _reason(text))


def _reason(text: str) -> str | None:
    """Why more time is needed: the words after `as`/`because`, else the parts of the line that neither name the
    action nor ask ("family away til the 12th" in "cant do action 110 by mon, family away til the 12th. can i …")."""
    for clause in CLAUSES.split(text):
        if (because := BECAUSE.search(clause)) is not None and ACTION_NUMBER.search(because.group("why")) is None:
            return because.group("why").strip(" .")
    rest = [part.strip() for part in CLAUSES.split(text)
            if part.strip() and not ACTION_NUMBER.search(part) and not ASKS.search(part) and not ASKING.match(part)]
    return ", ".join(rest) or None


def _example(today: date) -> str:
    day = working_day_near(today + timedelta(days=7))
    return f"{day.day}/{day.month}"


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A request for more time typed anywhere, or `action 110 due 14/12` typed by the action's owner where only its
    auditor may change it: the request sent and the owner told; None for other text."""
    today = turn.now.astimezone(services.settings.timezone).date()
    request = read(text, today)
    if request is None:
        request = _owner_typed_a_date(services, turn, text, today)
    return None if request is None else ask(services, turn, request)


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


def ask(services: Services, turn: Turn, request: Request) -> list[Reply]:
    """Send the request to whoever may give the new date, tell the owner who was asked, and keep it in the trail."""
    action = action_store.get_action(services.storage, request.action_id)
    if action is None:
        raise UserError("I can't find that action; type `/audit actions` to see your open ones.")
    if action.owner_id != turn.user_id:
        raise UserError(f"Only the owner of action {action.id} asks for more time on it. Its auditor changes its date "
                        f"with `action {action.id} due <date>`.")
    if action.done_at:
        raise UserError(f"Action {action.id} is marked done already, so it needs no more time.")
    asked, role = more_time_answer.approver(services, action)
    reason = screen_text(request.reason, services.identifier_screen, "that reason") if request.reason else None
    until = f"until {short_date(request.until.isoformat())}" if request.until else ""
    detail = ", ".join(part for part in (until, f"reason: {reason}" if reason else "") if part)
    where = f"_{action.description}_, {audit_and_case(action.audit_id, action.case_ref)}"
    owner = services.directory.label(action.owner_id)
    record_trail(services.storage, turn.user_id, "action.more_time",
                 {"action": action.id, "until": request.until.isoformat() if request.until else None,
                  "asked": asked}, at=turn.now)
    return [Reply(text=f"I've asked {services.directory.label(asked)}, {role}, for more time on action {action.id}"
                       f"{' ' + until if until else ''}. It stays due {short_date(action.due_date)} until they set a "
                       "new date."),
            Reply(to_user=asked, text=f"{owner} asks for more time on action {action.id} ({where}, due "
                                      f"{short_date(action.due_date)}){': ' + detail if detail else ''}. "
                                      f"{more_time_answer.typed_answers(action.id, request.until)}",
                  choices=more_time_answer.choices(action.id, request.until))]


def extend_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit extend 110 to 14/12, family away`: the owner's request for more time, as said in words."""
    words = args.strip()
    if not re.match(r"^(?:action\s+)?#?\d", words, re.IGNORECASE):
        raise UserError(f"Name the action to ask more time on: `{USAGE}`, like `/audit extend 110 to 14/12`.")
    said = words if words.lower().startswith("action") else f"action {words}"
    today = turn.now.astimezone(services.settings.timezone).date()
    request = read(f"extend {said}", today)
    if request is None:
        raise UserError(f"Name one action to ask more time on: `{USAGE}`.")
    return ask(services, turn, request)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit extend` and a request for more time said in words (bot.audits.feature.shortcuts)."""
    engine.add_command("extend", lambda turn, args: extend_command(services, turn, args),
                       "ask the auditor for more time on an action you own", usage=USAGE, typed=TYPED)
