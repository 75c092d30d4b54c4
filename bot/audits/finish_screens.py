"""What the finish step of an audit shows: review, overall grade, strengths, development and actions."""

from __future__ import annotations

from bot.audits import action_owners, earlier_actions, regrade
from bot.audits.core import (
    Ctx,
    answers_summary,
    control_choices,
    grade_choices,
    grade_label,
    marks_legend,
    summary_reply,
)
from bot.audits.flagged_grade import FLATTERING
from bot.audits.flow import OPTIONAL_TYPED_STEPS, flags
from bot.audits.numbering import question_label, tied_tag
from bot.core.audit_rules import concerns, missing_answers, suggest_grade
from bot.core.replies import Choice, Reply, count_of, person_choice
from bot.core.services import Services
from bot.storage import actions as action_store
from knowledge.dates import examples as date_examples
from knowledge.dates import short_date


def render_review(services: Services, ctx: Ctx) -> list[Reply]:
    """Every answer, numbered, before the overall grade (or, for a reopened audit, before resubmitting)."""
    value = ctx.value()
    missing = missing_answers(ctx.checklist, ctx.answers)
    note = (f"{count_of(len(missing), 'required answer')} still missing: go Back to them before you carry on."
            if missing else "All required questions are answered.")
    note += " To change an answer, type `change` and its number, for example `change 2`."
    if legend := marks_legend(ctx):
        note += f" {legend}"
    resubmit = ctx.audit.submitted_at is not None and not missing and ctx.audit.overall_grade
    submit = (Choice("Submit the changes", "audit.submit", value, "primary"),) if resubmit else ()
    return [Reply(title=f"Review: audit #{ctx.audit.id}", text=answers_summary(ctx), note=note,
                  choices=(*submit, Choice("Continue to the overall grade", "audit.next", value,
                                           None if resubmit else "primary"), *control_choices(ctx)))]


def render_overall_grade(services: Services, ctx: Ctx) -> list[Reply]:
    """The overall grade, with the one the section grades suggest."""
    suggested = suggest_grade(ctx.checklist, ctx.answers)
    why = (f"From the grades you gave, I suggest **{grade_label(suggested)}**{_flagged_beside(ctx, suggested)}. "
           "Confirm it, or choose another grade (you'll be asked why)." if suggested
           else "Choose the overall grade for this case.")
    if raised := concerns(ctx.checklist, ctx.answers):
        answered = raised[0].answer_label(ctx.answers[raised[0].id].value)
        why = (f"You answered **{answered}** to question {question_label(ctx.checklist, raised[0].id)}, an immediate "
               "concern for the child that still stands, so I suggest **Inadequate**: Ofsted judges practice that "
               "leaves a child at risk of harm inadequate. Confirm it, or choose another grade (you'll be asked why).")
    noted = ctx.audit.overall_grade
    if noted and (reason := ctx.audit.reason_for(noted)):  # back at the grade: both kept by `keep` (trial 41)
        why += (f"\n_Noted already: {grade_label(noted)}, with your reason “{reason}”._\nType `keep` to keep both, "
                "or choose a grade.")
    elif noted and (was_for := ctx.audit.reason_grade):  # the reason was written for a grade changed since (trial 43)
        why += (f"\n_Noted already: {grade_label(noted)}. Your reason “{ctx.audit.grade_reason}” was for "
                f"{grade_label(was_for)}._ Type `keep` to keep {grade_label(noted)}, or choose a grade.")
    elif noted:
        why += f"\n_Noted already: {grade_label(noted)}._ Type `keep` to keep it."
    return [Reply(text=f"**Overall grade**\n{why}", choices=(*grade_choices(ctx, suggested),
                                                             *control_choices(ctx)), kind="question")]


def _flagged_beside(ctx: Ctx, suggested: str) -> str:
    """Trial 59 (F11): a Good suggested from the one scale question of a checklist whose yes/no answers were flagged
    read as if nothing was. The flagged answers are named beside a Good or Outstanding suggestion, in the words the
    scale question's note uses (bot.audits.flagged_grade); it never blocks, and the strengths come next."""
    flagged = [f"Q{question_label(ctx.checklist, question.id)}" for question, _ in flags(ctx.checklist, ctx.answers)]
    if suggested not in FLATTERING or not flagged:
        return ""
    grade = grade_label(suggested)
    return (f" ({count_of(len(flagged), 'answer')} {'is' if len(flagged) == 1 else 'are'} flagged: "
            f"{', '.join(flagged)} — if you keep {grade}, say in the strengths, next, how the practice is still "
            f"{grade})")


