"""Which words are everyday English, so the search does not take a real word for a typo of one of its own.

An unknown word one letter from a known one is usually a typo ("reveiw", "helth"), but not when it is a word in
its own right: "moon" is not "mood", "tips" not "trips", "supposed" not "supported". Such a word is a question
about something the knowledge base does not cover, or a word it has no use for; read as the known word, it gave
the few entries holding that word strong and false evidence ("who was the first person on the moon" was answered
with the entry on children's mental health).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

# English words at least this common (wordfreq's Zipf scale: 3 is once per million words) are words, not typos.
# Zipf 3 is where wordfreq's small English list ends. On the tuning questions every typo the search corrected is
# rarer ("independant" 2.35, "realy" 2.76, "acton" 2.97), while words at 3 or above that it corrected into another
# word were real ones ("mince" 3.0, "redo" 3.2, "sanction" 3.4, "tyre" 3.5, "moon" 4.7).
EVERYDAY_ZIPF = 3.0


@functools.cache
def everyday_words() -> frozenset[str]:
    """The lower-case a-z English words of at least EVERYDAY_ZIPF: about 28,000, read once per process (some
    30 ms, 4 MB) from wordfreq's small English list the first time an unknown word is to be corrected."""
    return frozenset(word for word in words_at_least(EVERYDAY_ZIPF) if word.isascii() and word.isalpha())


# Words this common (Zipf 5.5: about once in 300,000 words, "left", "home", "care", "child") mean too many things for
# one of them alone to name an entry: "left" asked alone (or what is left of "how much leave do I have left" once the
# leave topic is taken out) was answered outright with the entry on leaving a child home alone.
PLAIN_ZIPF = 5.5


@functools.cache
def plain_words() -> frozenset[str]:
    """The commonest English words (at least PLAIN_ZIPF, a few hundred): one of them alone is not a question
    the search may answer outright, only offer entries for."""
    return frozenset(word for word in words_at_least(PLAIN_ZIPF) if word.isascii() and word.isalpha())


# Words this common (Zipf 5: once in 100,000 words) are everyday words before any acronym they spell: "send" is sent
# far more often than it means special educational needs, so as a verb it is read as the verb.
COMMON_ZIPF = 5.0


@functools.cache
def common_words() -> frozenset[str]:
    """The lower-case English words of at least COMMON_ZIPF (about a thousand)."""
    return frozenset(word for word in words_at_least(COMMON_ZIPF) if word.isascii() and word.isalpha())


def words_at_least(zipf: float, wordlist: str = "small", *, short_zipf: float | None = None,
                   short_len: int = 0) -> Iterator[str]:
    """wordfreq's English words (as listed: lower case, some with digits, apostrophes or accents) of at least `zipf`,
    or at least `short_zipf` for a word of `short_len` letters or fewer, on the frequency the list gives it (which
    `wordfreq.zipf_frequency(word, "en", wordlist)` returns for a listed word). The list's buckets are read directly,
    once per call and kept by nobody: wordfreq's own frequency table would stay in memory for the life of the
    process. The search, the noise check and the privacy screen all read their word lists this one way."""
    import wordfreq  # imported here: a process that never needs a word list does without it

    buckets = wordfreq.read_cBpack(wordfreq.available_languages(wordlist)["en"])
    # a bucket's index is minus its words' frequency in centibels, and Zipf = 9 + cB / 100
    last = round((9 - zipf) * 100)
    last_short = last if short_zipf is None else round((9 - short_zipf) * 100)
    for index, bucket in enumerate(buckets[:max(last, last_short) + 1]):
        yield from (word for word in bucket if index <= (last if len(word) > short_len else last_short))
