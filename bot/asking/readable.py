"""Whether a message that found nothing is a question in words, worth a place on the QA leads' unanswered list.

The list is where QA leads find the gaps in the knowledge base; a row of x's, a pasted script, terminal escape codes
or a keyboard mash is noise there. Text is noise when it has no word of ordinary length, a "word" no language has (one
letter over and over, or longer than any English word), reads like code (several of the symbols code is made of, and
little else), or is a mash: not one of its words is a word, nor, typed alone, shaped like one (see `is_mash`).
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

from knowledge.english import words_at_least

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f]")
_LETTERS = re.compile(r"[^\W\d_]+")
_CODE_SYMBOLS = frozenset("<>{}[];=|\\`$^~")
_CODE_COMMENT = re.compile(r";\s*--|/\*|\*/")  # the end of a pasted SQL statement, a C comment
_MARKUP_ONLY = re.compile(r"(?:\s*</?[A-Za-z][^<>]*>\s*)+")  # "<script>", "</div>": tags and nothing else
_SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript):", re.IGNORECASE)
_SQL = re.compile(  # a statement as written to a database, not a sentence about one ("delete from my drafts?")
    r"^\s*(?:select\s+(?:\*|[\w,\s]+\s+from\s+\w+\s*(?:;|where\b))|insert\s+into\s+\w+\s*(?:\(|values\b)"
    r"|drop\s+table\b|delete\s+from\s+\w+\s*(?:;|where\b)|update\s+\w+\s+set\s+\w+\s*=)", re.IGNORECASE)
LONGEST_WORD = 30  # letters; longer runs are pasted junk, not words
MIN_CODE_SYMBOLS = 3
CODE_SHARE = 0.08  # of the characters, code symbols at or above this share (with MIN_CODE_SYMBOLS) read as code


def without_control_codes(text: str) -> str:
    """The text without terminal escape sequences and control characters (a pasted coloured log, say)."""
    return _CONTROL.sub(" ", text)


def is_pasted_junk(text: str) -> bool:
    """Text no person types as a question: code (several of its symbols, a comment marker, a tag on its own, a
    script link or an SQL statement) or a run of letters longer than any word. It is not searched at all: a search
    would find something in almost anything."""
    text = without_control_codes(text)
    if any(len(run) > LONGEST_WORD for run in _LETTERS.findall(text)) or _CODE_COMMENT.search(text):
        return True
    if _MARKUP_ONLY.fullmatch(text) or _SCRIPT_URL.search(text) or _SQL.match(text):
        return True
    symbols = sum(1 for char in text if char in _CODE_SYMBOLS)
    return symbols >= MIN_CODE_SYMBOLS and symbols >= CODE_SHARE * len(text.strip())


def reads_as_words(text: str) -> bool:
    """Whether `text` is worth keeping as somebody's question: not pasted junk, and with a word of two letters or
    more that is not one letter over and over ("s47" finds its entry, but alone would not be worth noting)."""
    if is_pasted_junk(text):
        return False
    return any(len(run) >= 2 and len(set(run.lower())) > 1 for run in _LETTERS.findall(without_control_codes(text)))


# -- keyboard mashes ----------------------------------------------------------------------------------------------
# "asdfgh", "qwerty uiop", "sdfsdf sdf": letters typed to see what happens, or by a cat. A search finds nothing in
# them, so each used to be noted for the QA leads as a question nobody could answer.
_TOKENS = re.compile(r"[^\W_]+")  # runs of letters and digits: "s47" and "CR382070" stay one token each
# English words at least this common (Zipf scale, as wordfreq.zipf_frequency gives it: 2 is once per 100 million
# words) count as words. Measured on the tuning questions, the knowledge base and the privacy tuning corpora against
# 7,500 simulated mashes (runs along a row, letters from one hand, repeated chunks): below 2.0 are 0.1% of mash
# tokens of six letters or more and 1.4% of four or five ("aaaa", "ahhh", which are words of a sort anyway), while
# real words the knowledge base does not know and that are rarer than 2.0 are mostly names and joined-up product
# names; between 2.0 and 3.0 are real words people type ("paediatrician" 2.25, "prioritised" 2.4, "lasagne" 2.5,
# "pram" 2.8), so a higher threshold would refuse them when asked about alone.
MIN_WORD_ZIPF = 2.0
# Two or three letters: nearly every pair and many triples of letters are somebody's abbreviation, so wordfreq rates
# them 2-3.5 ("sdf" 3.0, "jk" 3.6); a short word needs to be common to count. Real short words the knowledge base
# and the stop words do not already hold are well above it ("mum", "yes", "pdf" 3.8, "ref" 3.95).
MIN_SHORT_WORD_ZIPF = 3.5
SHORT_WORD = 3  # letters
# Fewer letters than this in the whole message is too little to judge ("hi", "ok", "xy"): it is left to small talk
# and the search as before.
MIN_MASH_LETTERS = 4
# Three or more keys side by side along one row of a UK keyboard, in order ("asdf", "qwerty", "poiu") are not a word
# whatever a word list says ("qwerty" is in wordfreq at 2.5) or whichever known word they are one typo from ("asdf"
# is a letter from "ASD"). Only a word the knowledge base knows as typed is kept ("asd" is autism spectrum disorder).
MIN_KEY_RUN = 3
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# A word typed alone that no list has ("kooth", an online counselling service; "liquidlogic", a case-record system;
# "barnardos") is what the QA leads most need to see: the knowledge base lacks it. It is told from a mash by its
# shape (`looks_like_a_word`): a mash's letters fall under one hand or along one row (the keys of a UK keyboard each
# hand types, and its rows), or have no vowel, a key held down (three alike in a row), a chunk typed again
# ("sdfsdf"), or three letters in a row that no common English word has ("sdf", "hjk"). Measured by bench/mash_bench:
# no simulated mash of one word passes as one, and none of the tuning questions is a mash, before or after.
_ONE_HAND_OR_ROW = tuple(frozenset(keys) for keys in ("qwertasdfgzxcvb", "yuiophjklnm", *_KEY_ROWS))
_VOWELS = frozenset("aeiouy")
_HELD_KEY = re.compile(r"(.)\1\1")
_TYPED_AGAIN = re.compile(r"(.+?)\1+")


class KnownWords(Protocol):
    """What the knowledge base's search reads as its own words (knowledge.search.KnowledgeSearch does)."""

    def knows(self, word: str) -> bool:
        """A lower-case word of the knowledge base, its vocabulary or its stop words, as typed (or another form)."""
        ...

    def reads_as_known(self, word: str) -> bool:
        """As `knows`, or a typo, clipping or other ending of such a word, as the search corrects it."""
        ...


