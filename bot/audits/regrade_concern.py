"""`/audit edit 12 grade good <why>` while an immediate-concern answer stands: asked once, as at the overall grade.

The overall-grade step asks before storing Good or Outstanding over an answer that raises an immediate concern
(bot.audits.concern_grade: the same rule, `concern_grade.to_ask`, and the same words); a trial found the grade of a
submitted audit changed to Good that way with no question at all. The change is read and screened first (its reason
is needed either way), then held beside the person's conversation (`KEY`) while the question waits: *Yes, change it
to Good* (or `yes`, or the same `/audit edit` typed again, as choosing the same grade again is the yes at the step)
stores the grade with its reason and records on the audit that it was confirmed over the concern, which `/audit
show` says for the moderator and the worker; *No, keep the grade* (or `no`) changes nothing and tells nobody.
Buttons: regrade.concern_yes / regrade.concern_no "<audit>:<token>" (bot.audits.regrade.change_token).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.audits import concern_grade, regrade
from bot.audits.core import Ctx, grade_label
from bot.audits.grade_alerts import with_inadequate_alerts
from bot.audits.regrade import GradeChange
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import audits as store

KEY = "regrade_concern"  # beside the conversation: {"audit", "was", "grade", "reason", "question"}
YES = "regrade.concern_yes"
NO = "regrade.concern_no"


def check(services: Services, turn: Turn, before: Ctx, change: GradeChange) -> tuple[GradeChange, Reply | None]:
    """The change to store and nothing to ask, or the question to ask first: a Good or Outstanding grade while an
    immediate concern stands, not asked about yet. The same change typed again while asked is the yes."""
    question = concern_grade.to_ask(before, change.grade)
    if question is None:
        return change, None
    held = store.conversation(services.storage, turn.user_id).get(KEY)
    if isinstance(held, dict) and (held.get("audit"), held.get("was"), held.get("grade")) == (
            change.audit_id, change.was, change.grade):
        store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
        return replace(change, concern=question), None
    return change, _ask(services, turn, before, change, question)


def _ask(services: Services, turn: Turn, before: Ctx, change: GradeChange, question: str) -> Reply:
    held: dict[str, Any] = {"audit": change.audit_id, "was": change.was, "grade": change.grade,
                            "reason": change.reason, "question": question}
    store.keep_aside(services.storage, turn.user_id, KEY, held, turn.now)
    value = buttons.encode_id_and_key(change.audit_id, regrade.change_token(held))
    label = grade_label(change.grade)
    reply = Reply(kind="question", note=concern_grade.NOTE,
                  text=f"{concern_grade.why(before, question, change.grade)} Change the grade of audit "
                       f"#{change.audit_id} from **{grade_label(change.was)}** to **{label}** all the same? Nothing "
                       "is changed yet.",
                  choices=(Choice(f"Yes, change it to {label}", YES, value), Choice("No, keep the grade", NO, value)))
    return confirmations.ask(services, turn, reply)


def on_yes(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Yes, change it to Good*: the grade stored with its reason and the confirmation recorded, the worker told;
    nothing when the question is out of date or the audit's grade changed since."""
    before, held = regrade.confirmed_change(services, turn, value, KEY, "good")
    change = GradeChange(before.audit.id, held["was"], str(held["grade"]), str(held["reason"]),
                         concern=str(held["question"]))
    return with_inadequate_alerts(services, before, change.grade,
                                  regrade.store_change(services, turn, before.audit, change))


def on_no(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, keep the grade*: nothing changed and nobody told."""
    audit_id, held = regrade.pending_change(services, turn, value, KEY, "good")
    if held is None:
        return [Reply(kind="notice", text=f"That question is out of date: the grade of audit #{audit_id} was not "
                                          "changed.")]
    return [Reply(kind="notice", text=f"OK, the grade was not changed: audit #{audit_id} is still graded "
                                      f"**{grade_label(held.get('was'))}**, and nobody was told.")]
