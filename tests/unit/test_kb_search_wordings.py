"""Two ways the search reads people's own words: a vocabulary group lets a question find an entry written
with another member of the group, and a wording the bot has been told means one entry is answered outright."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchFit

ENTRIES = """\
entries:
  - id: missing-episodes
    question: What happens after a missing episode?
    alternatives: [return home interview after a missing episode]
    answer: Offer a return home interview within 72 hours of the child coming back.
    tags: [missing]
  - id: forced-marriage
    question: What do we do about a forced marriage?
    alternatives: [forced marriage unit]
    answer: Contact the Forced Marriage Unit and act before the child is taken abroad.
    tags: [harm]
  - id: mascot-north
    question: What colour is the mascot in the north office?
    answer: Green.
    tags: [office]
  - id: mascot-south
    question: What colour is the mascot in the south office?
    answer: Blue.
    tags: [office]
"""
VOCABULARY = """\
vocabulary:
  - [missing episode, ran off, hasn't come home, absconded]
  - [forced marriage, married off, wedding abroad]
"""


# This five-entry knowledge base has its own thresholds, pinned here: the shipped ones are fitted on the real
# knowledge base and move whenever it grows, which says nothing about how vocabulary groups or learning work.
FIT = SearchFit(answer_score=55.0, answer_margin=15.0, agree_score=46.0, agree_margin=6.0, suggest_score=30.0,
                suggest_keyword=12.0, weights=(2.0, 2.0, 1.0, 1.0))


def search_over(folder: Path, vocabulary: str = VOCABULARY) -> KnowledgeSearch:
    (folder / "kb").mkdir(parents=True, exist_ok=True)
    (folder / "kb" / "entries.yaml").write_text(ENTRIES, encoding="utf-8")
    (folder / "kb" / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    return KnowledgeSearch(load_knowledge(folder), FIT)


@pytest.mark.parametrize(("query", "entry"), [("what happens after a child ran off", "missing-episodes"),
                                               ("what do we do about a wedding abroad", "forced-marriage")])
def test_everyday_words_find_the_entry_written_in_formal_ones(tmp_path: Path, query: str, entry: str) -> None:
    with_groups = search_over(tmp_path / "with", VOCABULARY).search(query)
    offered = [with_groups.answer] if with_groups.answer else list(with_groups.suggestions)
    assert entry in [match.entry_id for match in offered]
    without = search_over(tmp_path / "without", "vocabulary: []\n").search(query)
    assert entry not in [match.entry_id for match in (without.answer, *without.suggestions) if match]


def test_a_learned_wording_is_answered_outright_even_when_another_entry_is_nearly_as_close(tmp_path: Path) -> None:
    search = search_over(tmp_path)
    asked = "what colour is the mascot"
    assert search.search(asked).outcome == "ambiguous"  # north and south are equally close
    learned = search.with_learned([("mascot-south", asked)])
    result = learned.search("What colour is the MASCOT?")
    assert (result.outcome, result.answer.entry_id if result.answer else None) == ("answer", "mascot-south")
    assert search.search(asked).outcome == "ambiguous"  # the index it was learned on is unchanged


def test_a_wording_two_entries_share_is_answered_by_neither(tmp_path: Path) -> None:
    search = search_over(tmp_path).with_learned([("mascot-south", "mascot colour"),
                                                 ("mascot-north", "mascot colour")])
    assert search.search("mascot colour").outcome == "ambiguous"


def test_a_story_around_a_learned_wording_is_not_taken_as_that_wording(tmp_path: Path) -> None:
    search = search_over(tmp_path).with_learned([("mascot-south", "what colour is the mascot")])
    result = search.search("i was walking past the north office yesterday and saw a flag. what colour is the mascot")
    assert search.evidence("i was walking past the north office yesterday and saw a flag. "
                           "what colour is the mascot").exact is None
    assert result.answer is None or result.answer.entry_id in {"mascot-north", "mascot-south"}


def test_a_long_learned_story_is_answered_when_repeated_but_lends_its_words_to_nothing_else(tmp_path: Path) -> None:
    story = "the judge at the final hearing in court said the care order stays and mum is appealing it"
    search = search_over(tmp_path).with_learned([("mascot-south", story)])
    assert search.search(story).answer is not None and search.search(story).answer.entry_id == "mascot-south"
    other = search.search("can mum appeal the care order the judge made")
    assert "mascot-south" not in [match.entry_id for match in (other.answer, *other.suggestions) if match]
    short = search_over(tmp_path / "short").with_learned([("mascot-south", "judge care order appeal")])
    again = short.search("can mum appeal the care order the judge made")
    assert "mascot-south" in [match.entry_id for match in (again.answer, *again.suggestions) if match]
