"""Out-of-scope topics in the search: a topic phrase is never the evidence for an answer, and such questions
get no practice suggestions; the phrase matcher is total on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, to_json
from knowledge.textterms import words_of

KB = load_knowledge()
SEARCH = KnowledgeSearch(KB)


def test_a_question_only_the_topic_words_tie_to_an_entry_is_declined_with_its_topic() -> None:
    result = SEARCH.search("how many days annual leave do i get")
    assert (result.outcome, result.answer, result.suggestions) == ("none", None, ())
    assert result.topic is not None and result.topic.topic == "leave"
    assert to_json(result) == {"query": "how many days annual leave do i get", "answer": None, "suggestions": []}


def test_a_question_still_about_the_entry_without_the_topic_words_is_answered() -> None:
    result = SEARCH.search("how do I pause reminders while I am on annual leave?")
    assert result.outcome == "answer" and result.answer is not None and result.answer.entry_id == "away-until"


def test_questions_with_no_topic_are_decided_as_before() -> None:
    result = SEARCH.search("when is the icpc due")
    assert result.topic is None and result.answer is not None and result.answer.entry_id == "icpc-timescale"


@given(st.text(max_size=300))
def test_matching_and_removing_topic_phrases_never_fails_and_removal_only_takes_words_away(text: str) -> None:
    topics = KB.out_of_scope
    rest = topics.without(text)
    assert len(words_of(rest)) <= len(words_of(text))
    if topics.match(text) is None:
        assert rest == " ".join(words_of(text))
    else:
        assert len(words_of(rest)) < len(words_of(text))


@given(st.lists(st.sampled_from(["annual", "leave", "payslip", "laptop", "password", "the", "icpc", "due",
                                 "how", "book", "pay", "rise", "?"]), max_size=12))
def test_a_search_with_topic_words_never_offers_suggestions(words: list[str]) -> None:
    result = SEARCH.search(" ".join(words))
    if result.topic is not None:
        assert result.suggestions == () and result.outcome == "none"
