"""Polite words after a typed command: `done 12 thanks` is `done 12`.

A trial typed `done 12 thanks` and was answered from the knowledge base ("Did you mean…"), while `done 12` marks
action 12 done. People thank and ask nicely in a chat, so a command typed with "thanks", "thank you", "please",
"cheers" or "ta" after its number is read without them, before any feature sees the line (bot.engine.routing,
`Engine.message`). Only those words, and only straight after the number: anything else after the number keeps its
meaning (`edit 12 grade RI, why` is a reason, `reflect 12 I agree, thanks` a reflection, `edit 12 note 7 thanks` a
note), and a line that is not a command with a number (`help with section 47 please`) is left whole.

A line is a command with a number when it starts with a command's word (or a word people use for one, `view`), the
bare router reads it as that `/audit` command (bot.engine.near_miss: `show 12`, `show me audit 12`, `list case CR
123456`, `campaign close 3`, or a command's word and a number it does not take, `list 1234`) and its first number is
the last thing in it; or when it is one of the lines a feature reads as a command of its own (`done 12`, `reopen
action 12`, `agree 12`), registered with `Engine.add_typed_shortcut`. A near miss (`shwo 12 thanks`) is left whole.

Pure: what is read is decided here, the engine applies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.near_miss import SYNONYMS, Shapes, full_name, numbered, read_typed

# The polite words, as typed after a command: each may come after a space, a comma, a full stop, a dash or "!", and
# several may follow one another ("please, thanks"); a full stop or "!" may end the line.
POLITE_WORDS = ("thank you very much", "thank you so much", "thanks very much", "thanks so much", "thanks a lot",
                "thank you", "thankyou", "many thanks", "much appreciated", "thanks", "thx", "ty", "cheers", "ta",
                "please", "pls", "plz")
_SEPARATOR = r"[\s,.;:!\-\u2013\u2014]"
POLITE_ENDING = re.compile(rf"(?:{_SEPARATOR}+(?:{'|'.join(re.escape(word) for word in POLITE_WORDS)})(?!\w))+"
                           r"[\s.!]*$", re.IGNORECASE)
# The first number of a line is its last word (`show 12`, `campaign close 3`; not `edit 12 note 7`).
FIRST_NUMBER_LAST = re.compile(r"^[^\d]*\d+[a-z]?$", re.IGNORECASE | re.DOTALL)
MAX_LINE = 200  # a command, its number and a thank-you are short: longer lines are left whole, unread
# Words said before a command (trial 41: `oops reopen 150` went onto the QA leads' list, `reopen 150` is read): read
# past when what follows them is a command with a number, one that runs as typed or a feature's shortcut.
FILLER_OPENING = re.compile(r"^\s*(?:(?:oops|oopsie|whoops|sorry|soz|oh|ah|ahh|um|umm|erm|er|hmm|ok|okay|right|"
                            r"actually|hi|hey|wait)(?:\s*[,.!:;\-\u2013\u2014]+\s*|\s+))+"
                            r"(?=\S)", re.IGNORECASE)


def polite_ending(text: str) -> str | None:
    """`text` without the polite words it ends with (`done 12, thanks!` -> `done 12`), or None when it ends with
    none, or is nothing but them."""
    if not text or len(text) > MAX_LINE:
        return None
    found = POLITE_ENDING.search(text)
    if found is None or not text[:found.start()].strip():
        return None
    return text[:found.start()].rstrip()


def without_politeness(text: str, shapes: Shapes, shortcuts: Iterable[re.Pattern[str]]) -> str:
    """The line as a command would read it: without the polite words after a command's number (`done 12 thanks`,
    `show 12 please`), or a registered shortcut (`agree, thanks`), and without the words said before a command with
    a number (`oops reopen 150`); every other line exactly as typed."""
    shortcuts = tuple(shortcuts)
    opening = FILLER_OPENING.match(text or "")
    if opening is not None and len(text) <= MAX_LINE:
        rest = _without_ending(text[opening.end():], shapes, shortcuts)
        if any(ch.isdigit() for ch in rest) and _a_command(rest, shapes, shortcuts):
            return rest
    return _without_ending(text, shapes, shortcuts)


def _a_command(line: str, shapes: Shapes, shortcuts: Iterable[re.Pattern[str]]) -> bool:
    """Whether `line` is a shortcut a feature reads, or a command that runs as typed."""
    if any(shortcut.fullmatch(line) for shortcut in shortcuts):
        return True
    reading = read_typed(line.strip(), shapes)
    return reading is not None and reading.runs


def _without_ending(text: str, shapes: Shapes, shortcuts: Iterable[re.Pattern[str]]) -> str:
    """`text` without the polite words after a command's number or a shortcut; else exactly as typed."""
    head = polite_ending(text)
    if head is None:
        return text
    if any(shortcut.fullmatch(head) for shortcut in shortcuts):
        return head
    command = head.strip()
    word = command.split(None, 1)[0].lower()
    if not FIRST_NUMBER_LAST.match(command) or SYNONYMS.get(word, full_name(word)) not in shapes:  # `mod 12 pls`
        return text
    return head if read_typed(command, shapes) is not None or numbered(command, shapes) is not None else text
