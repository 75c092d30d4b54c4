"""A moderator's reason that starts with the decision's own word: `agree, the grade fits: voice is heard…`.

At "You agree with … Why?" a trial typed `agree, the grade fits: …`, and the auditor was sent "Reason: agree, the grade
fits: …" (trial 12, F9). The word says again what the button or `agree` said already, as a heading typed before a note
does (bot.audits.note_labels), so it is not part of the reason: `agree` or `disagree` (or `I agree`), then a comma,
colon, full stop, semicolon, `!` or a dash, is dropped. Without one it is the sentence's own verb and stays: "I agree
the plan drifted", "agree with the auditor that…", "agreement on the plan…".

Pure: what is read is decided here; bot.audits.moderation says what follows.
"""

from __future__ import annotations

import re

_LEADING = re.compile(r"^\s*(?:i\s+)?(?P<word>agree|disagree)(?:\s*[,.;:!]+|\s+-+|\s*[–—]+)\s*", re.IGNORECASE)


def leading_decision(text: str) -> tuple[str, str] | None:
    """The decision word a reason starts with (`agree` or `disagree`, lower case) and the reason after it, or None when
    it starts with neither as a label."""
    found = _LEADING.match(text)
    return (found.group("word").lower(), text[found.end():]) if found else None


# `disagree inadequate, views have not shaped the plan`, `agree - the plan is clear`: the decision with what follows it
_ONE_LINE = re.compile(r"^\s*(?:i\s+)?(?P<word>agree|disagree)\b(?:\s*[,.;:!]+|\s+-+|\s*[–—]+)?\s*(?P<rest>.*\S)\s*$",
                       re.IGNORECASE | re.DOTALL)
_ONLY_AN_AUDIT = re.compile(r"^(?:with\s+)?(?:audit\s+)?#?\d+\s*[.!]?$", re.IGNORECASE)


def one_line_decision(text: str) -> tuple[str, str] | None:
    """A moderator's whole decision typed at Agree / Disagree (trial 18: `disagree inadequate, views have not
    influenced the plan` went to the knowledge base): the word (`agree` or `disagree`) and the words after it, the
    grade and reason for a disagreement, the reason for an agreement. None for the word alone, or with only an audit's
    number (`agree 12`), which `DECISION_WORDS` reads."""
    found = _ONE_LINE.match(text)
    if found is None or _ONLY_AN_AUDIT.match(found.group("rest")):
        return None
    return found.group("word").lower(), found.group("rest")
