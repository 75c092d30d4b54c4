"""`skip`, typed or pressed, at each step of an audit: an optional question or note is passed over; any other step
says in one line what it needs and what to type instead.

Only a question says "only optional questions can be skipped": `skip` at the worker, a grade's evidence note, the
overall grade, the actions step or an action's owner or due date was told "This question needs an answer", where no
question was asked, and not what would do instead (no actions: `done`; the worker: their member ID). The review and
the submit step ask nothing, so `skip` typed there gets the step's own guidance
(bot.audits.conversation.NOTHING_TO_SKIP) and no Skip button is accepted there; `refusal` still answers every step
(REFUSALS), so none can raise a KeyError."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from bot.audits.core import Ctx, grade_label, is_duplicate, own_draft, split_value
from bot.audits.finish import action_owed
from bot.audits.flow import OPTIONAL_TYPED_STEPS, can_skip
from bot.audits.questions import move_after
from bot.audits.screens import advance_and_render
from bot.core.audit_rules import suggest_grade
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from knowledge.dates import examples as date_examples


def skip(services: Services, turn: Turn, ctx: Ctx, version: int) -> list[Reply]:
    """Pass over an optional question, or the strengths or areas for development (a note made already is kept);
    anywhere else, say what the step needs (`refusal`) and store nothing."""
    if is_duplicate(ctx, version, "skip"):
        return []
    if not can_skip(ctx.checklist, ctx.step):
        raise UserError(refusal(services, ctx))
    name = ctx.step.name
    fields = {name: None} if name in OPTIONAL_TYPED_STEPS and not getattr(ctx.audit, name) else {}
    move = move_after(ctx, ctx.answers, ctx.step, fields=fields, press="skip")
    return advance_and_render(services, turn, ctx, version, move)


def on_skip(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, _ = split_value(value)
    return skip(services, turn, own_draft(services, turn, audit_id), version)


def refusal(services: Services, ctx: Ctx) -> str:
    """What `skip` is told at a step that can't be skipped: what the step needs, and what to type instead."""
    return REFUSALS[ctx.step.name](services, ctx)


def _question(_services: Services, _ctx: Ctx) -> str:
    return ("This question needs an answer: only optional questions can be skipped. Use Pause if you need to check "
            "the file first.")


def _worker(_services: Services, _ctx: Ctx) -> str:
    return ("Every audit names the case's worker, so this step can't be skipped: pick them from the buttons, or type "
            "their name or Slack member ID (like U0ABC123).")


def _evidence(_services: Services, ctx: Ctx) -> str:
    question = ctx.checklist.question(ctx.step.question_id or "")
    graded = ctx.answers.get(question.id)
    grade = f"**{grade_label(graded.value)}**" if graded else "the grade"
    other = " (Not applicable needs no note)" if question.allow_na else ""
    return (f"A grade needs its evidence note, so it can't be skipped: say in a sentence what you saw on the file that "
            f"supports {grade}, or type `back` to change the grade{other}.")


def _overall_grade(_services: Services, ctx: Ctx) -> str:
    suggested = suggest_grade(ctx.checklist, ctx.answers)
    hint = f" (from your grades I suggest **{grade_label(suggested)}**)" if suggested else ""
    return (f"Every audit needs an overall grade, so it can't be skipped: press one or type it, like `good` or "
            f"`RI`{hint}.")


def _grade_reason(_services: Services, ctx: Ctx) -> str:
    return (f"A changed grade needs its reason, so it can't be skipped: say in a sentence why you chose "
            f"**{grade_label(ctx.audit.overall_grade)}**, or type `back` to choose the grade again.")


def _actions(services: Services, ctx: Ctx) -> str:
    if action_owed(services, ctx):
        return ("An audit graded Inadequate needs at least one action, so this step can't be skipped: type what needs "
                "to happen for the child, then I ask who owns it and when it is due.")
    none = "no more" if action_store.actions_of_audit(services.storage, ctx.audit.id) else "none"
    return (f"There is nothing to skip here: type an action (what needs to happen for the child), or `done` (or press "
            f"No more actions) if there are {none}.")


def _action_owner(_services: Services, _ctx: Ctx) -> str:
    return ("Every action needs an owner, so this step can't be skipped: pick one, or type `the worker`, `the "
            "manager`, `me`, or their name; `back` to retype the action.")


def _action_due(services: Services, _ctx: Ctx) -> str:
    return ("Every action needs a due date, so this step can't be skipped: type one, like "
            f"{date_examples(services.local_now().date(), 'future')}.")


def _starting(_services: Services, _ctx: Ctx) -> str:
    return "There is nothing to skip yet: pick the checklist, then type the case reference."


def _review(_services: Services, ctx: Ctx) -> str:
    resubmit = ", or `submit` to resubmit it as it is" if ctx.audit.submitted_at is not None else ""
    return ("There is no question to skip at the review: type `change` and a question's number to change its answer, "
            f"like `change 3`, or `next` to go on to the overall grade{resubmit}.")


def _submit(_services: Services, ctx: Ctx) -> str:
    return (f"There is nothing to skip here: audit #{ctx.audit.id} is ready to submit. Type `submit` (or press Submit) "
            "to send it for moderation, or `back` to change the actions.")


# Every step of an audit that is not skippable (flow.can_skip) says what it needs instead; a step missing here was a
# KeyError (tests.unit.test_skip_refusals).
REFUSALS: Mapping[str, Callable[[Services, Ctx], str]] = MappingProxyType({
    "choose_checklist": _starting, "case_reference": _starting, "question": _question, "worker": _worker,
    "evidence": _evidence, "review": _review, "overall_grade": _overall_grade, "grade_reason": _grade_reason,
    "actions": _actions, "action_owner": _action_owner, "action_due": _action_due, "submit": _submit,
})
