"""What a draft audit shows at each step of the flow: one screen per step, shared by `screens.render` (after a
step is stored) and the conversation table (`conversation.STATES`), so the two cannot disagree."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from bot.audits.core import Ctx, control_choices, grade_label, render_question, render_worker
from bot.audits.finish_screens import render_overall_grade, render_prompt, render_review, render_submit
from bot.audits.flagged_grade import flagged_before_grade
from bot.audits.numbering import progress, question_label
from bot.core.replies import Reply
from bot.core.services import Services
from knowledge.checklist_schema import Checklist, Question

StepScreen = Callable[[Services, Ctx], list[Reply]]


def render_question_step(services: Services, ctx: Ctx) -> list[Reply]:
    """The question the audit stands at."""
    return render_question(ctx, ctx.checklist.question(ctx.step.question_id or ""), services.local_now().date())


_ASKS_FOR_A_GRADE = re.compile(r"^\s*how\s+would\s+you\s+(?:grade|rate)\s+(?P<what>.+?)\s*\?*\s*$",
                               re.IGNORECASE | re.DOTALL)


def graded_what(checklist: Checklist, question: Question, grade: str) -> str:
    """What was graded, in words that read after "You graded": "how well the child is seen and heard" from "How would
    you grade how well the child is seen and heard?" (trial 13 read "You graded How would you grade how well…"), else
    the question's number ("You gave question 6 Good")."""
    asked = _ASKS_FOR_A_GRADE.match(question.text)
    if asked is None:
        return f"You gave question {question_label(checklist, question.id)} **{grade}**"
    return f"You graded {asked.group('what')} as **{grade}**"


def render_evidence(services: Services, ctx: Ctx, name_flags: bool = True) -> list[Reply]:
    """After a scale grade: why this grade? (`name_flags` False when shown again after a refusal: the flagged
    answers were named once already.)"""
    question = ctx.checklist.question(ctx.step.question_id or "")
    graded = ctx.answers.get(question.id)
    grade = grade_label(graded.value) if graded is not None else "this grade"
    on_file = (f"\nYour note now: “{graded.evidence}”. Type a new note to replace it, or `keep` to keep it."
               if graded is not None and graded.evidence else "")  # the same grade again after `change 9`
    flagged = flagged_before_grade(ctx.checklist, ctx.answers, question.id, graded.value) if graded and name_flags \
        else ""
    flagged = f"\n{flagged}" if flagged else ""  # trial 48: Good over a chronology out of date, not a word said
    return [Reply(text=f"**Why this grade?** {graded_what(ctx.checklist, question, grade)}. In a sentence or two, "
                       f"what did you see on the file that supports it?{flagged}{on_file}", kind="question",
                  prompt="Type your evidence note.", choices=tuple(control_choices(ctx)),
                  note=progress(ctx.checklist, question.id), numbers_pick=True)]


STEP_SCREENS: Mapping[str, StepScreen] = MappingProxyType({
    "worker": render_worker,
    "question": render_question_step,
    "evidence": render_evidence,
    "review": render_review,
    "overall_grade": render_overall_grade,
    "grade_reason": render_prompt,
    "strengths": render_prompt,
    "development": render_prompt,
    "actions": render_prompt,
    "action_owner": render_prompt,
    "action_due": render_prompt,
    "submit": render_submit,
})
