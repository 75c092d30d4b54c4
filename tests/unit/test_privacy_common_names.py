"""Common given names typed in lower case are names (user trial, priority 1), while the everyday words that are
also names still pass in ordinary sentences.

English word counts rate 'tyler', 'oliver' or 'darren' as frequent words only because so many people are called
that; bot/privacy/data/common_given_names.txt lists such names and everyday_word_names.txt the words among them
that stay words (will, hope, grace).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Finding, Screen

# Reported passing in the user trial, or as common among the children and parents of case notes.
COMMON_NAMES = ("tyler", "darren", "noah", "oliver", "alfie", "freddie", "poppy", "harper", "riley", "logan",
                "mason", "harry", "lily-mae", "tyler-jay", "kai", "george", "charlie", "thomas", "william",
                "jessica", "ryan", "kyle", "liam", "connor", "sharon", "kelly", "jordan", "lily", "hunter")
TEMPLATES = ("{} needs a clearer plan", "{} needs a clearer plan around school attendance",
             "worried about {} at home", "mum said {} is happier now", "{}'s dad refuses visits what do I do",
             "closed with no plan, mums partner {} was never checked", "no one asked {} what they wanted",
             "please check {}'s plan before Friday")
# Everyday words that are also given names, used as words: these must pass.
EVERYDAY_SENTENCES = (
    "will visit on monday", "hope to see improvement", "the mason did the wall", "a harper played at the event",
    "grace period given for the arrears", "mark the file as closed", "bill for the rent arrears",
    "rose to the challenge", "summer holidays are a risk", "april review is booked", "may need a strategy",
    "faith leaders were consulted", "art therapy helped", "pat on the back for the team", "sue the landlord",
    "frank discussion with the carers", "dawn raid by police", "joy at seeing her siblings",
    "ruby wedding anniversary party", "rated amber at the last review", "chase up the school",
    "drew a picture of the house", "jack up the priority on this one", "mason is a job, not a name here",
    "the mason came to fix the wall", "admitted to Guy's and St Thomas' overnight", "the child's journey is clear",
    "a charity supports the family", "justice for the family", "ivy growing over the back windows",
    "daisy chains at the park during contact", "jade green bedroom the child chose",
)


@pytest.mark.parametrize("text", [
    "tyler needs a clearer plan around school attendance",
    "closed with no plan, mums partner darren was never checked",
    "noah's dad refuses visits what do I do",
    "oliver needs a clearer plan",
])
def test_the_trials_lower_case_names_are_found(identifier_screen: Screen, text: str) -> None:
    assert [f.kind for f in identifier_screen.find(text)] == ["name"]


@pytest.fixture(scope="module")
def find(identifier_screen: Screen) -> Callable[[str], list[Finding]]:
    """The screen's find, without the lists in its repr (hypothesis prints the arguments of a failing example)."""
    return lambda text: identifier_screen.find(text)


@given(name=st.sampled_from(COMMON_NAMES), template=st.sampled_from(TEMPLATES))
def test_any_common_given_name_in_lower_case_is_a_name(find: Callable[[str], list[Finding]], name: str,
                                                       template: str) -> None:
    found = find(template.format(name))
    assert any(f.kind == "name" and f.words.casefold().startswith(name) for f in found), found


@given(text=st.sampled_from(EVERYDAY_SENTENCES))
def test_everyday_words_that_are_also_names_pass(find: Callable[[str], list[Finding]], text: str) -> None:
    assert find(text) == []


def test_the_lists_are_data_a_qa_lead_can_extend(identifier_screen: Screen) -> None:
    lexicon = identifier_screen.lexicon
    assert {"tyler", "harper", "darren"} <= lexicon.name_words
    assert not {"will", "hope", "grace", "amber", "chase"} & lexicon.name_words
    assert "tyler" not in lexicon.common_words and "will" in lexicon.common_words


def test_a_colleague_named_with_their_panel_passes(identifier_screen: Screen) -> None:
    """'Mason from the fostering panel' is a colleague with their role, like 'Gemma in the MASH team'."""
    assert identifier_screen.find("Mason from the fostering panel queried the match") == []


@pytest.mark.parametrize("text", ["wen does the icpc need to happen by", "wat is a strat disc", "hw do i log a visit",
                                  "shld i tell the iro", "wud mum need to be told", "pls can u check the plan"])
def test_question_words_typed_in_a_hurry_are_not_names(identifier_screen: Screen, text: str) -> None:
    assert identifier_screen.find(text) == []


# A fourth user trial: "jaydens mum" was stored, shown to QA leads and written into the knowledge base, where
# "Jayden's mum" was refused. People typing on phones leave the apostrophe out.
POSSESSIVES = ("Jaydens dad wants contact, what are his rights", "can jaydens mum refuse a section 47 medical",
               "yes, jaydens mum signed the consent form", "Amelias nan collects her from school",
               "olivers behaviour at home has improved", "worried about chloes bedroom at dads")
# The same shape that is an English word stays a word: plurals and verbs of names that are words.
PLURAL_WORDS = ("the children planted pansies with their carer", "it dawns on me that the plan drifted",
                "the marks on her arm were seen by the GP", "who pays the bills now", "hopes and dreams work",
                "the parents views are recorded", "wills and probate are not our business", "graces and favours",
                "the carers report was late", "a childs wishes and feelings", "IROs role in the review")


@pytest.mark.parametrize("text", POSSESSIVES)
def test_a_name_typed_as_a_possessive_without_its_apostrophe_is_found(find: Callable[[str], list[Finding]],
                                                                      text: str) -> None:
    assert [f.kind for f in find(text)] == ["name"]


@pytest.mark.parametrize("text", PLURAL_WORDS)
def test_plural_words_that_look_like_names_with_an_s_pass(find: Callable[[str], list[Finding]], text: str) -> None:
    assert find(text) == []


@given(name=st.sampled_from(COMMON_NAMES), template=st.sampled_from([t for t in TEMPLATES if "{}'s" in t]))
def test_any_common_name_typed_as_a_possessive_without_apostrophe_is_a_name(
        find: Callable[[str], list[Finding]], name: str, template: str) -> None:
    text = template.replace("{}'s", "{}s").format(name)
    found = find(text)
    assert any(f.kind == "name" and f.words.casefold().startswith(name) for f in found), (text, found)
