"""BM25 reads a vocabulary group as one word: an entry using many of a group's members is not favoured.

Spelling every member of a group out in the question ("mum" -> parent, dad, mother, father, carer...) made the
few broad entries that use them all (fathers and male carers, young carers) the suggestions for any question
mentioning a parent.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from knowledge.entries import Entry
from knowledge.keyword_index import KeywordIndex
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

TUNING = Path(__file__).resolve().parents[1] / "data" / "kb_queries.yaml"
GROUPS = (("mum", "mother", "dad", "father", "parent", "carer", "stepdad"),)


def entry(number: int, question: str, answer: str = "") -> Entry:
    return Entry(f"e{number}", question, (), answer or question, (), None, None, None, (), "x.yaml", number)


def test_an_entry_naming_every_member_of_a_group_does_not_outrank_one_naming_the_member_asked() -> None:
    hub = entry(0, "How do we involve a mum, mother, dad, father, parent, carer or stepdad in the work?")
    focused = entry(1, "What if mum is sectioned?")
    index = KeywordIndex([hub, focused], (4.0, 3.0, 2.0, 1.0), GROUPS)
    words = ["mum", *index.groups_of(["mum"])]
    hits = index.rank(words, 2)
    assert hits[0].number == 1


def test_a_group_member_the_entry_does_not_use_still_finds_it() -> None:
    index = KeywordIndex([entry(0, "When does a stepdad get a say?"), entry(1, "Working days")],
                         (4.0, 3.0, 2.0, 1.0), GROUPS)
    hits = index.rank(["mother", *index.groups_of(["mother"])], 2)
    assert [hit.number for hit in hits] == [0]


def test_no_entry_is_wrongly_offered_for_many_of_the_labelled_questions() -> None:
    """Before groups were read as one word, "fathers and male carers" was offered, wrongly, for 44 of the 479
    labelled questions, and two other parent entries for over 30: one broad entry crowded out the rest."""
    search = KnowledgeSearch(load_knowledge())
    queries = yaml.safe_load(TUNING.read_text(encoding="utf-8"))["queries"]
    wrongly = Counter(match.entry_id for query in queries for match in search.search(query["q"]).suggestions
                      if match.entry_id != query.get("expect"))
    entry_id, count = wrongly.most_common(1)[0]
    assert count <= 0.06 * len(queries), f"{entry_id} offered for {count} questions it does not answer"
