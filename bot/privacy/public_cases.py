"""Names of children that are public through national reviews and inquiries, and of the reviews' authors.

Practice learning cites reviews by the child's name ('the Arthur Labinjo-Hughes and Star Hobson review',
'Victoria Climbié', 'Baby P'): refusing those in a knowledge question would make the bot refuse good practice. The
names are data lists QA may extend: bot/privacy/data/public_case_names.txt (the children) and
public_review_authors.txt (authors of national reviews cited by full name, 'the Josh MacAlister review', and of
models of practice cited together by surname, 'the Turnell and Edwards approach'). Only the full name as cited is
ever let through, never a given name alone, so 'Arthur needs a plan' is still a child of the case; a local review
named by a child's full name ('the Kayden Smith review') is refused.

The name finders skip every listed name written in full (`cited_spans`); bot/privacy/case_citations.py then takes
back a child's name that is not plainly cited (trial 43, finding 1: 'I saw Arthur Labinjo-Hughes alone at school'
was stored), and every child's name in audit free text, where a worker's own case child may share it. Authors'
names pass everywhere.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

PUBLIC_CASES_FILE = Path(__file__).parent / "data" / "public_case_names.txt"  # the children
AUTHORS_FILE = Path(__file__).parent / "data" / "public_review_authors.txt"


@functools.lru_cache(maxsize=65_536)  # each word of every text the name finder reads: the same words again and again
def normalise(text: str) -> str:
    """Lower case, no accents, one space between words, typographic apostrophes plain: how names are compared."""
    decomposed = unicodedata.normalize("NFD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def load_public_cases(path: Path = PUBLIC_CASES_FILE, authors: Path | None = AUTHORS_FILE) -> frozenset[str]:
    """The public names the name finders let through, normalised: the children's and the authors'."""
    return _names_in(path) | (_names_in(authors) if authors else frozenset())


@functools.cache
def public_children() -> frozenset[str]:
    """The children's names alone, normalised: those cited only about their review, never in an audit."""
    return _names_in(PUBLIC_CASES_FILE)


def _names_in(path: Path) -> frozenset[str]:
    """One name a line, '#' starts a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line.split("#", 1)[0]) for line in lines if line.split("#", 1)[0].strip())


def cited_spans(words: list[tuple[str, int, int]], public: frozenset[str]) -> list[tuple[int, int]]:
    """Where a public case name is written in full, as (start, end) in the text, from the text's words with their
    positions (word, start, end): 'Star Hobson's review' gives the span of 'Star Hobson's'. Positions, not words,
    so a child of the case with the same given name elsewhere in the text ('Ellie needs a plan') is still found."""
    if not public:
        return []
    firsts, longest = _openings(public)
    spans: list[tuple[int, int]] = []
    for i, (word, start, _) in enumerate(words):
        if normalise(word) not in firsts:  # one look per word; the few that open a public name are read on
            continue
        plain = [re.sub(r"'s$", "", normalise(later)) for later, _, _ in words[i:i + longest]]
        for name in public:
            parts = name.split()
            if plain[:len(parts)] == parts:
                spans.append((start, words[i + len(parts) - 1][2]))
    return spans


@functools.lru_cache(maxsize=8)
def _openings(public: frozenset[str]) -> tuple[frozenset[str], int]:
    """The first words of the public names, and the most words one has: the same for every text."""
    return frozenset(name.split(" ", 1)[0] for name in public), max(len(name.split()) for name in public)
