"""The audit conversation, explicit: every point where the bot waits for a person, and what it takes there.

Modelled on python-telegram-bot's ConversationHandler: a `State` for each thing the bot can be waiting for,
and one table, `STATES`, saying for each state which typed-text handler runs, which buttons are accepted and
what is shown. Typed text and audit buttons are routed through the table; a button that is not accepted in the
state its conversation is in is answered as a stale button and changes nothing.

Where a person's conversation stands is stored per person (the `conversations` row, written by storage in the
same transaction as the change that leads to it). Inside an audit the state is the audit's own step (question,
review, strengths…), so each audit a person has open is its own conversation: a button is checked against the
state of the audit it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from types import MappingProxyType
from typing import Any

from bot.audits import (
    action_due_words,
    action_edit,
    action_handover,
    action_removal,
    action_status,
    actions_step,
    alert_confirm,
    alert_send,
    answer_change,
    case_ref_change,
    checklist_switch,
    compare,
    concern_grade,
    concern_grade_answer,
    draft_waiting,
    labels_typed,
    moderation,
    moderation_action,
    moderation_action_asked,
    moderation_action_question,
    moderation_alert,
    moderation_back,
    moderation_concern,
    moderation_decision,
    moderation_hold,
    moderation_mind,
    moderation_release,
    moderation_unchanged,
    more_time_answer,
    more_time_withdraw,
    not_mine,
    note_check,
    notes_fit,
    readback,
    reason_sentence,
    reaudit_start,
    reflection_wait,
    regrade_action,
    regrade_check,
    regrade_reason,
    skipping,
    strengths_shortfall,
    switch_undo,
    switch_waiting,
)
from bot.audits import finish as audits_finish
from bot.audits import questions as audits_questions
from bot.audits import start as audits_start
from bot.audits import typed_grade as audits_typed_grade
from bot.audits.change_of_mind import changed_mind, said_why
from bot.audits.control_words import control_word
from bot.audits.core import Ctx, checklists, load, not_in_channel
from bot.audits.flow import FLOW_STEPS, looks_like_question
from bot.audits.inadequate_action import FirstAction
from bot.audits.leaving_words import leaving
from bot.audits.option_words import matching_options
from bot.audits.question_opening import Asked, announced_question, asked_in_line, shaped_as_question
from bot.audits.step_reminder import still_at
from bot.audits.step_screens import STEP_SCREENS
from bot.audits.step_words import waiting_in_words
from bot.audits.yes_no_words import yes_or_no
from bot.core import buttons
from bot.core.replies import Reply, error
from bot.core.services import Services
from bot.engine.confirmations import HOLD_ON_WORDS
from bot.engine.near_miss import Shapes, is_command_line
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.privacy.screen import typed_case_reference
from bot.storage import audits as store


class State(Enum):
    """Every point where the bot waits for a person. The value is what the conversation row stores."""

    CHOOSE_CHECKLIST = "choose_checklist"
    CASE_REFERENCE = "case_reference"
    WORKER = "worker"
    QUESTION = "question"                # one state for every question: the step names which one
    EVIDENCE = "evidence"                # the note on a scale grade, for the question the step names
    REVIEW = "review"
    OVERALL_GRADE = "overall_grade"
    GRADE_REASON = "grade_reason"
    STRENGTHS = "strengths"
    DEVELOPMENT = "development"
    ACTIONS = "actions"                  # an action's text (or No more actions)
    ACTION_OWNER = "action_owner"
    ACTION_DUE = "action_due"
    SUBMIT = "submit"
    CONFIRM_CANCEL = "confirm_cancel"    # Yes, cancel / No, keep it
    CONFIRM_ALERT = "confirm_alert"      # an answer or grade that alerts managers now: Send the alert / by mistake
    PAUSED = "paused"                    # waits for Resume
    REFLECTION = "reflection"            # the worker's reflections on the audit of their case
    MODERATION_DECISION = "moderation_decision"  # Agree, or Disagree and a grade
    MODERATION_GRADE = "moderation_grade"  # after Disagree: the moderator's grade, pressed or typed by its name
    MODERATION_REASON = "moderation_reason"
    MODERATION_ACTION = "moderation_action"  # an Inadequate grade of record with no open action: the action's text
    MODERATION_ACTION_OWNER = "moderation_action_owner"
    MODERATION_ACTION_DUE = "moderation_action_due"
    MODERATION_CONFIRM_ALERT = "moderation_confirm_alert"  # a moderator's Inadequate: Send the alert / by mistake
    MODERATION_CONFIRM_CONCERN = "moderation_confirm_concern"  # a moderator's Good over an immediate concern: sure?
    MODERATION_RESPONSE = "moderation_response"  # the auditor's one reply to a moderation
    REGRADE_REASON = "regrade_reason"  # `/audit edit 12 grade good` with no reason: the reason, asked next
    REGRADE_ACTION = "regrade_action"  # `/audit edit 12 grade inadequate <why>` with no open action: the action's text
    REGRADE_ACTION_OWNER = "regrade_action_owner"
    REGRADE_ACTION_DUE = "regrade_action_due"


@dataclass(frozen=True)
class Conversation:
    """Where one person's conversation stands: the state, what the stored row says, and the audit if any."""

    state: State
    data: Mapping[str, Any] = field(default_factory=dict)
    ctx: Ctx | None = None

    @property
    def audit_id(self) -> int:
        return self.ctx.audit.id if self.ctx is not None else int(self.data["audit_id"])

    def audit(self, services: Services) -> Ctx:
        return self.ctx if self.ctx is not None else load(services, self.audit_id)


TypedHandler = Callable[[Services, Turn, Conversation, str], "list[Reply] | None"]
Screen = Callable[[Services, Conversation], list[Reply]]
ActionHandler = Callable[[Services, Turn, str], list[Reply]]
# A short line read as a command typed wrong, given the step's own words: what was meant, or None (the engine's
# bot.engine.typed_commands.typed_wrong, bound to the turn).
Mistyped = Callable[[str, tuple[str, ...]], "list[Reply] | None"]


@dataclass(frozen=True)
class StateSpec:
    """One row of the table: what typed text does here (None: it is not for the audit), which buttons are
    accepted, and what is shown.

    Two columns say what typed here is answered aside (by whichever feature takes it) while the step waits, and
    bot.audits.answered_aside shows the step again: `commands`, a whole command (`show 140`, `list`, `away off`, as
    the bare router reads it) runs rather than being refused or stored as an answer, unless it names one of the
    step's own options; `free_text`, the text the step waits for ("evidence note"), where a line ending with `?` is a
    question for the knowledge base, not that text (a real note ending with `?` is typed again without it).
    `typed_wrong`, the step's own words (`agree`, `release`): a short line that is a command typed wrong (`mod abc`,
    `kb accept abc`) or one letter off a command's or one of these words (`agre`) is said back as what was meant and
    the step asked again, never taken as the text (bot.engine.typed_commands.typed_wrong); None: not checked."""

    typed: TypedHandler | None
    actions: frozenset[str]
    screen: Screen
    commands: bool = False
    free_text: str | None = None
    typed_wrong: tuple[str, ...] | None = None


# -- typed text ------------------------------------------------------------------------------------------

