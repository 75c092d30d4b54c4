"""The new auditor of `/audit campaign reassign <allocation> <auditor> <reason>`, read as every other place reads a
person (bot.core.people): a mention or member ID, or a name as the bot writes it, shorthand and all (`tm south`).

Trial 30: `campaign reassign 1 tm south off sick` was refused with "Name the new auditor as a Slack mention or member
ID", though `tm south` works wherever else a person is typed. A name may be several words, so the longest start of
what follows the allocation that names one person is the auditor, and the rest is the reason.
"""

from __future__ import annotations

from bot.audits.core import user_id_from
from bot.core.people import person_named
from bot.core.services import Services

LONGEST_NAME = 5  # words a person's name may take ("team manager children in care")


def auditor_and_reason(services: Services, allocation: str, text: str) -> tuple[str, str]:
    """(the auditor as a member ID, or the first word when nobody is named, for the usual refusal; the reason)."""
    words = text.split()
    if words and user_id_from(words[0]):
        return words[0], " ".join(words[1:])
    for size in range(min(LONGEST_NAME, len(words) - 1), 0, -1):
        typed = " ".join(words[:size])
        found = person_named(services.directory, typed,
                             lambda name: f"/audit campaign reassign {allocation} {name} <reason>")
        if found is not None:
            return found, " ".join(words[size:])
    return (words[0] if words else ""), " ".join(words[1:])
