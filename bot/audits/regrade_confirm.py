"""A grade change and its reason are confirmed before the grade is stored and the worker told.

Trial 36: the line typed after "Why change audit #131 from Outstanding to Good?" was taken as the reason at once, so a
stray line (`let me check the file first`, or a command typed at a prompt left from an earlier session) changed the
grade and messaged the worker. Now that reason is read and screened, then asked back: "Change audit #131 from
Outstanding to Good because “…”?" *Yes, change it* (or `yes`) stores the grade with the reason and tells the worker;
*No, leave it* (or `no`) changes nothing and tells nobody. Session 38: a change typed whole (`/audit edit 131 grade
good <why>`, or `edit 131 grade good <why>` in the conversation) was stored as typed, so the two ways of changing a
grade behaved differently; it is now read, screened and asked back the same way. A change asked about anyway (the
check before an Inadequate's alert, a Good grade over an immediate concern) is not asked twice.

The change waits beside the person's conversation (`KEY`), as bot.audits.regrade_check's does.
Buttons: regrade.confirm_yes / regrade.confirm_no "<audit>:<token>" (bot.audits.regrade.change_token).
"""

from __future__ import annotations

from typing import Any

from bot.audits import regrade, regrade_action
from bot.audits.core import grade_label
from bot.audits.grade_alerts import with_inadequate_alerts
from bot.audits.regrade import GradeChange
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import audits as store

KEY = "regrade_confirm"  # beside the conversation: {"audit", "was", "grade", "reason"}
YES = "regrade.confirm_yes"
NO = "regrade.confirm_no"


def ask(services: Services, turn: Turn, change: GradeChange) -> Reply:
    """Hold the change (read and screened, not stored) and ask it back with its reason."""
    held: dict[str, Any] = {"audit": change.audit_id, "was": change.was, "grade": change.grade,
                            "reason": change.reason}
    if (draft := regrade_action.draft_waiting(services, turn)) is not None:
        held["draft"] = draft  # where the person's draft waits is said after the answer
    store.keep_aside(services.storage, turn.user_id, KEY, held, turn.now)
    value = buttons.encode_id_and_key(change.audit_id, regrade.change_token(held))
    reply = Reply(kind="question",
                  text=f"Change audit #{change.audit_id} from **{grade_label(change.was)}** to "
                       f"**{grade_label(change.grade)}** because “{change.reason}”? Nothing is changed until you say "
                       "yes, and then I'll tell the worker.",
                  choices=(Choice("Yes, change it", YES, value), Choice("No, leave it", NO, value)))
    return confirmations.ask(services, turn, reply)


def on_yes(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Yes, change it*: the grade stored with its reason and the worker told; nothing when the question is out of
    date or the audit's grade changed since."""
    before, held = regrade.confirmed_change(services, turn, value, KEY)
    change = GradeChange(before.audit.id, held["was"], str(held["grade"]), str(held["reason"]))
    return regrade_action.then_draft(held, with_inadequate_alerts(
        services, before, change.grade, regrade.store_change(services, turn, before.audit, change)))


def on_no(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, leave it*: nothing changed and nobody told."""
    audit_id, held = regrade.pending_change(services, turn, value, KEY, "<grade>")
    if held is None:
        return [Reply(kind="notice", text=f"That question is out of date: the grade of audit #{audit_id} was not "
                                          "changed.")]
    return regrade_action.then_draft(held, [Reply(kind="notice", text=(
        f"OK, the grade was not changed: audit #{audit_id} is still graded **{grade_label(held.get('was'))}**, and "
        "nobody was told."))])
