"""Finishing an audit: review, overall grade, strengths, development, actions, submission and what follows."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import cast

from bot.audits import (
    action_edit,
    action_handover,
    action_owners,
    action_question,
    action_removal,
    action_typed,
    alert_confirm,
    away_owner,
    concern_grade,
    development_none,
    due_step,
    held_news,
    held_tells,
    lifecycle,
    more_time_answer,
    note_edit,
    other_case,
    other_heading,
    owner_step,
    reflection_undo,
    regrade,
    regrade_check,
    resubmit_grade,
    small_talk,
    strengths_shortfall,
    what_changed,
    wrong_box,
)
from bot.audits.action_fields import (
    action_description,
    action_due,
    due_moved_said,
    due_said,
    due_taken_said,
    weekend_moved,
)
from bot.audits.core import (
    Ctx,
    answer_error,
    grade_label,
    is_duplicate,
    load,
    not_in_channel,
    own_draft,
    split_value,
    summary_reply,
    waiting,
    waiting_at,
)
from bot.audits.count_bound import refuse_over_bound
from bot.audits.finish_screens import OWNER_ASKED, which_manager
from bot.audits.flow import (
    OPTIONAL_TYPED_STEPS,
    AnswerError,
    Step,
    next_step,
    parse_grade,
    parse_reason,
    parse_reflection,
    parse_text,
)
from bot.audits.grade_alerts import alert_targets, with_inadequate_alerts
from bot.audits.note_labels import without_label
from bot.audits.numbering import tied_said
from bot.audits.screens import advance_and_render, render
from bot.core import buttons
from bot.core.audit_rules import missing_answers, suggest_grade
from bot.core.markup import bold
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from knowledge.dates import numeric

SKIP_WORDS = {"skip", "none", "no", "n/a", "nothing", "-"}


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply]:
    """Typed replies at the finishing steps; every free text is screened before it is stored."""
    name = ctx.step.name
    names = services.identifier_screen
    cleaned = text.strip()
    if (again := development_none.ask_again(services, turn, ctx, cleaned)) is not None:
        return again  # `none` at the areas for development of an RI audit, or one with flagged answers
    try:
        if name in OPTIONAL_TYPED_STEPS and cleaned.lower() in SKIP_WORDS:
            value = getattr(ctx.audit, name) or None  # skip keeps a note already made
        elif name == "grade_reason":  # the moderator reads it beside the suggested grade: one character says nothing
            value = screen_text(parse_reason(cleaned), names, "that note")
        elif name in OPTIONAL_TYPED_STEPS:
            if (moved := wrong_box.typed(services, turn, ctx, cleaned)) is not None:
                return moved  # `oops that was meant to go in development not strengths` (trial 32)
            small_talk.refuse_as_note(services, name, cleaned)
            if (filed := other_heading.filed_under_its_label(services, turn, ctx, cleaned)) is not None:
                return filed  # `strengths: …` typed at the areas for development, or the other way round
            value = _screened_note(services, ctx, other_heading.finishing_note(name, cleaned))
            if (instead := strengths_shortfall.typed_instead(services, turn, ctx, value, partial(
                    typed, services, turn))) is not None:
                return instead  # `use the GCP2 tool …` while a strengths note waits: the development's (trial 60)
            if (asked := strengths_shortfall.ask(services, turn, ctx, value)) is not None:
                return asked  # `mostly good but … no stability meeting` (trial 57 F17): keep it, or move it
        elif name == "actions":
            value = action_description(services, cleaned)
        elif name == "action_owner":
            owner_step.command_typed(ctx, cleaned)  # `thats all`: the action being added needs its owner first
            return owner_step.said_back(services, turn, ctx, cleaned,
                                        choose_owner(services, turn, ctx, ctx.version, cleaned))
        elif name == "action_due":
            if (ran := due_step.command_typed(services, turn, ctx, cleaned)) is not None:
                return ran  # `action 1 due 23/12` for an action added already; `done` is told the date is wanted
            when, said = due_step.for_this_action(services, ctx, cleaned)
            added = _add_action(services, turn, ctx, action_due(services, turn, when), when)
            return [*said, *added] if added else added
        else:
            raise UserError("Please use the buttons on the latest message for this step.")
    except AnswerError as error:
        raise answer_error(error) from None
    if name == "actions":
        return _action_typed(services, turn, ctx, cast(str, value))  # not an optional step: never None
    following, used_up = next_step(ctx.checklist, ctx.answers, ctx.step), None
    if name == "grade_reason" and (back_to := ctx.audit.state.get("return_to")) in ("actions", "submit"):
        # asked after `change 9` there moved the suggested grade: back where it was typed, which uses the change up
        following, used_up = Step(back_to), {"return_to": None}
    # trial 18: with no word that the note was kept, the next step's prompt read as the step still asked
    noted = [Reply(kind="notice", text=strengths_shortfall.said_kept(
        name, value, strengths_shortfall.replaced(services, turn, ctx, value)))] \
        if name in OPTIONAL_TYPED_STEPS and value and value != getattr(ctx.audit, name) else []
    return advance_and_render(services, turn, ctx, ctx.version,
                              store.Move(step=following.key, fields={name: value}, state=used_up), before=noted)


def _screened_note(services: Services, ctx: Ctx, note: str) -> str:
    """The strengths or the areas for development, screened; a refusal says the step still waits for them (trial 18:
    after "Nothing was saved" the next line typed, meant as an action, was kept as the areas for development). Another
    case's reference is refused too (trial 59, F1)."""
    try:
        other_case.refuse(services, ctx, note)
        return screen_text(note, services.identifier_screen, "that note")
    except UserError as refused:
        asked = other_heading.NOTES_ASKED[ctx.step.name]
        raise UserError(f"{refused} I'm still waiting for {asked}: type them again, or `skip`.") from None


