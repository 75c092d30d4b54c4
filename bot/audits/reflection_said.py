"""A worker's disagreement with the grade of their audit, kept so one press records it as a reflection (trial 52 F3).

`i dont agree with the grade on 139, the plan was reviewed at the TAF just not written up yet` from the worker
whose case it is was told "Only the auditor can respond to the moderation of an audit": there was no moderation,
and the words were lost. The worker is now told how to disagree (bot.audits.grade_disagree) and offered to add
those words as their reflection: typed (`reflect 139 …`, with their words) or with one press of *Add as
reflection*. The words are kept beside the conversation (never as a reflection) until they press it or type
`add it`; the press saves them exactly as `reflect 139 …` would, screened for identifiers again.
"""

from __future__ import annotations

from bot.audits import finish as audits_finish
from bot.core import buttons
from bot.core.markup import bold
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store

ADD = "reflection.add_said"
KEY = "reflection_said"  # {"audit_id": 139, "text": "the plan was reviewed …"} beside the conversation
LABEL = "Add as reflection"
WORDS = ("add it", "add as reflection", "add as a reflection", "add it as a reflection", "add it as reflection",
         "yes add it", "save it", "yes save it", "add as my reflection")
ENTRY = "disagree-with-audit-grade"  # What can I do if I disagree with the grade of my audit?


def offered(services: Services, turn: Turn, reply: Reply, audit_id: int, words: str) -> Reply:
    """`reply` (how to disagree with audit `audit_id`) with the line offering the worker's own `words` as their
    reflection, typed or with one press; the words are kept aside until then, nothing is saved."""
    line = (f"To add this as your reflection on #{audit_id} (the auditor and moderator see it), type "
            f"`reflect {audit_id} {words}` — or press {bold(LABEL)} (or type `add it`). Nothing is saved until "
            "you do.")
    kept = Reply(title=reply.title, text=f"{reply.text}\n{line}",
                 choices=(Choice(LABEL, ADD, buttons.encode_record(audit_id), style="primary"),
                          *reply.choices[1:]))
    confirmations.offer(services, turn, kept, WORDS)
    store.keep_aside(services.storage, turn.user_id, KEY, {"audit_id": audit_id, "text": words}, turn.now)
    return kept


def on_add(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Save the kept words as the worker's reflection on the audit; with none kept (another session, or already
    saved), ask for the reflection as *Add my reflections* does."""
    audit_id = buttons.record_id(value)
    kept = store.conversation(services.storage, turn.user_id).get(KEY)
    if not isinstance(kept, dict) or kept.get("audit_id") != audit_id or not kept.get("text"):
        return audits_finish.on_reflect(services, turn, str(audit_id))
    replies = audits_finish.reflection(services, turn, audit_id, str(kept["text"]))
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    return replies


def install(engine: Engine, services: Services) -> None:
    """The *Add as reflection* button."""
    engine.add_action(ADD, lambda turn, value: on_add(services, turn, value))
