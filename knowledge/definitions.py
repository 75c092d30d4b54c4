""""What does DSL mean?": the glossary's meaning of a term someone asks to have spelt out.

The glossary (knowledge/kb/glossary.yaml) is what the search reads acronyms with; a person asking what one
stands for deserves that meaning in one line, whatever the search makes of the rest (an entry about the
term, suggestions, or nothing yet).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.textterms import STOP_WORDS

_TERM = r"(?P<term>[\w/&'+-]{2,30}(?:\s+[\w/&'+-]{1,30}){0,3}?)"  # "DSL", "PP+", "Reg 44", "care order"
_ASKED = [re.compile(pattern, re.IGNORECASE) for pattern in (
    rf"^(?:what|wat|wot)(?:'s|s|\s+is|\s+are|\s+does)?\s+(?:an?\s+|the\s+)?{_TERM}"
    r"(?:\s+(?:mean|means|stand\s+for|stands\s+for|short\s+for))?$",
    rf"^(?:what\s+is\s+the\s+)?(?:meaning|definition)\s+of\s+(?:an?\s+|the\s+)?{_TERM}$",
    rf"^(?:define|explain)\s+{_TERM}$",
    rf"^{_TERM}\s+(?:meaning|means|stands\s+for|definition)$",
    rf"^{_TERM}$",  # a bare term asked with a question mark (checked below)
)]


def defined_term(question: str, glossary: Mapping[str, str]) -> tuple[str, str] | None:
    """(term as the glossary writes it, its meaning) when the question only asks what a glossary term means."""
    text = " ".join(question.split()).rstrip(" .!")
    asked_bare = text.endswith("?")
    text = text.rstrip(" ?")
    for number, pattern in enumerate(_ASKED):
        found = pattern.match(text)
        if found is None or (number == len(_ASKED) - 1 and not asked_bare):
            continue
        typed = " ".join(found.group("term").strip("'").split())
        if typed.lower() in STOP_WORDS and not typed.isupper():  # "what is it" is not IT; "what does SO mean" is
            return None
        by_lower = {term.lower(): (term, meaning) for term, meaning in glossary.items()}
        if typed.lower() in by_lower:  # else another shape may read it: "what is the meaning of PLO" (trial 23)
            return by_lower[typed.lower()]
    return None
