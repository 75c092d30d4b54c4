"""A question typed where a moderator's Inadequate asks for its action: answered, never the action.

Trial 39: at "what must happen for the child?", `can i skip the action? the baby was born in oct…` became the
action ("Who owns this action? can i skip the action?…"), and choosing an owner would have sent it to the worker. A
question there is now read as the audit's note steps read one (bot.audits.conversation: one ending with `?` or
announced as a question goes to the knowledge base, and the step is asked again, nothing saved); so is a line whose
first sentence is a question (`can i skip …? the baby …`). Asking to skip or leave out the action is answered plainly
here: an Inadequate needs an action, and why, and how to choose another grade instead. What follows the question
is never stored or said back (it may say something about a child).
"""

from __future__ import annotations

import re

from bot.audits.flow import looks_like_question
from bot.audits.question_opening import announced_question
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store

PRIORITY = 26  # with the other questions in words, before the knowledge base (90)
STATE = "moderation_action"  # bot.audits.moderation_action.WHAT

# Asking whether the action may be left out: `can i skip the action`, `do i have to add an action`, `is an action
# needed`, `can we leave the action out`, `no action needed?`.
_SKIP = re.compile(r"\b(?:skip|leave|without|not|no|optional|have\s+to|need(?:ed|s)?|must|required|necessary|"
                   r"compulsory|mandatory|avoid|bypass)\b", re.IGNORECASE)
_ACTION = re.compile(r"\bactions?\b", re.IGNORECASE)


def first_question(text: str) -> str | None:
    """The question a line opens with (up to its first `?`, or the whole line announced or ending as a question),
    or None when the line is no question."""
    head, mark, _rest = text.partition("?")
    if mark and (not _rest.strip() or looks_like_question(head)):
        return head.strip()
    if announced_question(text):
        return text.strip()
    return None


def asks_to_skip(question: str) -> bool:
    """Whether a question asks to do without the action (`can i skip the action`)."""
    return bool(_ACTION.search(question) and _SKIP.search(question))


def is_question(text: str) -> bool:
    """Whether a line typed at the action is a question, never the action: one opening with a question (`can i skip
    the action? the baby …`), or asking to skip the action without a `?` (`can i skip the action`)."""
    return first_question(text) is not None or (looks_like_question(text) and asks_to_skip(text))


def answer(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The plain answer to asking to skip the action, while the moderator is asked for it; None for any other text
    (a question then goes to the knowledge base, and the step is asked again: bot.audits.answered_aside)."""
    waiting = store.conversation(services.storage, turn.user_id)
    if waiting.get("awaiting") != STATE or not is_question(text):
        return None
    if not asks_to_skip(first_question(text) or text):
        return None
    if waiting.get("optional"):  # offered with a disagreement (bot.audits.moderation_action.offer), not needed
        return [Reply(kind="notice", text="Yes: an action is optional with this grade. Type `skip` to finish and save "
                                          "your moderation without one, or type the action to add it. Nothing you "
                                          "typed was saved.")]
    return [Reply(kind="notice", text="No: an audit graded **Inadequate** needs at least one action, so it can't be "
                                      "skipped. Inadequate means the child's needs are not being met, and the action "
                                      "says what must happen for them, who will do it and by when, so it is chased "
                                      "until it is done. If you think the audit is not Inadequate, type `disagree` "
                                      "and choose another grade. Nothing you typed was saved.")]


def install(engine: Engine, services: Services) -> None:
    """Register the answer, before the knowledge base's."""
    engine.add_message_handler(lambda turn, text: answer(services, turn, text), priority=PRIORITY)
