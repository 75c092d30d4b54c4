"""An Inadequate grade of record needs an action, whoever gives it: at submission the auditor must add one, and a
moderator whose grade (agreed or their own) is Inadequate, on an audit with no open action, is asked for one before the
moderation is saved: what must happen, who owns it (the case's worker unless they pick another) and by when, asked and
read as wherever an Inadequate grade needs its first action (bot.audits.inadequate_action). The moderation and its
action are then stored in one transaction, so an audit is never Inadequate after moderation with nothing for anyone to
do.

The moderator's conversation carries the decision while they type: `moderation_action` (the description),
`moderation_action_owner` (a button per person, or `the worker`, `the manager`, a name or a Slack member ID typed),
`moderation_action_due` (not asked when the action's text gave it, `… by next fri`: then the owner goes
straight on to what that state does with it). `disagree` (or `agree`) typed meanwhile is a change of mind
(bot.audits.conversation); `back` at the owner returns to the action's text, at the due date to the owner, and at
the action's text to Agree/Disagree.
Buttons: audit.moderation_owner "<audit>:<user id>"; audit.moderation_action_back "<audit>:owner" or "<audit>:due".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits.core import waiting
from bot.audits.inadequate_action import FirstAction
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

WHAT = "moderation_action"

def ask(services: Services, turn: Turn, decision: Mapping[str, Any]) -> list[Reply]:
    """Hold the decision (agree, grade, reason) and ask for the action's description."""
    store.set_conversation(services.storage, turn.user_id, waiting(WHAT, **FIRST_ACTION.held(decision)),
                           turn.now)
    return description_prompt(int(decision["audit_id"]))


def description_prompt(audit_id: int) -> list[Reply]:
    return [Reply(text=f"Audit #{audit_id} will be **Inadequate** after your moderation, and it has no open action. "
                       "An audit graded Inadequate needs at least one: what must happen for the child? Nothing is "
                       "saved until the action has an owner and a due date (type `disagree` to choose another grade).",
                  prompt="Type the action (what needs to happen).", kind="question")]


FIRST_ACTION = FirstAction(
    description_state=WHAT, owner_state="moderation_action_owner", due_state="moderation_action_due",
    owner_button="audit.moderation_owner", back_button="audit.moderation_action_back",
    keeps=("audit_id", "agrees", "grade", "reason", "description", "due_typed", "owner"),
    way_out="`disagree` to choose another grade", auditor_is="the auditor",
    button_hint="type `/audit moderate` to carry on with the moderation you hold",
    asks=lambda data: description_prompt(int(data["audit_id"])))
