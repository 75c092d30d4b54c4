"""`/audit edit 12 grade outstanding` with no reason: the reason asked as the next message, not refused.

A submitted audit's grade changes only with a reason (bot.audits.regrade), since the worker may have reflected on the
grade they were sent. Trial 27 typed the grade alone and was refused with "Say why: …", so the whole command had to
be typed again. Now the grade typed is kept and the reason asked: the next message is the reason, read and screened
as one typed with the grade, and the change goes on as it would have (the check before an alert, the action a new
Inadequate needs). `cancel` or `pause` leaves the grade as it is; a line ending with `?` is a question answered aside,
and a whole command runs aside, the question following (bot.audits.answered_aside). Should the audit stop being the
auditor's to change while the reason is asked (a moderator opens it, it is moderated or reopened, or it is removed),
the reason typed next is told so once and the question is dropped (bot.audits.regrade_action.no_longer_editable): it
repeated the refusal at every message until `cancel` (trial 29).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.audits import not_a_reason, regrade_action
from bot.audits.core import grade_label, waiting
from bot.audits.regrade import GradeChange
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

WHAT = regrade_action.REASON_ASKED
ASKED = "why the grade of audit #{audit_id} changes"  # said when the audit can't be regraded any more
# bot.audits.regrade_check.edit_grade, given here by the conversation table (it imports this module): the audit, the
# grade's words as typed and the reason.
Edit = Callable[[Services, Turn, int, str, str], list[Reply]]


def ask(services: Services, turn: Turn, change: GradeChange, named: str) -> list[Reply]:
    """Hold the grade typed (`named`, as typed, read again with the reason) and ask why it changes."""
    held: dict[str, Any] = {"audit_id": change.audit_id, "was": change.was, "grade": change.grade, "named": named}
    if (draft := regrade_action.draft_waiting(services, turn)) is not None:
        held["draft"] = draft
    store.set_conversation(services.storage, turn.user_id, waiting(WHAT, **held), turn.now)
    return prompt(held)


def prompt(data: Mapping[str, Any]) -> list[Reply]:
    """Why the grade changes, asked: what is held, and that nothing changes until it is given."""
    return [Reply(text=f"Why change audit #{data['audit_id']} from **{grade_label(data.get('was'))}** to "
                       f"**{grade_label(data.get('grade'))}**? The worker may already have reflected on the grade they "
                       "were sent, and I'll tell them of the change and your reason. Nothing is changed until you say "
                       "why; type `cancel` to leave the grade as it is.",
                  prompt="Type why the grade changes, in a sentence.", kind="question")]


def typed(services: Services, turn: Turn, data: Mapping[str, Any], text: str, edit: Edit) -> list[Reply] | None:
    """The reason: the change made as `/audit edit <n> grade <grade> <reason>` makes it; `cancel` or `pause` drops
    it, a line ending with `?` is a question for the knowledge base (None). A reason refused (too short, a name in
    it) says why and the question still waits. A line putting it off (`let me check the file first`) drops it, as
    `pause` does; a command in words (`chase up action 18`) runs aside (bot.audits.not_a_reason). The reason read
    is asked back before it is stored (bot.audits.regrade_confirm)."""
    if regrade_action.left(text) or not_a_reason.putting_off(text):
        return cancelled(services, turn, data, text)
    if text.rstrip().endswith("?") or not_a_reason.command_in_words(text):
        return None
    if (gone := regrade_action.no_longer_editable(services, turn, data, ASKED)) is not None:
        return gone
    replies = edit(services, turn, int(data["audit_id"]), str(data["named"]), text)
    _asked_no_more(services, turn, data)
    return regrade_action.then_draft(data, replies)


def _asked_no_more(services: Services, turn: Turn, data: Mapping[str, Any]) -> None:
    """The reason no longer waited for, keeping what the change asked beside the conversation (the question asking
    it back, the check before an alert): wiping the whole row left a typed `yes` with no question to answer."""
    now = store.conversation(services.storage, turn.user_id)
    if now.get("awaiting") != WHAT:
        return
    kept = {key: value for key, value in now.items() if key not in data or data[key] != value}
    store.set_conversation(services.storage, turn.user_id, kept or None, turn.now)


def cancelled(services: Services, turn: Turn, data: Mapping[str, Any], typed_words: str) -> list[Reply]:
    """The change dropped: the grade stays and nobody is told; after `pause`, how to make it later."""
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    audit_id = data["audit_id"]
    later = (f" To change it later, type `/audit edit {audit_id} grade {data.get('named')} <why>`."
             if " ".join(typed_words.lower().strip(" .!").split()) in regrade_action.PAUSE_WORDS
             or not_a_reason.putting_off(typed_words) else "")
    return regrade_action.then_draft(data, [Reply(kind="notice", text=f"OK, nothing changed: audit #{audit_id} is "
                                                                      f"still graded **{grade_label(data.get('was'))}"
                                                                      f"** and nobody was told.{later}")])

