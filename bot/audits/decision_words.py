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


# "actually agree", "no wait, disagree", "ok agree", "on second thoughts, keep it as RI": a change of mind said with a
# hedge before it (trial 27: `actually agree` at a re-opened decision got the knowledge base's agreement-rate article)
_HEDGE = re.compile(r"^\s*(?:(?:actually|actualy|no|wait|ok|okay|fine|sorry|hmm+|um+|oh|right|on\s+second\s+thoughts?|"
                    r"thinking\s+about\s+it|having\s+thought\s+about\s+it)\b[\s,.!;:-]*)+(?P<rest>\S.*)$",
                    re.IGNORECASE | re.DOTALL)
# "keep it as RI", "keep my decision", "leave it as it was", "keep the current decision": the decision already made kept
_KEEP = re.compile(r"^\s*(?:i(?:['’]ll|\s+will|['’]d\s+like\s+to|\s+want\s+to)\s+|let['’]?s\s+|just\s+|please\s+)?"
                   r"(?:keep|leave)\s+(?:it|that|this|my\s+(?:decision|moderation|grade)|the\s+(?:current|earlier|"
                   r"same|original|old)\s+(?:decision|moderation|grade))"
                   r"(?:\s+(?:as\s+it\s+(?:is|was)|as\s+(?:it\s+)?(?:is|was)|unchanged|the\s+same))?"
                   r"(?:\s+(?:as|at)\s+(?P<grade>\S.{0,40}?))?\s*(?:please|then|thanks)?\s*[.!]?\s*$",
                   re.IGNORECASE)


def without_hedge(text: str) -> str | None:
    """The words after a hedge ("actually", "no wait") at the front of `text`, or None when it starts with none."""
    found = _HEDGE.match(text)
    return found.group("rest") if found else None


def kept_decision(text: str) -> str | None:
    """`keep it as RI` and the like, with or without a hedge before it: the grade's words ("" when none was named), or
    None when `text` does not ask to keep the decision."""
    found = _KEEP.match(without_hedge(text) or text)
    return (found.group("grade") or "") if found else None
