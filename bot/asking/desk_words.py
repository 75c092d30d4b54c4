"""A QA lead's upkeep of the unanswered list typed as they say it, read as the `kb` command meant (trials 28, 39).

Trial 39: `dismiss 3 - the answer does say 15 working days`, `link 28 to the kooth entry` and `reject 3 thats wrong,
…` went onto the QA lead's own unanswered list, or were offered as `reflect 3`. Each is now offered as the command
("Did you mean `kb dismiss 3`? Type `yes` to run it."), never run unasked, and `yes` runs it:

- `out of scope 10`, `dismiss 3 - <reason>`, `dismiss 70 and 66, they were all me`: `kb dismiss …` with the numbers
  (the reason is not kept: the list keeps no reasons);
- `link 28 to the kooth entry`: `kb link 28 <entry id>`, the entry found from the words as the *Link* form finds it
  (its `yes` then shows the entry and asks again before anything is sent);
- `reject 3 <reason>`, `accept 3 <reason>`, `restore 3 <reason>` run as the command alone does, the screened reason
  kept in the trail (bot.asking.learned_admin; trial 51, F22; trial 52, fix57b); offered here only if that did not
  take them.

Pure reading apart from the entry search: bot.asking.unanswered_asked offers what it returns.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.asking.unanswered import UnansweredDesk, entry_typed
from bot.engine.near_miss import Reading
from bot.engine.routing import Turn

_NUMBERED = r"(?:(?:no|number|question|q|group)\s+)?"
_NUMBERS = r"(?P<numbers>\d{1,9}(?:\s+(?:and\s+|&\s+)?\d{1,9})*)"
# "out of scope 10", "dismiss 3 - the answer does say…", "dismiss 70 and 66, they were all me" (said plainly: lower
# case, punctuation gone)
CLOSING = re.compile(rf"^(?P<word>out\s+of\s+scope|dismiss|dismissed)\s+{_NUMBERED}{_NUMBERS}(?:\s+(?P<reason>\D.*))?$")
# "reject 3 thats wrong, mash threshold isnt…": a learned wording's number, with the QA lead's reason
LEARNED = re.compile(r"^(?P<word>reject|accept|restore)\s+(?:wording\s+)?(?P<number>\d{1,9})\s+(?P<reason>\S.*)$")
# "link 28 to the kooth entry", "link question 28 with kooth"
LINK = re.compile(rf"^link\s+{_NUMBERED}(?P<number>\d{{1,9}})\s+(?:to|with)\s+(?:the\s+|our\s+|that\s+)?"
                  r"(?P<entry>.+?)(?:\s+(?:entry|one|article|answer|page))?$")


def closing_meant(text: str) -> Reading | None:
    """`kb out-of-scope 10` for "out of scope 10", `kb dismiss 3` for "dismiss 3 - <reason>", `kb dismiss 70 66` for
    "dismiss 70 and 66, …"; None otherwise."""
    found = CLOSING.match(plainly(text or "").replace("-", " "))
    if found is None:
        return None
    word = "dismiss" if found.group("word").startswith("dismiss") else "out-of-scope"
    numbers = " ".join(re.findall(r"\d+", found.group("numbers")))
    return Reading("kb", f"{word} {numbers}", runs=False, typed=found.group("word"))


def learned_meant(text: str) -> Reading | None:
    """`kb reject 3` for "reject 3 thats wrong, …" (with a reason: `reject 3` alone runs as it is); None otherwise."""
    found = LEARNED.match(plainly(text or ""))
    if found is None:
        return None
    return Reading("kb", f"{found.group('word')} {found.group('number')}", runs=False, typed=found.group("word"))


def link_meant(desk: UnansweredDesk, turn: Turn, text: str) -> Reading | str | None:
    """`kb link 28 <entry id>` for "link 28 to the kooth entry", the entry found from its words; the line to say
    when no entry is found; None for other words."""
    found = LINK.match(plainly(text or ""))
    if found is None:
        return None
    words, number = found.group("entry"), found.group("number")
    entry = entry_typed(desk.service.current.kb.entries, words)
    options = [] if entry is not None else desk.entry_options(turn, words)
    entry_id = entry.id if entry is not None else (options[0][1] if options else None)
    if entry_id is None:
        return (f"No entry fits those words, so nothing was linked or noted. Type `/audit kb link {number} <entry id "
                "or words of its question>`; `/audit kb find <words>` lists the entries holding them.")
    return Reading("kb", f"link {number} {entry_id}", runs=False, typed="link")