def following_owner() -> str:
    return Step("action_owner").key


def _action_typed(services: Services, turn: Turn, ctx: Ctx, value: str) -> list[Reply]:
    """The action's text, then its owner is asked. A due date at its end ("… by next fri") is taken out of the text
    and becomes its due date, said back now, so the owner is the last thing asked (bot.audits.action_fields
    .due_in_text)."""
    question, value = action_question.split(ctx.checklist, value)  # `Q3: update the chronology` (trial 50)
    typed = action_typed.read(services, turn, ctx.audit, value)  # `me - …` (trial 24), `… sw s1 by 18/12` (trial 26)
    draft: dict[str, str] = {"description": typed.description, **({"question": question} if question else {})}
    said: list[Reply] = []
    if typed.due is not None and typed.due_typed is not None:
        said = [Reply(kind="notice", text=_due_taken(typed.due_typed, typed.due, typed.description, draft,
                                                     _today(services, turn)))]
    owner = action_owners.resolve(services, ctx.audit, typed.owner, turn.user_id) if typed.owner else None
    move = store.Move(step=following_owner(), state={"action_draft": draft, OWNER_ASKED: None})
    shown = advance_and_render(services, turn, ctx, ctx.version, move)
    if isinstance(owner, str) and shown:  # the owner typed first is picked as its button would be
        now = load(services, ctx.audit.id)
        said.append(Reply(kind="notice", text=f"Got it: {action_owners.label(services, now.audit, owner)} owns "
                                              f"“{draft['description']}”."))
        shown = choose_owner(services, turn, now, now.version, owner)
    return [*said, *shown] if shown else shown


def _due_taken(when: str, due: date, description: str, draft: dict[str, str], today: date) -> str:
    """The due date read from the action's text into the draft, said back; one on a weekend is moved to the working
    day before it at once, and said so (bot.audits.action_fields.weekend_moved)."""
    off = weekend_moved(when, due, today)
    if off is None:
        draft.update(due=due.isoformat(), due_typed=when)
        return due_taken_said(when, due, description, today)
    draft.update(due=off.instead.isoformat(), due_typed=numeric(off.instead))  # no "like … for the Friday after"
    return due_moved_said(when, off, description, today)


