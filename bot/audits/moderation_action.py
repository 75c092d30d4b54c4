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

A moderator who disagrees with the grade, to one other than Inadequate (Good to Requires improvement, say), is offered
the same step, optionally (`optional` held): "Add an action for the auditor or worker? … or `skip` to finish". `skip`,
`no`, `none` (or `done`) saves the moderation without one; an action typed goes on to its owner and due date as
above, and is saved with the moderation (fix41d: there was no way to add one, trial 33). In Slack the offer has a
*Skip* button (moderation.skip_action "<audit>", bot.audits.moderation_skip) that does what `skip` typed does: a
moderator had to know to type it (fix43b).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.audits.core import waiting
from bot.audits.inadequate_action import NONE_WORDS, DueAnswer, FirstAction
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

WHAT = "moderation_action"
OPTIONAL = "optional"  # held: the action is offered, not needed (a disagreement with no action required)
SKIP = "moderation.skip_action"  # *Skip* at the offered action; not "audit.": no audit step owns it
# What finishes without an optional action: `skip`, `no`, `none`, `no thanks`, `done`, `finish`, `nothing to add`
_SKIPPED = re.compile(r"^\s*(?:skip(?:\s+it)?|no(?:pe)?(?:,?\s+thanks?(?:\s+you)?)?|none|nothing(?:\s+to\s+add)?|"
                      r"no\s+actions?(?:\s+needed)?|n/?a|done|finish(?:ed)?|that'?s\s+all)\s*[.!]?\s*$",
                      re.IGNORECASE)


def offers(decision: Mapping[str, Any]) -> bool:
    """Whether an action is offered (not needed) with this decision: a disagreement to a grade other than Inadequate
    (an Inadequate asks for one when the audit has none open, and is checked before its alert)."""
    return not decision.get("agrees") and decision.get("grade") != "inadequate"


def skipped(text: str) -> bool:
    """Whether a line typed at an offered action finishes without one (`skip`, `no`, `none`)."""
    return bool(_SKIPPED.match(text or "")) or " ".join((text or "").lower().split()) in NONE_WORDS


def offer(services: Services, turn: Turn, decision: Mapping[str, Any]) -> list[Reply]:
    """Hold the decision (grade and reason) and offer an action for the auditor or worker, to skip if none is needed."""
    return ask(services, turn, {**decision, OPTIONAL: True})


def offer_prompt(audit_id: int) -> list[Reply]:
    """The optional action's question: what to type, and how to finish without one."""
    return [Reply(text=f"Add an action for the auditor or worker on audit #{audit_id}? Type what needs to happen (its "
                       "owner and due date are asked next), or type `skip` to finish and save your moderation without "
                       "one. Nothing is saved yet.",
                  prompt="Type the action, or `skip`.", kind="question", numbers_pick=True,
                  choices=(Choice("Skip", SKIP, buttons.encode_record(audit_id)),))]


def prompt_for(data: Mapping[str, Any]) -> list[Reply]:
    """The action's question as this conversation asks it: offered, or needed for an Inadequate."""
    return offer_prompt(int(data["audit_id"])) if data.get(OPTIONAL) else description_prompt(int(data["audit_id"]))


def ask(services: Services, turn: Turn, decision: Mapping[str, Any]) -> list[Reply]:
    """Hold the decision (agree, grade, reason; `optional` when offered) and ask for the action's description."""
    held = FIRST_ACTION.held(decision)
    store.set_conversation(services.storage, turn.user_id, waiting(WHAT, **held), turn.now)
    return prompt_for(held)


def description_prompt(audit_id: int) -> list[Reply]:
    return [Reply(text=f"Audit #{audit_id} will be **Inadequate** after your moderation, and it has no open action. "
                       "An audit graded Inadequate needs at least one: what must happen for the child? Nothing is "
                       "saved until the action has an owner and a due date (type `disagree` to choose another grade).",
                  prompt="Type the action (what needs to happen).", kind="question")]


FIRST_ACTION = FirstAction(
    description_state=WHAT, owner_state="moderation_action_owner", due_state="moderation_action_due",
    owner_button="audit.moderation_owner", back_button="audit.moderation_action_back",
    keeps=("audit_id", "agrees", "grade", "reason", "description", "due_typed", "owner", OPTIONAL,
           "question", "concern_reason"),  # a Good confirmed over an immediate concern, and why (fix41d)
    way_out="`disagree` to choose another grade", auditor_is="the auditor",
    button_hint="type `/audit moderate` to carry on with the moderation you hold",
    asks=prompt_for)


def described(services: Services, turn: Turn, data: Mapping[str, Any], text: str,
              answer_due: DueAnswer) -> list[Reply]:
    """The action's text, read as FIRST_ACTION reads it; at an offered action a line that gives none is told how to
    skip, never that an Inadequate needs one."""
    try:
        return FIRST_ACTION.description(services, turn, data, text, answer_due)
    except UserError as refused:
        if not data.get(OPTIONAL):
            raise
        raise UserError(str(refused).replace(FIRST_ACTION.needs_one(), OFFER_HINT)) from None


OFFER_HINT = "Type what needs to happen, for the auditor or the worker, or `skip` to finish without an action."