def is_mash(text: str, known: KnownWords) -> bool:
    """Whether no word of `text` is a word: not a number or case reference (anything with a digit), an English word
    (MIN_WORD_ZIPF), one the knowledge base knows, or one the search reads as a typo of one; nor, typed alone, a word
    no list has that is shaped like one (`looks_like_a_word`: "kooth", "liquidlogic"). Such text is no question and a
    search of it finds nothing, so it is refused before the search and never noted for the QA leads.

    A single letter ("a", "I", an initial) says nothing either way and is skipped. Text with fewer than
    MIN_MASH_LETTERS letters, or in letters outside a-z (another alphabet, accents), is never called a mash: there is
    too little to judge, or no list here to judge it by.
    """
    tokens = _TOKENS.findall(without_control_codes(text).lower())
    if sum(len(token) for token in tokens) < MIN_MASH_LETTERS:
        return False
    judged = [token for token in tokens if len(token) > 1 or not token.isalpha()]
    if any(_counts_as_word(token, known) for token in judged):
        return False
    return not (len(judged) == 1 and looks_like_a_word(judged[0]))


def _counts_as_word(token: str, known: KnownWords) -> bool:
    """One lower-case token of a message: a word, a number or a reference (True), or keyboard noise (False)."""
    if not token.isalpha() or not token.isascii():  # a digit in it, or letters this check has no list for
        return True
    if known.knows(token):
        return True
    if _key_run(token):
        return False
    if token in common_english_words():
        return True
    return known.reads_as_known(token)


def looks_like_a_word(token: str) -> bool:
    """Whether a lower-case a-z token is shaped like an English word, as a name or a rare word is and a keyboard mash
    is not: a vowel, letters from both hands and more than one row, no key held down or chunk typed again, not a run
    along a row, and every three letters in a row (with how it starts and ends) found in some common English word."""
    letters = set(token)
    if not letters & _VOWELS or any(letters <= keys for keys in _ONE_HAND_OR_ROW):
        return False
    if _HELD_KEY.search(token) or _TYPED_AGAIN.fullmatch(token) or _key_run(token):
        return False
    return all(triple in english_letter_triples() for triple in _triples(token))


def _triples(token: str) -> list[str]:
    """The token's letters three at a time, `^` marking its start and `$` its end: "kooth" is ^ko koo oot oth th$."""
    padded = f"^{token}$"
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


@functools.cache
def english_letter_triples() -> frozenset[str]:
    """Every three letters in a row in the common English words (`common_english_words`, with `^` and `$` at their
    ends): about 9,000 of the 28,000 possible, worked out once per process, the first time a lone word is judged."""
    return frozenset(triple for word in common_english_words() for triple in _triples(word))


def _key_run(token: str) -> bool:
    """Whether the token is MIN_KEY_RUN or more neighbouring keys along one keyboard row, left or right in order."""
    return len(token) >= MIN_KEY_RUN and any(token in row or token in row[::-1] for row in _KEY_ROWS)


@functools.cache
def common_english_words() -> frozenset[str]:
    """The lower-case a-z English words common enough to count: MIN_WORD_ZIPF, or MIN_SHORT_WORD_ZIPF for a word of
    SHORT_WORD letters or fewer. A word is in it exactly when `wordfreq.zipf_frequency(word, "en")` reaches its
    threshold. Read once per process (about 0.2 s) from wordfreq's large English list, whose buckets are read
    directly (`knowledge.english.words_at_least`): `zipf_frequency` would keep the whole 320,000-word table in
    memory (about 37 MB) for the life of the bot, where this set of 84,000 is a few MB."""
    words = words_at_least(MIN_WORD_ZIPF, "large", short_zipf=MIN_SHORT_WORD_ZIPF, short_len=SHORT_WORD)
    return frozenset(word for word in words if word.isascii() and word.isalpha())