def choose_owner(services: Services, turn: Turn, ctx: Ctx, version: int, text: str) -> list[Reply]:
    """The action's owner, pressed or typed (bot.audits.action_owners); `the manager` typed where the case's team
    has several asks which, with a button each, and the step waits. An owner marked away is said to be, once
    (bot.audits.away_owner): with the due date given in the action's text, when it falls while they are away, with
    the action's number to pick someone else; else before the due date is asked."""
    owner = action_owners.resolve(services, ctx.audit, text, turn.user_id)
    if isinstance(owner, list):  # asked which, and kept asked until one is picked (shown again on resuming)
        lifecycle.advance(services.storage, ctx.audit.id, version, turn.user_id, store.Move(
            step=ctx.audit.step, state={OWNER_ASKED: owner}, waiting=waiting_at(ctx.audit.id, ctx.audit.step)),
            turn.now)
        return [which_manager(services, load(services, ctx.audit.id), owner)]
    if is_duplicate(ctx, version, f"owner:{owner}"):
        return []
    draft = dict(ctx.audit.state.get("action_draft") or {})
    draft["owner"] = owner
    if draft.get("due"):  # given in the action's text: stored now, nothing more to ask
        return _add_action(services, turn, ctx, date.fromisoformat(draft["due"]), str(draft.get("due_typed", "")),
                           draft=draft, press=f"owner:{owner}", version=version, owner_chosen=True)
    shown = advance_and_render(services, turn, ctx, version, store.Move(
        step=Step("action_due").key, state={"action_draft": draft, OWNER_ASKED: None}, press=f"owner:{owner}"))
    away = away_owner.notice(services, owner, _today(services, turn), None,
                             "once it is added, with `action <its number> owner …`", turn.user_id,
                             action_owners.case_people(services, ctx.audit))
    return [*away, *shown] if shown else shown


def _today(services: Services, turn: Turn) -> date:
    return turn.now.astimezone(services.settings.timezone).date()


def _add_action(services: Services, turn: Turn, ctx: Ctx, due: date, typed: str, draft: dict | None = None,
                press: str = "", version: int | None = None, owner_chosen: bool = False) -> list[Reply]:
    """Store the action and say it back by its number, with its due date (and, read from a weekday named, how near
    that is and how to change it: bot.audits.action_fields.due_said). With `owner_chosen` (its owner picked just now,
    its due date given in its text) an owner away on or before that date is said to be (bot.audits.away_owner)."""
    draft = draft if draft is not None else ctx.audit.state.get("action_draft") or {}
    if not draft.get("description") or not draft.get("owner"):
        raise UserError("I lost track of that action; please type it again.")
    move = store.Move(step=Step("actions").key, state={"action_draft": None, OWNER_ASKED: None},
                      action=(draft["description"], draft["owner"], due.isoformat()), press=press,
                      action_question=draft.get("question"))
    shown = advance_and_render(services, turn, ctx, ctx.version if version is None else version, move)
    if not shown:
        return shown  # a second press of the same step: nothing was added
    added = action_store.actions_of_audit(services.storage, ctx.audit.id)[-1].id  # the newest: this one
    today = _today(services, turn)
    shown_due, to_change = due_said(typed, due, today, f"action {added} due")
    echo = Reply(kind="notice", text=f"Action {added} added: due {shown_due}." + (f" {to_change}" if to_change else "")
                 + tied_said(ctx.checklist, draft.get("question")))
    away = (away_owner.notice(services, str(draft["owner"]), today, due, f"with `action {added} owner …`",
                              turn.user_id, action_owners.case_people(services, ctx.audit), due_said=True)
            if owner_chosen else [])  # the echo just above gave the due date
    return [echo, *away, *shown]


# -- buttons ---------------------------------------------------------------------------------------------

def on_next(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, "next"):
        return []
    missing = missing_answers(ctx.checklist, ctx.answers)
    if missing:
        texts = "\n".join(f"• {ctx.checklist.question(q).text}" for q in missing[:5])
        raise UserError(f"Some required answers are missing:\n{texts}\nGo Back to them (or type `/audit resume` "
                        "after answering) before choosing the overall grade.")
    refuse_over_bound(ctx.checklist, ctx.answers)  # 3 late of 1 contact sampled, left by `back` (trial 30)
    suggested = suggest_grade(ctx.checklist, ctx.answers)
    return advance_and_render(services, turn, ctx, version, store.Move(
        step=next_step(ctx.checklist, ctx.answers, ctx.step).key, fields={"suggested_grade": suggested},
        press="next"))


