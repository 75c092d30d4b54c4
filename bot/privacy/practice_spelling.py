"""A word of the practice typed with a slip ('chronolgy', 'supervison', 'genogrm'): a word, not a stranger's name.

Trial 27: 'is a chronolgy needed' was refused as naming a child ("“c…” looks like a child's or family member's
name") and the question was lost, while 'do i need a chronolgy' was answered. In text typed all in lower case a word
no list holds is read as a possible name (detect.py, `_unknown_plain`), and a misspelt practice word is no list's.
So a lower-case word one slip (a letter dropped, added, swapped or mistyped; two in a word of
`TWO_SLIPS_FROM` letters or more) from a word of the knowledge base's vocabulary or glossary, starting with the same
letter, is taken for that word. Short words are left alone (a name is as likely as a slip there), and practice words
that the name lists hold (they are names too) are never matched, so a rare name typed small still counts.

Pure: the words come from bot/privacy/initials.py `practice_words`, kept on the Lexicon.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA

SHORTEST = 6  # letters: shorter words are read as they are ('kai' is not 'kin')
TWO_SLIPS_FROM = 9  # letters: 'safeguardng', 'chronolgoy' are one slip from their word; longer ones may take two


def misspelt_practice_word(folded: str, words: frozenset[str]) -> bool:
    """Whether `folded` (lower case) is a practice word in `words` typed with a slip or two: then it is that word,
    never a candidate for a name."""
    if len(folded) < SHORTEST or not words or not folded.isalpha():
        return False
    slips = 2 if len(folded) >= TWO_SLIPS_FROM else 1
    near = process.extract(folded, words, scorer=OSA.distance, score_cutoff=slips, limit=None)
    return any(word[0] == folded[0] for word, _, _ in near)
