"""A message answered aside while an audit waits: the audit's step is shown again after the answer.

Typed text the audit does not take (a question for the knowledge base, small talk, `help`, a command word) goes to
other features, and their answer used to be the last thing on screen, with its own buttons. This watch
(`Engine.add_message_watch`) notes where the person's audit stands before the message; afterwards, if the audit has
not moved and the message got an answer that does not show the step already, the step follows, led by "Back to audit
#N, question L:" (bot.audits.step_reminder). A refusal alone adds nothing: the question on screen still stands; nor
does an answer that asks a question of its own (`redact 140 t1`: "Remove t1 for good?"), whose options must stay the
latest so a typed `1` answers it; its Yes or No is then followed by the step (`after_press`).

What goes aside rather than to the step is decided by the conversation's table (bot.audits.conversation: a whole
command such as `show 140`, and a question typed where a note is wanted); this shows the step again after it. The
same holds while a moderator writes their decision (the grade, the reason, an Inadequate's action, the check before
an alert): `show 3` or `home` runs, then "Back to your moderation of audit #3:" and what it waits for; and while an
auditor adds the first action a new Inadequate grade needs (`/audit edit 3 grade inadequate <why>`), followed by "Back
to your grade change of audit #3:".
"""

from __future__ import annotations

from collections.abc import Callable

from bot.audits import conversation, start_again, step_reminder
from bot.audits.conversation import Conversation, State
from bot.audits.numbering import question_label
from bot.audits.question_opening import Asked, asked_in_line, shaped_as_question
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.near_miss import Shapes
from bot.engine.routing import Turn

WATCHED = (conversation.STEP_STATES | {State.CONFIRM_CANCEL, State.CONFIRM_ALERT} | conversation.MODERATING
           | conversation.REGRADING | conversation.STARTING)


def watch(services: Services, turn: Turn, text: str, commands: Shapes) -> Callable[[list[Reply]], list[Reply]] | None:
    """Around a message typed while one of the person's drafts waits at a step: the step again, when the message was
    answered by something else. A question typed where a note is wanted also says the note was not saved, and how to
    save a note that really ends with `?` (`commands`: the engine's typed shapes, to tell a command from a question).
    """
    before = conversation.current(services, turn)
    if before is None or before.state not in WATCHED:
        return None
    aside = conversation.aside(services, before, text, commands)
    said = _not_saved(services, before, text, aside)
    return _afterwards(services, turn, before, said, refused_too=aside is conversation.Aside.COMMAND, typed=text)


def _not_saved(services: Services, before: Conversation, text: str, aside: conversation.Aside | None) -> list[Reply]:
    """What a question answered aside did not become: "it is not saved as your evidence note" where a note is
    wanted; at a question with options, a question without its "?" read surely as one (`…, do i need to do
    anything`, trial 60, F28) "is not kept as a note on question 2a", and how to keep it as one."""
    wanted = conversation.free_text_wanted(services, before)
    if aside is conversation.Aside.QUESTION:
        how = ("without the question mark" if text.rstrip().endswith("?")  # `quick question, …` (trial 31): no mark
               else "worded as a note, not a question" if shaped_as_question(text) or asked_in_line(text)
               else "starting with its own words")
        return [Reply(kind="notice", text=f"I read that as a question for me, so it is not saved as your {wanted}. If "
                                          f"it was your {wanted}, type it again {how}.")]
    step = before.ctx.step if before.ctx is not None else None
    if (wanted is not None or step is None or step.name != "question" or not step.question_id
            or "?" in text or asked_in_line(text) is not Asked.SURE):
        return []
    checklist = before.audit(services).checklist
    how = ("`no, <your note>`" if checklist.question(step.question_id).type == "yes_no"
           else "your answer, a comma, then the note")
    return [Reply(kind="notice", text=f"I read that as a question for me, so it is not kept as a note on question "
                                      f"{question_label(checklist, step.question_id)}. If it was your note, type "
                                      f"your answer with it: {how}.")]


def press_watch(services: Services, turn: Turn, action: str) -> Callable[[list[Reply]], list[Reply]] | None:
    """Around a button that is not the step's own, pressed while a draft waits at a step (a related question under
    a knowledge-base answer): the step again after its answer, as after a message answered aside. Without it a
    trial user's `2`, meant as No, opened the answer's second related question (trial 21). The buttons taken at any
    step (`ENTRY_ACTIONS`: a "Mark action #1 done?" Yes, Reopen) are not the step's own either: `1` picking that Yes
    showed only "1) Reopen", so the next `1`, meant as *No more actions*, reopened the action, where a typed `yes`
    came back to the audit (trial 50)."""
    before = conversation.current(services, turn)
    if before is None or before.state not in WATCHED or (action in conversation.STATES[before.state].actions
                                                         and action not in conversation.ENTRY_ACTIONS):
        return None
    return _afterwards(services, turn, before, [])


def after_press(services: Services, handler: Callable[[Turn, str], list[Reply]]) -> Callable[[Turn, str], list[Reply]]:
    """A button that is not the audit's, pressed while a draft waits at a step (a redaction's Yes, remove it): the
    step again after its answer, as after a message answered aside, so its options are on screen again."""
    def pressed(turn: Turn, value: str) -> list[Reply]:
        before = conversation.current(services, turn)
        afterwards = _afterwards(services, turn, before, []) if before is not None and before.state in WATCHED else None
        replies = handler(turn, value)
        return replies + (afterwards(replies) if afterwards is not None else [])
    return pressed


def _afterwards(services: Services, turn: Turn, before: Conversation, said: list[Reply],
                refused_too: bool = False, typed: str = "") -> Callable[[list[Reply]], list[Reply]]:
    """The step again after `before`'s step was answered aside, led by `said`; nothing when the step moved or is on
    screen already, or when the only answer was the step's own refusal. With `refused_too` (a whole command ran aside)
    a refusal is followed by the step as any other answer aside is: a refused `away until 31/02` mid-audit left the
    person with no question on screen (trial 17, F6). `typed`: the message, for an audit being started (a command's
    word that a checklist's name shares is said to fit it)."""
    where = _where(before)

    def afterwards(replies: list[Reply]) -> list[Reply]:
        mine = [reply for reply in replies if reply.is_for_requester]
        if not mine or (all(reply.kind == "error" for reply in mine) and not refused_too):
            return []
        if any(reply.kind == "question" for reply in mine):
            return []  # it asks its own question ("Remove t1 for good?"): its options stay the latest, for a number
        now = conversation.current(services, turn)
        if now is None or _where(now) != where:
            return []  # the message moved the audit on (or paused, cancelled, finished it): its own screen is shown
        screen = conversation.STATES[now.state].screen(services, now)
        shown = {choice for reply in mine for choice in reply.choices}
        if any(choice in shown for reply in screen for choice in reply.choices):
            return []  # the step is on screen already
        if now.state in conversation.STARTING:
            return [*said, *start_again.shown_again(services, now.data, typed)]
        if now.state in conversation.MODERATING:
            return [*said, *step_reminder.back_to_moderation(now.audit_id, screen)]
        if now.state in conversation.REGRADING:
            return [*said, *step_reminder.back_to_grade_change(now.audit_id, screen)]
        return [*said, *step_reminder.back_to(now.audit(services), screen)]

    return afterwards


def _where(standing: Conversation) -> tuple[State, int, int | None]:
    if standing.state in conversation.STARTING:  # nothing stored yet: no audit
        return standing.state, 0, None
    return standing.state, standing.audit_id, standing.ctx.version if standing.ctx is not None else None