# Steps that ask no question, so `skip` there is read as any other text: the step says what may be typed (a trial's
# `skip` at the review was told "This question needs an answer: only optional questions can be skipped").
NOTHING_TO_SKIP = frozenset({"review", "submit"})
CHANGE_MEANT = re.compile(r"^\s*(?:change|go to|edit)\b", re.IGNORECASE)
GO_ON_WORDS = re.compile(r"^\s*(next|continue|carry on|go on|done|finish|finished|ok|okay)\s*[.!]?\s*$", re.IGNORECASE)
SUBMIT_WORDS = re.compile(r"^\s*(submit|submit it|resubmit|send|send it|yes,? submit( it)?)\s*[.!]?\s*$", re.IGNORECASE)
# At the review, what people type to accept it (trial 46, F18: `confirm` was refused): read as its own button.
REVIEW_OK_WORDS = re.compile(r"^\s*(confirm(ed)?|(looks|all) (good|fine|ok|okay|right)|that'?s (right|fine|all good)|"
                             r"(ok|okay),? (submit|confirm|continue|next)|yes,? (confirm|continue|next))\s*[.!]?\s*$",
                             re.IGNORECASE)
CHANGE_WORDS = audits_questions.CHANGE_WORDS
StepText = Callable[[Services, Turn, Ctx, str], "list[Reply] | None"]


