"""A done action reopened in words (trial 43, finding 3): `18 isnt done yet`, `action 18 is not finished`, `I marked
18 done by mistake`, and `reopen 18` (which once only said to type `reopen action 18`).

The trial's manager typed `oh wait no sorry 18 isnt done yet the supervision is next week` straight after `done 18`:
it went onto the QA leads' list as a knowledge question and action 18 stayed done. A line that is only the words
(`18 isn't done`, `I marked 18 done by mistake`) reopens the action at once, as `reopen action 18` does. Words found
inside a longer line are a guess, so they ask first, "Reopen action 18? …", Yes or No (typed too); and they are read
only when the number is an action marked done that the person may reopen, and never in a question, so "what if
section 47 isn't done in time?" still goes to the knowledge base.
"""

from __future__ import annotations

import re

from bot.core import buttons, policy
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import actions as action_store

YES = "actions.reopen"  # the Yes is the Reopen button itself (bot.audits.action_status.on_reopen)
KEEP = "reopen.keep"  # the No: not an audit-conversation button, so its own prefix
_NUMBER = r"(?:action\s+)?#?(?P<{name}>\d{{1,9}})"
_NOT = r"(?:is\s*n['\u2019]?t|isnt|is\s+not|was\s*n['\u2019]?t|wasnt|was\s+not|not|aint|ain['\u2019]t)"
_DONE = r"(?:actually\s+|really\s+|quite\s+|properly\s+)?(?:done|finished|complete[d]?)(?:\s+yet)?"
_MISTAKE = r"by\s+(?:mistake|accident)|in\s+error|wrongly|too\s+(?:soon|early)"
_WORDS = (rf"{_NUMBER.format(name='not')}\s+{_NOT}\s+{_DONE}"
          rf"|i\s+(?:marked|ticked|closed|put|did)\s+{_NUMBER.format(name='mine')}\s+(?:as\s+)?(?:done|complete[d]?)?"
          rf"\s*(?:{_MISTAKE})"
          rf"|{_NUMBER.format(name='was')}\s+(?:was\s+)?(?:marked|ticked|closed)\s+(?:as\s+)?(?:done|complete[d]?)?"
          rf"\s*(?:{_MISTAKE})"
          rf"|i\s+should\s*n['\u2019]?t\s+have\s+(?:marked|ticked|closed)\s+{_NUMBER.format(name='should')}"
          rf"(?:\s+(?:as\s+)?(?:done|complete[d]?))?")
_END = r"\s*(?:[,.!]*\s*(?:sorry|soz|pls|please|thanks|oops))*\s*[.!]*\s*$"
WHOLE = re.compile(rf"^\s*(?:{_WORDS}){_END}", re.IGNORECASE)
INSIDE = re.compile(rf"(?<![\w/.-])(?:{_WORDS})(?![\w/])", re.IGNORECASE)
# A number after one of these is a law's or a document's, not an action's ("section 47 isn't done in time")
NOT_ACTIONS = re.compile(r"\b(?:section|s|article|paragraph|para|schedule|part|rule|regulation|reg|page|step|"
                         r"question|q|audit|chapter|day|week|week\s+no|no)\.?\s*$", re.IGNORECASE)


def _number(found: re.Match[str]) -> int:
    return int(next(found.group(name) for name in ("not", "mine", "was", "should") if found.group(name)))


def whole(text: str) -> int | None:
    """The action's number when the whole line says it is not done (`18 isnt done yet`, `I marked 18 done by
    mistake`), else None."""
    found = WHOLE.match(text or "")
    return None if found is None else _number(found)


def inside(text: str) -> int | None:
    """The action's number when the words are part of a longer line (`oh wait no sorry 18 isnt done yet the
    supervision is next week`) and the line is no question; None otherwise, or when two numbers are said so."""
    if "?" in (text or ""):
        return None
    numbers = {_number(found) for found in INSIDE.finditer(text or "")
               if not NOT_ACTIONS.search(text[:found.start()])}
    return numbers.pop() if len(numbers) == 1 else None


def ask(services: Services, turn: Turn, action_id: int) -> list[Reply] | None:
    """"Reopen action 18? …" with Yes (the Reopen button) and No, for a guess from a longer line; None when the
    number is no done action this person may reopen, so the line goes where it would have gone."""
    action = action_store.get_action(services.storage, action_id)
    if action is None or not action.done_at or not policy.may_reopen_action(
            services.directory, turn.person, action.owner_id, action.auditor_id):
        return None
    whose = "" if action.owner_id == turn.user_id else f" ({services.directory.label(action.owner_id)}'s)"
    question = Reply(kind="question", text=(
        f"Reopen action {action.id}{whose}, _{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)}"
        f")? It is marked done; reopening puts it back on the open list. Type `yes` or `no`."),
        choices=(Choice("Yes, reopen it", YES, str(action.id), "primary"), Choice("No, it is done", KEEP,
                                                                                    str(action.id))))
    return [confirmations.ask(services, turn, question, ("reopen it", "reopen"), ("its done", "leave it done"),
                              set_aside=f"Action {action.id} was not reopened: to reopen it, type `reopen "
                                        f"{action.id}`.")]


def on_keep(_services: Services, _turn: Turn, value: str) -> list[Reply]:
    """*No, it is done* (or `no`): nothing changes."""
    return [Reply(kind="notice", text=f"OK: action {buttons.record_id(value)} stays marked done. Nothing changed.")]
