"""Lower-case names and initials in the phrasings of case notes (second user trial, SERIOUS: 'how do I record that
olivia said she was scared?', 'grace brown said she was scared', 'mum said js was hit', 'the boy, reece, ran off' were
stored, though 'olivia said she was scared' was refused). Each rule has its refusals here and, next to them, the
everyday sentences closest to it that must still pass."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.detect import NOT_PEOPLE
from bot.privacy.lexicon import Lexicon
from bot.privacy.screen import Screen
from knowledge.yamlsource import strings_in
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

QUERIES = sorted(Path(__file__).parents[1].joinpath("data").glob("kb_queries*.yaml"))


# -- a given name after 'that' or 'this' joining a clause
@pytest.mark.parametrize(("text", "words"), [
    ("how do I record that olivia said she was scared?", "olivia"),
    ("mum told me that olivia was hit", "olivia"),
    ("dad said that jack was not at home", "jack"),
    ("worried that noah is being groomed", "noah"),
    ("so that ruby can be seen alone", "ruby"),
    ("So that Ruby can be seen alone", "Ruby"),
    ("concerned this olivia is at risk", "olivia"),
    ("record that jack said no", "jack"),
    ("how do i record that mia is scared", "mia"),
    ("the worker noted that amber was hungry", "amber"),
])
def test_a_name_after_that_with_a_persons_verb_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                          words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


@pytest.mark.parametrize("text", [
    "mum said that the house was clean", "worried that nobody checked", "so that the child can be seen alone",
    "concerned this family is at risk", "said that mark was left on his arm", "hope this helps",
    "mum said that guy was rude to her", "dad said that will was made years ago", "she said that bill was not paid",
    "mum said that summer was hard", "i think that may be right", "we agreed that june was too late",
    "it is clear that hope is important to her", "so that it can be seen alone", "said that this was not the case",
    "record that the child said no", "how do i record that he said no", "concerned this plan is not working",
    "said that amber was the right rating", "said that grace was shown by the carer", "mum said that charity was fine",
    "mum told me that christmas was hard", "said that paris was lovely", "the worker said that cin was closed",
    "dad said that money was tight", "mum said that brown was her favourite colour", "that lane is not safe",
    "so that we can see the child alone", "mum told me that nothing was wrong", "said that school was fine",
])
def test_that_before_a_word_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("mum said that olivia disclosed abuse", "olivia"),  # 'disclosed' is no surname ('di' as in 'Di Marco')
    ("so that ruby disclosed it to someone", "ruby"),
    ("the boy jack disclosed abuse", "jack"),
])
def test_the_refusal_quotes_the_name_without_the_persons_verb_after_it(council_screen: Screen,  # noqa: F811
                                                                        text: str, words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


# -- a given name and a surname in lower case
@pytest.mark.parametrize(("text", "words"), [
    ("grace brown said she was scared", "grace brown"),
    ("spoke to grace brown today", "grace brown"),
    ("amber smith is at risk", "amber smith"),
    ("faith johnson was not seen", "faith johnson"),
    ("hope taylor missed school", "hope taylor"),  # the whole name quoted, not 'taylor' alone
    ("Grace brown's mum won't let me in", "Grace brown's"),
])
def test_a_lower_case_full_name_is_refused_and_quoted_whole(council_screen: Screen, text: str,  # noqa: F811
                                                            words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


@pytest.mark.parametrize("text", [
    "grace period for the review", "amber rating on the risk matrix", "will smith review it?", "brown bread",
    "faith groups support the family", "faith leaders said they would help", "i hope smith review works",
    "i hope brown envelopes are not used", "in good faith brown was not told", "rated amber because the plan drifted",
    "the case was rated amber last month", "the light turned amber and she stopped", "grace was shown to the family",
    "hope was expressed by the family", "mark hill is on the map", "she said grace before dinner",
    "olive green is fine for the walls", "the jade green room was calm",
])
def test_everyday_words_beside_a_surname_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# -- a name set off by commas after a person
@pytest.mark.parametrize(("text", "words"), [
    ("the boy, reece, ran off", "reece"), ("his sister, ruby, who is 9", "ruby"), ("the girl, daisy, said no", "daisy"),
])
def test_a_name_set_off_by_commas_after_a_person_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                            words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


@pytest.mark.parametrize("text", [
    "the boy, however, ran off", "the girl, aged 12, was seen alone", "the child, sadly, was not seen",
    "mum, dad and nan attended", "the child, mum and dad were seen", "the boy, again, went missing",
    "the child, now, is settled",
])
def test_words_set_off_by_commas_after_a_person_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# -- initials after saying, after 'that', and beside a family word
@pytest.mark.parametrize(("text", "words"), [
    ("mum said that JS was hit", "JS"), ("mum said js was hit", "js"), ("child seen with mum and jk", "jk"),
    ("dad told me that km was not at home", "km"), ("jk and her mum were seen", "jk"),
])
def test_initials_after_saying_or_beside_family_are_refused(council_screen: Screen, text: str,  # noqa: F811
                                                             words: str) -> None:
    assert found(council_screen, text) == [("initials", words)]


@pytest.mark.parametrize("text", [
    "child seen with mum and dad", "spoke to the gp today", "the boy said he was happy",
    "mum said that pe was cancelled", "dad said that cp was the right plan", "she said that it was fine",
    "mum said ok was fine", "seen with mum and gp",
    "mum and sw met at the office", "seen with mum and bf", "mum said that PE was cancelled",
    "the auditor said that sw was late", "she said that pc was at the door", "seen with mum and sis",
])
def test_acronyms_and_words_after_saying_or_beside_family_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# -- properties
_LEXICON = Lexicon.load()
TITLES_AND_THINGS = {"guy", "king", "queen", "prince", "princess", "major", "judge", "lady", "duke", "earl", "charity"}
GIVEN = sorted(name for name in _LEXICON.census_given
               if name.isalpha() and len(name) >= 3 and name not in _LEXICON.everyday_words
               and name not in _LEXICON.far_places and name not in NOT_PEOPLE and name not in TITLES_AND_THINGS)


@given(name=st.sampled_from(GIVEN),
       before=st.sampled_from(["mum said that", "dad told me that", "worried that", "so that", "record that",
                               "how do i record that", "concerned this", "the worker noted that"]),
       after=st.sampled_from(["was hit", "said she was scared", "can be seen alone", "was not at home",
                              "is being groomed", "told me he felt unsafe"]))
def test_a_census_first_name_after_that_with_a_persons_predicate_is_refused(council_screen: Screen,  # noqa: F811
                                                                            name: str, before: str,
                                                                            after: str) -> None:
    """Any census first name that is no everyday word, place, day or person's title ('charity', 'prince')."""
    assert ("name", name) in found(council_screen, f"{before} {name} {after}")


