"""Screen a question for identifiers before it is stored or answered.

TODO(lead): when bot/privacy.py (the audits helper's `find_identifiers(text, names) -> list[Finding]`) is
merged, make `identifier_kinds` call it and keep this module only as the seam the knowledge feature uses.
Until then this is a deliberately conservative local check: it would rather ask a person to rephrase than
keep a child's NHS number, date of birth, email, phone number, postcode or name in the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an email address", re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")),
    ("a phone number", re.compile(r"(?<![\w-])(\+44\s?|0)(\d[\s-]?){9,10}(?![\w-])")),
    ("an NHS number", re.compile(r"(?<![\w-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\w-])")),
    ("a date", re.compile(
        r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})(?!\d)"
        r"|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"
        r"|\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b",
        re.IGNORECASE,
    )),
    ("a postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
)
CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+")  # "Oliver's" and "Smith-Jones" are checked part by part


def identifier_kinds(text: str, names: Iterable[str]) -> list[str]:
    """The kinds of identifier found ('a date', 'a name', ...), in a fixed order; empty when none."""
    found = [kind for kind, pattern in PATTERNS if pattern.search(text)]
    known = {name.lower() for name in names}
    if known and any(word.lower() in known for word in CAPITALISED_WORD.findall(text)):
        found.append("a name")
    return found
