"""What the privacy screen still let through, or refused, after trial 11 (trial 12's leftovers).

1. 'uncle christian came to the visit' was stored: after a word for a relative, a given name that is also an everyday
   word, a modal, a people or a title is the relative's name where the words around it say a person ('uncle will
   came', 'grandad sky was there', 'we invited uncle will'); 'dad will attend', 'mum may come', 'nan said',
   'religion: dad christian' stay words.
2. "the tyler children's school" was stored: the children's possessive is the family's as "family's" is.
3. 'on the visit jack wasnt there' was stored and 'the car jack was found' refused: where someone was or was not is
   said of a person, and the head of a noun phrase ('the car jack', 'a jack') is a noun.
4. 'nanna pat' in a knowledge-base entry passed `kb check`: the relative rule screens entries too, in the same words.
5. A family's surname that is an everyday word: in lower case it describes the family and passes ('the white family',
   'the young family'); capitalised mid-sentence it is their name ('we saw the White family').
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.knowledge_screen import content_findings
from bot.privacy.screen import Screen, explain
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

# -- 1. a relative's given name that is also a word

RELATIVES = ["uncle", "aunty", "auntie", "nan", "nanna", "grandad", "grandma", "mum", "dad"]
WORD_NAMES = ["christian", "hope", "joy", "faith", "grace", "sky", "summer", "will", "may", "justice", "roman"]
FRAMES = ["{} came to the visit", "is {} coming to the review", "{} said she would come", "we invited {}",
          "do we invite {} to the core group", "contact with {} on saturdays", "should {} be assessed as a carer",
          "{} was there"]


@pytest.mark.parametrize("name", WORD_NAMES)
@pytest.mark.parametrize("frame", FRAMES)
def test_a_relatives_name_that_is_also_a_word_is_refused(council_screen: Screen, name: str,  # noqa: F811
                                                         frame: str) -> None:
    for relative in RELATIVES:
        assert found(council_screen, frame.format(f"{relative} {name}")) == [("name", name)], relative


@pytest.mark.parametrize("text", [
    # the tested exceptions: what the relative does
    "dad will attend the meeting", "mum may come to the review", "nan said she would have them",
    "she hopes mum will.", "not sure dad may", "dad will be there", "dad will going forward have contact",
    "uncle will come later", "grandad may need a carers assessment",
    # a faith or a people, and a thing
    "religion: dad christian", "dad christian, mum muslim", "dad christian and mum muslim", "nan roman catholic",
    "mum sky tv bill", "i think faith wasnt there for her",
])
def test_a_relative_doing_something_or_of_a_faith_still_passes(council_screen: Screen,  # noqa: F811
                                                               text: str) -> None:
    assert found(council_screen, text) == []


# -- 2. the children's possessive

@pytest.mark.parametrize(("text", "words"), [
    ("the tyler children's school", "tyler"), ("the tyler childrens school", "tyler"),
    ("the tyler children's nursery rang", "tyler"), ("the harper kids' bikes", "harper"),
    ("the harper kids’ school run", "harper"), ("the smith siblings' contact", "smith"),
    ("the smith siblings' school", "smith"),
])
def test_a_familys_childrens_possessive_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                   words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "the manchester children's hospital", "the Lane children's centre", "the oakwood children's home",
    "the other children's school", "the foster children's school", "the local children's centre",
    "the older kids' school", "the looked after children's school",
])
def test_childrens_services_and_other_childrens_schools_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# -- 3. a name after the words setting the scene, a noun after a determiner

@pytest.mark.parametrize(("text", "words"), [
    ("on the visit jack wasnt there", "jack"), ("on the visit, jack wasnt there", "jack"),
    ("at the meeting ruby wasnt there", "ruby"), ("i think grace wasnt there", "grace"),
    ("jack was not there when i called", "jack"),
    # still refused: a name after a person or a place one tells, and what only a person is
    ("i told the school jack was hit", "jack"), ("the boy jack said he was hungry", "jack"),
])
def test_a_name_after_the_scene_is_set_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                  words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


# Everyday words first (not the names English counts rate frequent only as names, "holly", "mason": those are names
# wherever no article stands right before them).
NOUN_NAMES = ["jack", "rose", "ruby", "amber", "grace", "faith", "hope", "will", "mark", "bill", "sky", "storm",
              "daisy", "ivy", "crystal", "penny", "dawn", "heath", "river", "jade", "pearl", "ginger"]
MODIFIERS = ["", "car ", "old ", "spare ", "garden ", "small ", "red ", "new ", "kitchen ", "metal "]
THING_PREDICATES = ["was found", "was used", "was broken", "was replaced", "was lost", "is in the boot",
                    "was left outside", "wasnt there", "was there", "has gone", "was fixed", "didnt work"]


@given(det=st.sampled_from(["the", "a", "our", "her", "his"]), modifier=st.sampled_from(MODIFIERS),
       noun=st.sampled_from(NOUN_NAMES), predicate=st.sampled_from(THING_PREDICATES),
       lead=st.sampled_from(["", "yesterday ", "we think ", "i noticed ", "seen today. "]))
def test_a_noun_after_a_determiner_is_never_refused(council_screen: Screen, det: str, modifier: str,  # noqa: F811
                                                    noun: str, predicate: str, lead: str) -> None:
    """A sentence of ordinary English words with 'the <noun>' or 'a <noun>' is never refused for that noun."""
    assert found(council_screen, f"{lead}{det} {modifier}{noun} {predicate}") == []


@given(det=st.sampled_from(["this", "that"]), noun=st.sampled_from(NOUN_NAMES),
       predicate=st.sampled_from(THING_PREDICATES))
def test_a_noun_after_this_or_that_opening_a_sentence_is_never_refused(council_screen: Screen,  # noqa: F811
                                                                       det: str, noun: str, predicate: str) -> None:
    """'this jack was found': a determiner, where a sentence starts; 'said that jack was hit' joins a clause."""
    assert found(council_screen, f"{det} {noun} {predicate}") == []
    assert found(council_screen, f"seen today. {det.title()} {noun} {predicate}") == []


# -- 4. the relative rule in knowledge-base text

@pytest.mark.parametrize(("text", "words"), [
    ("For example, eha completed with mum and nanna pat in october.", "pat"),
    ("Do we invite grandad bill to the CIN meeting?", "bill"),
    ("Should aunty mo be assessed as a kinship carer?", "mo"),
    ("Invite Nanna Pat to the core group.", "Pat"),
    ("Uncle christian came to the visit.", "christian"),
])
def test_kb_check_refuses_a_relatives_name_in_the_same_words(council_screen: Screen, text: str,  # noqa: F811
                                                             words: str) -> None:
    findings = content_findings(council_screen, text)
    assert [(f.kind, f.words) for f in findings] == [("name", words)]
    assert explain(findings) == explain(council_screen.find(f"we invited nanna {words}"))


@pytest.mark.parametrize("text", [
    "Dad will attend the meeting.", "Mum may come to the review.", "Nan said she would have them.",
    "When Dad Will Not Engage", "A Guide For Mum And Dad", "Religion: dad christian.", "Mum, dad and nan are carers.",
])
def test_knowledge_base_text_about_relatives_still_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert content_findings(council_screen, text) == []


# -- 5. everyday-word surnames: lower case describes, a capital names

@pytest.mark.parametrize(("text", "words"), [
    ("we saw the White family", "White"), ("we saw the Young family", "Young"),
    ("we saw the Long family's rent", "Long"), ("The White family moved", "White"),
    ("The Young household is overcrowded", "Young"), ("the whole White family came", "White"),
    ("we saw the Little family", "Little"),
])
def test_a_capitalised_everyday_surname_before_family_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                                 words: str) -> None:
    assert found(council_screen, text) == [("name", words)]
    assert [(f.kind, f.words) for f in content_findings(council_screen, text)] == [("name", words)]


@pytest.mark.parametrize("text", [
    # lower case: the family described (ethnicity, age: identity and diversity are a practice theme)
    "the white family", "the young family", "the long family", "the black family", "a white family moved in",
    # a people, a faith, families in general, a service or a heading
    "we saw the White British family", "the Irish family", "the Christian family", "the Royal family",
    "the Early Help family", "the Black families we work with", "White families are overrepresented",
    "the Young Family Support Service", "the White family centre", "Supporting The White Family",
])
def test_an_everyday_word_describing_a_family_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []
    assert content_findings(council_screen, text) == []
