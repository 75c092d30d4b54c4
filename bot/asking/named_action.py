"""A question naming one of the asker's audit actions ("what does action 2 mean? what chronology?"): that action first.

Trial 25: a worker asking about an action on their audit was given the knowledge-base entry on how to see actions.
The knowledge base knows practice, not the action an auditor wrote; so when a question names "action N" and the asker
may read the audit it came from, the action is shown as `/audit actions` lists it (its words, audit, case reference,
due date, owner) with who set it, and the rest of the question ("what chronology?") is answered from the knowledge
base by bot.asking.feature only when it finds a clear entry. An action the asker may not read is never shown, and
the question goes on to the knowledge base as before.
"""

from __future__ import annotations

import re

from bot.core import chase_said, more_time_said, policy
from bot.core.action_due import is_overdue
from bot.core.markup import audit_and_case
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import actions as action_store
from bot.storage import audits as audit_store
from bot.storage import readback as readback_store
from knowledge.dates import short_date

# "action 2", "action #2", "action no. 2", "action number 2": six digits at most, so no pasted identifier is read.
NAMED = re.compile(r"\baction\s+(?:no\.?\s*|number\s+)?#?(?P<id>\d{1,6})\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^?.!]+[?.!]*")
# The sentence naming the action asks about it ("what does action 2 mean?", "explain action 3"): a command typed
# wrong ("action 2 dew 25/12") still gets the command's usage from bot.asking.feature.
# Trial 29: "i dont understand action 50" went on the QA leads' list, while "whats action 50 about" showed it.
_ASKED = re.compile(r"^\s*(?:what|whats|what's|wat|why|how|when|who|which|where|can|could|does|do|is|explain|tell me)\b"
                    r"|\?\s*$|\bmean(?:s|t)?\b|\bexplain\b|\bconfused\b|\bunclear\b|\bnot\s+sure\s+(?:what|about)\b"
                    r"|\b(?:do\s*n[o']?t|dont|didn'?t|did\s+not|cant|can'?t|cannot)\s+(?:really\s+)?"
                    r"(?:understand|get|follow)\b", re.IGNORECASE)


def named_action(services: Services, turn: Turn, question: str) -> action_store.ActionRow | None:
    """The one action `question` names, when the asker may read the audit it came from; None otherwise."""
    if not any(NAMED.search(part) and _ASKED.search(part) for part in _SENTENCE.findall(question)):
        return None
    found = {int(match.group("id")) for match in NAMED.finditer(question)}
    if len(found) != 1 or turn.person is None or turn.surface == "channel":  # a case reference stays out of channels
        return None
    action = action_store.get_action(services.storage, found.pop())
    if action is None:
        return None
    if turn.user_id in (action.owner_id, action.auditor_id):
        return action
    audit = audit_store.get_audit(services.storage, action.audit_id)
    moderators = readback_store.moderators_of(services.storage, [action.audit_id]).get(action.audit_id, set())
    readable = audit is not None and policy.may_view(services.directory, turn.person, audit, moderators)
    return action if readable else None


def rest_of(question: str) -> str:
    """The question's other sentences, without the one naming the action: "what chronology?" in "what does action 2
    mean? what chronology?"; empty when there are none."""
    return " ".join(part.strip() for part in _SENTENCE.findall(question)
                    if part.strip() and not NAMED.search(part)).strip()


def _asked(services: Services, action: action_store.ActionRow, viewer: str) -> str:
    """", more time asked to 18 Dec, waiting for Team manager (South)" for an open action (trial 34), and ", chase held
    until 08:00 Mon 7 Dec" to all but its owner (fix37b); else nothing."""
    asked = {} if action.done_at else more_time_said.notes_for(services, [action])
    asked = chase_said.merged(services, [action], viewer, asked)
    return f", {asked[action.id]}" if action.id in asked else ""


def action_reply(services: Services, turn: Turn, action: action_store.ActionRow) -> Reply:
    """The action as `/audit actions` lists it, with its owner, whether it is done or overdue, and who set it (who
    can say more about what it means)."""
    today = turn.now.astimezone(services.settings.timezone).date().isoformat()
    overdue = ", **overdue**" if is_overdue(action.due_date, today) else ""
    state = "done" if action.done_at else f"open{overdue}"
    owner = "you" if action.owner_id == turn.user_id else services.directory.label(action.owner_id)
    setter = "you" if action.auditor_id == turn.user_id else services.directory.label(action.auditor_id)
    lines = [f"“{action.description}” ({audit_and_case(action.audit_id, action.case_ref)})",
             f"Owner: {owner}. Due {short_date(action.due_date)} ({state}{_asked(services, action, turn.user_id)}).",
             f"Set by {setter}, the auditor, who can say more about what it asks. `/audit show {action.audit_id}` "
             f"shows the audit; `/audit actions` lists your open actions."]
    return Reply(title=f"Action {action.id}", text="\n".join(lines))
