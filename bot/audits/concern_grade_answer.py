"""The auditor's answer to "Grade it Good all the same?" (bot.audits.concern_grade): the buttons, or `yes` / `no`
typed at the overall grade while the question waits. Yes stores the grade held (and its reason) as if chosen again;
no shows the overall grade again, and nothing is stored."""

from __future__ import annotations

from bot.audits import concern_grade, typed_grade
from bot.audits.core import Ctx, grade_label, is_duplicate, own_draft, split_value
from bot.audits.screens import render
from bot.audits.yes_no_words import yes_or_no
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction

PRESS_YES = "concern_yes"


def on_yes(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Yes, grade it Good*: only while that grade is still the one asked about."""
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, PRESS_YES):
        return []
    return _yes(services, turn, ctx)


def on_no(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, choose again*: the overall grade again, nothing stored."""
    audit_id, _version, _ = split_value(value)
    return _no(services, own_draft(services, turn, audit_id))


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At the overall grade: `yes` or `no` while the question waits is its answer; anything else is read as the
    grade is (bot.audits.typed_grade), so typing the same grade again is the yes and another grade is that grade."""
    said = _said(ctx, text)
    if said == "yes":
        return _yes(services, turn, ctx)
    if said == "no":
        return _no(services, ctx)
    return typed_grade.typed_grade(services, turn, ctx, text)


def _said(ctx: Ctx, text: str) -> str | None:
    """`yes` or `no` (or a button's label typed) while the question waits, else None."""
    held = concern_grade.held(ctx)
    if held is None:
        return None
    typed = " ".join(text.lower().replace(",", " ").split()).strip(".!")
    labels = {f"yes grade it {grade_label(str(held['grade'])).lower()}": "yes", "no choose again": "no"}
    return labels.get(typed) or yes_or_no(text)


def _yes(services: Services, turn: Turn, ctx: Ctx) -> list[Reply]:
    held = concern_grade.held(ctx)
    if held is None or ctx.step.name != "overall_grade":
        raise StaleAction("That question is out of date, so nothing was stored. Use the buttons on the latest message "
                          "(or type `/audit resume`).")
    reason = held.get("reason")
    return typed_grade.grade_then_reason(services, turn, ctx, ctx.version, str(held["grade"]),
                                         str(reason) if reason else None, press=PRESS_YES)


def _no(services: Services, ctx: Ctx) -> list[Reply]:
    return [Reply(kind="notice", text="OK, nothing was stored: choose the overall grade again."),
            *render(services, ctx)]
