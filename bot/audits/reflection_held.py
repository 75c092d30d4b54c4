"""A reflection typed with a question after it (trial 37): `reflect 116`, then "I agree the closure summary wasnt
sent to school, i will do that this week. hang on what should a closure summary include?".

The trial's worker had the question answered, then "Your reflections … are still waiting": the reflection was dropped
without a word, to be typed again. Now the sentences before the question are kept beside the reflection waiting, the
question is answered where it would be, and she is asked "Save your reflection first?" with it said back: `save` (or
`yes`, or *Save my reflection*) saves it as a reflection is saved (bot.audits.finish.reflection: screened, the auditor
told); a reflection typed instead is saved as typed, and `later` leaves both unsaved, as it says.
"""

from __future__ import annotations

import re

from bot.audits import finish
from bot.audits.flow import AnswerError, looks_like_question, parse_reflection
from bot.core import buttons
from bot.core.markup import bold
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage import audits as store

KEY = "held_reflection"  # beside the reflection waiting: {"audit_id": 116, "text": "I agree …"}
SAVE = "reflection.save"  # not "audit.": no step of the audit conversation owns it
SAVE_WORDS = ("save", "save it", "yes", "yes save it", "save my reflection", "save my reflections",
              "save reflection", "save that", "yes please")
SAVE_SAID = re.compile(r"^\s*(?:yes,?\s+)?save(?:\s+(?:it|that|my\s+reflections?|the\s+reflection))?(?:\s+please)?"
                       r"\s*[.!]?\s*$", re.IGNORECASE)
# where a question starts: after a sentence's end, or after a few words saying one follows ("hang on", "btw")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s*[,;:-]?\s+(?=(?:hang\s+on|hold\s+on|btw|by\s+the\s+way|quick\s+question|"
                       r"one\s+question|oh\s+and|also)\b)", re.IGNORECASE)


def before_question(text: str) -> str | None:
    """The sentences before the first one that is a question, when they are long enough to be a reflection; None
    when the line opens with the question, or what comes first is too short to keep."""
    parts = [part for part in _SENTENCE.split(text.strip()) if part.strip()]
    first = next((index for index, part in enumerate(parts) if looks_like_question(part)), None)
    if not first:
        return None
    try:
        return parse_reflection(" ".join(parts[:first]))
    except AnswerError:
        return None


def hold(services: Services, turn: Turn, audit_id: int, text: str) -> None:
    """Keep the reflection that came before a question, beside the reflection waiting, until it is saved."""
    store.keep_aside(services.storage, turn.user_id, KEY, {"audit_id": audit_id, "text": text}, turn.now)


def held(services: Services, turn: Turn, audit_id: int) -> str | None:
    """The reflection kept for this audit, if any."""
    kept = store.conversation(services.storage, turn.user_id).get(KEY)
    return str(kept["text"]) if isinstance(kept, dict) and kept.get("audit_id") == audit_id else None


def asked_to_save(services: Services, turn: Turn, audit_id: int, text: str) -> Reply:
    """ "Save your reflection first?", with it said back and the words that save it (bot.engine.confirmations.offer)."""
    return confirmations.offer(services, turn, Reply(
        kind="question", choices=(Choice("Save my reflection", SAVE, str(audit_id), "primary"),),
        text=f"I've kept the reflection you typed before your question: “{text}”\nSave your reflection on audit "
             f"#{audit_id} first? Type `save` (or press {bold('Save my reflection')}), type it again with anything "
             "you'd add, or type `later`."), SAVE_WORDS)


def saved(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    """The reflection kept, saved as any reflection is; told when none is kept any more."""
    text = held(services, turn, audit_id)
    if text is None:
        raise UserError(f"There is no reflection on audit #{audit_id} waiting to be saved: type `/audit reflect "
                        f"{audit_id}` to add one.")
    return finish.reflection(services, turn, audit_id, text)


def install(engine: Engine, services: Services) -> None:
    """*Save my reflection*."""
    engine.add_action(SAVE, lambda turn, value: saved(services, turn, buttons.record_id(value)))