def on_grade(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, key = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, f"grade:{key}"):
        return []
    if ctx.step.name != "overall_grade":
        raise UserError("That grade button is from an earlier message. Type `/audit resume`.")
    try:
        grade = parse_grade(key)
    except AnswerError as error:
        raise answer_error(error) from None
    if targets := alert_targets(services, ctx, grade):
        return alert_confirm.ask(services, turn, ctx, targets, {"kind": "grade", "grade": grade, "reason": None})
    if (concern := concern_grade.to_ask(ctx, grade)) is not None:  # Good over an immediate concern: asked once
        return concern_grade.ask(services, turn, ctx, version, grade, None, concern)
    return grade_now(services, turn, ctx, version, grade, press=f"grade:{key}")


def grade_now(services: Services, turn: Turn, ctx: Ctx, version: int, grade: str, press: str) -> list[Reply]:
    """Store the overall grade (and move on to its reason or the strengths), alerting at once on Inadequate."""
    suggested = suggest_grade(ctx.checklist, ctx.answers)
    fields = {"overall_grade": grade, "suggested_grade": suggested}
    needs_reason = reason_needed(services, ctx, grade)
    if not needs_reason or (ctx.audit.submitted_at is not None and grade != ctx.audit.overall_grade):
        fields["grade_reason"] = None  # a reopened audit's new grade needs a reason of its own, not the old one's
    replies = advance_and_render(services, turn, ctx, version, store.Move(
        step=next_step(ctx.checklist, ctx.answers, ctx.step, grade_changed=needs_reason).key, fields=fields,
        state={"return_to": None, **concern_grade.recorded(ctx, grade)},  # graded here, the audit goes on from here,
        press=press))  # its reason too; a Good confirmed over an immediate concern is recorded
    return with_inadequate_alerts(services, ctx, grade, replies)


def reason_needed(services: Services, ctx: Ctx, grade: str) -> bool:
    """Whether `grade` as the overall grade needs a reason: it differs from the grade the answers suggest, or, on an
    audit reopened after submitting, from the grade the worker was sent (bot.audits.regrade)."""
    suggested = suggest_grade(ctx.checklist, ctx.answers)
    differs = suggested is not None and grade != suggested
    return differs or regrade.regrades(services, ctx.audit, grade) is not None


