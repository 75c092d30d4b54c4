"""Submit the changes on a reopened audit whose changed answers now suggest another overall grade (trial 43).

A manager reopened an audit (`/audit edit 149`), changed a section grade so that the grades suggested Inadequate, and
pressed Submit the changes at the review: the audit went back to the worker under its old grade, Requires
improvement, with no reason asked and no Inadequate alert, while Continue to the overall grade would have suggested
Inadequate and asked why. So Submit the changes now stops at the overall grade whenever the grades suggest a grade
other than the recorded one and that difference is new (the answers changed the suggestion) or was never explained:
the same step, the same words, the same reason asked for keeping the old grade, and the same Inadequate
confirmation and alert as the Continue path.
"""

from __future__ import annotations

from bot.audits.core import Ctx, grade_label
from bot.audits.flow import Step
from bot.audits.screens import advance_and_render
from bot.core.audit_rules import suggest_grade
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store


def unsettled(ctx: Ctx) -> str | None:
    """The grade the answers now suggest, when resubmitting from the review would leave the overall grade beside a
    different suggestion that is new since it was graded or was never explained; None when the grade may stand."""
    suggested = suggest_grade(ctx.checklist, ctx.answers)
    grade = ctx.audit.overall_grade
    if ctx.step.name != "review" or suggested is None or not grade or suggested == grade:
        return None
    if suggested == ctx.audit.suggested_grade and ctx.audit.grade_reason:
        return None  # the difference was there when it was graded, and its reason is recorded
    return suggested


def to_the_grade(services: Services, turn: Turn, ctx: Ctx, version: int, suggested: str) -> list[Reply]:
    """To the overall grade step, saying why the changes were not submitted yet."""
    grade = grade_label(ctx.audit.overall_grade)
    notice = Reply(kind="notice", text=(
        f"Not resubmitted yet: with the answers you changed, the grades now suggest **{grade_label(suggested)}**, "
        f"not the overall grade, **{grade}**. Confirm {grade_label(suggested)}, or keep {grade} and say why."))
    return advance_and_render(services, turn, ctx, version, store.Move(
        step=Step("overall_grade").key, fields={"suggested_grade": suggested}, press="submit"), before=[notice])
