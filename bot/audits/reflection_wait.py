"""What a worker types after "What are your reflections on audit #N?": only a reflection is stored as one.

Until now the next message was stored whatever it was, so "what does RI mean?" or `help` became the worker's
reflection on the audit of their case, with no way out. Now a command (`help`, `home`, `compare 12`…) or a question
(ending with `?`, or worded as one, "what does RI mean", and answered outright by the knowledge base) is handled as
anywhere else, and the worker is reminded that the reflection still waits (`watch`); `later`, `skip` or `cancel` leaves
it unrecorded and says how to come back to it. A reflection stored is shown back. Small talk (`ok`, `thanks`, `good
morning`) is told what the step wants, as a word or two is: its own reply, "OK. Type help whenever…", read as if the
reflection had been taken or dropped (trial 12, F8), and a long enough one was stored as the reflection.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.audits import finish, reflection_held, small_talk
from bot.audits.flow import REFLECTION_ASKED, looks_like_question
from bot.core.markup import bold
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store
from knowledge.definitions import defined_term
from knowledge.problems import KnowledgeBaseError

AWAITING = "reflection"
LATER = re.compile(r"^\s*(?:cancel|skip|later|not now|maybe later|not yet|stop|leave it|no thanks)\s*[.!]?\s*$",
                   re.IGNORECASE)
# Commands typed in a message: `/audit …` itself, a command word on its own, or a command word and a number. A
# sentence that only begins with such a word ("Actions were fair and I will…") is a reflection.
COMMAND = re.compile(
    r"^\s*(?:/\S.*"
    r"|help|home|more|reaudits|actions|my actions|resume|continue|my drafts|list|moderate|agree|disagree|campaign"
    r"|digest|start(?: an?)? audit(?: \S+){0,3}|list (?:mine|team|case)\b.*|(?:campaign|digest|kb) \S+(?: \S+)?"
    r"|(?:show|compare|edit|reflect|respond|moderate|restore|done|accept|reject|agree|disagree|campaign)"
    r" #?\d+(?: \S+){0,3})\s*[.!]?\s*$", re.IGNORECASE)

# The request for the reflection itself, typed again while it waits (trial 25: `reflect on audit 1` twice was saved
# as the reflection, and the real one, typed next, went to the knowledge base): asked for again, never saved.
WANTING = r"(?:(?:i\s+(?:want|would\s+like|need)|i'?d\s+like)\s+to\s+)?"  # "i want to add my reflections to…"
REQUEST = re.compile(rf"^\s*(?:/audit\s+)?{WANTING}(?:reflect"
                     r"|(?:add|write|give|leave|put)\s+(?:my\s+|some\s+)?reflections?)\s+(?:(?:on|to|for|in)\s+)?"
                     r"(?:(?:the|my|that)\s+)?(?:audit\s+)?#?(?P<id>\d{1,9})\s*[.!]?\s*$", re.IGNORECASE)


def typed(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply] | None:
    """The worker's reflection, stored and shown back; None for a command or a question, which other features
    handle (and `watch` reminds that the reflection still waits)."""
    if LATER.match(text):
        store.set_conversation(services.storage, turn.user_id, None, turn.now)
        return [Reply(text=f"OK, no reflections saved on audit #{audit_id} for now. Add them whenever you are ready: "
                           f"type `/audit reflect {audit_id}`, or press {bold('Add my reflections')} on the audit's "
                           "summary.")]
    if (asked := REQUEST.match(text)) is not None:
        return finish.on_reflect(services, turn, asked.group("id"))
    if COMMAND.match(text):
        return None
    if reflection_held.SAVE_SAID.match(text) and reflection_held.held(services, turn, audit_id) is not None:
        return reflection_held.saved(services, turn, audit_id)  # `save`, once its offer has gone (trial 37)
    small_talk.refuse(services, text, f"That isn't a reflection on the audit, so nothing was saved. {REFLECTION_ASKED}")
    if not_a_reflection(services, text):
        if (before := reflection_held.before_question(text)) is not None:  # kept, and asked to save (trial 37)
            reflection_held.hold(services, turn, audit_id, before)
        return None
    return finish.reflection(services, turn, audit_id, text)


def not_a_reflection(services: Services, text: str) -> bool:
    """A question for the knowledge base, typed where a reflection is asked for."""
    if text.rstrip().endswith("?"):
        return True
    words = " ".join(text.split())
    try:
        live = services.live_knowledge().current
    except KnowledgeBaseError:
        return False
    if not looks_like_question(words):
        return False  # "I agree the chronology needs updating" names a topic the knowledge base knows: a reflection
    return defined_term(words, live.kb.glossary) is not None or live.search.search(words).outcome == "answer"


def watch(services: Services, turn: Turn) -> Callable[[list[Reply]], list[Reply]] | None:
    """Around a message typed while a reflection is awaited: once the message has been handled, a reminder that the
    reflection still waits, or, when something else now waits instead and nothing was stored, how to add it later."""
    waiting = store.conversation(services.storage, turn.user_id)
    if waiting.get("feature") != "audit" or waiting.get("awaiting") != AWAITING:
        return None
    audit_id = int(waiting["audit_id"])
    stored = len(store.reflections_of(services.storage, audit_id))

    def afterwards(_replies: list[Reply]) -> list[Reply]:
        now = store.conversation(services.storage, turn.user_id)
        if now.get("awaiting") == AWAITING and now.get("audit_id") == audit_id:
            if (kept := reflection_held.held(services, turn, audit_id)) is not None:
                return [reflection_held.asked_to_save(services, turn, audit_id, kept)]
            return [Reply(kind="notice", text=f"Your reflections on audit #{audit_id} are still waiting: type them "
                                              "next, or type `later` to do it another time.")]
        if now and len(store.reflections_of(services.storage, audit_id)) == stored:
            return [Reply(kind="notice", text=f"Your reflections on audit #{audit_id} were not saved. Add them "
                                              f"whenever you are ready with `/audit reflect {audit_id}`.")]
        return []

    return afterwards
