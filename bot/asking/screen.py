"""Screen a question for identifiers before it is stored or answered.

The knowledge feature uses the same screen as every other free-text input (`bot.privacy`), so a
question that names a child, or holds a date of birth, an NHS number, a postcode, a phone number or an
email address, is neither stored nor answered.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.privacy import find_identifiers


def identifier_kinds(text: str, names: Iterable[str]) -> list[str]:
    """The kinds of identifier found ('a name', 'an NHS number', ...), each once; empty when none."""
    labels: list[str] = []
    for finding in find_identifiers(text, frozenset(name.lower() for name in names)):
        if finding.label not in labels:
            labels.append(finding.label)
    return labels
