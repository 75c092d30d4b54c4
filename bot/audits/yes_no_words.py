"""A yes or a no typed at a yes/no question as people type it: `yse`, `ys`, `yess`, `yeah`, `yup`, `nope`, `nah`.

Grade typos were forgiven ("requires improvment") while `yse` and `ys` got "Please answer yes or no" (trial 13, F12).
A typo is forgiven only where it can mean nothing else: a word starting with "y" one edit from "yes" (a letter
dropped, added, swapped or mistyped), except the real words one edit away ("yet", "yew", "yen", "yrs"), and a
letter held down ("yesss", "nooo"). "no" is two letters, one edit from many words ("on", "go", "so", "not"), so only
its informal forms are read, never its typos; "na" stays Not applicable.

Pure: bot.audits.flow reads a yes/no answer with it, and says back any answer that was not typed as yes or no.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

YES_FORMS = frozenset({"yes", "y", "yeah", "yep", "yup", "yea", "yeh", "yah", "ya", "aye"})
NO_FORMS = frozenset({"no", "n", "nope", "nah", "naw", "nop"})
_NOT_YES = frozenset({"yet", "yew", "yen", "yrs"})  # real words one edit from "yes" that are not a yes
_HELD = re.compile(r"(.)\1+")


def _cleaned(text: str) -> str:
    return " ".join(text.lower().replace("!", " ").replace(".", " ").replace(",", " ").split())


def yes_or_no(text: str) -> str | None:
    """"yes" or "no" for a typed yes or no, its informal forms and a typo of "yes" (see the module's words); None for
    anything else."""
    said = _cleaned(text)
    held = _HELD.sub(r"\1", said)
    for form in (said, held):
        if form in YES_FORMS:
            return "yes"
        if form in NO_FORMS:
            return "no"
    if (said.startswith("y") and 2 <= len(said) <= 4 and said.isalpha() and said not in _NOT_YES
            and OSA.distance(said, "yes") <= 1):
        return "yes"
    return None



# Trial 54 (F14): `👍` at a yes/no question was told "Please answer yes or no". A thumb typed alone answers a question
# (never a confirmation: bot.engine.confirmations reads its own words), as the emoji or as Slack sends it
# (`:+1:`, `:thumbsup:`, with a skin tone `:+1::skin-tone-3:`), and the answer read is said back with it.
_THUMB = re.compile(r"^(?:(?P<up>👍|:\+1:|:thumbsup:)|(?P<down>👎|:-1:|:thumbsdown:))"
                    r"(?:[\U0001F3FB-\U0001F3FF]|:skin-tone-[2-6]:)?\ufe0f?$")


def thumb(text: str) -> str | None:
    """"yes" for a thumbs-up typed alone, "no" for a thumbs-down; None for anything else."""
    found = _THUMB.match("".join((text or "").split()))
    if found is None:
        return None
    return "yes" if found.group("up") else "no"
