"""Which option of a choice question a typed answer means: its number, its code, its label, or its own words.

People type what they see or remember: `2`, `N1`, `neglect`, `family stress`. Insisting on the whole label
("N1 Abuse or neglect") refused answers nobody could misread. The rule, in order, first match wins:

1. the whole label (case and spacing aside);
2. the option's number as listed (1, 2, ...);
3. the option's code, when its label starts with one (`N1` in "N1 Abuse or neglect");
4. words: every word typed (little words such as "or" and "the" aside) is a word of the label.

Only 1 to 3 can pick one option by construction; 4 may fit several, and then the person is asked which.
Nothing here guesses: a word that is in no label matches nothing. Yes/no and grade questions do not come here.
"""

from __future__ import annotations

import re

# Words that say nothing about which option is meant; typing only these matches no option.
_LITTLE_WORDS = frozenset({"a", "an", "and", "or", "the", "of", "to", "in", "on", "for", "by", "with", "as", "is",
                           "it", "its", "that", "this", "at", "be", "i", "option"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_CODE = re.compile(r"(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[0-9])[a-z0-9]+")


def _folded(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def _words(text: str) -> set[str]:
    """The words of `text`, with a possessive also counted bare ("child's" is "child" too)."""
    found = set(_WORD.findall(_folded(text)))
    return found | {w.removesuffix("'s") for w in found}


def option_code(option: str) -> str | None:
    """The code an option starts with ("n1" for "N1 Abuse or neglect"): letters and digits, then more words."""
    first, _, rest = _folded(option).partition(" ")
    return first if rest and _CODE.fullmatch(first) else None


def matching_options(options: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The options `text` could mean, in their listed order: one when it is clear, several when it is not,
    none when it names no option."""
    typed = _folded(text)
    if not typed:
        return ()
    exact = tuple(o for o in options if _folded(o) == typed)
    if exact:
        return exact[:1]
    if typed.isdecimal():
        return (options[int(typed) - 1],) if 1 <= int(typed) <= len(options) else ()
    coded = tuple(o for o in options if option_code(o) == typed)
    if len(coded) == 1:
        return coded
    wanted = {word.removesuffix("'s") for word in _WORD.findall(typed)} - _LITTLE_WORDS
    if not wanted:
        return ()
    return tuple(o for o in options if wanted <= _words(o))
