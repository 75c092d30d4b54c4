"""`/audit edit 12 grade inadequate <why>` on a submitted audit with no open action: the action first.

An audit graded Inadequate needs at least one action, whoever grades it: the auditor adds one before submitting, and
a moderator whose grade is Inadequate is asked for one (bot.audits.moderation_action). A grade changed to Inadequate
after submitting is no different, so once the reason is read the auditor is asked what must happen for the child, who
owns it (the case's worker unless they pick another) and by when, asked and read as wherever an Inadequate grade needs
its first action (bot.audits.inadequate_action). Nothing changes until then: the grade, its reason
and the action are stored in one transaction, after the check before the alert (bot.audits.regrade_check), so the
audit is never Inadequate with nothing for anyone to do, and nobody is alerted about a grade that is not stored.
`cancel` leaves the grade as it was, and so does `pause` (a change half-made is not kept), saying how to make it later.
`back` returns a question (the due date to the owner, the owner to the action's text); a whole command (`show 12`,
`list`, `home`) runs aside and the question follows (bot.audits.conversation, bot.audits.answered_aside).

The auditor's conversation carries the change while they type: `regrade_action` (the description),
`regrade_action_owner` (a button per person, or `the worker`, `the manager`, a name or a member ID typed) and
`regrade_action_due` (read by bot.audits.regrade_check, which stores the change; not asked when the action's
text gave it, `… by next fri`).
Buttons: audit.regrade_owner "<audit>:<user id>"; audit.regrade_back "<audit>:owner" or "<audit>:due".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits import inadequate_action, lifecycle, moderated
from bot.audits.core import grade_label, waiting
from bot.audits.inadequate_action import DueAnswer, FirstAction
from bot.audits.regrade import GradeChange
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

WHAT = "regrade_action"
REASON_ASKED = "regrade_reason"  # bot.audits.regrade_reason.WHAT: the reason asked before this, the draft behind it
CANCEL_WORDS = frozenset({"cancel", "stop", "cancel it", "leave it", "never mind", "nevermind"})
PAUSE_WORDS = frozenset({"pause", "pause it"})
ACTION_ASKED = "for the action audit #{audit_id}'s new grade needs"  # said when the audit can't be regraded any more


def needed(services: Services, change: GradeChange) -> bool:
    """Whether this grade change must bring an action: the new grade is Inadequate and no action is open."""
    return inadequate_action.needed(services, change.audit_id, change.grade)


def ask(services: Services, turn: Turn, change: GradeChange) -> list[Reply]:
    """Hold the change (read and screened, not stored) and ask for the action's description."""
    held = {"audit_id": change.audit_id, "was": change.was, "grade": change.grade, "reason": change.reason}
    if (draft := draft_waiting(services, turn)) is not None:
        held["draft"] = draft
    store.set_conversation(services.storage, turn.user_id, waiting(WHAT, **held), turn.now)
    return description_prompt(held)


def draft_waiting(services: Services, turn: Turn) -> int | None:
    """The draft whose step the person's conversation was at when the change was typed, if any: the action's
    questions take its place, and the person is told afterwards where the draft is."""
    prior = store.conversation(services.storage, turn.user_id)
    if prior.get("awaiting") in (WHAT, FIRST_ACTION.owner_state, FIRST_ACTION.due_state, REASON_ASKED):
        behind = prior.get("draft")  # another grade change replaces this one: the draft behind it still waits
        return behind if isinstance(behind, int) else None
    audit_id = prior.get("audit_id") if prior.get("feature") == "audit" else None
    audit = store.get_audit(services.storage, audit_id) if isinstance(audit_id, int) else None
    return audit.id if audit is not None and audit.status == "draft" and audit.auditor_id == turn.user_id else None


def then_draft(data: Mapping[str, Any], replies: list[Reply]) -> list[Reply]:
    """`replies`, then where the draft the person was in waits, unless the replies end with a question of their own
    (the check before the alert), whose options must stay the latest."""
    if not data.get("draft") or any(reply.kind == "question" for reply in replies if reply.is_for_requester):
        return replies
    return [*replies, Reply(kind="notice", text=f"Your audit #{data['draft']} waits where you left it: type "
                                                f"`/audit resume {data['draft']}` to carry on.")]


def change_of(data: Mapping[str, Any], action: tuple[str, str, str]) -> GradeChange:
    """The change held while the action was asked, with the action."""
    return GradeChange(int(data["audit_id"]), data.get("was"), str(data["grade"]), str(data["reason"]), action)


