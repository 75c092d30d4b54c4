"""An audit's step shown again, led by where it is: "Back to audit #140, question 12:" (or, for a moderator's
decision, "Back to your moderation of audit #140:", and for the action a new Inadequate grade needs, "Back to your
grade change of audit #140:").

A user trial asked the knowledge base something at a yes/no question and then typed `1` meaning Yes: the answer's
buttons (Helpful, Not helpful) were the latest options on screen, so `1` recorded "Helpful" and the question had
scrolled away. Whatever is answered aside mid-audit (a question, `help`, the guidance of "What good looks like") now
ends with the step again and its own options: in the terminal they are the latest menu, numbered first, so a number
picks from them; in Slack the buttons of the earlier message still work, and this message says where the audit is.
"""

from __future__ import annotations

from dataclasses import replace

from bot.audits.core import Ctx
from bot.audits.numbering import question_label
from bot.audits.step_screens import STEP_SCREENS, render_evidence
from bot.core.replies import Reply
from bot.core.services import Services


def back_to(ctx: Ctx, screen: list[Reply]) -> list[Reply]:
    """`screen` (what the audit waits for) with its first message led by "Back to audit #N, question L:"."""
    step = ctx.step
    on_question = step.name in ("question", "evidence") and step.question_id
    where = f", question {question_label(ctx.checklist, step.question_id or '')}" if on_question else ""
    return _led(f"Back to audit #{ctx.audit.id}{where}:", screen)


def back_to_moderation(audit_id: int, screen: list[Reply]) -> list[Reply]:
    """`screen` (what a moderator's decision waits for) led by "Back to your moderation of audit #N:"."""
    return _led(f"Back to your moderation of audit #{audit_id}:", screen)


def back_to_grade_change(audit_id: int, screen: list[Reply]) -> list[Reply]:
    """`screen` (a question of the action a new Inadequate grade needs) led by "Back to your grade change of audit
    #N:"."""
    return _led(f"Back to your grade change of audit #{audit_id}:", screen)


def back_to_start(screen: list[Reply]) -> list[Reply]:
    """`screen` (the checklists, or the case reference, of an audit being started) led by "Back to starting an
    audit:"."""
    return _led("Back to starting an audit:", screen)


def _led(lead: str, screen: list[Reply]) -> list[Reply]:
    first = next((i for i, reply in enumerate(screen) if reply.is_for_requester), None)
    if first is None:
        return [Reply(kind="notice", text=lead), *screen]
    return [*screen[:first], replace(screen[first], text=f"{lead}\n{screen[first].text}"), *screen[first + 1:]]


def step_again(services: Services, ctx: Ctx) -> list[Reply]:
    """The step the audit stands at, shown again after something read aside (its guidance)."""
    return back_to(ctx, STEP_SCREENS[ctx.step.name](services, ctx))


def still_at(services: Services, ctx: Ctx) -> list[Reply]:
    """The question the audit stands at, shown again after a refusal there, led by "Still at Q2:": trial 59 (F2) read
    a refusal with no question under it as the audit having moved on, and typed the next question's answer, which
    was stored on the question refused."""
    label = question_label(ctx.checklist, ctx.step.question_id or "")
    screen = render_evidence(services, ctx, name_flags=False) if ctx.step.name == "evidence" else \
        STEP_SCREENS[ctx.step.name](services, ctx)
    return _led(f"Still at Q{label}:", screen)
