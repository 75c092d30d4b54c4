"""The last note said to be in the wrong box: `oops that was meant to go in development not strengths`.

Trial 32: a manager typed her areas for development at "Strengths", then at the next step typed `oops that was meant
to go in development not strengths`, which was saved as the areas for development ("Got it: noted as the areas for
development"). Words saying the last note belongs under the other heading ("that was meant for / should be in
development", "wrong box", "move that to strengths") move it there and ask again for the step it left, never stored
as a note or an action. At the areas for development the last note is the strengths; at the actions, the areas for
development; at the strengths, asked again after their note was moved, the areas for development, so `move it back to
strengths` (or `move it back`) moves it back (trial 38 saved those words as the strengths). A note moved to the
strengths is added after what they hold; to the areas for development, it replaces what was there only when that was
empty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from bot.audits.core import Ctx
from bot.audits.other_heading import NOTES_ASKED
from bot.audits.screens import advance_and_render
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

# The step the last note was typed at, by the step asking now.
# At the strengths, asked again after a note was moved from them, the last note is the one moved to the areas for
# development (trial 38: `move it back to strengths` was saved as the strengths).
_LAST: Mapping[str, str] = MappingProxyType({"strengths": "development", "development": "strengths",
                                              "actions": "development"})
_HEADING = (r"((?:the\s+)?(?:strengths?|(?:areas?\s+(?:for|of)\s+)?dev(?:elopment|\.)?(?:\s+areas?)?|afd))"
            r"(?:\s+(?:box|section|bit|heading|one))?")
_THAT = r"(?:that|this|it|the\s+last\s+(?:one|bit|note|answer)|my\s+last\s+(?:one|answer|note))"
_LEAD = r"^\s*(?:(?:oops|sorry|soz|argh|ugh|oh|ah|whoops|doh|ok|okay|actually|no)\b[\s,.!:;-]*)*"
SAID = re.compile(
    _LEAD + r"(?:"
    rf"{_THAT}\s*(?:was|is|'s|s|were)\s+(?:meant|supposed|intended|for)\s+(?:to\s+(?:go|be)\s+)?(?:in|into|for|under|as)?\s*"
    rf"{_HEADING}"
    rf"|{_THAT}\s+(?:should|shouldve|should've|needs\s+to|was\s+to)\s+(?:have\s+)?(?:be|been|go|gone)\s+(?:in|into|under|as)\s+"
    rf"{_HEADING}"
    rf"|(?:move|put|switch|shift)\s+{_THAT}\s+(?:back\s+)?(?:to|in|into|under)\s+{_HEADING}"
    rf"|(?:move|put|switch|shift)\s+{_THAT}\s+back(?=\s*(?:please|pls|again)?\s*[.!]?\s*$)"
    r"|(?:i\s+put\s+(?:it|that)\s+in\s+(?:the\s+)?)?wrong\s+(?:box|section|place|heading|bit|field)"
    r")\b", re.IGNORECASE)


def _named(found: re.Match[str]) -> str | None:
    """The heading the words name, the first one (`in development not strengths`), or None (`wrong box`)."""
    word = next((group for group in found.groups() if group), None)
    if word is None:
        return None
    return "strengths" if "stren" in word.lower() else "development"


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At the areas for development or the actions: the last note moved to the heading named, and the step it was
    typed at asked again; None for any other text."""
    last = _LAST.get(ctx.step.name)
    found = SAID.match(text or "")
    if last is None or found is None:
        return None
    other = "development" if last == "strengths" else "strengths"
    to = _named(found) or other
    note = getattr(ctx.audit, last)
    if to == last or not note:
        held = f"hold “{note}”" if note else "are empty"
        raise UserError(f"{NOTES_ASKED[last].capitalize()} {held}, so I haven't moved or stored anything. To change "
                        f"them, type `back`; to go on, type {NOTES_ASKED[ctx.step.name]} here.")
    had = getattr(ctx.audit, to)
    if to == "development" and had and had != note:
        raise UserError(f"{NOTES_ASKED[to].capitalize()} already hold “{had}”, so I haven't moved anything. Type "
                        f"`back` to change {NOTES_ASKED[last]}.")
    moved = f"{had}{' ' if had.rstrip().endswith(('.', '!', '?')) else '; '}{note}" if had and to == "strengths" \
        else note
    told = Reply(kind="notice", text=f"Moved “{note}” to {NOTES_ASKED[to]}. {NOTES_ASKED[last].capitalize()} are "
                                     "empty now, so type them again below (or `skip`).")
    move = store.Move(step=last, fields={last: None, to: moved})
    return advance_and_render(services, turn, ctx, ctx.version, move, before=[told])