def description_prompt(data: Mapping[str, Any]) -> list[Reply]:
    return [Reply(text=f"Audit #{data['audit_id']} has no open action, and an audit graded **Inadequate** needs at "
                       "least one: what must happen for the child? Nothing is changed until the action has an owner "
                       f"and a due date: the audit stays **{grade_label(data.get('was'))}** and nobody is told. Type "
                       "`cancel` to leave the grade as it is.",
                  prompt="Type the action (what needs to happen).", kind="question")]


def _words(text: str) -> str:
    return " ".join(text.lower().strip(" .!").split())


def left(text: str) -> bool:
    """Whether `text` is `cancel` (or `stop`), or `pause`: the change is dropped, the grade stays."""
    return _words(text) in CANCEL_WORDS | PAUSE_WORDS


def cancelled(services: Services, turn: Turn, data: Mapping[str, Any], typed: str = "") -> list[Reply]:
    """The change dropped; after `pause` (`typed`), how to make it later, since a half-made change is not kept."""
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    audit_id = data["audit_id"]
    later = (f" A grade change can't be paused half-made: to make it later, type `/audit edit {audit_id} grade "
             "inadequate <why>` again." if _words(typed) in PAUSE_WORDS else "")
    return then_draft(data, [Reply(kind="notice", text=f"OK, nothing changed: audit #{audit_id} is still graded "
                                                       f"**{grade_label(data.get('was'))}**, no action was added and "
                                                       f"nobody was told.{later}")])


FIRST_ACTION = FirstAction(
    description_state=WHAT, owner_state="regrade_action_owner", due_state="regrade_action_due",
    owner_button="audit.regrade_owner", back_button="audit.regrade_back",
    keeps=("audit_id", "was", "grade", "reason", "description", "due_typed", "owner", "draft"),
    way_out="`cancel` to leave the grade as it is", auditor_is="you",
    button_hint="type `/audit edit <audit number> grade inadequate <why>` again", asks=description_prompt,
    repick="once it is added, with `/audit edit {audit_id} action <its number> owner …`")


def description(services: Services, turn: Turn, data: Mapping[str, Any], text: str,
                answer_due: DueAnswer | None = None) -> list[Reply] | None:
    """The action's text; a line ending with `?` is a question for the knowledge base (None), never the action, and
    `back`, with no question before this one, is told so rather than taken as the action."""
    if left(text):
        return cancelled(services, turn, data, text)
    if text.rstrip().endswith("?"):
        return None
    if (gone := no_longer_editable(services, turn, data, ACTION_ASKED)) is not None:
        return gone
    if _words(text) == "back":
        raise UserError("Nothing is changed yet, and this is the first question of the grade change: type the action "
                        "(what needs to happen for the child), or `cancel` to leave the grade as it is.")
    return FIRST_ACTION.description(services, turn, data, text, answer_due)


def owner(services: Services, turn: Turn, data: Mapping[str, Any], text: str, answer_due: DueAnswer) -> list[Reply]:
    """The owner (bot.audits.inadequate_action.FirstAction.owner), `answer_due` reading a due date typed in the
    action's text (bot.audits.regrade_check.action_due, which imports this module, so the conversation table gives
    it); `cancel` or `pause` drops the change."""
    if left(text):
        return cancelled(services, turn, data, text)
    if (gone := no_longer_editable(services, turn, data, ACTION_ASKED)) is not None:
        return gone
    return FIRST_ACTION.owner(services, turn, data, text, answer_due)


def no_longer_editable(services: Services, turn: Turn, data: Mapping[str, Any], asking: str) -> list[Reply] | None:
    """Said once, the question (`asking`: what it asks, with `{audit_id}`) dropped, when the audit can no longer have
    its grade changed by this person (opened or decided by a moderator, reopened, removed) while the change waits for
    its reason (bot.audits.regrade_reason) or its action: what happened, that nothing changed, and what the refusal
    says to do next; it repeated at every message until `cancel` (trial 29). None while the change can be made."""
    audit_id = int(data["audit_id"])
    audit = store.get_audit(services.storage, audit_id)
    refusal = lifecycle.edit_refusal(audit, turn.user_id, "overall_grade")
    if refusal is None:
        return None
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    if isinstance(refusal, lifecycle.Moderated):
        refusal = moderated.refusal(services, audit_id)  # with the auditor's response to it, if any
    why = (f"Audit #{audit_id} is no longer there (it was removed), so there is no grade to change. `/audit list` "
           "shows your audits." if audit is None else str(refusal))
    stays = "" if audit is None else f" It stays graded **{grade_label(audit.overall_grade)}**."
    return then_draft(data, [Reply(kind="notice", text=f"I've stopped asking {asking.format(audit_id=audit_id)}: the "
                                                       f"grade can't be changed now, so nothing was changed and nobody "
                                                       f"was told.{stays} {why}")])
