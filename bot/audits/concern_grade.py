"""A Good or Outstanding overall grade while an immediate-concern answer stands: asked about once, never blocked.

An answer that raises an immediate concern (`escalate_if`: the child may be unsafe now) and an overall grade of Good
or Outstanding say two things that do not sit together: practice that leaves a child at immediate risk is not Good in
Ofsted's terms (bot.core.audit_rules.submission_breaks holds invented audits to that). The auditor may know better,
so the bot asks once, says why, and takes their word: *Yes, grade it Good* stores the grade (with the reason typed with
it, kept meanwhile in the audit's state) and records on the audit that it was confirmed; *No, choose again* shows the
overall grade again. Choosing the same grade a second time is the yes.
"""

from __future__ import annotations

from typing import Any

from bot.audits import lifecycle
from bot.audits.core import CONCERN_CONFIRMED, Ctx, grade_label, load, waiting_at
from bot.core.audit_rules import concerns
from bot.core.markup import emoji
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

ASKED = "concern_grade_asked"  # audit state: {"grade", "reason"} while the question waits
CONFIRMED = CONCERN_CONFIRMED  # audit state: {"grade", "question"} once the auditor said yes
YES, NO = "audit.concern_grade_yes", "audit.concern_grade_no"
GOOD_GRADES = ("good", "outstanding")


def to_ask(ctx: Ctx, grade: str) -> str | None:
    """The id of the concern question to ask about before `grade` is stored, or None: not Good or Outstanding, no
    concern standing, or asked already about this grade (so this is the auditor's yes) or confirmed before."""
    if grade not in GOOD_GRADES:
        return None
    raised = concerns(ctx.checklist, ctx.answers)
    confirmed = ctx.audit.state.get(CONFIRMED) or {}
    if not raised or grade in ((held(ctx) or {}).get("grade"), confirmed.get("grade")):
        return None
    return raised[0].id


def held(ctx: Ctx) -> dict[str, Any] | None:
    """The grade (and reason) waiting for Yes / No on this audit, if the question was asked."""
    asked = ctx.audit.state.get(ASKED)
    return dict(asked) if isinstance(asked, dict) else None


def ask(services: Services, turn: Turn, ctx: Ctx, version: int, grade: str, reason: str | None,
        question_id: str) -> list[Reply]:
    """Hold the grade (and its reason) in the audit's state, still at the overall grade, and ask."""
    lifecycle.advance(services.storage, ctx.audit.id, version, turn.user_id,
                      store.Move(step=ctx.audit.step, state={ASKED: {"grade": grade, "reason": reason}},
                                 press=f"grade:{grade}", waiting=waiting_at(ctx.audit.id, ctx.audit.step)), turn.now)
    after = load(services, ctx.audit.id)
    label = grade_label(grade)
    return [Reply(kind="question", text=f"{why(ctx, question_id, grade)} Grade audit #{ctx.audit.id} **{label}** all "
                                        "the same?",
                  note=NOTE, choices=(Choice(f"Yes, grade it {label}", YES, after.value(grade)),
                                      Choice("No, choose again", NO, after.value())))]


NOTE = "Or type `yes` or `no`. Your answer is kept with the audit for the moderator."


def why(ctx: Ctx, question_id: str, grade: str, who: str = "You") -> str:
    """Why `grade` is asked about: the concern answer that still stands, quoted, and Ofsted's view of such practice.
    Said the same at the overall grade, when a submitted audit's grade is changed (bot.audits.regrade_concern) and
    at a moderator's grade (bot.audits.moderation_concern, `who` "The auditor")."""
    question = ctx.checklist.question(question_id)
    answered = question.answer_label(ctx.answers[question_id].value)
    return (f"{emoji('alarm')} {who} answered **{answered}** to “{question.text}”, an immediate concern for the child, "
            f"and it still stands. Practice that leaves a child at immediate risk is not {grade_label(grade)} in "
            "Ofsted's terms.")


def recorded(ctx: Ctx, grade: str) -> dict[str, Any]:
    """What the audit's state keeps as `grade` is stored: that it was confirmed over the concern, or nothing."""
    said_yes = ((held(ctx) or {}).get("grade"), (ctx.audit.state.get(CONFIRMED) or {}).get("grade"))
    raised = concerns(ctx.checklist, ctx.answers) if grade in GOOD_GRADES else []
    confirmed = {"grade": grade, "question": raised[0].id} if raised and grade in said_yes else None
    return {ASKED: None, CONFIRMED: confirmed}
