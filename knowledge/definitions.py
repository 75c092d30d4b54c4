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
# Where the term was met, after "mean": "wat does DA mean in a referral" asks what DA means all the same (trial 49).
_WHERE = (r"(?:\s+(?:in|on|at|for|from|when|within)\s+(?:an?\s+|the\s+|my\s+|this\s+|our\s+)?"
          r"[\w/'+-]+(?:\s+[\w/'+-]+){0,3})?")
_MEAN = r"(?:mean|means|mena|meen|stand\s+for|stands\s+for|short\s+for)"
_ASKED = [re.compile(pattern, re.IGNORECASE) for pattern in (
    rf"^(?:what|wat|wot|waht|whta)(?:'s|s|\s+is|\s+are|\s+does|\s+dose|\s+dos|\s+doe)?\s+(?:an?\s+|the\s+)?{_TERM}"
    rf"(?:\s+{_MEAN}{_WHERE})?$",
    rf"^(?:what\s+is\s+the\s+)?(?:meaning|definition)\s+of\s+(?:an?\s+|the\s+)?{_TERM}$",
    rf"^(?:define|explain)\s+{_TERM}$",
    rf"^{_TERM}\s+(?:meaning|means|stands\s+for|definition){_WHERE}$",
    rf"^{_TERM}$",  # a bare term asked with a question mark (checked below)
)]


def _side(name: str) -> str:
    """One of the two terms a question compares, as a named group ("first", "second")."""
    return "(?:an?\\s+|the\\s+)?" + _TERM.replace("?P<term>", f"?P<{name}>")


_DIFFERENCE = r"(?:differences?|diff)"
_COMPARED = [re.compile(pattern, re.IGNORECASE) for pattern in (
    # "whats the diff between LAC and CiC", "difference between ICPC and RCPC"
    rf"^(?:(?:what|wat|wot)(?:'s|s|\s+is|\s+are)?\s+)?(?:the\s+)?{_DIFFERENCE}\s+between\s+{_side('first')}"
    rf"\s+(?:and|&|vs\.?|versus)\s+{_side('second')}$",
    # "LAC vs CiC", "LAC or CiC, what's the difference"
    rf"^{_side('first')}\s+(?:vs\.?|versus)\s+{_side('second')}$",
    rf"^{_side('first')}\s+(?:or|and|vs\.?|versus)\s+{_side('second')}\s*[,:-]?\s*"
    rf"(?:(?:what|wat|wot)(?:'s|s|\s+is)?\s+)?(?:the\s+)?{_DIFFERENCE}$",
    # "is LAC the same as CiC", "is CLA different from LAC", "are LAC and CiC the same thing"
    rf"^(?:is|are)\s+{_side('first')}\s+(?:the\s+same\s+as|different\s+(?:from|to|than))\s+{_side('second')}$",
    rf"^(?:is|are)\s+{_side('first')}\s+and\s+{_side('second')}\s+(?:the\s+same(?:\s+thing)?|different)$",
)]


def compared_terms(question: str, glossary: Mapping[str, str]) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The two glossary terms, each with its meaning, when the question only asks how they differ ("whats the diff
    between LAC and CiC"): the meanings answer it, and two names of one idea deserve the entry about it (trial 26:
    "what is LAC" was answered, the difference between LAC and CiC was not)."""
    text = " ".join(question.split()).rstrip(" .!?")
    by_lower = {term.lower(): (term, meaning) for term, meaning in glossary.items()}
    for pattern in _COMPARED:
        found = pattern.match(text)
        if found is None:
            continue
        first, second = (" ".join(found.group(side).strip("'").split()).lower() for side in ("first", "second"))
        if first in by_lower and second in by_lower and first != second:
            return by_lower[first], by_lower[second]
    return None


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