def _reason_text(services: Services, ctx: Ctx) -> str:
    """Why a reason is asked: the grade differs from the one the worker was sent, or from the suggested one."""
    grade = grade_label(ctx.audit.overall_grade)
    was = regrade.regrades(services, ctx.audit, ctx.audit.overall_grade or "")
    if was is None and ctx.audit.state.get("return_to") in ("actions", "submit"):  # after `change 9` there
        return (f"**Why a different grade?** With the answer you changed, the grades suggest "
                f"**{grade_label(suggest_grade(ctx.checklist, ctx.answers))}**, not your overall grade, **{grade}**. "
                "Say briefly why, or type `back` to choose the grade again.")
    if was is None:
        return f"**Why a different grade?** You changed the suggested grade to **{grade}**. Say briefly why."
    worker = ctx.audit.worker_id
    told = (f" When you resubmit, I'll tell {services.directory.label(worker)} of the change and your reason."
            if worker and worker != ctx.audit.auditor_id else "")
    return (f"**Why change the grade?** Audit #{ctx.audit.id} was submitted as **{grade_label(was)}**; you changed "
            f"it to **{grade}**. Say briefly why.{told}")


def _prompts(services: Services, ctx: Ctx) -> dict[str, tuple[str, str | None, bool]]:
    """For each typed finishing step: (text, what to type, whether it may be skipped)."""
    return {
        "grade_reason": (_reason_text(services, ctx), "Type your reason.", False),
        "strengths": ("**Strengths**: what is working well for the child on this case?",
                      "Type the strengths, or `skip`.", True),
        "development": ("**Areas for development**: what would make the biggest difference?",
                        "Type the areas for development, or `skip`.", True),
        "actions": (_actions_text(services, ctx), "Type an action (what needs to happen), or press No more actions.",
                    False),
        "action_owner": ("**Who owns this action?** Pick a person, or type `the worker`, `the manager`, `me`, or their "
                         "name or Slack member ID.",
                         None, False),
        "action_due": ("**When is it due?**",
                       f"Type the due date, like {date_examples(services.local_now().date(), 'future')}.", False),
    }


# The typed finishing steps whose answer is words, never a number on its own: where options are numbered (the
# terminal chat) a bare number picks one (`Reply.numbers_pick`); a due date or an owner keeps `#N` for its options.
WORDS_WANTED = frozenset({"grade_reason", "strengths", "development", "actions"})


def render_prompt(services: Services, ctx: Ctx) -> list[Reply]:
    """A typed finishing step: grade reason, strengths, development, an action, its owner or its due date."""
    name = ctx.step.name
    value = ctx.value()
    text, prompt, skippable = _prompts(services, ctx)[name]
    noted = getattr(ctx.audit, name) if name in OPTIONAL_TYPED_STEPS else None
    if noted:
        text += f"\n_Noted already: {noted}_\nType new text to replace it, or `skip` to keep it."
    elif name == "grade_reason" and (reason := ctx.audit.reason_for(ctx.audit.overall_grade)):  # chosen again (41)
        text += f"\n_Noted already: {reason}_\nType a new reason to replace it, or `keep` to keep it."
    elif name == "grade_reason" and (was_for := ctx.audit.reason_grade):  # written for another grade (trial 43)
        grade = grade_label(ctx.audit.overall_grade)
        text += (f"\n_Your earlier reason, “{ctx.audit.grade_reason}”, was for {grade_label(was_for)}, not {grade}._"
                 f"\nType a reason for {grade}, or `reuse` to give the same words for it.")
    extra: list[Choice] = []
    if name == "actions":
        extra += [Choice("No more actions", "audit.actions_done", value, "primary"), *_removal_choices(services, ctx)]
    if name == "action_owner":
        extra += [person_choice(action_owners.label(services, ctx.audit, uid), uid, "audit.owner", ctx.value(uid))
                  for uid in action_owners.candidates(services, ctx.audit)]
    asked = ctx.audit.state.get(OWNER_ASKED) if name == "action_owner" else None
    if asked:  # the question still waiting is the one shown again
        return [which_manager(services, ctx, list(asked), again=True)]
    return [Reply(text=text, prompt=prompt or None, kind="question", numbers_pick=name in WORDS_WANTED,
                  choices=(*extra, *control_choices(ctx, skip=skippable)))]


