"""`mostly - risks clear but not what happens w/o help` typed at a yes/no question (trial 28).

The manager was told "Please answer yes or no"; they typed `no`, and the note they had written was gone. "Mostly",
"largely", "partly", "in part" say the answer lies between the options, so which one the manager would give is not
ours to guess: a yes/no question (or a choice none of whose options the words name: bot.audits.option_words reads
those first) asks "Is that a yes or a no?", and the note typed after the hedge is screened and kept aside on the
person's conversation row, beside the question (never in a button). The next answer given to that same question,
typed or pressed, takes the kept note, and says so ("Got it: **No**, with your note: …"); a note typed with the answer
goes after the kept one (trial 56, F1: it used to replace it without a word). Anything that moves the audit on
leaves the kept note behind (its version no longer matches). A statement that takes itself back, `recorded but out
of date` (trial 29), is asked about the same way at a yes/no question, the whole line kept as the note
(bot.audits.hedged_answers.mixed).
"""

from __future__ import annotations

import re
from typing import Any

from bot.audits.core import Ctx
from bot.audits.flow import MAX_TEXT_CHARS, parse_text
from bot.audits.hedged_answers import mixed
from bot.audits.note_labels import without_label
from bot.audits.step_reminder import step_again
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from knowledge.checklist_schema import Question

KEPT = "hedged_note"  # on the conversation row: {"audit_id", "version", "step", "note"}
HEDGE = re.compile(r"^\s*(?P<hedge>(?:mostly|largely|partly|partially|part(?:ly)?\s+met|in\s+parts?|in\s+the\s+main"
                   r"|to\s+some\s+(?:extent|degree)|somewhat|sort\s+of|kind\s+of|kinda|not\s+fully|not\s+entirely"
                   r"|not\s+completely|not\s+always|not\s+consistently|sometimes|half|mixed)"
                   # the answer it leans to is part of the hedge, not the note: "mostly yes, used wishes…" (trial 37)
                   r"(?:[\s,]+(?:yes|yeah|yep|no|nope)(?=\s*[,.;:!\-–—(]|\s*$))?)\b[\s,.;:!\-–—(]*(?P<note>.*?)"
                   r"[\s)]*$", re.IGNORECASE | re.DOTALL)


def hedged_note(text: str) -> tuple[str, str] | None:
    """(the hedge, the note after it, maybe empty) for `mostly - risks clear …`; None when `text` starts otherwise."""
    found = HEDGE.match(text or "")
    return None if found is None else (" ".join(found.group("hedge").split()), " ".join(found.group("note").split()))


def hold(services: Services, turn: Turn, ctx: Ctx, question: Question, text: str) -> list[Reply] | None:
    """Ask which answer a hedged one is, keeping its screened note for that answer; None when `text` is not hedged
    or the question is not a yes/no or a choice."""
    said = hedged_note(text) or mixed(question, text)  # `recorded but out of date` (trial 29): both a yes and a no
    if said is None or question.type not in ("yes_no", "choice"):
        return None
    hedge, note = said
    if note:
        note = screen_text(parse_text(without_label(note, "evidence"), "evidence note"), services.identifier_screen,
                           "that evidence note")
    kept = {"audit_id": ctx.audit.id, "version": ctx.version, "step": ctx.audit.step, "note": note} if note else None
    store.keep_aside(services.storage, turn.user_id, KEPT, kept, turn.now)
    if question.type == "yes_no":
        asked = "Is that a yes, a no or not applicable?" if question.allow_na else "Is that a yes or a no?"
    else:
        asked = "Which option is closest? Type its number or press it."
    keeping = f" I'll keep your note: “{note}”." if note else ""
    return [Reply(kind="notice", text=f"“{hedge.capitalize()}” could be more than one answer, so I haven't stored "
                                      f"one. {asked}{keeping}"), *step_again(services, ctx)]


def kept_here(services: Services, turn: Turn, ctx: Ctx) -> str | None:
    """The note kept for the question the audit stands at, left in place; None when none is."""
    kept: Any = store.conversation(services.storage, turn.user_id).get(KEPT)
    if not isinstance(kept, dict) or (kept.get("audit_id"), kept.get("version"), kept.get("step")) != (
            ctx.audit.id, ctx.version, ctx.audit.step):
        return None
    return str(kept.get("note") or "") or None


def joined(earlier: str | None, note: str) -> str:
    """`note` after a note kept earlier for the same question, as one note (trial 56, F1): neither is dropped."""
    if not earlier:
        return note
    return f"{earlier}{'' if earlier.rstrip()[-1:] in '.!?;:' else '.'} {note}"


def with_kept(services: Services, turn: Turn, ctx: Ctx, note: str | None) -> str | None:
    """The note an answer goes with: its own note after the one kept for this question (`yes, <note>` typed after a
    pasted paragraph keeps both, trial 56 F1), or the kept one alone when the answer has none."""
    if note is None:
        return take(services, turn, ctx)
    combined = joined(kept_here(services, turn, ctx), note)
    if len(combined) > MAX_TEXT_CHARS:  # said, and the kept note stays for a bare yes or no
        raise UserError(f"With the note I kept for this question, that is {len(combined):,} characters, over the "
                        f"{MAX_TEXT_CHARS:,} a note can hold, so nothing was saved. Type just the answer to store it "
                        "with the kept note, or a shorter note.")
    take(services, turn, ctx)
    return combined


def take(services: Services, turn: Turn, ctx: Ctx) -> str | None:
    """The note kept for the question the audit stands at, given up now that it is answered; None when none is."""
    kept: Any = store.conversation(services.storage, turn.user_id).get(KEPT)
    if not isinstance(kept, dict):
        return None
    store.keep_aside(services.storage, turn.user_id, KEPT, None, turn.now)
    if (kept.get("audit_id"), kept.get("version"), kept.get("step")) != (ctx.audit.id, ctx.version, ctx.audit.step):
        return None
    return str(kept.get("note") or "") or None