# -- practitioners' questions
KNOWN = {  # words in the question sets that the screen took for a name before these rules, and still does
    "young-carers", "foster-for-adoption", "philomena protocol", "when should i prune roses",
    "who is playing the next james bond", "pre brith conference how many weeks pregnant",
    "what is chanel panel prevent", "yung carers assessmnet",
    "delegated athority haircuts school trips", "care leavers local ofer what must it include",
    "CLA in year 11 placement move, who has to approve it if it disrupts school", "who's on the EDT rota this weekend",
    "where do i find the rota for duty cover in the assessment team", "who painted the mona lisa",
    # far-off trivia in a retired held-out set: a capitalised name of a painting or mountain reads as a person's
    "who painted the Mona Lisa", "how tall is Mount Everest",
    "messaging-young-people",  # an entry id a relabelled tuning question expects, not a question ("Young")
    # the tuning set t12 (kb_queries_retired5.yaml, 2026-12-06): a painting's name again, and two the screen refuses
    # as it stands (a child's age and sex with their story; "OE", an ILACS judgement area's initials)
    "who painted the Mona Lisa?", "ILACS judgement areas now OE has gone?",
    "Boy aged 12 accommodated under s20 two years ago, mum visits sometimes and no one's talked about the long-term "
    "plan. The IRO keeps raising it. What should have been decided and when?",
    # the tuning set t13 (kb_queries_retired6.yaml, 2026-12-06): a singer's song ("the Christmas do" passes now)
    "Who sings that song about sweet Caroline?",
}


@pytest.mark.parametrize("text", [
    "Best pub near the office for the Christmas do?", "who's coming to the Christmas do",
    "the Christmas Do is booked at the Crown", "BEST PUB FOR THE CHRISTMAS DO?", "is the Christmas Do on the 19th",
    "are partners invited to the Xmas do", "The Leaving Do is at the Wetherspoons", "what time does the do start",
    "is everyone going to the do on Friday", "what's the limit for Secret Santa this year", "Is the Easter do on?",
    "who organises the secret santa", "is the Christmas party fancy dress", "the party is at the Kings Arms",
])
def test_the_christmas_do_and_office_socials_are_no_family(council_screen: Screen, text: str) -> None:  # noqa: F811
    """fixp41: 'the Christmas do' read as a family in the plural ('the Smiths do'): a feast ending in s is none."""
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("the Smiths do not engage", "Smiths"), ("the Okonkwos do the school run", "Okonkwos"),
    ("the Joneses were seen at home", "Joneses"), ("the Browns have refused the plan", "Browns"),
])
def test_a_family_in_the_plural_is_still_a_name(council_screen: Screen, text: str, words: str) -> None:  # noqa: F811
    assert found(council_screen, text) == [("name", words)]


@pytest.mark.parametrize("text", ["Teacher has seen marks on a child's back and the child says dad did it",
                                  "nursery saw marks on his neck, what do i do", "school has seen marks again",
                                  "gp saw scars on her arms"])
def test_marks_seen_on_a_child_are_not_a_name(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize("text", ["we have seen james at home", "Teacher has seen Marks at school"])
def test_a_person_seen_is_still_a_name(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert [kind for kind, _ in found(council_screen, text)] == ["name"]


def test_practitioners_questions_are_not_refused_by_the_new_rules(council_screen: Screen) -> None:  # noqa: F811
    """The practitioner question sets (tests/data/kb_queries*.yaml, not the held-out ones) pass as before."""
    texts = [text for path in QUERIES if "heldout" not in path.name
             for text in strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))]
    refused = [text for text in texts if found(council_screen, text) and text not in KNOWN
               and not text.startswith("Family arrived from Afghanistan")]  # 'speaks only Dari'
    assert len(texts) > 1500
    assert refused == []
