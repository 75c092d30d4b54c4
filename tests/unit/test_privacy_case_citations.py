"""Trial 43, finding 1 (HIGH): children's names from national case reviews passed the screen in any setting and were
stored ('reflect 149 I saw Arthur Labinjo-Hughes alone at school' was saved; 'what do i do about Arthur
Labinjo-Hughes attendance at school' went onto the QA leads' list). Such a name now passes only in a knowledge
question plainly about the review, the case or its lessons, never in audit free text (bot/privacy/case_citations.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.public_cases import load_public_cases, public_children
from bot.privacy.screen import Screen, screen_text

CHILDREN = ("Arthur Labinjo-Hughes", "Star Hobson", "Daniel Pelka", "Peter Connelly", "Victoria Climbié",
            "Victoria Climbie", "Baby P", "Khyra Ishaq", "Logan Mwangi", "Child Q", "Sara Sharif")
AUTHORS = ("Josh MacAlister", "Eileen Munro", "Alexis Jay")
# A live case: the child seen, visited, at school, on a worker's caseload.
LIVE = ("I saw {} alone at school", "{} was seen alone", "what do i do about {} attendance at school",
        "{}'s attendance is poor", "visited {} today and the home was cold", "{} needs a plan",
        "I have {} on my caseload, what should the plan say", "is {} on a CP plan", "{} disclosed to her teacher",
        "worried about {} and mum")
# The review, the case or its lessons.
LESSONS = ("what did the {} review find", "lessons from the {} case", "the {} case led to changes in practice",
           "what did the {} serious case review say about seeing children alone", "learning from {} for supervision",
           "the national review into {}'s death", "what are the findings of the {} inquiry",
           "{} reminds us why seeing the child alone matters", "what came out of the review into the death of {}")
PREFIXES = ("", "quick question: ", "hi, ", "Please can you tell me ", "ok so ")


@pytest.fixture(scope="module")
def names(identifier_screen: Screen) -> Callable[[str, str], list[str]]:
    """The names the screen finds in a text in a mode, without the lists in its repr (hypothesis prints it)."""
    return lambda text, mode: [f.words for f in identifier_screen.find(text, mode) if f.kind == "name"]


@pytest.mark.parametrize("text", [
    "I saw Arthur Labinjo-Hughes alone at school", "I saw Star Hobson alone at school", "Daniel Pelka was seen alone",
    "Peter Connelly was seen alone", "what do i do about Arthur Labinjo-Hughes attendance at school",
])
def test_the_trials_live_case_sentences_are_refused_everywhere(identifier_screen: Screen, text: str) -> None:
    for mode in ("full", "audit"):
        assert [f.kind for f in identifier_screen.find(text, mode)] == ["name"]


@pytest.mark.parametrize("text", [
    "what did the Arthur Labinjo-Hughes review find", "lessons from the Star Hobson case",
    "the Peter Connelly case led to the reforms", "Consider the Arthur Labinjo-Hughes and Star Hobson review learning",
    "learning from Peter Connelly (Baby P), Daniel Pelka and Khyra Ishaq",
    "what did the Star Hobson review find about children being seen alone",
])
def test_a_knowledge_question_about_the_review_still_passes_but_not_in_an_audit(identifier_screen: Screen,
                                                                                 text: str) -> None:
    assert identifier_screen.find(text) == []
    assert identifier_screen.find(text, "audit") != []


@pytest.mark.parametrize("text", [
    "CR-123457 what did the Star Hobson review find",  # tied to a case reference
    "my Star Hobson case needs a strategy discussion", "the Star Hobson case file is open to me",
    "I visited the Star Hobson case family",
])
def test_a_review_word_beside_a_live_case_does_not_let_the_name_through(identifier_screen: Screen, text: str) -> None:
    assert "Star Hobson" in [f.words for f in identifier_screen.find(text)]


@settings(deadline=None)
@given(name=st.sampled_from(CHILDREN), template=st.sampled_from(LIVE), prefix=st.sampled_from(PREFIXES),
       mode=st.sampled_from(["full", "audit"]))
def test_a_childs_name_from_a_review_in_a_live_case_is_refused(names: Callable[[str, str], list[str]], name: str,
                                                               template: str, prefix: str, mode: str) -> None:
    assert name in names(prefix + template.format(name), mode)


@settings(deadline=None)
@given(name=st.sampled_from(CHILDREN), template=st.sampled_from(LESSONS), prefix=st.sampled_from(PREFIXES))
def test_a_lesson_question_passes_and_the_same_words_in_an_audit_are_refused(
        names: Callable[[str, str], list[str]], name: str, template: str, prefix: str) -> None:
    text = prefix + template.format(name)
    assert names(text, "full") == []
    assert name in names(text, "audit")


@settings(deadline=None)
@given(name=st.sampled_from(AUTHORS), mode=st.sampled_from(["full", "audit"]),
       template=st.sampled_from(["the {} review recommendations apply here", "as the {} review said"]))
def test_a_reviews_author_is_no_child_and_passes_in_an_audit_too(names: Callable[[str, str], list[str]], name: str,
                                                                 mode: str, template: str) -> None:
    assert names(template.format(name), mode) == []


def test_the_reflection_the_trial_saved_is_refused_with_the_name_masked(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("I saw Arthur Labinjo-Hughes alone at school", identifier_screen, "your reflections")
    said = str(refused.value)
    assert "“A… L…” looks like a child's or family member's name" in said and "Arthur" not in said


def test_stored_text_is_screened_as_audit_text_unless_it_names_a_review(identifier_screen: Screen) -> None:
    """screen_text keeps audit free text by default; a campaign's name asks for the knowledge question's rule."""
    with pytest.raises(UserError):
        screen_text("Consider the Arthur Labinjo-Hughes review learning", identifier_screen, "that note")
    assert screen_text("Star Hobson review learning", identifier_screen, mode="full") == "Star Hobson review learning"


def test_the_lists_keep_children_and_authors_apart() -> None:
    assert "star hobson" in public_children() and "josh macalister" not in public_children()
    assert {"star hobson", "josh macalister", "turnell and edwards"} <= load_public_cases()
