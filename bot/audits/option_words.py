"""Which option of a choice question a typed answer means: its number, its code, its label, or its own words.

People type what they see or remember: `2`, `N1`, `neglect`, `family stress`. Insisting on the whole label
("N1 Abuse or neglect") refused answers nobody could misread. The rule, in order, first match wins:

1. the whole label (case and spacing aside);
2. the option's number as listed (1, 2, ...);
3. the option's code, when its label starts with one (`N1` in "N1 Abuse or neglect");
4. words: every word typed (little words such as "or" and "the" aside) is a word of the label;
5. meaning: the words typed that are words of any label, two or more, are all words of one option's label, in a
   short line that is not a question and negates nothing that label does not (`still delayed, actions rolled over`:
   "Delay that is still continuing").

Words are read as people write them (bot.audits.option_sayings, data): `EH` is "early help", `delayed` is `delay`,
actions `rolled over` are a delay still continuing; so `step down to EH` is "Step down to early help" by rule 4.
Only 1 to 3 can pick one option by construction; 4 may fit several, and then the person is asked which. Rule 5 is
`option_by_meaning`, tried last by the audit's question step (an option read by rules 1 to 4 with a note after it
comes first, so the note is kept); it picks one option or none. A word in no label matches nothing by itself.
Yes/no and grade questions do not come here.
"""

from __future__ import annotations

import re

from bot.audits.option_sayings import FORMS, SAYINGS
from bot.core.typed_digits import option_digits

# Words that say nothing about which option is meant; typing only these matches no option.
_LITTLE_WORDS = frozenset({"a", "an", "and", "or", "the", "of", "to", "in", "on", "for", "by", "with", "as", "is",
                           "it", "its", "that", "this", "at", "be", "i", "option"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_SAYINGS = tuple((re.compile(pattern), words) for pattern, words in SAYINGS)
_MOST_WORDS = 12  # rule 5 reads a short answer, not a paragraph about the case
_NEGATIONS = frozenset({"no", "not", "never", "none", "nothing", "without", "nor", "neither", "cannot"})
_QUESTION_START = re.compile(r"^\s*(?:what|how|why|when|where|who|which|is|are|does|do|did|can|could|should|would|"
                             r"will|was|has|have)\b")
_CODE = re.compile(r"(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[0-9])[a-z0-9]+")


def _folded(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def _words(text: str) -> set[str]:
    """The words of `text`, with a possessive also counted bare ("child's" is "child" too), each in its one form
    (`delayed` is `delay`: bot.audits.option_sayings.FORMS)."""
    found = set(_WORD.findall(_folded(text)))
    return {FORMS.get(word, word) for word in found | {w.removesuffix("'s") for w in found}}


def _said(typed: str) -> str:
    """`typed` (folded) with each way of saying an option's words in SAYINGS written as those words."""
    for pattern, words in _SAYINGS:
        typed = pattern.sub(words, typed)
    return typed


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
    if option_digits(typed):  # 0-9 only: "١" is no option number (bot.core.typed_digits)
        return (options[int(typed) - 1],) if 1 <= int(typed) <= len(options) else ()
    coded = tuple(o for o in options if option_code(o) == typed)
    if len(coded) == 1:
        return coded
    wanted = _wanted(typed)
    if not wanted:
        return ()
    return tuple(o for o in options if wanted <= _words(o))


def _wanted(typed: str) -> set[str]:
    """The words of `typed` (folded) that can name an option: as SAYINGS and FORMS read them, little words aside."""
    said = _said(typed)
    return {FORMS.get(word, word) for word in (w.removesuffix("'s") for w in _WORD.findall(said))} - _LITTLE_WORDS


def option_by_meaning(options: tuple[str, ...], text: str) -> str | None:
    """Rule 5, the last reading tried (after an option with a note after it, so a note is kept where there is one):
    the one option whose label holds every typed word that is a word of some label (two or more of them; the others,
    `actions` in `still delayed, actions rolled over`, are the person's own), or None. Never for a question (`is the
    delay still continuing?` is asked of the knowledge base), a long line, or a line that negates where the label
    does not (`not still delayed`)."""
    typed = _said(_folded(text))
    if "?" in typed or len(_WORD.findall(typed)) > _MOST_WORDS or _QUESTION_START.match(typed):
        return None
    wanted = _wanted(typed)
    labels = {option: _words(option) for option in options}
    named = {word for word in wanted if any(word in words for words in labels.values())}
    fits = [option for option, words in labels.items() if named <= words]
    negated = {word for word in wanted if word in _NEGATIONS or word.endswith("n't")}
    return fits[0] if len(named) >= 2 and len(fits) == 1 and negated <= labels[fits[0]] else None


def named_words(text: str) -> set[str]:
    """The words of `text` that can name an option (as `matching_options` reads them, little words aside), so a
    reader can tell a start of two or more of them from a stray word (bot.audits.option_start)."""
    return _wanted(_folded(text))
