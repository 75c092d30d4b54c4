"""A moderator's Good or Outstanding over an immediate concern gets the auditor's check before it is saved.

An auditor who grades Good or Outstanding while an answer raising an immediate concern stands is asked once whether
to grade it so all the same (bot.audits.concern_grade); a trial (39) found a moderator could regrade such an audit
Good with no question, and the managers the auditor's Inadequate had alerted were told it no longer stood. So the
moderator is asked the same question, with the same words (`concern_grade.to_ask`, `concern_grade.why`), after the
reason and before anything is saved or anyone told: *Yes, grade it Good* asks for a short reason for grading Good
over the concern (unless typed with it: `yes, the risk was managed the same day`), then offers an action (to skip,
bot.audits.moderation_action) and saves the moderation as decided, with the confirmation and that reason on its
record (`/audit show`: "Good confirmed over an immediate concern by …"); *No, choose again* saves nothing, tells
nobody, and asks the grade again.

The decision waits in the moderator's conversation (state `moderation_confirm_concern`; `confirmed` once they said
yes and their reason is asked). Typed yes and no are read
by bot.engine.confirmations, as for every other Yes-or-No question, and by the state once a question to the
knowledge base set that aside. Buttons: audit.moderation_concern_yes / audit.moderation_concern_no
"<audit>:<token>" (the token names the decision asked about, so a button from an earlier question saves nothing).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.audits import concern_grade, moderation_checked
from bot.audits.core import grade_label, load, waiting
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

STATE = "moderation_confirm_concern"
YES = "audit.moderation_concern_yes"
NO = "audit.moderation_concern_no"
HELD = ("audit_id", "agrees", "grade", "reason", "question")
CONFIRMED = "confirmed"  # in the held decision: they said yes, and the reason for it is asked
# `yes, the risk was managed the same day`, `yes - safety plan in place`: the yes with its reason on one line
_YES_WITH_REASON = re.compile(r"^\s*(?:yes|yeah|yep|y)\b\s*[,:;.\-–—]?\s*(?:because\s+|as\s+)?(?P<why>\S.*)$",
                              re.IGNORECASE | re.DOTALL)


def to_ask(services: Services, decision: Mapping[str, Any]) -> str | None:
    """The concern question to ask about before this decision is saved: a moderator's own grade of Good or
    Outstanding (not the auditor's, which the auditor was asked about) while an immediate concern stands; else None."""
    if decision.get("agrees"):
        return None
    return concern_grade.to_ask(load(services, int(decision["audit_id"])), str(decision["grade"]))


def ask(services: Services, turn: Turn, decision: Mapping[str, Any], question: str) -> list[Reply]:
    """Hold the decision (grade and reason, read and screened) and ask whether to grade it so all the same."""
    data = waiting(STATE, **{k: decision[k] for k in HELD if k in decision}, question=question)
    store.set_conversation(services.storage, turn.user_id, data, turn.now)
    return [confirmations.ask(services, turn, screen(services, data), not_yet=str(not_saved_help(data)))]


def value_of(data: Mapping[str, Any]) -> str:
    """The Yes / No buttons' value for this held decision (its audit, and a token naming the decision)."""
    return buttons.encode_id_and_key(int(data["audit_id"]), moderation_checked.token(data, HELD))


def yes_with_reason(text: str) -> str | None:
    """The reason typed with a yes on one line (`yes, the risk was managed the same day`), or None."""
    said = _YES_WITH_REASON.match(text or "")
    return said.group("why").strip() if said is not None else None


def confirmed(decision: Mapping[str, Any]) -> tuple[str, str] | None:
    """(the concern question, the moderator's reason) to record with a decision confirmed over a concern, or None."""
    if not decision.get("concern_reason"):
        return None
    return str(decision["question"]), str(decision["concern_reason"])


def reason_prompt(data: Mapping[str, Any]) -> Reply:
    """After the yes: a short reason for the grade over the concern, which goes on the audit's record."""
    label = grade_label(str(data["grade"]))
    return Reply(kind="question", prompt="Type your reason.",
                 text=f"In a few words, why **{label}** though the immediate concern stands? It goes on audit "
                      f"#{data['audit_id']}'s record with your confirmation. Nothing is saved yet (type `no` to "
                      "choose the grade again).")


def screen(services: Services, data: Mapping[str, Any]) -> Reply:
    """The auditor's question, put to the moderator: the concern answer quoted, why it matters, nothing saved yet;
    once they said yes, the reason asked."""
    if data.get(CONFIRMED):
        return reason_prompt(data)
    audit_id, grade = int(data["audit_id"]), str(data["grade"])
    ctx = load(services, audit_id)
    label = grade_label(grade)
    value = value_of(data)
    return Reply(kind="question", note="Or type `yes` or `no`.",
                 text=f"{concern_grade.why(ctx, str(data['question']), grade, who='The auditor')} Grade audit "
                      f"#{audit_id} **{label}** at moderation all the same? Nothing is saved yet, and nobody has "
                      "been told.",
                 choices=(Choice(f"Yes, grade it {label}", YES, value), Choice("No, choose again", NO, value)))


def held(services: Services, turn: Turn, value: str) -> dict[str, Any]:
    """The decision a Yes or No button was asked about, while it still waits; StaleAction for an older question."""
    return moderation_checked.held(services, turn, value, STATE, HELD,
                                   "That question is out of date, so nothing was saved. Type `/audit moderate` to "
                                   "carry on with the moderation you hold.")


def not_saved_help(data: Mapping[str, Any]) -> UserError:
    """Other text typed at the question: nothing was saved, and the two ways on."""
    label = grade_label(str(data["grade"]))
    return UserError(f"Your moderation is not saved yet, and nobody has been told. Type `yes` to grade audit "
                     f"#{data['audit_id']} **{label}** all the same, or `no` to choose the grade again.")
