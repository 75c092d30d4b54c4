"""The identifier screen meets its targets on ALL FOUR tuning corpora (tests/data/privacy/corpus_tuning.yaml,
corpus_tuning2.yaml, corpus_tuning3.yaml and corpus_tuning4.yaml, written independently by four helpers in
different styles).

Only the tuning corpora are asserted here: the held-out corpus (corpus_heldout.yaml) is never looked at item by
item nor tuned on, and `make bench` only reports its aggregate figures, so it stays an honest estimate of how the
screen does on text nobody tuned it for.
"""

from __future__ import annotations

import pytest

from bench.privacy_bench import TARGET_CAUGHT, TARGET_OVER, TUNING, load_corpus, measure, new_screen
from bot.privacy.screen import Screen


@pytest.mark.parametrize("corpus", TUNING)
def test_tuning_corpus_identifiers_refused_and_ordinary_text_passes(identifier_screen: Screen, corpus: str) -> None:
    figures = measure(load_corpus(corpus), new_screen(identifier_screen))
    missed = [item["text"] for item in figures.missed]
    over = [(item["text"], found) for item, found in figures.over_refused]
    assert figures.caught >= TARGET_CAUGHT, missed
    assert figures.over <= TARGET_OVER, over


@pytest.mark.parametrize("corpus", TUNING)
def test_every_kind_is_caught_on_the_tuning_corpus(identifier_screen: Screen, corpus: str) -> None:
    figures = measure(load_corpus(corpus), new_screen(identifier_screen))
    for kind, (refused, total) in figures.by_kind.items():
        if kind != "none":
            assert refused / total >= 0.9, kind
