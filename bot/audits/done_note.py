"""What is said with `done 19` (trial 34): the short note kept with the action, and the words that undo it at once.

`done 19 - chronology updated today` was told the note "is not kept", so the auditor saw no evidence; now a short
note is kept with the action (screened for identifiers as every free text is, bot.privacy: one naming a child is
refused, and the action is not marked done) and shown with the action in `/audit show` and to an owner told someone
else marked it done. When someone else's action is asked about first ("Mark action #7 done for …?"), the note waits
beside the question until it is answered.

`done 94` marked the wrong one of four actions sharing a title, and `oops wrong one` went to the knowledge base: the
words in UNDO_WORDS, typed next, reopen the action just marked done (bot.engine.confirmations.offer).
"""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import audits as store

MAX_LENGTH = 280  # a line on what was done; the case record holds the rest
KEY = "done_note"  # a note waiting beside "Mark action #7 done for …?": {"action": 7, "note": "…"}
_FIRST = ("", "oops ", "oops no ", "no ", "sorry ", "oh no ", "whoops ", "oops sorry ")
_THEN = ("undo", "undo that", "undo it", "undo please", "wrong one", "wrong one undo", "wrong action",
         "not that one", "not that one undo", "no not that one", "no not that one undo", "reopen", "reopen it",
         "that was the wrong one", "i meant another one", "mistake", "my mistake", "oops", "reopen it please")
UNDO_WORDS = tuple(dict.fromkeys(f"{first}{then}" for first in _FIRST for then in _THEN))


def screened(services: Services, action_id: int, note: str) -> str:
    """The note as kept: trimmed, at most MAX_LENGTH characters, and holding no identifier; else the UserError
    saying what is wrong, with the action left open."""
    note = " ".join(note.split()).strip(" .!")
    if len(note) > MAX_LENGTH:
        raise UserError(f"That note is {len(note)} characters; keep it under {MAX_LENGTH} (what was done, in a line: "
                        f"the case record holds the rest). Action {action_id} is not marked done yet: type `done "
                        f"{action_id} - <short note>`, or `done {action_id}` alone.")
    return screen_text(note, services.identifier_screen, f"that note, so action {action_id} is not marked done yet")


def keep_for_answer(services: Services, turn: Turn, action_id: int, note: str) -> None:
    """Keep the note until "Mark action #N done for …?" is answered."""
    store.keep_aside(services.storage, turn.user_id, KEY, {"action": action_id, "note": note}, turn.now)


def waiting(services: Services, turn: Turn, action_id: int) -> str | None:
    """The note kept for this action's question, taken away as it is read; None when there is none."""
    kept = store.conversation(services.storage, turn.user_id).get(KEY)
    if not isinstance(kept, dict):
        return None
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    return str(kept["note"]) if kept.get("action") == action_id and kept.get("note") else None


def said(note: str | None) -> str:
    """The note as a reply repeats it, or nothing."""
    return f" Your note is kept with it: “{note}”." if note else ""
