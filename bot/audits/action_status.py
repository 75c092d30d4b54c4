"""Marking an action done, and reopening one marked done by mistake (user trial).

The owner marks their own action done at once. Anyone else who may (their manager, an admin) is asked first, "Mark
action #7 done for Sam North?", Yes or No, pressed or typed, and the owner is told who did it. A done action can be
reopened by its owner, the auditor who set it, a manager of either, or an admin (bot.core.policy); who reopened it
and when are kept with it, and the owner is told when it was someone else.

Buttons: actions.done / done_confirm / done_keep / reopen "<action id>".
"""

from __future__ import annotations

import re

from bot.audits import action_done_told, done_later, done_note, reopen_said
from bot.audits.reopened_overdue import due_near, past_due
from bot.core import buttons, policy
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.storage import actions as action_store
from bot.storage.errors import Conflict, NotAllowed, NotFound
from knowledge.dates import short_date

HINT = "type `/audit actions` for the up-to-date list"
# Said of an action that does not exist and of one the person may not mark done alike, so that no one learns of another
# worker's action from it (trial 41: `done 3` said "Only the owner…" where `list case` said "none submitted yet").
NOT_FOUND = "I can't find that action; type `/audit actions` to see your open ones."
# "reopen action 12", "re-open action #12", "undo done action 12"; `reopen 12` (REOPEN_BARE) is action 12 too (trial
# 43), its refusal naming `/audit edit 12` for a submitted audit.
REOPEN_WORDS = re.compile(r"^\s*(?:re-?open|undo(?: done)?)\s+action\s+#?(?P<action>\d+)\s*[.!]?\s*$",
                          re.IGNORECASE)
REOPEN_BARE = re.compile(r"^\s*re-?open\s+#?(?P<id>\d+)\s*[.!]?\s*$", re.IGNORECASE)
# "137 done", "#137 is done", "137 completed": the number first (trial 22: "137 done" went on the QA leads' list while
# "done 137" worked). Part of bot.audits.feature.DONE_WORDS; at an audit question whose answer is a number or text,
# "2 done" may be the answer, so there the step reads it (bot.audits.conversation.typed_text).
NUMBER_FIRST = r"#?(?P<first_id>\d+)\s+(?:is\s+|now\s+)?(?:done|completed?|finished)"
NUMBER_FIRST_DONE = re.compile(rf"^\s*{NUMBER_FIRST}\b", re.IGNORECASE)
# "ive done 29", "I've done 29", "i have done action 29", "finished 29", and `done 29` with a note but no dash ("done
# 29 chrono updated"): trial 29 found each went on the QA leads' list. Part of bot.audits.feature.DONE_WORDS; where
# the audit waits for free text or a number, such a line may be the answer ("done 3 home visits"), so there the step
# reads it (bot.audits.conversation.typed_text). A line with a question mark is a question. Trial 34: "ive done the
# direct work for action 45 now" got a knowledge-base answer: what was done may come before `for action 45`.
LOOSE_DONE = (r"(?:(?:i\s*['\u2019]?\s*ve|i\s+have)\s+(?:now\s+|just\s+|already\s+)?(?:done|completed?|finished)"
              r"|finished)\s+(?:action\s+)?#?(?P<loose_id>\d+)(?:\s+(?:as\s+)?done)?"
              r"(?:\s*[-\u2013\u2014:,;.]?\s*(?P<loose_note>(?![\d#&.,;:!\-\u2013\u2014]|and\b)[^?\s][^?]*?))?"
              r"|(?:i\s*['\u2019]?\s*ve|i\s+have|i)\s+(?:now\s+|just\s+|already\s+)?(?:done|completed?|finished)\s+"
              r"(?!action\b)[^?\d]{1,60}?\s+(?:for|on|from|in)\s+action\s+#?(?P<for_id>\d+)"
              r"(?:\s+(?:now|today|thanks|this\s+morning|this\s+afternoon))?"
              r"|done\s+(?:action\s+)?#?(?P<noted_id>\d+)"
              r"\s+(?P<noted_note>(?![\d#&,;:.\-\u2013\u2014]|and\b|as\b|is\b|due\b|owner\b)[^?\s][^?]*?)")
