"""A keyboard mash ("asdfgh", "qwerty uiop") is not a question: no word of it is an English word, a word or
acronym of the knowledge base, a typo of one, a number or a case reference. Anything with one such word is, and so is
a word no list has typed alone when it is shaped like a word ("kooth"), as a mash is not.

Checked against the shipped knowledge base, since what counts as a word depends on it.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import wordfreq
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.asking.readable import (
    MIN_SHORT_WORD_ZIPF,
    MIN_WORD_ZIPF,
    SHORT_WORD,
    common_english_words,
    is_mash,
    looks_like_a_word,
)
from bot.core.knowledge import KnowledgeService
from knowledge.search import KnowledgeSearch
from tests.support.examples import examples

DATA = Path(__file__).parents[1] / "data"
# The tuning question sets: the labelled set bench/kb_bench.py uses and the retired held-out sets. The held-out
# sets (kb_heldout*.yaml) are never read here.
TUNING_SETS = sorted(DATA.glob("kb_queries*.yaml"))


@pytest.fixture(scope="module")
def search(shipped_knowledge: KnowledgeService) -> KnowledgeSearch:
    return shipped_knowledge.current.search


@pytest.mark.parametrize("text", ["asdfgh", "qwerty uiop", "sdfsdf sdf", "asdf", "hjkl", "jjjjkkk",
                                  "fghfgh jkjk", "zzzz", "ASDFGH!!", "poiuy lkjh", "i sdfgh", "qwerty?",
                                  "qwerty", "jjjjj", "sdfsdf", "zxcvb", "fghfgh", "Asdfgh?"])
def test_a_keyboard_mash_is_a_mash(search: KnowledgeSearch, text: str) -> None:
    assert is_mash(text, search)


@pytest.mark.parametrize("text", [
    "iccp", "strategey", "chronolgy", "strat disc",  # typos and clippings the search reads as its own words
    "lac", "asd", "LADO?", "camhs",  # the knowledge base's acronyms
    "paediatrician", "lasagne", "qwerty keyboard shortcuts",  # English words, rare ones too
    "CR-123456", "cr382070", "s47", "asdf 45",  # numbers and case references
    "hi", "ok", "?", "xy", "sdf",  # too short to judge: left to small talk and the search
    "Что такое ICPC", "ççç ééé",  # letters this check has no list for
])
def test_words_typos_numbers_and_short_texts_are_not_mashes(search: KnowledgeSearch, text: str) -> None:
    assert not is_mash(text, search)


def test_no_tuning_question_and_no_knowledge_base_wording_is_a_mash(search: KnowledgeSearch,
                                                                    shipped_knowledge: KnowledgeService) -> None:
    assert len(TUNING_SETS) >= 4 and not any(path.name.startswith("kb_heldout") for path in TUNING_SETS)
    questions = [query["q"] for path in TUNING_SETS
                 for query in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]]
    questions += [wording for entry in shipped_knowledge.current.kb.entries.values()
                  for wording in (entry.question, *entry.alternatives)]
    assert len(questions) > 6000
    assert [question for question in questions if is_mash(question, search)] == []


_KNOWN: list[str] = []


def known_words(search: KnowledgeSearch) -> list[str]:
    """Words of two letters or more the knowledge base knows, and the 5,000 commonest English ones."""
    if not _KNOWN:
        english = [word for word in wordfreq.top_n_list("en", 5000) if word.isascii() and word.isalpha()]
        _KNOWN.extend(sorted({word for word in (*search.surface_words, *english) if len(word) > 1}))
    return _KNOWN


@settings(max_examples=examples(300))
@given(data=st.data(),
       noise=st.lists(st.text(alphabet=string.ascii_letters, min_size=1, max_size=12), max_size=6),
       joiner=st.sampled_from([" ", ", ", "/", "-", "  "]), end=st.sampled_from(["", "?", "!", "...", " ?"]))
def test_any_text_with_one_known_word_is_never_a_mash(shipped_knowledge: KnowledgeService, data: st.DataObject,
                                                      noise: list[str], joiner: str, end: str) -> None:
    search = shipped_knowledge.current.search
    word = data.draw(st.sampled_from(known_words(search)), label="known word")
    word = data.draw(st.sampled_from([word, word.upper(), word.capitalize()]), label="as typed")
    place = data.draw(st.integers(min_value=0, max_value=len(noise)), label="place")
    text = joiner.join([*noise[:place], word, *noise[place:]]) + end
    assert not is_mash(text, search)


@pytest.mark.parametrize("word", ["the", "paediatrician", "lasagne", "pdf", "jk", "sdf", "qwerty", "asdfgh",
                                  "mum", "flu", "pram", "kooth", "nappy", "hmm"])
def test_the_english_list_holds_a_word_exactly_when_wordfreq_rates_it_common_enough(word: str) -> None:
    needed = MIN_SHORT_WORD_ZIPF if len(word) <= SHORT_WORD else MIN_WORD_ZIPF
    assert (word in common_english_words()) == (wordfreq.zipf_frequency(word, "en") >= needed)


# -- a word typed alone -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["kooth", "Kooth", "kooth?", "childline", "liquidlogic", "LiquidLogic", "mosaic",
                                  "barnardos", "Barnardo's", "wellcomm", "youngminds", "mencap", "talktofrank"])
def test_a_service_no_list_has_typed_alone_is_not_a_mash(search: KnowledgeSearch, text: str) -> None:
    """Product and service names people type alone: the QA leads need to see the knowledge base lacks them."""
    assert not is_mash(text, search)


# The shapes of a mash, as bench/mash_bench.py simulates them: a run along a row, letters under one hand or along one
# row, a chunk typed again, keys held down.
ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
ONE_HAND_OR_ROW = ("qwertasdfgzxcvb", "yuiophjklnm", *ROWS)


@st.composite
def mashes(draw: st.DrawFn) -> str:
    row = draw(st.sampled_from(ROWS), label="row")
    kind = draw(st.sampled_from(["run", "one hand", "again", "held"]), label="kind")
    if kind == "run":
        keys = draw(st.sampled_from([row, row[::-1]])) * 3
        start = draw(st.integers(0, len(row) - 1))
        return keys[start:start + draw(st.integers(4, 8))]
    if kind == "one hand":
        return draw(st.text(alphabet=draw(st.sampled_from(ONE_HAND_OR_ROW)), min_size=4, max_size=12))
    if kind == "again":
        start = draw(st.integers(0, len(row) - 2))
        return row[start:start + draw(st.integers(2, 3))] * draw(st.integers(2, 4))
    return "".join(key * draw(st.integers(4, 6)) for key in draw(st.lists(st.sampled_from(row), min_size=1,
                                                                            max_size=3)))


@settings(max_examples=examples(500))
@given(mashes())
def test_a_mash_typed_alone_is_never_shaped_like_a_word(shipped_knowledge: KnowledgeService, token: str) -> None:
    """So a mash alone (of four letters or more: fewer are not judged) stays a mash unless it is a word of the lists
    ("sweat" is typed with the left hand alone)."""
    search = shipped_knowledge.current.search
    assert not looks_like_a_word(token)
    assert is_mash(token, search) or (token in common_english_words() or search.knows(token)
                                      or search.reads_as_known(token))


def _shaped_words() -> list[str]:
    """Common English words of four letters or more with a vowel, typed with both hands across rows."""
    return sorted(word for word in common_english_words()
                  if len(word) >= 4 and set(word) & set("aeiouy")
                  and not any(set(word) <= set(keys) for keys in ONE_HAND_OR_ROW)
                  and not re.search(r"(.)\1\1", word) and not re.fullmatch(r"(.+?)\1+", word)
                  and not any(word in row or word in row[::-1] for row in ROWS))


@settings(max_examples=examples(300))
@given(st.data())
def test_no_common_word_shaped_as_a_word_is_refused_for_its_letters(data: st.DataObject) -> None:
    """Letter triples are judged against the common English words themselves, so none of those words, shaped as a
    word, is refused for its letters: only made-up words ("sdfsdf") have a triple no word has."""
    word = data.draw(st.sampled_from(_shaped_words()), label="word")
    assert looks_like_a_word(word)
