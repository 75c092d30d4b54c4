"""Whether a message that found nothing is a question in words, worth a place on the QA leads' unanswered list.

The list is where QA leads find the gaps in the knowledge base; a row of x's, a pasted script or terminal escape codes
is noise there. Text is noise when it has no word of ordinary length, a "word" no language has (one letter over and
over, or longer than any English word), or reads like code (several of the symbols code is made of, and little else).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f]")
_LETTERS = re.compile(r"[^\W\d_]+")
_CODE_SYMBOLS = frozenset("<>{}[];=|\\`$^~")
_CODE_COMMENT = re.compile(r";\s*--|/\*|\*/")  # the end of a pasted SQL statement, a C comment
_MARKUP_ONLY = re.compile(r"(?:\s*</?[A-Za-z][^<>]*>\s*)+")  # "<script>", "</div>": tags and nothing else
_SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript):", re.IGNORECASE)
_SQL = re.compile(  # a statement as written to a database, not a sentence about one ("delete from my drafts?")
    r"^\s*(?:select\s+(?:\*|[\w,\s]+\s+from\s+\w+\s*(?:;|where\b))|insert\s+into\s+\w+\s*(?:\(|values\b)"
    r"|drop\s+table\b|delete\s+from\s+\w+\s*(?:;|where\b)|update\s+\w+\s+set\s+\w+\s*=)", re.IGNORECASE)
LONGEST_WORD = 30  # letters; longer runs are pasted junk, not words
MIN_CODE_SYMBOLS = 3
CODE_SHARE = 0.08  # of the characters, code symbols at or above this share (with MIN_CODE_SYMBOLS) read as code


def without_control_codes(text: str) -> str:
    """The text without terminal escape sequences and control characters (a pasted coloured log, say)."""
    return _CONTROL.sub(" ", text)


def is_pasted_junk(text: str) -> bool:
    """Text no person types as a question: code (several of its symbols, a comment marker, a tag on its own, a
    script link or an SQL statement) or a run of letters longer than any word. It is not searched at all: a search
    would find something in almost anything."""
    text = without_control_codes(text)
    if any(len(run) > LONGEST_WORD for run in _LETTERS.findall(text)) or _CODE_COMMENT.search(text):
        return True
    if _MARKUP_ONLY.fullmatch(text) or _SCRIPT_URL.search(text) or _SQL.match(text):
        return True
    symbols = sum(1 for char in text if char in _CODE_SYMBOLS)
    return symbols >= MIN_CODE_SYMBOLS and symbols >= CODE_SHARE * len(text.strip())


def reads_as_words(text: str) -> bool:
    """Whether `text` is worth keeping as somebody's question: not pasted junk, and with a word of two letters or
    more that is not one letter over and over ("s47" finds its entry, but alone would not be worth noting)."""
    if is_pasted_junk(text):
        return False
    return any(len(run) >= 2 and len(set(run.lower())) > 1 for run in _LETTERS.findall(without_control_codes(text)))