LOOSE_DONE_LINE = re.compile(rf"^\s*(?:{LOOSE_DONE})\s*[.!]?\s*$", re.IGNORECASE | re.DOTALL)
# Typed answers to "Mark action #7 done for …?" besides yes/no and the buttons' labels (bot.engine.confirmations).
ALSO_YES = ("yes, mark it done", "yes, it's done", "yes, done")
ANSWERS = ("actions.done_confirm", "actions.done_keep")  # the question's Yes and No buttons
# "done 3, 4 and 5": several actions in one line, said how to mark them (one by one) rather than read as a question.
DONE_MANY = re.compile(r"^\s*(?:done|completed?|mark)\s+(?:actions?\s+)?#?\d+(?:\s*(?:,|&|\band\b)\s*#?\d+)+"
                       r"(?:\s+(?:as\s+)?done)?\s*[.!]?\s*$", re.IGNORECASE)
# Words after `done 12` that are only polite ("done 12, thanks"): nothing to say about a note.
POLITE = re.compile(r"^(?:thanks|thank\s+you|thx|ta|cheers|please)\b[\s.!]*$", re.IGNORECASE)
ALSO_NO = ("no, keep it open", "keep it open", "no, leave it open", "leave it open", "no, leave it")


def typed_id(digits: str) -> int:
    """An action's number as typed (`done 12`, `reopen action 12`, `action 12 due …`). A number longer than any the bot
    gives is no action's, and is refused without being said back: it may be an NHS number pasted by mistake (a trial's
    `done 9434765919` was offered back as a case reference)."""
    number = buttons.typed_id(digits)
    if number is None:
        raise UserError(NOT_FOUND)
    return number


def _action(services: Services, action_id: int) -> action_store.ActionRow:
    action = action_store.get_action(services.storage, action_id)
    if action is None:
        raise UserError(_removed_said(services, action_id) or NOT_FOUND)
    return action


def _removed_said(services: Services, action_id: int) -> str | None:
    """"Action 29 was removed on 6 Dec 2026 by Team manager (North) …": its words are not kept (session 38), so who
    removed it and when is what is said of it; None when it was not removed."""
    removal = action_store.removal_of(services.storage, action_id)
    if removal is None:
        return None
    day = short_date(removal[0].astimezone(services.settings.timezone).date().isoformat())
    return (f"Action {action_id} was removed on {day} by {services.directory.label(removal[1])}, so there is nothing "
            "to do on it; type `/audit actions` to see your open ones.")


def _where(action: action_store.ActionRow) -> str:
    return f"_{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)})"


def on_done(services: Services, turn: Turn, value: str, note: str | None = None) -> list[Reply]:
    """The owner's own action is marked done at once; anyone else who may is asked to confirm first, since it goes
    off the owner's list (the owner is re-checked when it is recorded: buttons can be copied). `note`: what was said
    was done, screened, kept with it (bot.audits.done_note)."""
    action = _action(services, buttons.record_id(value, HINT))
    if action.owner_id == turn.user_id:
        return _complete(services, turn, action.id, note)
    if not policy.may_complete_for_others(services.directory, turn.person, action.owner_id):
        raise AccessDenied(NOT_FOUND)
    if action.done_at:
        raise StaleAction("That action is already marked done.")
    if note:
        done_note.keep_for_answer(services, turn, action.id, note)
    owner = services.directory.label(action.owner_id)
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"Mark action #{action.id} done for {owner}?\n{_where(action)}, due "
                              f"{short_date(action.due_date)}",
        choices=(Choice("Yes", "actions.done_confirm", str(action.id), "primary"),
                 Choice("No", "actions.done_keep", str(action.id)))), ALSO_YES, ALSO_NO,
        set_aside=f"Action {action.id} was not marked done: to mark it, type `done {action.id}` again.")]


def done_said(done: re.Match[str]) -> tuple[str, str | None]:
    """The action's number and the words after it from a line bot.audits.feature.DONE_WORDS matched, whichever of
    its forms was typed (`done 12 - note`, `12 done`, `ive done 12`, `done 12 note`)."""
    names = ("id", "said_id", "first_id", "loose_id", "for_id", "noted_id")
    number = next(done.group(name) for name in names if done.group(name))
    note = done.group("note") or done.group("loose_note") or done.group("noted_note")
    return number, note


