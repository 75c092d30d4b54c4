"""A child's initials are an identifier (user trial: "JS told me she was scared" and "JK's mum" were stored). The
screen refuses initials used as a person, and says so in its usual words, but never the domain's acronyms (the
knowledge base's glossary and vocabulary are the allow-list), everyday words in capitals, or a body named with
'the' ('the ICB has agreed')."""

from __future__ import annotations

import re
import string

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.privacy.detect import RELATIONS, ROLES
from bot.privacy.initials import DOTTED_ABBREVIATIONS, GLOSSARY_FILE, initials_hits, load_acronyms, practice_terms
from bot.privacy.screen import Screen, screen_text
from bot.settings.config import PROJECT_DIR
from bot.storage import audits as store
from knowledge.yamlsource import strings_in
from tests.e2e.test_terminal_chat import drive

# Where a person is meant: a person's verb or possessive after, a word only a person follows before, or
# 'for/with/to/about/and' before with the clause ending after.
PERSON_PLACES = ["{} told me she was scared", "{}'s mum rang", "{} said he was hungry", "{} was seen alone",
                 "{} is in year 9", "{} and her mum attended", "{} (12) disclosed", "child {} was seen at school",
                 "YP {} disclosed to the DSL", "saw {} at home", "spoke to {} about school",
                 "direct work with {}.", "the plan for {}, agreed at the core group", "mum and {} today",
                 "Brother {} has moved"]
# Glossary acronyms in the same places: what the trial's domain text looks like.
ACRONYM_PLACES = [*PERSON_PLACES, "the {} plan was reviewed", "{} was agreed by the TM"]
GLOSSARY_ACRONYMS = sorted({term for term in yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))["glossary"]
                            if re.fullmatch(r"[A-Z]{2,3}", term)})


def initials(screen: Screen, text: str) -> list[str]:
    return [finding.words for finding in screen.find(text) if finding.kind == "initials"]


@pytest.mark.parametrize(("text", "found"), [
    ("JS told me she was scared", "JS"), ("JK's mum", "JK"), ("J.S. said she wanted to go home", "J.S."),
    ("spoke to J. S. about the move", "J. S."), ("child KM was seen alone", "KM"), ("YP AB disclosed", "AB"),
    ("direct work with ABC.", "ABC"), ("AB and his dad attended", "AB"), ("the plan for JS, agreed today", "JS"),
    ("brother TR was excluded", "TR"), ("JS’s nan is the main carer", "JS"),
])
def test_initials_used_as_a_person_are_refused(identifier_screen: Screen, text: str, found: str) -> None:
    assert initials(identifier_screen, text) == [found]


def test_the_refusal_names_the_initials_and_says_how_to_rephrase(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("JS told me she was scared", identifier_screen, "that answer")
    assert str(refused.value) == (
        "I can't store that answer: “J…” looks like a person's initials: initials identify a child as surely as a "
        "name: write 'the child', 'the young person' or their role ('mother', 'the social worker') instead. Nothing "
        "was saved. Please write it again without anything that could identify a child or family.")


@pytest.mark.parametrize("text", [
    "CP plan reviewed at the RCPC", "CIN was closed", "the CLA review was held", "LAC review due", "IRO said the plan "
    "was drifting", "SW was off sick", "TM agreed the plan", "RI was the grade", "EH was offered", "MASH said NFA",
    "ICPC was held late", "PLO was started", "SGO was granted", "DSL told me", "GP said", "CAMHS has declined",
    "SEN support continues and the EHCP is in place", "YOT is involved", "CSE and CCE screening done",
    "NFA was agreed", "she was NOT seen by the SW", "the ICB has agreed to fund it", "diagnosed with OCD.",
    "kit for PE.", "Applied for PIP.", "referred to CGL service", "Part III of the Act", "agreed with the IRO.",
    "CR-123456 was audited", "UPN is on the school record", "IT said the laptop is fixed", "the UK's rules",
    "Referral to CAMHS was made and CIN plan agreed", "spoke to HV about feeding", "discussed with TM.",
    "STRATEGY WITH PC AND DS, JS NOT SEEN",  # text in capitals: capitals say nothing there
])
def test_the_domains_acronyms_and_everyday_capitals_pass(identifier_screen: Screen, text: str) -> None:
    assert initials(identifier_screen, text) == []


@given(place=st.sampled_from(ACRONYM_PLACES), acronym=st.sampled_from(GLOSSARY_ACRONYMS))
def test_no_glossary_acronym_is_taken_for_initials_wherever_it_stands(identifier_screen: Screen, place: str,
                                                                      acronym: str) -> None:
    if acronym.casefold() in ROLES and "(12)" in place:
        return  # a worker is no child of 12: 'TM (12) disclosed' is a child's initials (test_privacy_trial13.py)
    assert initials(identifier_screen, place.format(acronym)) == []


@given(place=st.sampled_from(PERSON_PLACES),
       letters=st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=3),
       dotted=st.booleans())
