"""What a person typed, quoted back in a refusal, only when it passed the privacy screen.

Trial 36 (H2): at a date question `ruby was off sick all week` was told "I could not read 'ruby was off sick all
week' as a date": a child's name said back, and kept in the chat. The date reader's wording (knowledge.dates, shared by
every date the bot reads) quotes what it could not read, as other refusals quote a word; knowledge/ may not screen.
So every error reply to a typed message passes here (bot.engine.routing.Engine, given the screen by the composition
root): a quote of the person's own words ('…' or “…”, the whole line or the start of it, as the date reader shortens
it) stays only when the screen finds nothing in it and it is a few words, as a date, a command or a word typed wrong
is; a sentence, where names hide that a screen may miss, is "that". Pure: no Slack, no storage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.core.replies import Reply

MOST_WORDS = 4  # a date typed is `next tuesdya`, `31/02/2027`, `end of jan 2027`: a longer quote is a sentence
_QUOTED = re.compile(r"'([^'\n]{1,80})'|“([^”\n]{1,80})”")
Passes = Callable[[str], bool]  # whether the screen finds nothing in a text


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


# The screen's own masking of what it refused, “9…” or “S… W…”: already safe, and what the refusal is about.
_MASKED = re.compile(r"^(?:\S{1,2}…\s*)+$")


def _quotes_typed(quoted: str, typed: str) -> bool:
    """Whether `quoted` is the person's own words: the typed line, or its start shortened with "…" (never the
    screen's mask of them, `_MASKED`)."""
    if _MASKED.match(quoted.strip()):
        return False
    said = _flat(quoted).rstrip("…").strip()
    return bool(said) and said in _flat(typed)


def masked(text: str, typed: str, passes: Passes) -> str:
    """`text` with each quote of `typed` that may not be said back replaced by "that" ("That" starting a
    sentence)."""
    def swap(found: re.Match[str]) -> str:
        quoted = found.group(1) or found.group(2) or ""
        if not _quotes_typed(quoted, typed):
            return found.group(0)
        if len(quoted.rstrip("…").split()) <= MOST_WORDS and not quoted.endswith("…") and passes(quoted):
            return found.group(0)
        before = text[:found.start()].rstrip()
        return "That" if not before or before.endswith((".", "!", "?", ":")) else "that"
    return _QUOTED.sub(swap, text)


def screened(replies: list[Reply], typed: str, passes: Passes) -> list[Reply]:
    """The replies to a typed message, each error to its writer with its quotes of them masked as `masked` says."""
    return [replace(reply, text=masked(reply.text, typed, passes))
            if reply.kind == "error" and reply.is_for_requester and reply.text else reply for reply in replies]