def loosely_done(text: str) -> bool:
    """Whether the line is one of the loose ways of saying an action is done (LOOSE_DONE: `ive done 3`, `done 3 home
    visits`), which may instead be the answer where an audit waits for free text or a number. `done 12 thanks` is
    `done 12`, said politely."""
    loose = LOOSE_DONE_LINE.match(text)
    return loose is not None and not (loose.group("noted_note") and POLITE.match(loose.group("noted_note")))


def on_done_typed(services: Services, turn: Turn, digits: str, note: str | None) -> list[Reply]:
    """`done 12` typed, perhaps with a word on how after it ("done 2 - saw the child alone"). The action is marked
    done as by its button, and the words after the number are kept with it as its note once screened: one that
    could identify a child is refused, the action left open (bot.audits.done_note)."""
    action_id = typed_id(digits)
    if note is None or POLITE.match(note) or not note.strip(" .!"):
        return on_done(services, turn, str(action_id))
    kept = done_note.screened(services, action_id, note)
    if (day := done_later.later_day(services, turn, kept)) is not None and _may_mark_open(services, turn, action_id):
        return done_later.ask(services, turn, action_id, kept, day, ALSO_YES, ALSO_NO)  # trial 55, 19
    return on_done(services, turn, str(action_id), kept)


def _may_mark_open(services: Services, turn: Turn, action_id: int) -> bool:
    """Whether the action is open and this person may mark it done (else `on_done` says why not, as before)."""
    action = action_store.get_action(services.storage, action_id)
    return action is not None and not action.done_at and (
        action.owner_id == turn.user_id or policy.may_complete_for_others(services.directory, turn.person,
                                                                          action.owner_id))


