"""The id of an entry made from its question (`kb new`, the *New entry* form): a short name for what it is about.

A user trial: "What is the difference between section 20 and section 31?" became
`what-is-the-difference-between-section-20-and`, cut at the length limit on "and", losing the "31" that tells the
two sections apart. So the question's opening ("what is the", "how do I", "when is") is left out, articles go
before a word is lost to the limit, a number the limit would lose is kept with the word naming it ("section-31"),
and an id never ends on a joining word ("and", "of", "for"): `difference-between-section-20-section-31`.

Trial 39: "What is Kooth and how do I refer a young person to it?" became
`kooth-and-how-do-i-refer-a-young-person-to-it`, unwieldy to type in `kb link`. An id is now at most MAX_ID_WORDS
significant words, the first ones, the question's grammar left out ("and", "how", "do", "i", "a", "to", "it"), with a
number always kept beside the word naming it: `kooth-refer-young-person`, `parents-consent-section-47`.

Trial 64 (F12): "What is our local protocol when a child self-harms in school?" became `local-protocol-child-self`,
cut inside "self-harms". A word that is only the first half of a compound ("self", "non", "co", "anti") is kept with
the word after it, as a number is with the word naming it, and never ends an id: `local-protocol-child-self-harms`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.english import everyday_words
from knowledge.fields import suggested_id

MAX_ID_LENGTH = 48
# Words a question opens with before what it is about: left out of the id while two words or more are left.
QUESTION_OPENING = frozenset({
    "what", "whats", "how", "hows", "when", "whens", "where", "wheres", "who", "whos", "whom", "which", "why",
    "is", "are", "was", "were", "be", "do", "does", "did", "dont", "can", "cant", "could", "should", "shall", "must",
    "may", "might", "will", "would", "i", "im", "ive", "we", "you", "they", "it", "its", "there", "theres", "this",
    "the", "a", "an", "my", "our", "your", "have", "has", "had", "need", "to"})
HOW_MUCH = frozenset({"long", "often", "many", "much", "soon", "old", "far"})
ARTICLES = frozenset({"a", "an", "the"})
# Words that join two others: an id ending on one reads as cut short. Not "in", "on" or "by", which end a word
# of the work: "drop-in", "check-in", "hands-on", "stand-by".
JOINING_WORDS = ARTICLES | frozenset({
    "and", "or", "nor", "but", "of", "to", "for", "at", "with", "from", "into", "onto", "as", "than", "if", "whether",
    "that", "because", "per", "via", "is", "are", "be", "each", "every", "any", "some"})
# The first half of a compound ("self-harm", "non-attendance", "co-sleeping"): kept with the word after it, and an
# id ending on one reads as cut mid-word (trial 64, F12: `local-protocol-child-self`)
BOUND_FIRST = frozenset({"self", "non", "co", "anti", "pre", "semi", "multi", "inter", "ex"})
ID_ENDS = JOINING_WORDS | BOUND_FIRST  # never the last word of an id
# Where a cut id may not end either: "…-child-in-care-who" reads as cut short (a whole question may: "who-is-who")
CUT_ENDS = ID_ENDS | frozenset({"who", "which", "whose", "where", "when", "why", "how"})
# Words that never name a number: `section-31` is kept whole, `in-2009` is just the year.
NOT_NAMING = JOINING_WORDS | frozenset({"in", "on", "by", "under", "over", "after", "before", "since", "until",
                                        "within", "during", "about", "who", "which", "when", "where"})
# Words that only carry a question's grammar: dropped after the articles when an id must be cut (trial 19:
# `how-many-audits-should-manager-complete-each`, `how-long-does-agency-decision-maker-have`)
AUXILIARIES = frozenset({"should", "does", "do", "did", "can", "could", "must", "will", "would", "shall", "may",
                         "might", "have", "has", "had", "is", "are", "was", "were", "be", "i", "we", "you", "they",
                         "my", "our", "your", "their", "it", "to"})
NUMBER = re.compile(r"\d")
NO_WORDS = "my-entry-id"
MAX_ID_WORDS = 4  # significant words (a number with the word naming it counts as one)
LEFT_OUT = QUESTION_OPENING | JOINING_WORDS | AUXILIARIES | frozenset({"how", "what", "who", "which", "when", "where",
                                                                      "why", "whose", "if", "so", "then", "also"})


def new_entry_id(question: str, taken: Iterable[str]) -> str:
    """A readable id from the question's words (see the module docstring), unique among `taken` with a `-2`
    when needed, at most MAX_ID_LENGTH characters: whole words only, unless a first word is longer than that."""
    slug = suggested_id(question)
    words = NO_WORDS.split("-") if slug == NO_WORDS else _named_words([word for word in slug.split("-") if word])
    significant = _without_joining_end(_significant(words)) if words != NO_WORDS.split("-") else []
    words = significant if len(significant) > 1 else words  # "who do I call" stays `who-do-i-call`
    used = set(taken)
    number = 1
    while True:
        suffix = f"-{number}" if number > 1 else ""
        candidate = "-".join(_fitted(words, MAX_ID_LENGTH - len(suffix))) + suffix
        if candidate not in used:
            return candidate
        number += 1


def _named_words(words: list[str]) -> list[str]:
    """The words naming what the question is about: without its opening when two or more words are left, and never
    ending on a joining word (`my-entry-id` when they are all joining words)."""
    start = next((index for index, word in enumerate(words) if word not in QUESTION_OPENING), len(words))
    if 0 < start < len(words) and words[start - 1] == "how" and words[start] in HOW_MUCH:
        start -= 1  # "how long", "how often": what the question is about
    if len(_without_joining_end(words[start:])) < 2:
        start = 0  # "who do I call?" is `who-do-i-call`, not `call`
    for candidate in (words[start:], words):
        named = _without_joining_end(candidate)
        if named:
            return named
    return NO_WORDS.split("-")


def _significant(words: list[str]) -> list[str]:
    """The first MAX_ID_WORDS significant words (trial 39), every number kept with the word naming it; empty when
    none is significant ("what is it for")."""
    units: list[list[str]] = []
    kept_last = False
    for index, word in enumerate(words):
        if word in LEFT_OUT or (word in HOW_MUCH and index and words[index - 1] == "how"):
            kept_last = False
            continue
        if kept_last and ((word.isdigit() and not NUMBER.search(units[-1][-1])) or units[-1][-1] in BOUND_FIRST):
            units[-1].append(word)  # "section 20" is one, and so is "self harms"
        else:
            units.append([word])
        kept_last = True
    numbered = [index for index, unit in enumerate(units) if NUMBER.search("".join(unit))][:MAX_ID_WORDS]
    chosen = set(numbered)
    for index in range(len(units)):
        if len(chosen) >= MAX_ID_WORDS:
            break
        chosen.add(index)
    added = _distinctive(units, chosen)
    if added:  # a preposition left before a gap reads as cut short: `refer-young-person-in-camhs`
        chosen = {index for index in chosen | set(added)
                  if not (units[index][0] in NOT_NAMING and index + 1 not in chosen)} | set(added)
    return [word for index, unit in enumerate(units) if index in chosen for word in unit]


def _distinctive(units: list[list[str]], chosen: set[int]) -> list[int]:
    """The first unit past the chosen ones that is a word outside everyday English (a service's or a form's name:
    `kooth`), kept as a number is: trial 53 F16, "Can we refer a child in care to Kooth?" became
    `refer-child-in-care` and lost the one word saying what it is about."""
    return next(([index] for index, unit in enumerate(units)
                 if index not in chosen and len(unit) == 1 and len(unit[0]) >= 3 and unit[0].isalpha()
                 and not _everyday(unit[0])), [])


def _everyday(word: str) -> bool:
    """Whether `word`, or its plural or singular, is everyday English ("carer": "carers" is)."""
    everyday = everyday_words()
    return any(form in everyday for form in (word, f"{word}s", word.removesuffix("s")))


def _fitted(words: list[str], limit: int) -> list[str]:
    """`words` within `limit` characters joined by hyphens: articles go first, then words from the end, keeping
    any number the cut would lose with the word naming it, and never ending on a joining word."""
    if _length(words) <= limit:
        return words
    words = [word for word in words if word not in ARTICLES] or words
    if _length(words) <= limit:
        return words
    words = _without_joining_end([word for index, word in enumerate(words)
                                  if index == 0 or word not in AUXILIARIES]) or words
    if _length(words) <= limit:
        return words
    cut = 1
    while cut < len(words) and _length(words[:cut + 1]) <= limit:
        cut += 1
    kept = words[:cut]
    carried = _numbers_from(words, cut)
    if carried:
        before = words[:min(cut, carried[0])]
        numbers = [words[index] for index in carried]
        while before and _length(before + numbers) > limit:
            before = before[:-1]
        before = _without_joining_end(before)
        kept = before + numbers if before else kept  # no room for a word before them: the plain cut
    fitted = _without_joining_end(kept, CUT_ENDS) or [next(word for word in words if word not in ID_ENDS)]
    return fitted if _length(fitted) <= limit else [fitted[0][:limit]]


def _numbers_from(words: list[str], cut: int) -> list[int]:
    """Where the numbers (words holding a digit) from `cut` on are, each with the word naming it just before
    (`section-31`: not a joining word or preposition, nor a number), even when that word is the last one kept."""
    carried: list[int] = []
    for index in range(cut, len(words)):
        if not NUMBER.search(words[index]):
            continue
        before = words[index - 1]
        if before not in NOT_NAMING and not NUMBER.search(before) and index - 1 not in carried:
            carried.append(index - 1)
        carried.append(index)
    return carried


def _without_joining_end(words: list[str], joining: frozenset[str] = ID_ENDS) -> list[str]:
    end = len(words)
    while end and words[end - 1] in joining:
        end -= 1
    return words[:end]


def _length(words: list[str]) -> int:
    return sum(map(len, words)) + max(len(words) - 1, 0)