def test_any_other_initials_in_a_person_place_are_refused(identifier_screen: Screen, place: str, letters: str,
                                                          dotted: bool) -> None:
    """Two or three capitals where a person is meant are refused unless they are an acronym the knowledge base
    (or the everyday acronyms file) knows, or an everyday word ('AS', 'IT'), or a Roman numeral. Written with full
    stops they are initials unless a practice term or a dotted abbreviation ('U.K.'): the bot's own vocabulary ('DM',
    'KB') is never written so (trial 22: 'is D.M. too young to be seen alone')."""
    lexicon = identifier_screen.lexicon
    acronyms = practice_terms() | DOTTED_ABBREVIATIONS if dotted else identifier_screen.acronyms
    known = (letters in acronyms or letters.casefold() in lexicon.everyday_words
             or letters.casefold() in lexicon.never_names or re.fullmatch(r"[IVX]+", letters))
    if "(12)" in place:  # before a child's age only the practice terms are words, and no role ('KB (12)', 'TM (12)')
        known = ((letters in practice_terms() and letters.casefold() not in ROLES)
                 or letters.casefold() in RELATIONS or letters.casefold() in lexicon.everyday_words
                 or re.fullmatch(r"[IVX]+", letters))
    typed = ".".join(letters) + "." if dotted else letters
    found = [re.sub(r"[.\s]", "", words) for words in initials(identifier_screen, place.format(typed))]
    assert found == ([] if known else [letters])


def test_the_allow_list_is_the_knowledge_bases_own_vocabulary() -> None:
    acronyms = load_acronyms()
    for term in ("CP", "CIN", "CLA", "LAC", "IRO", "SW", "TM", "RI", "EH", "MASH", "ICPC", "RCPC", "PLO", "SGO",
                 "DSL", "GP", "CAMHS", "SEN", "EHCP", "YOT", "CSE", "CCE", "NFA"):
        assert term in acronyms, term
    assert "CGL" in acronyms and "BSL" in acronyms  # from knowledge/vocabulary.yaml, not the glossary
    assert "JS" not in acronyms and "JK" not in acronyms


def test_no_knowledge_base_or_checklist_text_is_taken_for_initials(identifier_screen: Screen) -> None:
    """Every answer, question, wording, glossary line and checklist text shipped (about 8,000 strings)."""
    folder = PROJECT_DIR / "knowledge"
    texts = [text for path in sorted([*folder.glob("kb/*.yaml"), *folder.glob("checklists/*.yaml")])
             for text in strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert len(texts) > 5000
    flagged = [(text[:80], hits) for text in texts
               if (hits := initials_hits(text, identifier_screen.acronyms, identifier_screen.lexicon))]
    assert flagged == []


def test_initials_typed_at_an_audit_question_are_refused_and_nothing_is_stored(engine: Engine,
                                                                                 services: Services) -> None:
    # the Voice of the child checklist, a case, its worker, then free text at the first question
    _, out = drive(engine, ["start audit", "Voice of the child", "CR-123456", "1", "JK's mum rang me", "quit"])
    flat = " ".join(out.split())
    assert "I can't store that evidence note: “J…” looks like a person's initials" in flat  # kept-note screen (F9)
    assert "Nothing was saved." in flat
    [audit] = services.storage.db.query("SELECT id FROM audits")
    assert store.answers_of(services.storage, audit["id"]) == {}
    assert "JK" not in " ".join(str(row) for row in services.storage.db.query("SELECT * FROM audits"))
