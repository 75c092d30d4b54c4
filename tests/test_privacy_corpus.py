"""The identifier screen meets its targets on the TUNING corpus (tests/data/privacy/corpus_tuning.yaml).

Only the tuning corpus is asserted here: the held-out corpus (corpus_heldout.yaml) was written by the same
independent helper but never looked at item by item nor tuned on, and `make bench` only reports its figures,
so it stays an honest estimate of how the screen does on text nobody tuned it for.
"""

from __future__ import annotations

from bench.privacy_bench import TARGET_CAUGHT, TARGET_OVER, load_corpus, measure, new_screen
from bot.privacy import Screen


def test_tuning_corpus_identifiers_refused_and_ordinary_text_passes(identifier_screen: Screen) -> None:
    figures = measure(load_corpus("tuning"), new_screen(identifier_screen))
    missed = [item["text"] for item in figures.missed]
    over = [(item["text"], found) for item, found in figures.over_refused]
    assert figures.caught >= TARGET_CAUGHT, missed
    assert figures.over <= TARGET_OVER, over


def test_every_kind_is_caught_on_the_tuning_corpus(identifier_screen: Screen) -> None:
    figures = measure(load_corpus("tuning"), new_screen(identifier_screen))
    for kind, (refused, total) in figures.by_kind.items():
        if kind != "none":
            assert refused / total >= 0.9, kind
