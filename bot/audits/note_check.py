"""A note at "Why this grade?" that starts like the next question's answer is checked before it is saved.

Trial 24: a manager typed `requires improvment`, then `yes core group within 10 days`, meant for the next question
("Was the first core group held within 10 working days…?"). The line was saved as the grade's evidence and the next
answer landed on the wrong question. A reason for a grade seldom starts with yes or no, so such a note is held (on the
person's conversation row, beside the step, never in a button) and the bot asks "That starts with “yes”: is it your
reason for the grade?": *Yes, save it* (or `yes`) saves it as any note is saved; *No, I'll type the reason* (or `no`)
saves nothing and asks for the reason again. Typing another note instead answers the question as a note does.
`no` only counts with a mark after it (`no - not held`, `no, …`): "No evidence of the child's voice in the plan" is a
reason, and is saved at once.
"""

from __future__ import annotations

import re
from typing import Any

from bot.audits.core import Ctx, own_draft, split_value
from bot.audits.step_reminder import step_again
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import StaleAction
from bot.storage import audits as store
from knowledge.checklist_schema import Answer, Question

KEEP, RETYPE = "audit.note_keep", "audit.note_retype"
ACTIONS = frozenset({KEEP, RETYPE})
HELD = "held_note"  # the note waiting for Yes, beside the evidence step on the conversation row
STARTS_AS_AN_ANSWER = re.compile(r"^\s*(?:(?P<yes>yes|yeah|yep|yup|nope|nah)\b\s*[,;:.\-\u2013\u2014]?"
                                 r"|(?P<no>no)\s*[,;:.\-\u2013\u2014])\s*\S", re.IGNORECASE)
# At "Why this grade?" with a note on file (the same grade given again after `change 9`): the note stays.
KEEP_WORDS = re.compile(r"^\s*(?:keep|keep it|keep (?:the |my |that )?note|keep as is|same|no change)\s*[.!]?\s*$",
                        re.IGNORECASE)
STALE = "That note is no longer waiting: type your reason for the grade, or `/audit resume` to see where you are."


def starting_word(note: str) -> str | None:
    """The yes or no a note starts with, as an answer to a yes/no question would ('yes core group within 10 days',
    'no - not held'); None for a note that is a reason ('No evidence of the child's voice')."""
    found = STARTS_AS_AN_ANSWER.match(note)
    return None if found is None else next(word for word in found.groups() if word)


def hold(services: Services, turn: Turn, ctx: Ctx, grade: str, note: str, word: str) -> list[Reply]:
    """Keep the screened `note` aside and ask whether it is the reason for `grade` (a Yes-or-No typed words answer:
    bot.engine.confirmations)."""
    store.keep_aside(services.storage, turn.user_id, HELD,
                     {"audit_id": ctx.audit.id, "version": ctx.version, "step": ctx.audit.step, "note": note}, turn.now)
    asked = Reply(kind="question", text=f"That starts with “{word}”, like an answer to a yes/no question, so I haven't "
                  f"saved it yet. Is it your reason for the grade (**{grade}**)?",
                  note="Or type `yes` to save it, or `no` to type the reason again.",
                  choices=(Choice("Yes, save it", KEEP, ctx.value(), "primary"),
                           Choice("No, I'll type the reason", RETYPE, ctx.value())))
    return [confirmations.ask(services, turn, asked)]


def held(services: Services, turn: Turn, value: str) -> tuple[Ctx, str]:
    """The draft a Yes or No is for and the note held for it; a press from an earlier step is stale."""
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    kept: Any = store.conversation(services.storage, turn.user_id).get(HELD)
    if (version != ctx.version or ctx.step.name != "evidence" or not isinstance(kept, dict)
            or kept.get("audit_id") != ctx.audit.id or kept.get("version") != ctx.version
            or kept.get("step") != ctx.audit.step):
        raise StaleAction(STALE)
    return ctx, str(kept["note"])


def on_retype(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, I'll type the reason*: nothing saved, and "Why this grade?" again."""
    ctx, _note = held(services, turn, value)
    store.keep_aside(services.storage, turn.user_id, HELD, None, turn.now)
    said = Reply(kind="notice", text="OK, I haven't saved it. Type your reason for the grade; the next question "
                                     "comes after it.")
    return [said, *step_again(services, ctx)]


def asks_again(ctx: Ctx, question: Question, previous: Answer | None, value: str, typed_note: str | None) -> bool:
    """Whether the same grade, given again at the question `change 9` jumped to, asks "Why this grade?" again with the
    note on file shown (trial 24: a stray note could not be replaced there): the auditor chose to change that answer,
    so the note may be what they meant to change. `keep` keeps it; pressing the grade after Back keeps it unasked."""
    return (question.type == "scale" and typed_note is None and previous is not None and previous.value == value
            and bool(previous.evidence) and ctx.audit.state.get("changed") == question.id)
