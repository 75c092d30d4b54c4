"""Questions typed beside a command (trial 44): `done 18 and when is the icpc due`, `show 12, how do i reflect?`.

Only a request for more time named back the other questions of its line (bot.core.also_asked); `done 18 and when is
the icpc due` went to the knowledge base whole (nothing marked done), and `done 18, when is the icpc due?` marked 18
done with the question kept as its note. Here a line whose first part is one of the commands a person plausibly types
another request beside (done, reopen, show, away, reflect with no words of its own, their actions) is split as
also_asked splits it: the command runs from its own part, and the other parts are named back, to ask on their own.

A line is split only when every part after the command is plainly a question (it starts with how, what, when, can
i…): a note after `done 12 - rang the school`, a reflection's words and anything else free text stay the command's,
as typed; so does a line the command reads whole with a note after a dash or colon (`done 12 - what was agreed at
core group`) unless it ends with "?". Pure: the engine says what a part is, and runs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core import also_asked

# The commands read from the line's first part: their arguments are a number or days, never free text.
SPLITTABLE = frozenset({"done", "reopen", "show", "away", "reflect", "actions", "list", "shortcut"})
# A part that is plainly a question of its own, not a note: "when is the icpc due", "how do i reflect", "can i …".
_PLAIN_QUESTION = re.compile(r"^(?:and\s+|also\s+|so\s+|plus\s+)?(?:how|what|which|when|where|who|why|whats|"
                             r"(?:can|could|should|do|does|did|is|are|will|would)\s+(?:i|we|you|u|there|it|they|"
                             r"my|the|a|an|this|that)\b)", re.IGNORECASE)
_NOTE_AFTER = re.compile(r"^\s*[-:\u2013\u2014]")  # `done 12 - …`, `done 12: …`: a note's separator
_BARE_REFLECT = re.compile(r"^\s*reflect\s+(?:on\s+)?(?:audit\s+)?#?\d+\s*$", re.IGNORECASE)


def split(text: str, command: Callable[[str], str | None]) -> tuple[str, list[str]] | None:
    """The command's part of `text` and the questions asked beside it, or None when the line is not a command with
    questions after it. `command` names the command a part runs as (`show`, `away`, "shortcut" for `done 12`), or
    None when the part is not one."""
    pieces = [part for part in also_asked.parts(text) if not also_asked.is_preamble(part)]
    if len(pieces) < 2 or command(pieces[0]) not in SPLITTABLE:
        return None
    first, rest = pieces[0], pieces[1:]
    if command(first) == "reflect" and not _BARE_REFLECT.match(first):
        return None  # `reflect 12 I agree, …`: the reflection's words are free text
    noted = _NOTE_AFTER.match(text.strip()[len(first):]) if text.strip().startswith(first) else None
    if noted and command(text) == "shortcut" and not text.rstrip().endswith("?"):
        return None  # `done 12 - what was agreed at core group`: a note the command reads, asking nothing
    if not all(_PLAIN_QUESTION.match(part) for part in rest):
        return None
    return first, rest
