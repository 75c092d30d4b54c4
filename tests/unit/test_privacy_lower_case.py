"""Names and initials typed in lower case, as people type in Slack (user trial BLOCKER: 'a girl called ruby', "grace
brown's mum", 'child ab', 'js said' were stored, DMed and listed to the QA leads, while 'a girl called Ruby' and 'JS
said' were refused). Each person context has its own examples here, with the everyday sentences closest to it that
must still pass; and a named GP surgery or health centre is refused as a school's name is."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.detect import RELATIONS, ROLES, NameFinder
from bot.privacy.person_context import PersonContextFinder
from bot.privacy.screen import Screen, screen_text
from bot.settings.config import PROJECT_DIR
from knowledge.yamlsource import strings_in

NAMES_FILE = PROJECT_DIR / "config" / "names.txt"
COUNCIL_NAMES = sorted({line.strip().casefold() for line in NAMES_FILE.read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("#") and re.fullmatch(r"[a-z]{3,}", line.strip())})


@pytest.fixture(scope="module")
def council_screen(identifier_screen: Screen) -> Screen:
    """The screen as the bot runs it: the installed lists plus the shipped names file."""
    return identifier_screen.with_listed(COUNCIL_NAMES)


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


# -- the trial's own texts, each refused with the words to change
@pytest.mark.parametrize(("text", "kind", "words"), [
    ("what do I do if grace brown's mum won't let me in", "name", "grace brown's"),
    ("we have a lad called tj who keeps going missing, what do i do", "initials", "tj"),
    ("a girl called ruby keeps going missing, what do i do", "name", "ruby"),
    ("a boy named jack keeps going missing, what do i do", "name", "jack"),
    ("child ab is 4 and not in nursery, is that neglect", "initials", "ab"),
    ("what happens when a looked after child called daisy moves placement", "name", "daisy"),
    ("yes, seen alone, js said he felt safe", "initials", "js"),
    ("yes, seen alone, child js said he felt safe", "initials", "js"),
    ("yes, seen alone, Js told me he felt safe", "initials", "Js"),
    ("no, a girl called ruby is safe at home", "name", "ruby"),
    ("no, child ab is safe with nan", "initials", "ab"),
    ("no, the boy jack is safe tonight", "name", "jack"),
])
def test_the_trials_lower_case_names_and_initials_are_refused(council_screen: Screen, text: str, kind: str,
                                                              words: str) -> None:
    assert found(council_screen, text) == [(kind, words)]


@pytest.mark.parametrize(("lower", "capitalised"), [
    ("a girl called ruby keeps going missing", "a girl called Ruby keeps going missing"),
    ("what do I do if grace brown's mum won't let me in", "What do I do if Grace Brown's mum won't let me in"),
    ("yes, seen alone, js said he felt safe", "yes, seen alone, JS said he felt safe"),
])
def test_the_refusal_reads_as_it_does_for_the_capitalised_form(council_screen: Screen, lower: str,
                                                               capitalised: str) -> None:
    def refusal(text: str) -> str:
        with pytest.raises(UserError) as refused:
            screen_text(text, council_screen, "that evidence note")
        return re.sub(r"“[^”]+”", "“…”", str(refused.value))

    assert refusal(lower) == refusal(capitalised)
    assert "Nothing was saved." in refusal(lower)


# -- a word after a naming cue
@pytest.mark.parametrize(("text", "words"), [
    ("a girl called hope keeps running away", "hope"),  # after a person, a common word that is a name
    ("a boy called will was excluded", "will"),
    ("she calls herself ruby now", "ruby"),
    ("he goes by jay at school", "jay"),
    ("his name is jack and he is 9", "jack"),
    ("a lad called tunde keeps going missing", "tunde"),  # in no list, after a person
    ("i called ruby to check in", "ruby"),  # 'called' alone: a given name that is no everyday word
    ("a girl called grace brown is missing", "grace brown"),
    ("known as bobby to his friends", "bobby"),
])
def test_a_word_after_a_naming_cue_is_a_name(council_screen: Screen, text: str, words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "mum called the police", "mum called back later", "the sw called in to check", "she called an ambulance",
    "dad called 101", "mum called edt", "i called the gp", "someone called in sick", "mum called round to the office",
    "the boy called out for help", "the named person was informed", "a named social worker is allocated",
    "the worker is named on the plan", "child named as a victim", "dad is named on the birth certificate",
    "he is known as a quiet boy", "the child is known as looked after", "known as early help",
    "she goes by bus to school", "he calls himself a gamer", "her name is on the plan", "a meeting was called",
    "the strategy meeting was called by the team manager", "he was called names at school",
    "the so-called friend", "mum called, will ring back",
])
def test_what_follows_a_naming_cue_in_practice_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


# -- a possessive before a family word
@pytest.mark.parametrize(("text", "words"), [
    ("ruby's dad rang me", "ruby's"), ("jack's nan is the main carer", "jack's"),
    ("What about ruby's older sister", "ruby's"), ("daisy's foster carer said", "daisy's"),
    ("will's dad is in prison", "will's"), ("Spoke to okafor's mum", "okafor's"),
])
def test_a_possessive_before_a_family_word_is_a_name(council_screen: Screen, text: str, words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "child's mum was at the meeting", "the boy's mum rang", "the girl's dad is in prison", "baby's father is absent",
    "her friend's mum picked her up", "carer's assessment was done", "the worker's view is that",
    "the school's dsl rang", "mother's partner moved in", "Mum's partner was named in the referral",
    "the family's social worker", "everyone's views were heard",
])
def test_a_role_or_common_noun_before_a_family_word_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


# -- a given name right after a person
@pytest.mark.parametrize(("text", "words"), [
    ("sister ruby said she was scared", "ruby"), ("baby daisy was seen at home", "daisy"),
    ("the girl amber, who is 8", "amber"), ("no, jack told me he was ok", "jack"),  # an answer's 'no,' is no article
])
def test_a_given_name_in_a_person_place_is_a_name(council_screen: Screen, text: str, words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "the child said she felt safe", "the child may be at risk", "the child will be seen tomorrow",
    "mum drew a picture with the child", "the child was rated amber", "child in need plan", "child in care review",
    "the baby is due in june", "the boy may have been hurt", "the girl will attend school", "the lad ran off",
    "brother said he hit him", "sibling group of three", "child protection plan", "child sexual exploitation",
])
def test_everyday_words_after_a_person_pass(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


# -- initials typed small, or as 'Js'
@pytest.mark.parametrize(("text", "words"), [
    ("child km was seen alone", "km"), ("brother tj was excluded", "tj"), ("km said he was hungry", "km"),
    ("a boy known as jj", "jj"), ("Tj said he wanted to go home", "Tj"), ("when mo said he was scared", "mo"),
    ("yp ab disclosed to the dsl", "ab"),
])
def test_lower_case_initials_in_a_person_place_are_refused(council_screen: Screen, text: str, words: str) -> None:
    assert found(council_screen, text) == [("initials", words)]


@pytest.mark.parametrize("text", [
    "it said on the form", "he said it was fine", "we told mum about the plan", "is it ok to close", "as agreed",
    "am I right to record this", "he told me he was scared", "my bf said the app is down", "tbh the plan is weak",
    "idk who the iro is", "the gp said he was fine", "sw said she would visit", "the hv said baby is thriving",
    "iro said the plan was drifting", "dsl said the child was upset", "the ot said he needs a chair",
    "ma said no", "ok said mum", "Ok, said the child", "so said the IRO", "child yr 6 is doing well",
    "the gp's letter said", "it's the sw's view", "the child isn't safe", "what is a tac meeting",
    "mum said ok", "we said we would visit", "the lad said he was fine", "my ex said he would come",
])
def test_short_everyday_words_and_acronyms_typed_small_pass(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


# -- a named GP surgery or health centre narrows where a family lives, as a school's name does
@pytest.mark.parametrize(("text", "words"), [
    ("the GP at Elm Tree Surgery said mum missed appointments", "Elm Tree Surgery"),
    ("seen at Oakwood Health Centre today", "Oakwood Health Centre"),
    ("registered at Lancaster Road Surgery", "Lancaster Road Surgery"),
])
def test_a_named_surgery_or_health_centre_is_refused(council_screen: Screen, text: str, words: str) -> None:
    assert found(council_screen, text) == [("surgery", words)]
    with pytest.raises(UserError, match="write 'the GP surgery' or 'the health centre' instead"):
        screen_text(text, council_screen)


@pytest.mark.parametrize("text", [
    "the GP surgery said", "Dr Patel's surgery called", "the child had surgery on his hand",
    "she had Heart Surgery last year", "mum took him to the local health centre", "registered with a GP surgery",
])
def test_an_unnamed_surgery_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


# -- properties
ACCEPTED = ["the child said she felt safe", "mum called the police", "the plan was reviewed at core group",
            "is a 12 week review too late for a PEP", "what do i do if mum won't let me in",
            "seen alone, said he felt safe at home", "how often do i visit a child on a cp plan"]


@given(sentence=st.sampled_from(ACCEPTED), name=st.sampled_from(COUNCIL_NAMES),
       cue=st.sampled_from(["a girl called", "a boy named", "a lad called", "the child, known as",
                            "a looked after child called", "her son named"]))
def test_a_naming_cue_and_a_listed_name_make_any_accepted_sentence_refused(council_screen: Screen, sentence: str,
                                                                          name: str, cue: str) -> None:
    assert found(council_screen, sentence) == []
    assert ("name", name) in found(council_screen, f"{cue} {name}: {sentence}")


@given(first=st.sampled_from(string.ascii_lowercase), second=st.sampled_from(string.ascii_lowercase),
       place=st.sampled_from(["child {} was seen alone", "{} said he felt safe", "a lad called {} who",
                              "brother {} has moved"]))
def test_two_small_letters_in_a_person_place_are_initials_unless_a_word_or_an_acronym(council_screen: Screen,
                                                                                      first: str, second: str,
                                                                                      place: str) -> None:
    letters = first + second
    lexicon = council_screen.lexicon
    known = (letters.upper() in council_screen.acronyms or letters in lexicon.everyday_words
             or letters in lexicon.never_names or re.fullmatch(r"[ivx]+", letters) or letters in ("mr", "ms", "mx")
             or letters in ROLES or letters in RELATIONS)  # 'qc' is a role (is_initials)
    kinds = [kind for kind, words in found(council_screen, place.format(letters)) if words == letters]
    if known and letters in lexicon.census_given and not re.fullmatch(r"[ivx]+", letters):
        assert kinds in ([], ["name"])  # 'ty said', 'ed said': a census first name as a subject (short_names.py)
    else:
        assert kinds == ([] if known else ["initials"])


def test_the_lower_case_rules_add_nothing_to_knowledge_base_and_checklist_text(council_screen: Screen) -> None:
    """Every answer, question, wording, glossary line and checklist text shipped: what people read and ask."""
    import yaml

    folder = PROJECT_DIR / "knowledge"
    texts = [text for path in sorted([*folder.glob("kb/*.yaml"), *folder.glob("checklists/*.yaml")])
             for text in strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))]
    lexicon, listed = council_screen.lexicon, council_screen.listed
    added = [(text[:80], extra) for text in texts
             if (extra := [hit for hit in PersonContextFinder(lexicon, listed).hits(text)
                           if hit not in NameFinder(lexicon, listed).hits(text)])]
    assert len(texts) > 5000
    assert added == []