def on_owner(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, owner = split_value(value)
    return choose_owner(services, turn, own_draft(services, turn, audit_id), version, owner)


def on_actions_done(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, "actions_done"):
        return []
    if action_owed(services, ctx):
        raise UserError("An audit graded Inadequate needs at least one action: what must happen for the child, who "
                        "will do it and by when. Type the first action now.")
    return advance_and_render(services, turn, ctx, version, store.Move(step=Step("submit").key,
                                                                       press="actions_done"))


def on_submit(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Submit for moderation; the worker and their manager get the summary by DM."""
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    if is_duplicate(ctx, version, "submit"):
        return []
    again = ctx.audit.submitted_at is not None  # a reopened audit may be resubmitted from its review
    if ctx.step.name != "submit" and not (again and ctx.step.name == "review"):
        raise UserError("Finish the audit before submitting it: type `/audit resume`.")
    if missing_answers(ctx.checklist, ctx.answers) or not ctx.audit.overall_grade:
        raise UserError("Some required answers or the overall grade are missing. Go Back and complete them.")
    if again and (suggested := resubmit_grade.unsettled(ctx)) is not None:  # the grades now suggest another grade
        return resubmit_grade.to_the_grade(services, turn, ctx, version, suggested)
    if (owed := regrade.reason_owed(services, ctx.audit)) is not None:
        return _reason_first(services, turn, ctx, version, owed)
    if action_owed(services, ctx):
        return _action_first(services, turn, ctx, version)
    was = regrade.regrades(services, ctx.audit, ctx.audit.overall_grade)  # the grade the worker was sent, if changed
    # what the edit tells an action's owner, held until now, with how near a due date is said for today (fix52f)
    held = held_tells.release(ctx, turn.now.astimezone(services.settings.timezone).date())
    lifecycle.close(services.storage, audit_id, version, turn.user_id, lifecycle.Change.SUBMIT, turn.now,
                    waiting={})
    ctx = load(services, audit_id)
    done = (f"Audit #{audit_id} is resubmitted with your changes; the earlier answers are kept as revisions."
            if again else f"Audit #{audit_id} is submitted for moderation. Thank you.")
    done += _outside_campaign(services, audit_id) if not again else ""
    if was is not None:
        done += (f" Its grade changed from {grade_label(was)} to {grade_label(ctx.audit.overall_grade)}, with your "
                 "reason.")
    replies = [Reply(text=f"{done} Until a moderator opens it you can still change answers (Change answers, or "
                          f"`/audit edit {audit_id}`) or the grade and notes (`/audit edit {audit_id} grade ...`).",
                     choices=(Choice("Change answers", "audit.reopen", str(audit_id)),))]
    changed = what_changed.since_sent(services, ctx, to_worker=False) if again else None  # before the worker's
    replies += _worker_told(services, turn, ctx, was, again)
    replies += held
    worker = ctx.audit.worker_id
    for manager in services.directory.managers_of(worker or turn.user_id):
        if manager not in (turn.user_id, worker):
            heading = ("An audit of a case in your team was changed after submission; here is the updated version."
                       if again else "An audit of a case in your team has been submitted.")
            replies.append(summary_reply(services, ctx, heading, to_user=manager, changed=changed))
    return replies


def _outside_campaign(services: Services, audit_id: int) -> str:
    """A draft of a campaign that closed before it was finished is an ordinary audit (trial 56, F4): said as it is
    submitted, so the auditor knows the campaign's report, posted at close, leaves it out."""
    campaign_id = campaign_store.released_from(services.storage, audit_id)
    campaign = campaign_store.get_campaign(services.storage, campaign_id) if campaign_id is not None else None
    if campaign is None:
        return ""
    return (f" Campaign {campaign.id} {bold(campaign.name)} closed before it was finished, so it counts as an "
            "ordinary audit, not in that campaign's report.")


def _worker_told(services: Services, turn: Turn, ctx: Ctx, was: str | None, again: bool) -> list[Reply]:
    """The worker's DMs at a submission: a grade change they were sent (with the line saying they were told), and
    the summary; out of the worker's working hours, held, and the auditor told when they will go (trial 43)."""
    grade = [] if was is None else regrade.tell_worker(
        services, ctx.audit, was, ctx.audit.overall_grade or "", ctx.audit.grade_reason or "", turn.user_id)
    auditor, worker = services.directory.label(turn.user_id), ctx.audit.worker_id
    summary = []
    if worker and worker != turn.user_id:
        heading = (f"{auditor} has changed the audit of one of your cases after submitting it. Here is the updated "
                   "summary." if again else f"{auditor} has audited one of your cases. Here is the summary: you "
                                            f"can add your reflections on it with `/audit reflect {ctx.audit.id}`.")
        summary.append(summary_reply(services, ctx, heading, to_user=worker,
                                     choices=(Choice("Add my reflections", "audit.reflect", str(ctx.audit.id)),),
                                     changed=what_changed.since_sent(services, ctx) if again else None))
    going = held_news.held(services, turn, ctx.audit, [*grade, *summary], "changed" if again else "new")
    if going == [*grade, *summary]:
        if summary:
            what_changed.mark_sent(services, ctx.audit.id)  # the next summary says what changed since this one
        return [*regrade.told_lines(services, grade), *summary]
    return going


def _reason_first(services: Services, turn: Turn, ctx: Ctx, version: int, was: str) -> list[Reply]:
    """A reopened audit regraded without its reason (left with Back) goes to the reason, not to the worker."""
    notice = Reply(kind="notice", text=f"You changed the grade from {grade_label(was)} to "
                                       f"{grade_label(ctx.audit.overall_grade)}, so say why before resubmitting.")
    return advance_and_render(services, turn, ctx, version, store.Move(step=Step("grade_reason").key,
                                                                       press="submit"), before=[notice])


def action_owed(services: Services, ctx: Ctx) -> bool:
    """Whether this audit may not be submitted for want of an action: it is graded Inadequate and has none, or (on
    an audit reopened after submitting and regraded Inadequate) none still open, since an action already done
    answers the concern of a grade it was not set for."""
    if ctx.audit.overall_grade != "inadequate":
        return False
    actions = action_store.actions_of_audit(services.storage, ctx.audit.id)
    regraded = regrade.regrades(services, ctx.audit, "inadequate") is not None
    return not actions or (regraded and all(a.done_at is not None for a in actions))


def _action_first(services: Services, turn: Turn, ctx: Ctx, version: int) -> list[Reply]:
    """A reopened audit regraded Inadequate with no open action (its actions step left with Back) goes to its
    actions, not to the worker."""
    notice = Reply(kind="notice", text=f"Audit #{ctx.audit.id} is graded Inadequate and has no open action, so add one "
                                       "before resubmitting: what must happen for the child, who will do it and by "
                                       "when.")
    return advance_and_render(services, turn, ctx, version, store.Move(step=Step("actions").key, press="submit"),
                              before=[notice])


def on_reopen(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Back to the review step of a submitted audit, to change answers before a moderator opens it."""
    audit_id = buttons.record_id(value, "type `/audit edit <audit number>`, for example `/audit edit 12`")
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    lifecycle.reopen(services.storage, audit_id, turn.user_id, turn.now, waiting=waiting_at(audit_id, "review"))
    notice = Reply(kind="notice", text=(
        f"Audit #{audit_id} is open for changes and out of the moderation queue until you submit it again. To "
        "change an answer, type `change` and its number from the review (for example `change 2`); every change is "
        "kept as a revision. At the review, `submit` resubmits it and `next` goes on to the overall grade."))
    return [notice, *render(services, load(services, audit_id))]


def on_reflect(services: Services, turn: Turn, value: str) -> list[Reply]:
    ctx = load(services, buttons.record_id(value))
    if ctx.audit.worker_id != turn.user_id:
        raise UserError("Only the worker whose case was audited can add reflections to it.")
    store.set_conversation(services.storage, turn.user_id, waiting("reflection", audit_id=ctx.audit.id), turn.now)
    return reflection_prompt(ctx.audit.id)


def reflection_prompt(audit_id: int) -> list[Reply]:
    """The worker's reflections on the audit of their case, typed next."""
    return [Reply(text=f"What are your reflections on audit #{audit_id}? What do you agree with, and what would "
                       "you do next?", prompt="Type your reflections, or type `later` to do it another time.",
                  kind="question")]


def reflection(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply]:
    """Store the worker's reflections (at least a sentence, screened) and tell the auditor. Whether the person may
    reflect at all comes first: a trial's manager was asked to rewrite `good` as a sentence, then told only the
    worker may add reflections; an identifier in the text is refused with it, first."""
    ctx = load(services, audit_id)
    if ctx.audit.worker_id != turn.user_id:
        not_theirs = "Only the worker whose case was audited can add reflections to it."
        try:  # a name typed is told too, so it is not typed again on their own audit (trial 53, F6)
            screen_text(text, services.identifier_screen, "your reflections")
        except UserError as refused:
            raise UserError(f"{refused} {not_theirs}") from None
        raise UserError(not_theirs)
    try:
        cleaned = parse_reflection(text)
    except AnswerError as error:
        screen_text(text, services.identifier_screen, "your reflections")  # a name typed is told so first
        raise answer_error(error) from None
    screen_text(cleaned, services.identifier_screen, "your reflections")
    reflection_id = store.add_reflection(services.storage, audit_id, turn.user_id, cleaned, turn.now, waiting={})
    saved = Reply(text=f"Thank you: your reflections are saved with audit #{audit_id}:\n“{cleaned}”\nTo add more "
                       f"later, type `/audit reflect {audit_id}`.")
    return [reflection_undo.offered(services, turn, saved, reflection_id),
            Reply(text=f"{services.directory.label(turn.user_id)} added reflections to audit #{audit_id}.",
                  to_user=ctx.audit.auditor_id, choices=(Choice("Open the audit", "audit.view", str(audit_id)),))]


NOT_A_NOTE = frozenset({"skip", "none", "n/a", "na", "-", "clear", "same", "no change"})


def edit_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit edit 12` reopens a submitted audit to change answers; `/audit edit 12 strengths <text>` changes
    one note in place; `/audit edit 12 grade good <why>` changes the grade, with a reason the worker is told
    (bot.audits.regrade); `/audit edit 12 note 7 <text>` changes the note on question 7's answer alone
    (bot.audits.note_edit); `/audit edit 12 remove action 41` removes an action added by mistake
    (bot.audits.action_removal); `/audit edit 12 action 41 due <date>` (or `owner <name>`) changes an open action's
    due date or owner (bot.audits.action_edit) (`/audit edit 12 case CR-123456`, a mistyped case reference put
    right, is bot.audits.case_ref_change's). Each only until a moderator opens it, and every change is kept as a
    revision."""
    parts = args.split(maxsplit=2)
    audit_id = buttons.typed_id(parts[0]) if parts else None
    usage = ("Type `/audit edit <audit number>` to change answers, `/audit edit <audit number> "
             "<grade|reason|strengths|development> <new text>`, for example `/audit edit 12 strengths Direct work "
             "is thoughtful` or `/audit edit 12 grade good Reviews are now on time`, or `/audit edit <audit number> "
             "note <question number> <new note>` for the note on one answer, like `/audit edit 12 note 7 Visits "
             "lapsed in the autumn term`, or `/audit edit <audit number> action <action number> due <date>` (or "
             "`owner <name>`) to change an action's due date or owner, like `/audit edit 12 action 41 due 11/12`, or "
             "`/audit edit <audit number> remove action <action number>` for an action added by mistake, like "
             "`/audit edit 12 remove action 41`, or `/audit edit <audit number> case <case reference>` for a mistyped "
             "case reference.")
    if audit_id is not None and store.get_audit(services.storage, audit_id) is None:
        raise lifecycle.no_such_audit(audit_id, lifecycle.SUBMITTED_LISTED)
    if len(parts) == 1 and audit_id is not None:
        return on_reopen(services, turn, str(audit_id))
    if len(parts) < 3 or audit_id is None:
        raise UserError(usage)
    if parts[1].lower() == "note":
        return note_edit.change_note(services, turn, audit_id, parts[2])
    if parts[1].lower() == "remove":
        return action_removal.asked_from_submitted(services, turn, audit_id, parts[2])
    if parts[1].lower() == "action":  # a moderated audit's action handed over as typed without `/audit` (fix52e)
        return action_handover.owner_typed(services, turn, f"action {parts[2]}", audit_id) or \
            more_time_answer.typed(services, turn, f"action {parts[2]}", audit_id) or \
            action_edit.edit_submitted(services, turn, audit_id, f"action {parts[2]}")
    field = {"grade": "overall_grade", "reason": "grade_reason", "strengths": "strengths",
             "development": "development"}.get(parts[1].lower())
    if field is None:
        raise UserError(usage)
    if field in ("strengths", "development", "grade_reason") and parts[2].strip().lower() in NOT_A_NOTE:
        raise UserError(f"`{parts[2].strip()}` would be stored as the {parts[1].lower()} themselves. Type the new "
                        f"text, like `/audit edit {audit_id} {parts[1].lower()} Direct work with the child is "
                        "thoughtful`; to keep what is there, there is nothing to do.")
    if field == "overall_grade":
        return regrade_check.edit_grade(services, turn, audit_id, parts[2])
    lifecycle.require_edit(services.storage, audit_id, turn.user_id, field)
    if field in OPTIONAL_TYPED_STEPS:
        small_talk.refuse_as_edit(services, audit_id, field, parts[2])
    try:
        if (filed := other_heading.edited_under_its_label(services, turn, audit_id, field, parts[2])) is not None:
            return filed  # `/audit edit 12 development strengths: …`: added to the strengths, as the steps file it
        if (added := other_heading.edited_by_adding(services, turn, audit_id, field, parts[2])) is not None:
            return added  # `/audit edit 12 development add: …`: after what is there
        value = parse_text(without_label(parts[2], field), "note")
    except AnswerError as error:
        raise answer_error(error) from None
    screen_text(value, services.identifier_screen, "that note")
    lifecycle.edit_submitted(services.storage, audit_id, turn.user_id, {field: value}, turn.now)
    return [Reply(text=f"Audit #{audit_id}: {parts[1].lower()} updated. The earlier version is kept as a revision.")]
