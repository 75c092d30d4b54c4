"""*Send the alert* (or `send` typed) at the confirm before an urgent alert: the held answer or grade is stored and
the alert goes at once, as it did before the confirm was asked (bot.audits.alert_confirm)."""

from __future__ import annotations

from bot.audits import alert_confirm
from bot.audits.core import Ctx, is_duplicate, own_draft, split_value
from bot.audits.questions import record_answer
from bot.audits.typed_grade import grade_then_reason
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction

PRESS = "alert_send"


def on_send(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The button: only while its audit still stands where the confirm was asked."""
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, PRESS):
        return []  # a second press: the first stored the answer and sent the alert
    return send(services, turn, ctx)


def send(services: Services, turn: Turn, ctx: Ctx) -> list[Reply]:
    """Store what was held and alert now."""
    held = alert_confirm.pending(services, turn, ctx)
    if held is None:
        raise StaleAction("That alert question is out of date, so nothing was sent. Use the buttons on the latest "
                          "message (or type `/audit resume`).")
    if held.get("kind") == "grade":
        reason = held.get("reason")
        return grade_then_reason(services, turn, ctx, ctx.version, str(held["grade"]),
                                 str(reason) if reason else None, press=PRESS)
    note = held.get("note")
    return record_answer(services, turn, ctx, ctx.version, ctx.checklist.question(str(held["question"])),
                         str(held["value"]), press=PRESS, note=str(note) if note else None)
