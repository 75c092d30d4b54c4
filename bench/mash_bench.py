"""Keyboard-mash check (bot/asking/readable.is_mash): how cheap it is, what it catches, what it must not refuse.

It runs before the search on every question typed, so it has to cost next to nothing. Run with
`python -m bench mash_bench` from the repository root. It times 10,000 tuning questions and 10,000 generated mashes
through the check against the shipped knowledge base, and counts tuning questions called a mash (0 expected) and
mashes caught, those of one word too. A word no list has, typed alone, must not be a mash (the QA leads need to see
it): it counts how many of 10,000 rare English words (wordfreq's, under the Zipf 2 the check's list starts at, four
letters or more) and of the services people name alone are called one. The held-out question sets are never read.
Speed depends on the machine; nothing is asserted.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.asking import readable  # noqa: E402
from knowledge.loader import load_knowledge  # noqa: E402
from knowledge.search import KnowledgeSearch  # noqa: E402

LINES = 10_000
# Services and products people type alone: the knowledge base has none of them as a word.
NAMED_ALONE = ("kooth", "childline", "liquidlogic", "mosaic", "barnardos", "wellcomm", "samaritans", "youngminds",
               "makaton", "mencap", "papyrus", "solihull", "mermaids", "winstonswish", "talktofrank")
TUNING = sorted((ROOT / "tests" / "data").glob("kb_queries*.yaml"))  # the labelled set and the retired ones
ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
HANDS = ("qwertasdfgzxcvb", "yuiophjklnm", "asdfghjkl")


def mash(draw: random.Random) -> str:
    """One made-up mash word: a run along a row, letters from under one hand, a chunk repeated, or held keys."""
    kind = draw.random()
    row = draw.choice(ROWS)
    if kind < 0.4:
        start = draw.randrange(len(row))
        keys = (row if draw.random() < 0.5 else row[::-1]) * 3
        return keys[start:start + draw.randint(3, 8)]
    if kind < 0.7:
        hand = draw.choice(HANDS)
        return "".join(draw.choice(hand) for _ in range(draw.randint(2, 9)))
    if kind < 0.85:
        start = draw.randrange(len(row) - 2)
        return row[start:start + draw.randint(2, 3)] * draw.randint(2, 3)
    return "".join(draw.choice(row) * draw.randint(1, 4) for _ in range(draw.randint(1, 3)))


def rare_words(draw: random.Random) -> list[str]:
    """LINES English words rarer than the check's own list (wordfreq Zipf under 2), of four letters or more."""
    import wordfreq

    buckets = wordfreq.read_cBpack(wordfreq.available_languages("large")["en"])
    first = round((9 - readable.MIN_WORD_ZIPF) * 100) + 1  # a bucket's index is minus its frequency in centibels
    rare = [word for bucket in buckets[first:] for word in bucket if word.isascii() and word.isalpha()
            and len(word) >= readable.MIN_MASH_LETTERS]
    return draw.sample(rare, LINES)


def timed(lines: list[str], search: KnowledgeSearch) -> tuple[int, float]:
    """How many lines are called a mash, and the microseconds per line."""
    started = time.perf_counter()
    called = sum(readable.is_mash(line, search) for line in lines)
    return called, 1e6 * (time.perf_counter() - started) / len(lines)


def main() -> None:
    search = KnowledgeSearch(load_knowledge())
    started = time.perf_counter()
    readable.common_english_words()
    print(f"English word list read once per process: {time.perf_counter() - started:.2f} s, "
          f"{len(readable.common_english_words()):,} words")
    questions = [query["q"] for path in TUNING for query in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]]
    draw = random.Random(20261201)
    asked = [draw.choice(questions) for _ in range(LINES)]
    mashes = [" ".join(mash(draw) for _ in range(draw.choice((1, 1, 2, 2, 3, 4)))) for _ in range(LINES)]
    started = time.perf_counter()
    readable.english_letter_triples()
    print(f"Letter triples of those words worked out once per process: {time.perf_counter() - started:.2f} s, "
          f"{len(readable.english_letter_triples()):,}")
    called, cost = timed(asked, search)
    print(f"{LINES:,} tuning questions ({len(questions):,} distinct): {cost:.1f} us a line, {called} called a mash")
    for label in ("first time", "again (typo corrections cached)"):
        called, cost = timed(mashes, search)
        print(f"{LINES:,} generated mashes, {label}: {cost:.1f} us a line, {called:,} ({called / LINES:.1%}) caught")
    alone = [line for line in mashes if " " not in line]
    print(f"{len(alone):,} of them one word: {sum(readable.is_mash(line, search) for line in alone):,} caught")
    rare = rare_words(draw)
    mashed = [word for word in rare if readable.is_mash(word, search)]
    print(f"{LINES:,} rare English words typed alone: {len(mashed):,} ({len(mashed) / LINES:.1%}) called a mash, "
          f"such as {', '.join(mashed[:8])}")
    print(f"Services named alone called a mash: {[name for name in NAMED_ALONE if readable.is_mash(name, search)]}")


if __name__ == "__main__":
    main()
