"""A family named by its surname, and a relative named after the word for them, typed in lower case (eleventh user
trial, F5 and F10). 'as we did for the tyler family last month', "can we pay for the harper family's gas", 'what
about the smith family', 'eha completed with mum and nanna pat', 'do we invite grandad bill to the cin meeting' were
stored, listed to the QA leads and sent by DM, while 'tyler said he was hit', 'uncle rob' and 'Nanna Pat' were
refused. Next to the refusals, the everyday sentences closest to them that must still pass: a family described in
ordinary English or care words ('the foster family', 'the whole family'), and a relative doing something ('dad will
attend', 'mum may come', 'nan said')."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.lexicon import _split
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)
from tests.unit.test_privacy_lower_case_clauses import GIVEN


# -- F5: refused, the family's name alone quoted
@pytest.mark.parametrize(("text", "words"), [
    # the trial's own
    ("as we did for the tyler family last month, the team manager authorises s17 money.", "tyler"),
    ("how do we support the tyler family with s17 money", "tyler"),
    ("can we pay for the harper family's gas", "harper"),
    ("what about the smith family", "smith"),
    ("no, the tyler family have not signed the consent form", "tyler"),
    # any case
    ("The Tyler family have moved", "Tyler"),
    ("THE TYLER FAMILY HAVE MOVED", "TYLER"),
    ("What about the Smith family?", "Smith"),
    # the other words for a family, and a possessive
    ("the smith household is overcrowded", "smith"),
    ("the harper kids were not in school", "harper"),
    ("the jones children are on a cp plan", "jones"),
    ("the davies siblings were placed together", "davies"),
    ("the tyler family’s support worker", "tyler"),
    ("the tyler family support worker said", "tyler"),  # the worker of the Tyler family, no service's name
    # an ordinary word between, 'this' or 'that', a sentence's start
    ("the whole tyler family came", "tyler"),
    ("the wider harper family are supportive", "harper"),
    ("is this smith family known to us", "smith"),
    ("seen today. smith family have moved", "smith"),
    # the census's commonest surnames that are English words too, and names in no list
    ("the hill family", "hill"), ("the cook family", "cook"), ("the shah family", "shah"),
    ("the brown family", "brown"), ("the green family", "green"),
    ("the doherty-ward family", "doherty-ward"), ("the okafor family", "okafor"), ("the begum family", "begum"),
])
def test_a_family_named_by_its_surname_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                   words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


def test_the_refusal_asks_for_a_role_or_the_case_reference(council_screen: Screen) -> None:  # noqa: F811
    with pytest.raises(UserError) as refused:
        screen_text("how do we support the tyler family with s17 money", council_screen, "your question")
    assert "“t…” looks like a child's or family member's name" in str(refused.value)
    assert "refer to them by role" in str(refused.value) and "case reference" in str(refused.value)


def test_knowledge_base_text_naming_a_family_is_refused_too(council_screen: Screen) -> None:  # noqa: F811
    """kb check, a reload and the new-entry form screen an entry's text in content mode: 'the Tyler family' names a
    family to everyone who reads the entry."""
    for text, words in [("When is the next review for the tyler family?", "tyler"),
                        ("As we did for the Harper family, the team manager authorises it.", "Harper")]:
        assert [(f.kind, f.words) for f in council_screen.find(text, mode="content")] == [("name", words)]
    assert council_screen.find("Who supports the wider family? The Lane family centre.", mode="content") == []


# -- F5: passes, a family described in ordinary English or care words
@pytest.mark.parametrize("text", [
    # the brief's
    "the foster family", "the birth family", "the extended family", "the whole family", "the wider family",
    "the host family", "the connected family", "the same family", "the kinship family", "the adoptive family",
    "the early help family",
    # more of the work's
    "the paternal family were not assessed", "the younger siblings stay with nan", "the elder siblings",
    "the older children", "the two families", "the same household", "the host family's rules",
    "the young family moved in", "the kurdish family", "the muslim family", "the london families",
    "the congolese children", "the needy family", "the royal family", "the irish family", "the rich family",
    "The Foster Family", "we met The Birth Family", "THE WHOLE FAMILY WERE SEEN", "The Host Family's rules",
    # a family centre, court or service named after a place or a person
    "the Lane family centre was used for contact", "the brown family support service",
    "Mill Lane family centre is the contact venue", "the bradford family court listed it",
    "the manchester children's hospital",
    # abbreviations and nothing before 'family'
    "NRPF family s17 support", "the CIN children", "a family", "the family", "think family approach",
])
def test_a_family_described_in_ordinary_words_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# The words used of a family in English and in this work, written here apart from the screen's own list: none of them
# may ever be taken for a family's name.
ORDINARY = _split("""
foster birth extended whole wider host connected same kinship adoptive nuclear immediate blended step biological
maternal paternal new current previous former original receiving placing approved prospective respite local large big
small single lone working other entire average typical close loving caring supportive vulnerable complex troubled
struggling chaotic homeless bereaved grieving isolated deprived poor wealthy happy lovely busy kind older younger
elder eldest youngest little remaining unaccompanied disabled affected referred allocated first second next last
white black asian british polish kurdish afghan syrian muslim jewish sikh hindu traveller refugee army two three
""")
NOUNS = ["family", "family's", "household", "kids", "children", "siblings", "families"]
FRAMES = ["{} were seen at home", "how do we support {} with s17 money", "as we did for {} last month",
          "no, {} have not signed the consent form", "{}"]


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


@given(first=st.sampled_from(ORDINARY), second=st.sampled_from(["", *ORDINARY]), noun=st.sampled_from(NOUNS),
       frame=st.sampled_from(FRAMES), determiner=st.sampled_from(["the", "this", "that", "a", "our"]),
       case=st.sampled_from([str.lower, str.upper, _sentence_case]))
def test_a_family_phrase_of_ordinary_words_is_never_refused(council_screen: Screen, first: str,  # noqa: F811
                                                            second: str, noun: str, frame: str, determiner: str,
                                                            case: object) -> None:
    """In lower case, shouted, or as a sentence is written (a capital starting it)."""
    words = " ".join(word for word in (determiner, first, second, noun) if word)
    assert found(council_screen, case(frame.format(words))) == []  # type: ignore[operator]


# Surnames among the commonest in England and Wales (ONS), less the everyday words that also describe a family
# ('white', 'young') and 'foster' (a foster family).
SURNAMES = _split("""
smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright walker edwards
hughes green hall lewis harris clarke patel jackson wood turner martin cooper hill ward morris moore clark lee king
baker harrison morgan allen james scott phillips watson davis parker price bennett griffiths mitchell kelly cook
carter richardson bailey collins bell shaw murphy miller cox richards khan marshall anderson simpson ellis adams singh
begum wilkinson chapman powell webb rogers gray mason ali hunt hussain campbell matthews owen palmer holmes mills
barnes knight lloyd butler russell barker fisher stevens jenkins murray dixon harvey
""")


@given(name=st.sampled_from(SURNAMES), noun=st.sampled_from(NOUNS), frame=st.sampled_from(FRAMES),
       case=st.sampled_from([str.lower, str.title, str.upper]), whole=st.booleans())
def test_a_family_called_by_a_common_surname_is_refused_in_any_case(council_screen: Screen, name: str,  # noqa: F811
                                                                    noun: str, frame: str, case: object,
                                                                    whole: bool) -> None:
    words = f"the {'whole ' if whole else ''}{name} {noun}"
    text = frame.format(case(words))  # type: ignore[operator]
    assert ("name", case(name)) in found(council_screen, text)  # type: ignore[operator]


# -- F10: refused, the relative's name alone quoted
@pytest.mark.parametrize(("text", "words"), [
    # the trial's own
    ("yes - eha completed with mum and nanna pat in october", "pat"),
    ("do we invite nanna pat to the core group", "pat"),
    ("do we invite nan pat to the core group", "pat"),
    ("do we invite grandad bill to the cin meeting", "bill"),
    ("should aunty mo be assessed as a kinship carer", "mo"),
    ("do we invite mum pat to the core group", "pat"),
    ("do we invite dad bill to the cin meeting", "bill"),
    ("do we invite grandma grace to the core group", "grace"),
    ("do we invite nanna grace to the core group", "grace"),
    ("do we invite grandad frank to the core group", "frank"),
    ("do we invite nan rose to the review", "rose"),
    # refused before, and still
    ("can uncle rob attend the cla review", "rob"),
    ("should auntie sue be assessed", "sue"),
    ("do we invite nanna shannon", "shannon"),
    ("mum grace said she would come", "grace"),
    ("do we invite Mum Pat to the core group", "Pat"),
    # more spellings, and a name that is a verb too used as a name
    ("step-mum jo said she would come", "jo"),
    ("grandpa ray is the main carer", "ray"),
    ("nan rose said she would come", "rose"),
    ("with mum and nan rose", "rose"),
    ("nanna pat's house is too small", "pat's"),
    ("NANNA PAT CAME TO THE MEETING", "PAT"),
])
def test_a_relatives_name_after_the_word_for_them_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                             words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


# -- F10: passes, a relative doing something
@pytest.mark.parametrize("text", [
    # the brief's exceptions
    "dad will attend the meeting", "mum may come to the review", "nan said she would have them",
    "mum pat him on the back",
    # a modal, a verb of saying, a name that is a verb used as one
    "mum can come on friday", "dad did say so", "mum told me", "nan rang the school", "mum has agreed",
    "could mum sue the school", "can dad chase up the payment", "dad bill them for it", "mum drew a picture",
    # a date, a people or a faith, a thing
    "contact with dad june 2024", "dad cash in hand work", "mum and dad", "mum also said", "nan still visits",
    "religion: dad christian", "mum irish, dad polish",
])
def test_a_relative_doing_something_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


RELATIVES = ["mum", "mam", "mom", "dad", "nan", "nana", "nanna", "nanny", "gran", "grandma", "grandad", "grandpa",
             "aunt", "aunty", "auntie", "uncle", "step-mum"]
# What a reviewer agrees is no name after 'mum' or 'nan' in these sentences, spelt out here rather than read from
# the code, so that a name wrongly added to the code's lists fails the property below: the modals and verbs of saying
# (what the relative does: 'mum will', 'nan said'), and a people or a faith, which reads as that first ('dad german',
# 'nan roman catholic'; a name only where the words around it say a person, tested in test_privacy_trial12.py).
NOT_NAMES_AFTER_A_RELATIVE = frozenset(_split("""
will may might can must shall would could should did does do had has have was were is are said says told tells
asked rang phoned called texted
christian roman irish english german french scottish welsh british muslim catholic
"""))
# The everyday words QA list as names, and census first names (no everyday word, place, day or title).
EVERYDAY_WORD_NAMES = ["pat", "bill", "grace", "rose", "frank", "rob", "sue", "mark", "hope", "ruby", "jack"]
RELATIVE_NAMES = sorted({*GIVEN, *EVERYDAY_WORD_NAMES} - NOT_NAMES_AFTER_A_RELATIVE)
RELATIVE_FRAMES = ["do we invite {} to the core group", "eha completed with mum and {} in october",
                   "should {} be assessed as a kinship carer", "{} said she would come", "{}"]


@given(relative=st.sampled_from(RELATIVES), name=st.sampled_from(RELATIVE_NAMES),
       frame=st.sampled_from(RELATIVE_FRAMES))
def test_any_given_name_after_the_word_for_a_relative_is_refused(council_screen: Screen, relative: str,  # noqa: F811
                                                                 name: str, frame: str) -> None:
    assert ("name", name) in found(council_screen, frame.format(f"{relative} {name}"))


@pytest.mark.parametrize("name", EVERYDAY_WORD_NAMES)
def test_a_name_that_is_an_everyday_word_is_refused_after_every_relative(council_screen: Screen,  # noqa: F811
                                                                        name: str) -> None:
    """Every relative and sentence, not a sample: a name that is also a word is the one a list most likely takes in
    wrongly ('mum pat him' is a verb), and only some sentences show it ('eha completed with mum and nanna pat')."""
    stored = [frame.format(f"{relative} {name}") for relative in RELATIVES for frame in RELATIVE_FRAMES
              if ("name", name) not in found(council_screen, frame.format(f"{relative} {name}"))]
    assert stored == []


def test_every_first_name_after_a_relative_in_a_list_of_people_is_refused(council_screen: Screen) -> None:  # noqa: F811
    """Each census first name, where the relative's rule alone refuses it (the other rules find 'do we invite nan
    olivia'): a name the code's lists wrongly took for a word would be stored here."""
    stored = [name for name in RELATIVE_NAMES
              if ("name", name) not in found(council_screen, f"eha completed with mum and nan {name} in october")]
    assert stored == []


# What a relative does, as people write it after 'mum' or 'nan': never a name.
DOINGS = _split("""
said says will may can could would should might must did does was is has had rang phoned texted told asked agreed
refused attended came went lives works stayed moved left arrived missed cancelled wants feels thinks also still too
only never always now then again herself himself and or
""")


@given(relative=st.sampled_from(RELATIVES), doing=st.sampled_from(DOINGS),
       after=st.sampled_from(["", " to the meeting", " that she would come", " the school", " him on friday"]))
def test_a_relative_doing_something_is_never_refused(council_screen: Screen, relative: str,  # noqa: F811
                                                     doing: str, after: str) -> None:
    assert found(council_screen, f"{relative} {doing}{after}") == []