def _in_audit(step_text: StepText | None) -> TypedHandler:
    """Typed text inside an audit: the control words first (back, skip, pause, cancel), then the step's own."""

    def handler(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
        ctx = conversation.audit(services)
        control = control_word(text)
        if control == "back":  # `undo` straight after a checklist switch switches back, with the answers it dropped
            undone = switch_undo.typed(services, turn, ctx, text)
            return undone if undone is not None else audits_questions.go_back(services, turn, ctx, ctx.version)
        if control == "skip" and ctx.step.name not in NOTHING_TO_SKIP:
            return skipping.skip(services, turn, ctx, ctx.version)
        if control == "pause":
            return audits_start.pause(services, turn, ctx.value())
        if control == "cancel":
            return audits_start.cancel(services, turn, ctx.value())
        if (changed := answer_change.typed(services, turn, ctx, text)) is not None:  # `change my answer to q3`
            return changed
        if (changed := case_ref_change.typed(services, turn, ctx, text)) is not None:  # `change case ref CR-…`
            return changed
        if (picked := switch_waiting.typed_at_list(services, turn, ctx, text)) is not None:  # `cp` at the list
            return picked
        if (switched := checklist_switch.typed(services, turn, ctx, text)) is not None:  # `change checklist`
            return switched
        return step_text(services, turn, ctx, text) if step_text else None

    return handler


def _still_at_if_refused(step_text: StepText) -> StepText:
    """A question's typed answer, and when it is refused, the refusal followed by "Still at Q2:" and the question, so
    the next line is never taken as the next question's answer (trial 59, F2)."""

    def handler(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
        try:
            return step_text(services, turn, ctx, text)
        except AccessDenied:
            raise
        except UserError as refused:
            return [error(str(refused)), *still_at(services, ctx)]

    return handler


def _worker_text(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply]:
    if (reaudit := reaudit_start.at_the_worker(services, turn, ctx, text)) is not None:  # `re-audit CR-…` (trial 30)
        return reaudit
    if changed_mind(text):  # `actually no, leave that for the TM` (trial 35): the cancel question, not a name
        return [Reply(text=said_why(ctx.audit.id)), *audits_start.cancel(services, turn, ctx.value())]
    return audits_start.choose_worker(services, turn, ctx, ctx.version, text)


def _review_text(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    change = CHANGE_WORDS.match(text)
    if change:
        return audits_questions.change_from_review(services, turn, ctx, change.group(1))
    if (noted := notes_fit.typed(services, turn, ctx, text)) is not None:  # a reopened audit's `edit strengths …`
        return noted
    if CHANGE_MEANT.match(text):  # "change abc", "edit the third one": meant for the review, not a question
        raise UserError("To change an answer, type `change` and the question's number from the list above, "
                        "like `change 3`.")
    reopened = ctx.audit.submitted_at is not None  # its review is where it may be resubmitted, by Submit the changes
    if reopened and SUBMIT_WORDS.match(text):
        return audits_finish.on_submit(services, turn, ctx.value())
    if GO_ON_WORDS.match(text) or SUBMIT_WORDS.match(text) or REVIEW_OK_WORDS.match(text):  # `next`, `confirm`:
        # Continue to the overall grade, as its button does in a draft
        return audits_finish.on_next(services, turn, ctx.value())
    if looks_like_question(text):
        return None
    go_on = "type `next` (or press Continue to the overall grade)"
    if reopened:
        go_on = f"{go_on}, or `submit` (or press Submit the changes) to resubmit it as it is"
    raise UserError(f"You're at the review of audit #{ctx.audit.id}, so I haven't stored that anywhere. To change an "
                    f"answer, type `change` and its number, like `change 3`; to go on, {go_on}. Strengths, areas "
                    "for development and actions come after the overall grade. To ask me something, end it with ? "
                    "or use `/audit ask`.")


def _submit_text(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At "Submit audit #N?": `submit` (or `yes`) sends it, `remove action 41` removes one added by mistake and
    `action 41 due 11/12` (or `owner …`) changes one; other text is told how, not filed as a question. `done`,
    `next` or `ok` do not submit: typed twice at the end of the actions, or to acknowledge the review, they would
    send the audit and message its worker unasked."""
    if (removed := action_removal.typed_in_draft(services, turn, ctx, text)) is not None:
        return removed
    if (changed := action_edit.typed_in_draft(services, turn, ctx, text)) is not None:
        return changed
    if (changed := action_due_words.typed(services, turn, ctx, text)) is not None:  # `make that one due fri`
        return changed
    if (handed := action_handover.typed_in_draft(services, turn, ctx, text)) is not None:  # "hand action 1 to N2"
        return handed
    if (change := CHANGE_WORDS.match(text)) is not None:  # the answers are listed above: `change 9` jumps to one
        return audits_questions.change_from_review(services, turn, ctx, change.group(1))
    if (noted := notes_fit.typed(services, turn, ctx, text)) is not None:  # `edit strengths …` (trial 55, 3)
        return noted
    if SUBMIT_WORDS.match(text) or text.strip().lower() in ("yes", "y"):
        return audits_finish.on_submit(services, turn, ctx.value())
    if GO_ON_WORDS.match(text):  # "done" typed again after the actions: submitting tells the worker, so it is asked for
        raise UserError(f"Audit #{ctx.audit.id} is not sent yet. Type `submit` (or press Submit) to send it for "
                        "moderation (its worker is told), or `back` to change the actions.")
    if looks_like_question(text):
        return None
    raise UserError(f"Audit #{ctx.audit.id} is ready to submit, so I haven't stored that. Type `submit` (or press "
                    "Submit) to send it for moderation, `remove action` and its number to remove an action, `action` "
                    "and its number, then `due` and a date or `owner` and a name, to change one, `change` and a "
                    "question's number, like `change 3`, to change an answer, or `back` to add one.")


# Typed answers to "Cancel audit #N?": read as the question on screen, never as an answer to the step behind it
# (a "yes" meant for the cancel question must not answer "Is there an immediate safeguarding concern?").
CANCEL_CONFIRM_WORDS = frozenset({"yes", "y", "yeah", "yep", "yes cancel", "yes cancel it", "cancel", "cancel it",
                                  "confirm", "yes please"})
CANCEL_KEEP_WORDS = frozenset({"no", "n", "nope", "no keep it", "keep", "keep it", "no dont cancel",
                               "dont cancel", "do not cancel"})


# Trial 32: `no keep it, just pause it` was read as a worker's name. A no (or keep) with more words keeps the audit;
# pause among them pauses it too.
_KEEP_OPENING = re.compile(r"^(?:no|nope|nah|keep|dont|do not|leave it|not yet)\b")
_PAUSE = re.compile(r"\b(?:pause|paused|pausing)\b")


def _cancel_reply(text: str) -> str | None:
    """"confirm", "keep" or "pause" (keep it, paused) for a typed answer to the cancel question, else None (some
    other text)."""
    words = " ".join(re.sub(r"[^a-z ]", "", text.lower().replace(",", " ")).split())
    if words in CANCEL_CONFIRM_WORDS or control_word(words) == "cancel":  # `cancel this audit` asked again
        return "confirm"
    if _PAUSE.search(words) and (_KEEP_OPENING.match(words) or len(words.split()) <= 4):
        return "pause"
    if words in CANCEL_KEEP_WORDS or HOLD_ON_WORDS.match(words) or _KEEP_OPENING.match(words):  # `no wait dont`
        return "keep"
    return None


def _while_confirming_cancel(services: Services, turn: Turn, conversation: Conversation,
                             text: str) -> list[Reply] | None:
    """Yes or No typed is the answer to the cancel question on screen. Other text carries on with the audit
    where it stands, as No, keep it would (an evidence note typed instead of pressing a button is not lost)."""
    reply = _cancel_reply(text)
    if reply == "confirm":
        return audits_start.cancel_confirmed(services, turn, conversation.audit(services).value())
    if reply == "keep":
        return audits_start.cancel_kept(services, turn, conversation.audit(services).value())
    if reply == "pause":
        kept = audits_start.cancel_kept(services, turn, conversation.audit(services).value())
        return [kept[0], *audits_start.pause(services, turn, conversation.audit(services).value())]
    step_state = State(conversation.audit(services).step.name)
    try:
        return _read(services, turn, replace(conversation, state=step_state), text)
    except UserError:  # not an answer to the step either: the cancel question is dropped, so `cancel` asks again
        audits_start.cancel_dropped(services, turn, conversation.audit(services).value())
        raise


def _while_confirming_alert(services: Services, turn: Turn, conversation: Conversation,
                            text: str) -> list[Reply] | None:
    """`send` (or `yes`) sends the alert, `no` goes back to the question; a question goes to the knowledge base,
    `pause` and `cancel` do as at any step. Anything else is told that nothing was sent yet, never taken as an
    answer to the step behind."""
    ctx = conversation.audit(services)
    choice = alert_confirm.typed_choice(text)
    if choice == alert_confirm.SEND:
        return alert_send.send(services, turn, ctx)
    if choice == alert_confirm.BACK:
        return alert_confirm.back(services, turn, ctx.value())
    control = control_word(text)
    if control in ("pause", "cancel"):  # nothing is stored either way: the question is asked again on resuming
        return (audits_start.pause if control == "pause" else audits_start.cancel)(services, turn, ctx.value())
    if looks_like_question(text):
        return None
    raise alert_confirm.not_sent_help(services, conversation.data)


def _while_starting(typed: TypedHandler) -> TypedHandler:
    """While an audit is being started (its checklist or its case reference asked; nothing stored yet), the audit's
    own words keep a meaning: `cancel` (or `stop`) leaves it, and so does `back` at the checklists, the first step;
    `back` at the case reference goes back to the checklists; `pause` says there is nothing to pause yet, and `skip`
    that there is nothing to skip yet, with what to type instead."""

    def handler(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
        word = text.strip().lower().rstrip(".! ")
        control = "cancel" if word == "stop" else control_word(text)
        if control == "back" and conversation.state is State.CASE_REFERENCE:
            return audits_start.back_to_checklists(services, turn)
        if control == "skip":
            return audits_start.nothing_to_skip(services, conversation.state is State.CASE_REFERENCE)
        if control in ("cancel", "back", "pause"):
            return audits_start.leave_start(services, turn, control)
        if (said := checklist_switch.SAID.match(text)) is not None:  # `wrong checklist` before the draft exists
            return audits_start.another_checklist(services, turn, said.group("to"))
        return typed(services, turn, conversation, text)

    return handler


def _checklist_typed(services: Services, turn: Turn, _conversation: Conversation, text: str) -> list[Reply] | None:
    return audits_start.checklist_typed(services, turn, text)


def _case_reference(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    if looks_like_question(text):  # "what does NFA mean?" while the case reference waits: a question, answered as one
        return None
    try:
        return audits_start.case_reference(services, turn, str(conversation.data.get("checklist")), text)
    except AccessDenied:  # not theirs to audit (their own case): the start has ended, and the refusal says so
        raise
    except UserError as error:  # the wait outlives a restart: say how to leave it as well as how to answer it
        raise UserError(f"{error} Or type `cancel` if you don't want to start this audit.") from None



def _reflection(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    return reflection_wait.typed(services, turn, conversation.audit_id, text)


def _moderation_grade(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    """The moderator's grade typed by its name; "agree" or "disagree" typed here is a change of mind."""
    if (said := moderation.as_decision(text)) is not None:
        decided = moderation.typed_decision(services, turn, said)
        if decided is not None:
            return decided
    if (mind := moderation_mind.agreed_at_grade(text)) is not None:  # `actually i agree` (fix41d)
        audit = conversation.audit(services).audit
        if mind.grade is None or mind.grade == audit.overall_grade:
            return moderation.on_agree(services, turn, str(conversation.audit_id))
        return moderation.typed_grade(services, turn, conversation.audit_id, mind.grade)
    return moderation.typed_grade(services, turn, conversation.audit_id, text)


def _moderation_reason(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply]:
    """The moderator's reason; "agree" or "disagree" typed here is a change of mind, never a one-word reason ("agree"
    after agreeing is told the decision is made and a reason is wanted)."""
    if (said := moderation.as_decision(text)) is not None:
        moderation.again_decided(dict(conversation.data), said)
        decided = moderation.typed_decision(services, turn, said)
        if decided is not None:
            return decided
    if (back := moderation_back.changed_at_why(services, turn, conversation.data, text)) is not None:
        return back  # "hang on actually i agree with good" (trial 33): never the reason
    if (asked := moderation_action_asked.answer(services, turn, text)) is not None:  # "can i add an action to 27?"
        return [*asked, *_moderation_reason_screen(services, conversation)]
    return moderation.reason(services, turn, dict(conversation.data), text)


def _moderation_decision(services: Services, turn: Turn, conversation: Conversation,
                         text: str) -> list[Reply] | None:
    """What the moderator types at Agree / Disagree: the options by number or in words, or a whole decision."""
    return moderation_decision.typed(services, turn, conversation.audit_id, text)


def _change_of_mind(typed: TypedHandler) -> TypedHandler:
    """While a moderator writes their decision, "agree" or "disagree" typed is a change of mind, never the text."""
    def handler(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
        if (said := moderation.as_decision(text)) is not None:
            decided = moderation.typed_decision(services, turn, said)
            if decided is not None:
                return decided
        return typed(services, turn, conversation, text)
    return handler


def _moderating(typed: TypedHandler, back: bool = True) -> TypedHandler:
    """While a moderator writes their decision, the audit's own words keep a meaning, never the text: `back` returns
    to Agree/Disagree (with `back` False the state reads it itself: at the check before an alert it is *No, go back
    and change it*), `pause` and `cancel` step out and leave the moderation held (bot.audits.moderation); at a
    moderation re-opened to change it, `cancel` or `keep it as RI` keeps the earlier decision as it was
    (bot.audits.moderation_unchanged)."""
    def handler(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
        control = control_word(text)
        if control == "cancel" and conversation.state is State.MODERATION_DECISION:  # nothing decided: let go
            return moderation_release.release(services, turn, conversation.audit_id)
        if back and control == "back" and conversation.state is State.MODERATION_REASON:
            return moderation_back.back_from_why(services, turn, conversation.data)  # after Disagree: the grade
        if control in ("pause", "cancel") or (back and control == "back"):
            return moderation.step_out(services, turn, conversation.audit_id, str(control))
        if (released := moderation_release.typed(services, turn, text, conversation.audit_id)) is not None:
            return released
        if (kept := moderation_unchanged.kept(services, turn, conversation.audit_id, text)) is not None:
            return kept
        return typed(services, turn, conversation, text)
    return handler


def _back_a_question(first: FirstAction, typed: TypedHandler) -> TypedHandler:
    """At the owner or the due date of the first action an Inadequate grade needs, `back` goes back a question: the
    owner to the action's text, to retype it, the due date to the owner (bot.audits.inadequate_action). A trial (9,
    F8) typed the owner where the action was asked, and had no way back from the owner question to put it right."""
    def handler(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
        if control_word(text) == "back":
            return first.back(services, turn, conversation.data)
        return typed(services, turn, conversation, text)
    return handler


def _went_back(first: FirstAction | None, typed: TypedHandler) -> TypedHandler:
    """At an Inadequate's action (`first` None) or its owner or due date, "hang on", "oops wrong one, undo that" or
    "actually its RI not inadequate" goes back, never the action's text (bot.audits.moderation_back; trial 30)."""
    def handler(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
        step = None if first is None else (lambda: first.back(services, turn, conversation.data))
        back = moderation_back.went_back(services, turn, conversation.audit_id, text, step)
        return back if back is not None else typed(services, turn, conversation, text)
    return handler


def _moderation_action(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    """The action's text; a question (`can i skip the action? …`) is left to be answered, never the action (trial
    39): skipping plainly, another by the knowledge base, then the step again (bot.audits.moderation_action_question).
    """
    if moderation_action_question.is_question(text):
        return None
    if conversation.data.get(moderation_action.OPTIONAL) and moderation_action.skipped(text):
        return moderation.action_skipped(services, turn, dict(conversation.data))
    return moderation_action.described(services, turn, conversation.data, text, moderation.action_due)


def _moderation_action_owner(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply]:
    """The owner; a due date typed in the action's text goes where the due date state sends it (moderation.action_due,
    as `_moderation_action_due`): the due date is not asked (bot.audits.inadequate_action)."""
    return moderation_action.FIRST_ACTION.owner(services, turn, conversation.data, text, moderation.action_due)


def _moderation_action_due(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply]:
    return moderation.action_due(services, turn, dict(conversation.data), text)


def _while_confirming_moderation_alert(services: Services, turn: Turn, conversation: Conversation,
                                       text: str) -> list[Reply] | None:
    """At a moderator's check before an alert: typed yes and no are read by bot.engine.confirmations first; once a
    question to the knowledge base has set that aside, `send` and `no` are read here, as at an auditor's check. A
    question is answered; anything else is told nothing was sent or saved, never taken as the decision."""
    choice = alert_confirm.typed_choice(text)
    if choice is not None:
        value = moderation_alert.screen(services, conversation.data).choices[0].value
        decide = moderation.on_alert_send if choice == alert_confirm.SEND else moderation.on_alert_back
        return decide(services, turn, value)
    if looks_like_question(text):
        return None
    raise moderation_alert.not_sent_help(services, conversation.data)


def _while_confirming_moderation_concern(services: Services, turn: Turn, conversation: Conversation,
                                         text: str) -> list[Reply] | None:
    """At the question over a moderator's Good despite an immediate concern: `yes` or `no` (read here once a question
    to the knowledge base set bot.engine.confirmations' reading aside); a question is answered; anything else is told
    nothing was saved, never taken as the decision. After the yes, its reason is asked (`no` still chooses again);
    `yes, <reason>` gives both at once."""
    data = dict(conversation.data)
    said = yes_or_no(text)
    if looks_like_question(text) and said is None:
        return None
    if data.get(moderation_concern.CONFIRMED):
        if said == "no":
            return moderation.on_concern_no(services, turn, moderation_concern.value_of(data))
        return moderation.concern_reason(services, turn, data, text)
    if said is not None:
        decide = moderation.on_concern_yes if said == "yes" else moderation.on_concern_no
        return decide(services, turn, moderation_concern.value_of(data))
    if (why := moderation_concern.yes_with_reason(text)) is not None:
        return moderation.on_concern_yes(services, turn, moderation_concern.value_of(data), why)
    raise moderation_concern.not_saved_help(data)


def _moderation_response(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply]:
    return readback.reply(services, turn, conversation.audit_id, text)


def _regrade_action(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    return regrade_action.description(services, turn, conversation.data, text, regrade_check.action_due)


def _regrade_reason(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    """The reason for a grade change typed without one; the change then goes on as `regrade_check.edit_grade` takes
    it."""
    return regrade_reason.typed(services, turn, conversation.data, text, _edit_with_reason)


def _edit_with_reason(services: Services, turn: Turn, audit_id: int, named: str, reason: str) -> list[Reply]:
    return regrade_check.edit_grade(services, turn, audit_id, named, reason)


def _regrade_action_owner(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply]:
    """The owner; a due date typed in the action's text goes where the due date state sends it
    (regrade_check.action_due, as `_regrade_action_due`)."""
    return regrade_action.owner(services, turn, conversation.data, text, regrade_check.action_due)


def _regrade_action_due(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply]:
    return regrade_check.action_due(services, turn, conversation.data, text)


# -- screens ---------------------------------------------------------------------------------------------

def _step(render: Callable[[Services, Ctx], list[Reply]]) -> Screen:
    return lambda services, conversation: render(services, conversation.audit(services))


def _shown(step_name: str) -> Screen:
    """The step's own screen (bot.audits.step_screens), the one `screens.render` shows after a stored step."""
    return _step(STEP_SCREENS[step_name])


def _moderation_reason_screen(services: Services, conversation: Conversation) -> list[Reply]:
    return moderation.reason_prompt(bool(conversation.data.get("agrees")), str(conversation.data.get("grade")))


# -- the table -------------------------------------------------------------------------------------------

# Buttons that begin a conversation, or only read, are accepted whatever the person is in the middle of.
ENTRY_ACTIONS = frozenset({"audit.start", "audit.start_case", "audit.resume", "audit.restore", "audit.view",
                           "audit.compare", "audit.reflect", "audit.reopen", "audit.moderate_open",
                           "audit.moderation_accept", "audit.moderation_reply", "actions.done", "actions.done_confirm",
                           "actions.done_keep", "actions.reopen", *action_removal.REMOVE_ANSWERS,
                           more_time_answer.GIVE, more_time_answer.REFUSE, not_mine.STAYS,
                           *checklist_switch.ACTIONS})  # a switch's buttons carry the version: stale ones refused
_CONTROLS = frozenset({"audit.back", "audit.pause", "audit.cancel"})
_DECIDING = frozenset({"audit.moderate_agree", "audit.moderate_disagree", "audit.moderate_grade"})
_MODERATION_FIRST, _REGRADE_FIRST = moderation_action.FIRST_ACTION, regrade_action.FIRST_ACTION


def _spec(typed: TypedHandler | None, actions: set[str] | frozenset[str], screen: Screen, *, commands: bool = False,
          free_text: str | None = None, typed_wrong: tuple[str, ...] | None = None) -> StateSpec:
    return StateSpec(typed, frozenset(actions) | ENTRY_ACTIONS, screen, commands, free_text, typed_wrong)


STATES: Mapping[State, StateSpec] = MappingProxyType({
    # A whole command typed while an audit is being started runs (a trial's `home` picked "Exploitation, missing and
    # harm outside the home"), unless it is what the start waits for (bot.audits.start_again shows the start again).
    State.CHOOSE_CHECKLIST: _spec(_while_starting(_checklist_typed), set(),
                                  lambda services, c: audits_start.checklist_screen(services,
                                                                                    c.data.get("case_ref")),
                                  commands=True),
    State.CASE_REFERENCE: _spec(_while_starting(_case_reference), {"audit.start_cancel"},
                                lambda services, c: audits_start.case_reference_screen(services,
                                                                                       str(c.data["checklist"])),
                                commands=True),
    State.WORKER: _spec(_in_audit(_worker_text), {"audit.worker", "audit.pause", "audit.cancel"},
                        _shown("worker"), commands=True),
    State.QUESTION: _spec(_in_audit(_still_at_if_refused(audits_questions.typed)),
                          _CONTROLS | {"audit.answer", "audit.guidance", "audit.skip"}, _shown("question"),
                          commands=True),  # a question typed where a text answer is wanted: free_text_wanted
    State.EVIDENCE: _spec(_in_audit(_still_at_if_refused(audits_questions.typed)),
                          _CONTROLS | {"audit.guidance"} | note_check.ACTIONS,
                          _shown("evidence"),
                          commands=True, free_text="evidence note"),
    State.REVIEW: _spec(_in_audit(_review_text), _CONTROLS | {"audit.next", "audit.submit"}, _shown("review"),
                        commands=True),
    State.OVERALL_GRADE: _spec(_in_audit(concern_grade_answer.typed),
                               _CONTROLS | {"audit.grade", concern_grade.YES, concern_grade.NO},
                               _shown("overall_grade"), commands=True),
    State.GRADE_REASON: _spec(_in_audit(audits_typed_grade.typed_reason), _CONTROLS, _shown("grade_reason"),
                              commands=True, free_text="reason"),
    State.STRENGTHS: _spec(_in_audit(audits_finish.typed), _CONTROLS | {"audit.skip"} | strengths_shortfall.ACTIONS,
                           _shown("strengths"),
                           commands=True, free_text="strengths"),
    State.DEVELOPMENT: _spec(_in_audit(audits_finish.typed), _CONTROLS | {"audit.skip"}, _shown("development"),
                             commands=True, free_text="areas for development"),
    State.ACTIONS: _spec(_in_audit(actions_step.typed), _CONTROLS | {"audit.actions_done", "audit.remove_action"},
                         _shown("actions"), commands=True, free_text="action"),
    State.ACTION_OWNER: _spec(_in_audit(audits_finish.typed), _CONTROLS | {"audit.owner"}, _shown("action_owner"),
                              commands=True),
    State.ACTION_DUE: _spec(_in_audit(audits_finish.typed), _CONTROLS, _shown("action_due"), commands=True),
    State.SUBMIT: _spec(_in_audit(_submit_text), _CONTROLS | {"audit.submit"}, _shown("submit"), commands=True),
    State.CONFIRM_CANCEL: _spec(_while_confirming_cancel, {"audit.cancel_confirm", "audit.cancel_keep", "audit.cancel"},
                                _step(audits_start.cancel_question), commands=True),
    State.CONFIRM_ALERT: _spec(_while_confirming_alert,
                               {"audit.alert_send", "audit.alert_back", "audit.pause", "audit.cancel"},
                               lambda services, c: alert_confirm.screen(services, c.audit(services), c.data),
                               commands=True),
    State.PAUSED: _spec(None, set(), lambda _services, c: audits_start.paused_screen(c.audit_id)),
    State.REFLECTION: _spec(_reflection, set(), lambda _services, c: audits_finish.reflection_prompt(c.audit_id)),
    # Agree / Disagree, waited at once an audit is opened for moderation: `1`, `2`, `agree`, `disagree` typed there
    # are the moderation's, never an answer to the moderator's own draft (bot.audits.moderation_decision).
    State.MODERATION_DECISION: _spec(_moderating(_moderation_decision), _DECIDING,
                                     lambda services, c: moderation.decision_screen(services, c.audit_id),
                                     commands=True),
    # A moderator writing their decision: a whole command runs aside and the moderation follows, as at an audit's
    # steps (bot.audits.answered_aside); `back`, `pause` and `cancel` keep a meaning of their own (_moderating), and
    # at an Inadequate's action `back` goes back a question, the owner to the action's text (_back_a_question).
    State.MODERATION_GRADE: _spec(_moderating(_moderation_grade), _DECIDING,
                                  lambda services, c: moderation.grade_question(c.audit(services).audit),
                                  commands=True),
    State.MODERATION_REASON: _spec(_moderating(_moderation_reason), _DECIDING, _moderation_reason_screen,
                                   commands=True, free_text="reason",  # trial 21: a question was saved as one
                                   typed_wrong=moderation.STEP_WORDS),  # fix34a: so were `mod abc`, `agre`
    State.MODERATION_ACTION: _spec(_moderating(_change_of_mind(_went_back(None, _moderation_action))), _DECIDING,
                                   lambda _services, c: moderation_action.prompt_for(c.data),
                                   commands=True, free_text="action"),  # trial 39: a question became the action
    State.MODERATION_ACTION_OWNER: _spec(
        _moderating(_change_of_mind(_went_back(_MODERATION_FIRST, _back_a_question(_MODERATION_FIRST,
                                                                                   _moderation_action_owner))),
                    back=False),
        _DECIDING | {_MODERATION_FIRST.owner_button, _MODERATION_FIRST.back_button},
        lambda services, c: _MODERATION_FIRST.owner_prompt(services, c.data), commands=True),
    State.MODERATION_ACTION_DUE: _spec(
        _moderating(_change_of_mind(_went_back(_MODERATION_FIRST, _back_a_question(_MODERATION_FIRST,
                                                                                   _moderation_action_due))),
                    back=False),
        _DECIDING | {_MODERATION_FIRST.back_button},
        lambda services, c: _MODERATION_FIRST.due_prompt(services, c.data), commands=True),
    State.MODERATION_CONFIRM_ALERT: _spec(_moderating(_change_of_mind(_while_confirming_moderation_alert), back=False),
                                          _DECIDING | {moderation_alert.SEND, moderation_alert.BACK},
                                          lambda services, c: [moderation_alert.screen(services, c.data)],
                                          commands=True),
    State.MODERATION_CONFIRM_CONCERN: _spec(_moderating(_change_of_mind(_while_confirming_moderation_concern)),
                                            _DECIDING | {moderation_concern.YES, moderation_concern.NO},
                                            lambda services, c: [moderation_concern.screen(services, c.data)],
                                            commands=True),
    State.MODERATION_RESPONSE: _spec(_moderation_response, set(),
                                     lambda _services, c: readback.response_prompt(c.audit_id)),
    # An auditor adding the first action a new Inadequate grade needs (`/audit edit 12 grade inadequate <why>`): a
    # whole command runs aside and the question follows, as at an audit's steps; `back` goes back a question, and
    # `agree` or `disagree` is the decision on a moderation they hold (opened aside with `moderate 3`), never the
    # action (the grade change is then said to be dropped: bot.audits.regrade_left).
    State.REGRADE_REASON: _spec(_change_of_mind(_regrade_reason), set(),
                                lambda _services, c: regrade_reason.prompt(c.data), commands=True, free_text="reason"),
    State.REGRADE_ACTION: _spec(_change_of_mind(_regrade_action), set(),
                                lambda _services, c: regrade_action.description_prompt(c.data), commands=True),
    State.REGRADE_ACTION_OWNER: _spec(_change_of_mind(_back_a_question(_REGRADE_FIRST, _regrade_action_owner)),
                                      {_REGRADE_FIRST.owner_button, _REGRADE_FIRST.back_button},
                                      lambda services, c: _REGRADE_FIRST.owner_prompt(services, c.data),
                                      commands=True),
    State.REGRADE_ACTION_DUE: _spec(_change_of_mind(_back_a_question(_REGRADE_FIRST, _regrade_action_due)),
                                    {_REGRADE_FIRST.back_button},
                                    lambda services, c: _REGRADE_FIRST.due_prompt(services, c.data), commands=True),
})

# A moderator writing their decision: a press of Agree, Disagree or a grade for that audit belongs here.
_MODERATOR_WRITING = (State.MODERATION_GRADE, State.MODERATION_REASON, State.MODERATION_ACTION,
                      State.MODERATION_ACTION_OWNER, State.MODERATION_ACTION_DUE, State.MODERATION_CONFIRM_ALERT,
                      State.MODERATION_CONFIRM_CONCERN)
MODERATING = frozenset(_MODERATOR_WRITING)
# An audit being started: its checklist or its case reference asked, nothing stored yet.
STARTING = frozenset({State.CHOOSE_CHECKLIST, State.CASE_REFERENCE})
# An auditor giving the reason for a grade change, or adding the first action a new Inadequate grade needs, before the
# grade change is stored.
REGRADING = frozenset({State.REGRADE_REASON, State.REGRADE_ACTION, State.REGRADE_ACTION_OWNER,
                       State.REGRADE_ACTION_DUE})

# States that belong to a person rather than to one audit's step.
PERSON_STATES = frozenset({State.CHOOSE_CHECKLIST, State.CASE_REFERENCE, State.REFLECTION, State.MODERATION_DECISION,
                           State.MODERATION_GRADE,
                           State.MODERATION_REASON, State.MODERATION_ACTION, State.MODERATION_ACTION_OWNER,
                           State.MODERATION_ACTION_DUE, State.MODERATION_CONFIRM_ALERT,
                           State.MODERATION_CONFIRM_CONCERN,
                           State.MODERATION_RESPONSE, State.REGRADE_REASON, State.REGRADE_ACTION,
                           State.REGRADE_ACTION_OWNER, State.REGRADE_ACTION_DUE})
STEP_STATES = frozenset(State(name) for name in FLOW_STEPS if name not in ("choose_checklist", "case_reference"))
# Where leaving words (`got to go`, `brb`, `can i pause this`: bot.audits.leaving_words) pause the audit, never stored.
LEAVABLE = STEP_STATES | {State.CONFIRM_ALERT}
# Where they pause a moderation being written, as `pause` does (bot.audits.moderation.step_out).
MODERATION_LEAVABLE = MODERATING | {State.MODERATION_DECISION}


# -- where a conversation stands -------------------------------------------------------------------------

def audit_state(data: Mapping[str, Any], audit: store.AuditRow) -> State:
    """The state of the conversation about one of the person's drafts: paused, asking whether to cancel or to send
    an alert, or at its step. `data` is the person's stored conversation (it may be about another audit)."""
    if audit.state.get("paused"):
        return State.PAUSED
    asking = next((s for s in (State.CONFIRM_CANCEL, State.CONFIRM_ALERT) if data.get("awaiting") == s.value), None)
    if asking is not None and data.get("audit_id") == audit.id and data.get("version") == audit.step_version:
        return asking
    return State(audit.step.partition(":")[0])


def current(services: Services, turn: Turn) -> Conversation | None:
    """Where this person's conversation stands, or None when the bot waits for nothing from them.

    A stored conversation inside an audit counts only while the audit is their own draft and not paused.
    """
    data = store.conversation(services.storage, turn.user_id)
    if data.get("feature") != "audit":
        return None
    awaiting = str(data.get("awaiting"))
    person_state = next((s for s in PERSON_STATES if s.value == awaiting), None)
    if person_state is State.MODERATION_DECISION and not moderation_hold.holds(services, turn.user_id,
                                                                                int(data.get("audit_id") or 0)):
        return None  # decided meanwhile (a button on an older message), or taken over: nothing waits here now
    if person_state is not None:
        return Conversation(person_state, data)
    if "audit_id" not in data:
        return None
    ctx = load(services, int(data["audit_id"]))
    if ctx.audit.status != "draft" or ctx.audit.auditor_id != turn.user_id or ctx.audit.state.get("paused"):
        return None
    return Conversation(audit_state(data, ctx.audit), data, ctx)


def where_you_are(services: Services, turn: Turn) -> list[Reply]:
    """What the bot is waiting for from this person, shown again: a new terminal session starts with an empty screen,
    so a typed "1" or "yes" would otherwise answer a question (or pick a button) nobody can see."""
    conversation = current(services, turn)
    if conversation is None or conversation.state is State.PAUSED:
        return draft_waiting.on_opening(services, turn, audits_start.resume)  # a resume list, a note (trial 57)
    screen = STATES[conversation.state].screen(services, conversation)
    lead = _picking_up(conversation)
    if screen and conversation.ctx is not None and conversation.state not in (
            State.CONFIRM_CANCEL, State.CONFIRM_ALERT) and (
            switched := switch_waiting.shown_again(services, turn, conversation.ctx)):  # never answered unseen
        screen, lead = switched, "Picking up where you left off:"  # the switch asked, not the question
    return [Reply(kind="notice", text=lead), *screen] if screen else []


def _picking_up(conversation: Conversation) -> str:
    """The line a new session opens with above the step shown again: which audit, case and checklist it is and the
    step in words, "at Q2", "at the overall grade", "at the urgent alert's confirmation (Q1)" (trial 59, F12: with
    two drafts, "Picking up where you left off" named neither; trial 60, F4: it still did at every step but a
    question)."""
    ctx = conversation.ctx
    where = waiting_in_words(ctx.checklist, ctx.audit.step, conversation.state.value) if ctx is not None else ""
    if ctx is None or not where:
        return "Picking up where you left off:"
    return f"Picking up audit #{ctx.audit.id} ({ctx.audit.case_ref}, {ctx.checklist.title}) at {where}:"


def typed_text(services: Services, turn: Turn, text: str, shortcuts: re.Pattern[str],
               commands: Shapes, mistyped: Mistyped | None = None) -> list[Reply] | None:
    """Claim typed text only when the state this person is in takes typed text (see STATES). A shortcut
    (`continue`, `start audit…`) is left to its handler, and so is a whole command where the state's `commands`
    says so (`commands` are the engine's typed shapes), unless it picks an option of the choice question waiting
    ("continue" for "Continue early help as planned"). `mistyped` reads a command typed wrong where the state
    checks for one (its `typed_wrong` column)."""
    conversation = current(services, turn)
    if conversation is not None and leaving(text) and (paused := _left(services, turn, conversation)) is not None:
        return paused
    if shortcuts.match(text) and (conversation is None or not (_picks_an_option(conversation, text)
                                                               or _a_counted_answer(conversation, text)
                                                               or _a_loose_answer(services, conversation, text)
                                                               or _goes_on_from_review(conversation, text))):
        return None
    if conversation is None or STATES[conversation.state].typed is None:
        return None
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    if _a_reason(services, conversation, text, commands):
        return _read(services, turn, conversation, text)  # "help was needed" at "Why?": the reason, not `help`
    if aside(services, conversation, text, commands) is Aside.COMMAND:
        return None  # run as the command; bot.audits.answered_aside shows the step again
    if (wrong := _typed_wrong(services, conversation, text, mistyped)) is not None:
        return wrong
    return _read(services, turn, conversation, text)


def _goes_on_from_review(conversation: Conversation, text: str) -> bool:
    """`continue` (or `carry on`) at the review: its button says "Continue to the overall grade", so it goes on, as
    `next` does, never `resume`'s "Carrying on … where you stopped" with the review shown again (trial 41)."""
    return conversation.state is State.REVIEW and (GO_ON_WORDS.match(text) or REVIEW_OK_WORDS.match(text)) is not None


def _a_reason(services: Services, conversation: Conversation, text: str, commands: Shapes) -> bool:
    """Whether the text is a short reason that starts with a command's word, where the state checks for commands
    typed wrong (`typed_wrong`: a moderation's "Why?"): saved as the reason, never run or put right (fix37a)."""
    return (STATES[conversation.state].typed_wrong is not None
            and reason_sentence.a_reason(text, commands, reason_sentence.argument_names(services, commands)))


def _typed_wrong(services: Services, conversation: Conversation, text: str,
                 mistyped: Mistyped | None) -> list[Reply] | None:
    """A command typed wrong where the state checks for one (`typed_wrong`): what was meant, then the step asked
    again, saying nothing was saved and how to give the text it waits for."""
    spec = STATES[conversation.state]
    if spec.typed_wrong is None or mistyped is None or (meant := mistyped(text, spec.typed_wrong)) is None:
        return None
    wanted = free_text_wanted(services, conversation) or "answer"
    return [*meant, Reply(kind="notice", text=f"Nothing was saved as your {wanted}: type the command as shown, or "
                                              f"your {wanted} in a sentence of your own words."),
            *spec.screen(services, conversation)]


def _left(services: Services, turn: Turn, conversation: Conversation) -> list[Reply] | None:
    """Leaving words (bot.audits.leaving_words) typed inside an audit pause it (trial 32); typed while moderating
    they pause the moderation as `pause` does, saying how to carry on, never the reason or the action (trials 33 and
    35: `sorry got to go, will finish this later` was saved as the reason and sent). None where they are not a
    leaving."""
    if conversation.ctx is not None and conversation.state in LEAVABLE:
        return not_in_channel(turn) or audits_start.pause(services, turn, conversation.ctx.value())
    if conversation.state in MODERATION_LEAVABLE:
        return not_in_channel(turn) or moderation.step_out(services, turn, conversation.audit_id, "pause")
    return None


class Aside(Enum):
    """Typed text that is not for the state the conversation is in, answered aside while the step waits."""

    COMMAND = "command"    # a whole command: it runs
    QUESTION = "question"  # a question where free text is wanted: the knowledge base answers it, nothing is stored


def aside(services: Services, conversation: Conversation, text: str, commands: Shapes) -> Aside | None:
    """What `text` is when the state does not take it (see the `commands` and `free_text` columns), else None.

    Only a question marked with `?` is decided here; other questions are left by the step's own handler once it
    finds they are not an answer ("what is a strategy discussion?" at a number question)."""
    if (STATES[conversation.state].commands and is_command_line(text, commands)
            and not _picks_an_option(conversation, text)
            and not _what_starting_waits_for(services, conversation, text)):
        return Aside.COMMAND
    return Aside.QUESTION if _marked_question(services, conversation, text) else None


def _marked_question(services: Services, conversation: Conversation, text: str) -> bool:
    """A question where free text is wanted: one ending with "?", or announced as one (`quick question, …`, `hang on
    whats …`: bot.audits.question_opening); at a grade's evidence note, also one shaped as a question without its "?"
    (`what counts as seen alone for a toddler`, trial 41); there and at a text answer, one holding a question in the
    person's own voice (`…, do i need to do anything`, trial 60, F28); elsewhere a note that starts with a question's
    words is a note."""
    shaped = ((conversation.state is State.EVIDENCE and shaped_as_question(text))
              or (conversation.state in (State.QUESTION, State.EVIDENCE) and asked_in_line(text) is Asked.SURE))
    return (free_text_wanted(services, conversation) is not None
            and (text.rstrip().endswith("?") or announced_question(text) or shaped)
            and not _asks_for_guidance(conversation, text) and answer_change.asked_label(text) is None)


def _asks_for_guidance(conversation: Conversation, text: str) -> bool:
    """"what does good look like here?" at a question or its evidence note: that question's *What good looks like*,
    as the button shows it, not a question for the knowledge base."""
    return (conversation.state in (State.QUESTION, State.EVIDENCE) and audits_questions.asks_for_guidance(text)
            and not _picks_an_option(conversation, text))


def _read(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    """Text read by the state's typed handler, except a question where free text is wanted (left for the knowledge
    base, never stored as the note the worker's summary and the moderator would read), and the question's guidance
    asked for in words."""
    if _asks_for_guidance(conversation, text):
        return audits_questions.guidance(services, conversation.audit(services))
    if _marked_question(services, conversation, text):
        return None
    spec = STATES[conversation.state]
    try:
        replies = spec.typed(services, turn, conversation, text) if spec.typed else None
    except UserError:  # refused as the step reads it: a button's label typed does what the button does
        if (by_label := _label_pressed(services, turn, conversation, text)) is not None:
            return by_label
        raise
    return replies if replies is not None else _label_pressed(services, turn, conversation, text)


def _label_pressed(services: Services, turn: Turn, conversation: Conversation, text: str) -> list[Reply] | None:
    spec = STATES[conversation.state]
    return labels_typed.pressed(services, turn, text, lambda: spec.screen(services, conversation), ACTIONS,
                                spec.actions)


def free_text_wanted(services: Services, conversation: Conversation) -> str | None:
    """What free text this conversation waits for ("evidence note"), or None: the state's `free_text`, or "answer"
    at a question whose answer is text."""
    wanted = STATES[conversation.state].free_text
    if wanted is not None or conversation.state is not State.QUESTION:
        return wanted
    step = conversation.audit(services).step
    question = conversation.audit(services).checklist.question(step.question_id) if step.question_id else None
    return "answer" if question is not None and question.type == "text" else None


def _what_starting_waits_for(services: Services, conversation: Conversation, text: str) -> bool:
    """Whether the text is what an audit being started waits for, whatever command it also reads as: a checklist's
    whole title or id at the checklists; a case reference at the case reference (`show 1234` is the case SHOW-1234
    there, as a reference asked for always was: bot.engine.near_miss.names_a_command)."""
    if conversation.state is State.CHOOSE_CHECKLIST:
        return bool(audits_start.exact_checklists(checklists(services), text))
    if conversation.state is State.CASE_REFERENCE:
        return typed_case_reference(text, services.settings.case_reference_pattern) is not None
    return False


def _a_counted_answer(conversation: Conversation, text: str) -> bool:
    """Whether `2 done` (an action's number first, bot.audits.action_status.NUMBER_FIRST) may be the answer to the
    question waiting: one whose answer is a number or text ("How many visits were completed?"). `done 2` is an
    action's everywhere; the number first is only where it cannot be an answer."""
    if conversation.state is not State.QUESTION or conversation.ctx is None:
        return False
    step = conversation.ctx.step
    if step.name != "question" or not step.question_id or not action_status.NUMBER_FIRST_DONE.match(text):
        return False
    return conversation.ctx.checklist.question(step.question_id).type in ("number", "text")


def _a_loose_answer(services: Services, conversation: Conversation, text: str) -> bool:
    """Whether a loose way of saying an action is done (`done 3 home visits`, `ive done 3`:
    bot.audits.action_status.LOOSE_DONE) is rather the free text the conversation waits for (an evidence note, a
    text answer). A number question's reader would refuse such words, so there they are the action's."""
    return (action_status.loosely_done(text) and conversation.ctx is not None
            and free_text_wanted(services, conversation) is not None)


def _picks_an_option(conversation: Conversation, text: str) -> bool:
    """Whether the text names exactly one option of the choice question this conversation waits on."""
    if conversation.state is not State.QUESTION or conversation.ctx is None:
        return False
    step = conversation.ctx.step
    if step.name != "question" or not step.question_id:
        return False
    question = conversation.ctx.checklist.question(step.question_id)
    return question.type == "choice" and len(matching_options(question.options, text)) == 1


# -- buttons ---------------------------------------------------------------------------------------------

ACTIONS: Mapping[str, ActionHandler] = MappingProxyType({
    "audit.start": lambda services, turn, value: audits_start.start(services, turn, buttons.key(value)),
    "audit.start_case": audits_start.start_case, "audit.start_cancel": audits_start.cancel_start,
    "audit.resume": audits_start.resume, "audit.worker": audits_start.on_worker,
    "audit.pause": audits_start.pause, "audit.cancel": audits_start.cancel,
    "audit.cancel_confirm": audits_start.cancel_confirmed, "audit.cancel_keep": audits_start.cancel_kept,
    "audit.restore": audits_start.restore,
    checklist_switch.PICK: checklist_switch.on_pick, checklist_switch.CONFIRM: checklist_switch.on_confirm,
    checklist_switch.KEEP: checklist_switch.on_keep,
    "audit.alert_send": alert_send.on_send, "audit.alert_back": alert_confirm.back,
    note_check.KEEP: audits_questions.on_note_keep, note_check.RETYPE: note_check.on_retype,
    strengths_shortfall.KEEP: strengths_shortfall.on_keep, strengths_shortfall.MOVE: strengths_shortfall.on_move,
    concern_grade.YES: concern_grade_answer.on_yes, concern_grade.NO: concern_grade_answer.on_no,
    "audit.answer": audits_questions.on_answer, "audit.guidance": audits_questions.on_guidance,
    "audit.back": audits_questions.on_back, "audit.skip": skipping.on_skip,
    "audit.next": audits_finish.on_next, "audit.grade": audits_finish.on_grade,
    "audit.owner": audits_finish.on_owner, "audit.actions_done": audits_finish.on_actions_done,
    "audit.submit": audits_finish.on_submit, "audit.view": readback.on_view, "audit.compare": compare.on_compare,
    "audit.reflect": audits_finish.on_reflect, "audit.reopen": audits_finish.on_reopen,
    "audit.moderate_open": moderation.on_open, "audit.moderate_agree": moderation.on_agree,
    "audit.moderate_disagree": moderation.on_disagree, "audit.moderate_grade": moderation.on_grade,
    # an owner's button, then a due date typed in the action's text as the due state reads it (as typed owners are)
    moderation_action.FIRST_ACTION.owner_button:
        lambda services, turn, value: moderation_action.FIRST_ACTION.on_owner(services, turn, value,
                                                                              moderation.action_due),
    regrade_action.FIRST_ACTION.owner_button:
        lambda services, turn, value: regrade_action.FIRST_ACTION.on_owner(services, turn, value,
                                                                           regrade_check.action_due),
    moderation_action.FIRST_ACTION.back_button: moderation_action.FIRST_ACTION.on_back,
    regrade_action.FIRST_ACTION.back_button: regrade_action.FIRST_ACTION.on_back,
    moderation_alert.SEND: moderation.on_alert_send, moderation_alert.BACK: moderation.on_alert_back,
    moderation_concern.YES: moderation.on_concern_yes, moderation_concern.NO: moderation.on_concern_no,
    "audit.moderation_accept": readback.on_accept, "audit.moderation_reply": readback.on_reply,
    "audit.remove_action": action_removal.on_remove,
    "actions.done": action_status.on_done, "actions.done_confirm": action_status.on_done_confirm,
    "actions.done_keep": action_status.on_done_keep, "actions.reopen": action_status.on_reopen,
    more_time_answer.GIVE: more_time_withdraw.on_give, more_time_answer.REFUSE: more_time_withdraw.on_refuse,
    not_mine.STAYS: not_mine.on_stays,
    action_removal.REMOVE_ANSWERS[0]: action_removal.on_remove_confirm,
    action_removal.REMOVE_ANSWERS[1]: action_removal.on_remove_keep,
})
STEP_HINT = "type `/audit resume` to carry on"
# The owner and Back buttons of the first action an Inadequate grade needs (bot.audits.inadequate_action), and the
# states each belongs to: a press in another state is stale.
_FIRST_ACTION_STATES = MappingProxyType({
    moderation_action.FIRST_ACTION.owner_button: frozenset({State.MODERATION_ACTION_OWNER}),
    regrade_action.FIRST_ACTION.owner_button: frozenset({State.REGRADE_ACTION_OWNER}),
    moderation_action.FIRST_ACTION.back_button: frozenset({State.MODERATION_ACTION_OWNER,
                                                           State.MODERATION_ACTION_DUE}),
    regrade_action.FIRST_ACTION.back_button: frozenset({State.REGRADE_ACTION_OWNER, State.REGRADE_ACTION_DUE}),
})


# A moderator's checks before saving (an alert; a Good over an immediate concern): each button and its state.
_CHECK_STATES = MappingProxyType({
    moderation_alert.SEND: State.MODERATION_CONFIRM_ALERT, moderation_alert.BACK: State.MODERATION_CONFIRM_ALERT,
    moderation_concern.YES: State.MODERATION_CONFIRM_CONCERN, moderation_concern.NO: State.MODERATION_CONFIRM_CONCERN,
})


class Unplaced(Enum):
    """A press the table cannot place in a state."""

    NO_CONVERSATION = "no conversation"  # the person's conversation is not where this button belongs: stale
    HANDLER_DECIDES = "handler decides"  # a value that does not decode, or an audit that is not the person's
    # draft at that version: the handler refuses it in its own words (stale, duplicate, not yours, submitted…)


def _press_state(services: Services, turn: Turn, action: str, value: str) -> State | Unplaced:
    """The state of the conversation this press belongs to: the moderation of the audit it names, the person's
    own conversation (the case reference's Cancel), or the draft it names at the version it was made for."""
    if action in _DECIDING:
        try:
            audit_id = buttons.id_and_key(value)[0] if ":" in (value or "") else buttons.record_id(value)
        except buttons.StaleButton:
            return Unplaced.HANDLER_DECIDES
        data = store.conversation(services.storage, turn.user_id)
        deciding = {s.value for s in _MODERATOR_WRITING}
        waiting_here = data.get("audit_id") == audit_id and data.get("awaiting") in deciding
        return State(data["awaiting"]) if waiting_here else State.MODERATION_DECISION
    if action in _FIRST_ACTION_STATES:
        awaiting = store.conversation(services.storage, turn.user_id).get("awaiting")
        return next((s for s in _FIRST_ACTION_STATES[action] if s.value == awaiting), Unplaced.NO_CONVERSATION)
    if action in _CHECK_STATES:  # the handler refuses another question's button
        awaiting = store.conversation(services.storage, turn.user_id).get("awaiting")
        checking = _CHECK_STATES[action]
        return checking if awaiting == checking.value else Unplaced.HANDLER_DECIDES
    if action == "audit.start_cancel":
        data = store.conversation(services.storage, turn.user_id)
        return next((s for s in PERSON_STATES if s.value == data.get("awaiting")), Unplaced.NO_CONVERSATION)
    try:
        press = buttons.step_press(value)
    except buttons.StaleButton:
        return Unplaced.HANDLER_DECIDES
    audit = store.get_audit(services.storage, press.audit_id)
    if (audit is None or audit.auditor_id != turn.user_id or audit.status != "draft"
            or audit.step_version != press.version):
        return Unplaced.HANDLER_DECIDES
    return audit_state(store.conversation(services.storage, turn.user_id), audit)


def press(services: Services, turn: Turn, action: str, value: str) -> list[Reply]:
    """Run a button's handler if the state its conversation is in accepts it; otherwise it is stale and
    nothing changes."""
    if action not in ENTRY_ACTIONS:
        state = _press_state(services, turn, action, value)
        if state is Unplaced.NO_CONVERSATION or (isinstance(state, State) and action not in STATES[state].actions):
            raise buttons.StaleButton(STEP_HINT if action != "audit.start_cancel" else buttons.DEFAULT_HINT)
    return ACTIONS[action](services, turn, value)
