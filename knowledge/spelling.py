"""A wording with its typos put right as the search reads them: what a QA lead's link writes into the knowledge base.

`/audit kb link` (and a new entry made from an unanswered question) adds the askers' wording to an entry's
alternatives. It once wrote their slips as typed ("wen is the icpc confrence due"): the search read them anyway, but
the knowledge base is read and edited by people, and each typo there is a word the next typo is corrected towards.
Only the words the search itself corrects change (`KnowledgeSearch.spelling`); the rest of the text, its capitals,
punctuation and the asker's own shorthand, stays as typed.

A correction is made only when it is sure: the search's own question typos and text-speak ("wen", "r"), or a word
no other everyday English word is as close to. "offen" is read as "offer" (the knowledge base's nearest word), but
"often" is as close: such a word stays as typed and is named as doubtful, for the QA lead to check in the wording
shown before it is written (and edit, in Slack's form).

A word typed without its vowels ("how lng for a core grp") is no typo the search puts right: it reads "grp" only
after "core", as the vocabulary's "core grp", and "lng" not at all. Such a word is written as the one word of the
knowledge base it can stand for ("how long for a core group"); with several ("wht": "what", "white"), it stays as
typed and is named.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.english import words_at_least
from knowledge.search import CHAT_SHORTHAND, QUESTION_TYPOS, KnowledgeSearch, keeps_letters
from knowledge.textterms import STOP_WORDS

TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")  # a word as typed, with its apostrophe ("child's")
# A word at least this common (wordfreq's Zipf: 4 is ten in a million words) as close to a typo as the search's reading
# of it makes that reading doubtful: "often" beside "offer" for "offen". Rarer words ("aud", "audi" beside "audit"
# for "audt") are seldom what a practitioner meant.
RIVAL_ZIPF = 4.0


class Corrected(NamedTuple):
    """A wording with its sure typos put right, and the words left as typed that the search reads as another."""

    text: str
    doubtful: tuple[tuple[str, str], ...]  # (as typed, as the search reads it)


def corrected_wording(search: KnowledgeSearch, text: str) -> Corrected:
    """`text` with each word the search surely reads as a typo of another written as that word, in the typed word's
    case ("Wen" -> "When", "ICPC" stays); a word with an apostrophe, or a doubtful correction, is left as typed."""
    tokens = list(TOKEN.finditer(text))
    typed = [token.group() for token in tokens]
    meant = search.spelling([word.lower() for word in typed])
    pieces: list[str] = []
    doubtful: list[tuple[str, str]] = []
    at = 0
    for token, word, right in zip(tokens, typed, meant, strict=True):
        pieces.append(text[at:token.start()])
        # "lng", "grp", "chld": a word without its vowels stands for the one word of the knowledge base with its
        # consonants (trial 44: "lng" had no reading of the search's); "CSC" is an acronym, as meant
        alone = _unclipped(search, word.lower()) if word.isalpha() and not word.isupper() else word.lower()
        clipped = right == alone or right == word.lower()
        right = alone if right == word.lower() else right
        if right == word.lower() or not word.isalnum():
            pieces.append(word)
        elif " or " not in right and (clipped or _sure(word.lower(), right)):
            pieces.append(_in_case_of(word, right))
        else:
            pieces.append(word)
            doubtful.append((word, right))
        at = token.end()
    pieces.append(text[at:])
    return Corrected("".join(pieces), tuple(doubtful))


def _sure(typed: str, meant: str) -> bool:
    """Whether reading `typed` as `meant` is sure: one of the search's own question typos or text-speak, or no other
    everyday word is as close to `typed` (and, when `meant` keeps every letter typed, keeps them too)."""
    if CHAT_SHORTHAND.get(typed) == meant or QUESTION_TYPOS.get(typed) == meant:
        return True
    distance = OSA.distance(typed, meant)
    kept = keeps_letters(typed, meant)
    rivals = process.extract(typed, _rivals(), scorer=OSA.distance, score_cutoff=distance, limit=None)
    return not any(word != meant and (not kept or keeps_letters(typed, word)) for word, _, _ in rivals)


@functools.cache
def _rivals() -> frozenset[str]:
    """The words a typo may as well have meant: English words of at least RIVAL_ZIPF, and the search's stop words."""
    return frozenset(word for word in words_at_least(RIVAL_ZIPF) if word.isascii() and word.isalpha()) | STOP_WORDS


def _unclipped(search: KnowledgeSearch, typed: str) -> str:
    """The knowledge base's word a word typed without its vowels stands for ("lng" -> "long", "grp" -> "group"),
    when only one of its words has those consonants in that order after the same first letter; "what or white"
    for "wht" (doubtful: named, never written); else `typed`. Only an unknown word of three letters or more, and not
    an everyday word (Zipf RIVAL_ZIPF): the search reads none of these, so the link wrote them as typed, or read
    "grp" only after "core" (the vocabulary's "core grp"), which leaves the word itself as typed."""
    if len(typed) < 3 or VOWELS.search(typed) or typed in _rivals() or search.knows(typed):
        return typed
    meant = sorted(word for word in search.surface_words if len(word) > len(typed) and _consonants(word) == typed)
    return " or ".join(meant[:3]) if meant else typed


VOWELS = re.compile(r"[aeiouy]")


def _consonants(word: str) -> str:
    """A word as typed without its vowels: its first letter, then its other letters but a, e, i, o, u and y."""
    return word[:1] + VOWELS.sub("", word[1:])


def _in_case_of(typed: str, word: str) -> str:
    """`word` in the case `typed` was written in: all capitals, a capital first, or lower case."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    return word.capitalize() if typed[:1].isupper() else word
