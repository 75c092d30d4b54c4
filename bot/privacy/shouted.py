"""A line typed with caps lock on, read as the ordinary words it is (trial 54, F2 and F16).

'THE CHILD WAS SEEN ALONE AT SCHOOL ON 3 DEC AND SAID SHE WAS HUNGRY' was refused as a school's name ("“C… W… S… A…
A… S…”"): the name finders read capitalised words as proper names, and in a shouted line every word is one. A line
mostly in capitals (`shouted`: four or more words in capitals that are not the practice's acronyms, at least 60% of
its words) is screened as if typed in lower case (`lowered`), as people type on phones, which the screen reads for
names where only a person fits ('lisa carter was seen', 'tyler said', 'seen at oakfield primary school'). What is an
identifier whatever its case stays one: a word with a digit (an NHS number, a date of birth, a postcode, a CR
reference, a UPN) is kept as typed, and so is an acronym that is no everyday word ('ICPC', 'TAF'; not 'MUM', 'SO').
A listed given name before 'from' keeps its capital, so 'GRACE FROM THE FAMILY HUB' is still a person's name with
where they work (service_names.py); a name the screen finds in the line as typed whose words no dictionary holds
is refused too ('HOME VISIT TO ADEBOWALE FAMILY': `unknown_words`). A line with a few acronyms in it ('ICPC due,
CIN plan and TAF ok') is no shouted line and is screened as typed.

Each line and each sentence is judged on its own (trial 57, F3): the same shouted line after a pasted paragraph in
ordinary case was refused as a school's name ("“W… S… A… A… S…”"), since the text as a whole was not mostly
capitals.
"""

from __future__ import annotations

import re

from bot.privacy.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_]{2,}")
_TOKEN = re.compile(r"[\w'’-]+")
_PART = re.compile(r"[^\n.!?]+[.!?]*")  # a line, or a sentence of one


def shouted(text: str, acronyms: frozenset[str]) -> bool:
    """Whether `text` is typed mostly in capitals, beyond the acronyms ordinary text has."""
    words = _WORD.findall(text)
    capitals = [word for word in words if word.isupper() and word not in acronyms]
    return len(capitals) >= 4 and len(capitals) >= 0.6 * len(words)


def lowered(text: str, acronyms: frozenset[str], lexicon: Lexicon) -> str:
    """`text` in lower case, each character where it was typed (so words found map back to the typed text), but
    words with a digit and acronyms as typed, and a given name before 'from' capitalised."""
    out = list(text)
    tokens = list(_TOKEN.finditer(text))
    for i, m in enumerate(tokens):
        token, folded = m.group(0), m.group(0).casefold()
        if any(char.isdigit() for char in token) or (token in acronyms and folded not in lexicon.common_words):
            continue
        lower = [char.lower() if len(char.lower()) == 1 else char for char in token]
        if i + 1 < len(tokens) and tokens[i + 1].group(0).casefold() == "from" and folded in lexicon.census_given:
            lower[0] = token[0]
        out[m.start():m.end()] = lower
    return "".join(out)


def unknown_words(words: str, lexicon: Lexicon) -> bool:
    """Whether a name found in the shouted line as typed is words neither the dictionary nor the name lists hold
    ('ADEBOWALE' before 'FAMILY'): the lower-case reading finds the listed names ('lisa carter'), not these, so
    they are refused as typed."""
    folded = [word.casefold() for word in _TOKEN.findall(words)]
    return bool(folded) and all(word.isalpha() and len(word) > 2 and word not in lexicon.known_words
                                and word not in lexicon.common_words and not lexicon.is_name(word) for word in folded)


def as_typed(typed: str, cased: str, words: str) -> str:
    """The words found in the lowered text as they were typed (a refusal quotes what the person wrote)."""
    at = cased.find(words)
    return typed[at:at + len(words)] if at >= 0 else words




def shouted_parts(text: str, acronyms: frozenset[str]) -> list[tuple[int, int]]:
    """Where the lines or sentences of `text` typed in capitals are, each to be screened on its own as `lowered`."""
    return [m.span() for m in _PART.finditer(text) if shouted(m.group(0), acronyms)]


def lowered_parts(text: str, parts: list[tuple[int, int]], acronyms: frozenset[str], lexicon: Lexicon) -> str:
    """`text` with those parts `lowered`, every character where it was typed."""
    out = list(text)
    for start, end in parts:
        out[start:end] = lowered(text[start:end], acronyms, lexicon)
    return "".join(out)
