"""Which words are everyday English, so the search does not take a real word for a typo of one of its own.

An unknown word one letter from a known one is usually a typo ("reveiw", "helth"), but not when it is a word in
its own right: "moon" is not "mood", "tips" not "trips", "supposed" not "supported". Such a word is a question
about something the knowledge base does not cover, or a word it has no use for; read as the known word, it gave
the few entries holding that word strong and false evidence ("who was the first person on the moon" was answered
with the entry on children's mental health).
"""

from __future__ import annotations

import functools

# English words at least this common (wordfreq's Zipf scale: 3 is once per million words) are words, not typos.
# Zipf 3 is where wordfreq's small English list ends. On the tuning questions every typo the search corrected is
# rarer ("independant" 2.35, "realy" 2.76, "acton" 2.97), while words at 3 or above that it corrected into another
# word were real ones ("mince" 3.0, "redo" 3.2, "sanction" 3.4, "tyre" 3.5, "moon" 4.7).
EVERYDAY_ZIPF = 3.0


@functools.cache
def everyday_words() -> frozenset[str]:
    """The lower-case a-z English words of at least EVERYDAY_ZIPF: about 28,000, read once per process (some
    30 ms, 4 MB) from wordfreq's small English list the first time an unknown word is to be corrected."""
    import wordfreq  # imported here: an index whose questions are all in its own words never needs it

    buckets = wordfreq.read_cBpack(wordfreq.available_languages("small")["en"])
    # a bucket's index is minus its words' frequency in centibels, and Zipf = 9 + cB / 100
    last = round((9 - EVERYDAY_ZIPF) * 100)
    return frozenset(word for bucket in buckets[:last + 1] for word in bucket if word.isascii() and word.isalpha())
