"""The audit's own words, typed at any step: back, skip, pause and cancel, read by one reader wherever the audit flow
reads them (bot.audits.conversation).

Trial 30 typed `cancel this audit` at a number question and was told "Please type a number": only `cancel` (and
`cancel audit`) were read. Cancelling in the words people use is read too; it is still asked to be confirmed.
"""

from __future__ import annotations

import re

from bot.engine.undo_words import said_undo

CONTROL_WORDS = {"back": "back", "skip": "skip", "pause": "pause", "cancel": "cancel", "cancel audit": "cancel"}
# "cancel this audit", "cancel the audit", "stop this audit", "abandon it", "abandon the audit", "scrap this audit"
_CANCEL = re.compile(r"^(?:please\s+)?(?:cancel|stop|abandon|scrap|bin)\s+(?:this|the|my|it)(?:\s+(?:audit|one))?"
                     r"(?:\s+please)?$|^(?:cancel|abandon)\s+audit$", re.IGNORECASE)


# Trial 34: `hang on this is my own case, cancel` at a yes/no question got "Please answer yes or no". Cancelling with
# a reason before or after it is cancelling too (still confirmed): `cancel, wrong case`, `cancel - its my own case`,
# `cancel this audit, wrong case`, `wrong case so cancel`, `…, cancel it`. A reason after a bare `cancel` opens with
# punctuation or a reason's first words, so `cancel my request for more time` is not it; a `cancel` at the end is not
# one another word makes the verb of a note (`mum asked me to cancel`, `dont cancel`, `they cancel`).
_CANCELLING = r"(?:cancel|abandon|scrap)(?:\s+(?:this|the|my|it)(?:\s+(?:audit|one))?|\s+audit)?"
_REASON_OPENS = (r"wrong|its|it'?s|this\s+is|thats|that'?s|because|cos|coz|as|since|sorry|not|i|im|i'?m|my\s+own|"
                 r"mistake|duplicate|started")
_REASON_FIRST = re.compile(rf"^(?:please\s+)?{_CANCELLING}\s*(?:[,;:.!?\-–—(]+\s*|\s+(?=(?:{_REASON_OPENS})\b))\S",
                           re.IGNORECASE)
_REASON_BEFORE = re.compile(rf"\S(?:\s*[,;:.!?\-–—)]+\s*|\s+)(?:(?:so|just|pls|please|ok|okay)\s+)?{_CANCELLING}"
                            r"(?:\s+(?:please|pls|thanks))?$", re.IGNORECASE)
_NOT_CANCELLING = re.compile(r"\b(?:to|not|no|dont|don'?t|didnt|didn'?t|never|will|would|could|should|can|cant|can'?t|"
                             r"may|might|must|did|do|does|we|they|you|he|she|mum|dad|parents?|family|carers?)\s+"
                             r"(?:cancel|abandon|scrap)\b[^,;:.!?\-–—]*$", re.IGNORECASE)


# Trial 43: going back asked for in words is `back` (pausing in words is bot.audits.leaving_words'): `go back`, `can
# we go back?`, `go back one`, `go back to the last question` (`go back to q3` changes that answer:
# bot.audits.answer_change).
_BACK = re.compile(r"^(?:please\s+)?(?:(?:can|could)\s+(?:we|i)\s+|let'?s\s+|lets\s+|i\s+(?:need|want)\s+to\s+)?go\s+"
                   r"back(?:\s+(?:one|a\s+(?:step|question)|to\s+the\s+(?:last|previous)\s+(?:one|question)))?"
                   r"(?:\s+(?:please|pls))?\??$", re.IGNORECASE)


def control_word(text: str) -> str | None:
    """"back", "skip", "pause" or "cancel" for a line that is only that word (or cancelling in words: `cancel this
    audit`, `stop this audit`, `abandon it`, or with a reason before or after it: `cancel, wrong case`, `hang on
    this is my own case, cancel`; going back in words: `can we go back?`), else None. Ending punctuation is dropped
    (`cancel.`, `pause!`). `undo` (`undo that`, `oops undo`) inside a step is `back` (fix44d): one step back in
    this conversation, the earlier answer shown to change, never an answer, a question for the knowledge base or an
    undo of something outside it."""
    words = " ".join((text or "").lower().split()).rstrip(".! ")
    if words in CONTROL_WORDS:
        return CONTROL_WORDS[words]
    if said_undo(words):
        return "back"
    if _CANCEL.match(words) or _REASON_FIRST.match(words):
        return "cancel"
    if _REASON_BEFORE.search(words) and not _NOT_CANCELLING.search(words):
        return "cancel"
    return "back" if _BACK.match(words) else None