# The case team's managers when `the manager` typed as an action's owner fits several: kept in the audit's state
# while the question waits, so resuming shows it again (a trial's resumed draft showed the owner step without it).
OWNER_ASKED = "owner_asked"


def which_manager(services: Services, ctx: Ctx, managers: list[str], again: bool = False) -> Reply:
    """Which of the case team's managers owns the action: a button each. Shown `again` (resumed), it says the action
    it is for and that another owner may be typed, with the step's Back, Pause and Cancel."""
    draft = ctx.audit.state.get("action_draft") or {}
    text = action_owners.which_manager_text(services, ctx.audit)
    if again:
        text = (f"Action: {draft.get('description', '')}\n{text} Or type another owner: `the worker`, `me`, or a "
                "name as I write it.")
    return Reply(kind="question", text=text,
                 choices=(*(person_choice(action_owners.label(services, ctx.audit, uid), uid, "audit.owner",
                                          ctx.value(uid)) for uid in managers),
                          *(control_choices(ctx) if again else ())))


def render_submit(services: Services, ctx: Ctx) -> list[Reply]:
    """The whole audit, once more, with Submit."""
    return [summary_reply(services, ctx, "**Ready to submit?** Here is the whole audit. Once submitted it goes "
                                         "for moderation, and the worker and their manager get a summary.",
                          choices=(Choice("Submit audit", "audit.submit", ctx.value(), "primary"),
                                   *control_choices(ctx)))]


def _actions_text(services: Services, ctx: Ctx) -> str:
    """The actions so far, numbered as everywhere else (`/audit show`, `/audit actions`), so one added by mistake
    can be named (`remove action 41`), or one changed (`action 41 due 11/12`)."""
    actions = action_store.actions_of_audit(services.storage, ctx.audit.id)
    listed = "".join(f"\n• Action {a.id}: {a.description}{tied_tag(ctx.checklist, a.question_id)} — "
                     f"{services.directory.label(a.owner_id)}, "
                     f"by {short_date(a.due_date)}"
                     for a in actions)
    last = actions[-1].id if actions else 0
    remove = (" To remove one added by mistake, press its Remove button or type `remove action` and its number; to "
              f"change one's due date or owner, type `action {last} due` and the date or `action {last} owner` and "
              "the name.") if actions else ""
    earlier = earlier_actions.text(services, ctx, services.local_now().date())
    return (f"**Actions** ({len(actions)} so far){listed}\nWhat needs to happen next for the child? "
            f"Type one action at a time.{remove}{earlier}{_linked_hint(ctx)}")


def _linked_hint(ctx: Ctx) -> str:
    """How to tie an action to a flagged question, so the case's next audit asks whether it is done once that question
    is answered well (trial 50, 21): shown only when a question is flagged, with the first one's number."""
    flagged = flags(ctx.checklist, ctx.answers)
    if not flagged:
        return ""
    label = question_label(ctx.checklist, flagged[0][0].id)
    return (f"\nTo tie an action to a flagged question, start it with the question's number (like `Q{label}: …`): "
            "the case's next audit asks whether it is done once that question is answered well.")


REMOVE_BUTTONS = 10  # Slack shows 25 buttons at most in a message; more actions than this are removed by typing


def _removal_choices(services: Services, ctx: Ctx) -> list[Choice]:
    """A Remove button for each of the draft's open actions (the newest, if there are many)."""
    actions = [a for a in action_store.actions_of_audit(services.storage, ctx.audit.id) if not a.done_at]
    return [Choice(f"Remove action {a.id}", "audit.remove_action", ctx.value(str(a.id)))
            for a in actions[-REMOVE_BUTTONS:]]