def on_done_confirm(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes to "Mark action #7 done for …?": recorded with who and when (and the note said with `done 7 - …`), and
    the owner told."""
    action_id = buttons.record_id(value, HINT)
    done_later.forget(services, turn)
    return _complete(services, turn, action_id, done_note.waiting(services, turn, action_id))


def on_done_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """No to "Mark action #7 done for …?" (or to "Your note gives …, which is after today: …", which also says how
    to mark it done later): nothing changes."""
    action_id = buttons.record_id(value, HINT)
    action = action_store.get_action(services.storage, action_id)
    named = action_named(action) if action is not None else "the action"
    later = done_later.kept_said(services, turn, action_id)  # "To mark it done once it has happened, …"
    if later:
        done_note.waiting(services, turn, action_id)  # the note kept for Yes goes with the question
    return [Reply(kind="notice", text=f"OK: {named} stays open. Nothing changed.{later}")]


def _complete(services: Services, turn: Turn, action_id: int, note: str | None = None) -> list[Reply]:
    """Record who completed the action and when, with its note; the reply names the action by number and case (trial
    34: several actions share a title) and offers `undo` next; the owner is told when it was someone else."""
    owner_id = action_store.action_owner(services.storage, action_id)
    allowed = owner_id is not None and policy.may_complete_for_others(services.directory, turn.person, owner_id)
    try:
        action = action_store.complete_action(services.storage, action_id, turn.user_id, allowed=allowed,
                                              now=turn.now, note=note)
    except NotFound:
        raise UserError(NOT_FOUND) from None
    except NotAllowed:
        raise AccessDenied(NOT_FOUND) from None
    except Conflict:
        raise StaleAction("That action is already marked done.") from None
    reopen = (Choice("Reopen", "actions.reopen", str(action.id)),)
    mine = action.owner_id == turn.user_id
    owner, by = services.directory.label(action.owner_id), services.directory.label(turn.user_id)
    done = confirmations.offer(services, turn, Reply(
        text=f"Action {action.id} ({audit_and_case(action.audit_id, action.case_ref)}) marked done"
             f"{'' if mine else ' for ' + owner}: _{action.description.rstrip('.')}_.{done_note.said(note)} Thank "
             "you. Wrong one? Type `undo` (or press Reopen) to open it again.", choices=reopen), done_note.UNDO_WORDS)
    auditor = action_done_told.done_notice(services, turn, action, note)  # fix 37: the auditor hears it is done
    if mine:
        return [done, *auditor]
    noted = f" Their note: “{note}”." if note else ""
    return [done, Reply(to_user=action.owner_id, choices=reopen,
                        text=f"{by} marked your action {action.id} done: {_where(action)}.{noted} If it isn't "
                             f"finished, press Reopen (or type `reopen action {action.id}`)."), *auditor]


def on_reopen(services: Services, turn: Turn, value: str) -> list[Reply]:
    """A done action open again, with who reopened it and when; the owner is told when it was someone else."""
    action = _action(services, buttons.record_id(value, HINT))
    allowed = policy.may_reopen_action(services.directory, turn.person, action.owner_id, action.auditor_id)
    try:
        action_store.reopen_action(services.storage, action.id, turn.user_id, allowed=allowed, now=turn.now)
    except NotFound:
        raise UserError(NOT_FOUND) from None
    except NotAllowed:
        raise AccessDenied("Only the action's owner, the auditor who set it, or their managers can reopen "
                           "it.") from None
    except Conflict:
        raise StaleAction(f"{action_named(action, capital=True)} is not marked done, so it is open already: `/audit "
                          "actions` lists it.") from None
    # trial 22: "open again, due 14 Oct 2026" said nothing of the date having passed, so overdue at once
    overdue = past_due(services, turn, action)
    due = f", due {due_near(services, turn, action)}" if overdue is None else ""
    passed = f" {overdue.owner}" if overdue is not None else ""
    said = f"{overdue.reopener} " if overdue is not None else ""
    when_done = "" if overdue is not None and overdue.says_done else f"Type `done {action.id}` when it is complete."
    replies = [Reply(text=f"Reopened: action {action.id}, {_where(action)}, is open again{due}. {said}{when_done}"
                          .rstrip())]
    if action.owner_id != turn.user_id:
        replies.append(Reply(to_user=action.owner_id, text=(
            f"{services.directory.label(turn.user_id)} reopened your action {action.id}: {_where(action)}{due}. "
            f"It is back in `/audit actions`.{passed}")))
    if action.done_by and action.done_by not in (turn.user_id, action.owner_id):
        # who marked it done is told it is open again (trial 21: a manager who closed their worker's action only
        # found it reopened weeks later, in `compare`)
        replies.append(Reply(to_user=action.done_by, text=(
            f"{services.directory.label(turn.user_id)} reopened action {action.id}, which you marked done: "
            f"{_where(action)}, due {due_near(services, turn, action)}. It is open again, in `/audit actions team`."
            f"{passed}")))
    told = {turn.user_id, action.owner_id, action.done_by or ""}
    return replies + action_done_told.reopened_notice(services, turn, action, told)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`reopen action 12` or `reopen 12` typed, or said in words (bot.audits.reopen_said); `done 3, 4 and 5` is told
    to name one at a time; None for other text."""
    if DONE_MANY.match(text):
        numbers = re.findall(r"\d+", text)
        one_by_one = ", then ".join(f"`done {number}`" for number in numbers)
        raise UserError(f"Mark one action at a time, so each is checked: type {one_by_one}. Nothing was changed.")
    if (reopen := REOPEN_WORDS.match(text)) is not None:
        return on_reopen(services, turn, str(typed_id(reopen.group("action"))))
    if (bare := REOPEN_BARE.match(text)) is not None:  # trial 43: `reopen 18` was told to type `reopen action 18`
        return _reopen_bare(services, turn, typed_id(bare.group("id")))
    if (said := reopen_said.whole(text)) is not None:  # "18 isnt done yet", "I marked 18 done by mistake"
        return on_reopen(services, turn, str(typed_id(str(said))))
    if (guessed := reopen_said.inside(text)) is not None:  # "oh wait no sorry 18 isnt done yet the supervision…"
        return reopen_said.ask(services, turn, guessed)
    return None


def _reopen_bare(services: Services, turn: Turn, number: int) -> list[Reply]:
    """`reopen 18`: action 18 reopened, as `reopen action 18` does; when that can't be done, the refusal also says
    how submitted audit #18 is changed, since audits have numbers too."""
    try:
        return on_reopen(services, turn, str(number))
    except UserError as refused:
        raise type(refused)(f"{refused} To change submitted audit #{number} instead, type `/audit edit "
                            f"{number}`.") from None

