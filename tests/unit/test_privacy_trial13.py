"""What the privacy screen let through, or refused, in trial 13.

F6. A child's initials right before an age were stored or answered ('jj age 4, do i need a strategy meeting', 'KB
    12yo disclosed', 'tm aged 15 keeps going missing') though 'JJ (4)' was refused: two or three letters, any case,
    before an age are a child's initials. A term of practice stays a word there ('CP age 4', 'LAC aged 15', 'CIN 12
    years old', 'OCD age 12'), as do a relation ('yp aged 15') and a role before an adult's age ('SW aged 30'); the
    bot's own words are no terms there ('KB 12yo'), nor is a role before a child's age ('TM aged 15').
F8. 'yes, used wishes and feelings cards with lil j' and 'good - child (b. 2016) seen alone' were stored as evidence
    notes: a diminutive before a letter ('lil j', 'little j', 'baby K') is a child called by an initial, and 'b.'
    before a year ('(b. 2016)', 'b.2016', 'b 03/2016') is 'born', as before a whole date.
F14. 'respond 1 fair, though little Mo was seen alone twice' was sent to the QA lead and 'how often should little Mo
    be visited' stored: two letters after 'little', 'lil', 'baby', 'big' or 'wee' are a name ('little Mo', 'big Al')
    or initials ('little jj'), as 'baby Leo' and 'big Dan' were already. A reply to a moderation is screened like any
    text (bot/audits/readback.reply): the screen let the name through.
F7. 'does the Lundy model apply to voice of the child' was refused as a name: a surname before 'model' or
    'framework' is its author's, as before 'review' or 'report' ('the Munro review'), but a given name alone is not
    ('the Kayden model'); and a few authors whose surnames the lists hold as given names are read with their work
    ("Ainsworth's strange situation", "Turnell's signs of safety", "Schön's reflective practice").
"""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.detect import RELATIONS
from bot.privacy.initials import practice_terms
from bot.privacy.screen import Screen, masked
from bot.storage import audits as store
from tests.e2e.test_lower_case_names_refused import _stored
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_response_said import WEDNESDAY, moderated  # noqa: F401  (fixture)
from tests.support.text import repeated
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

PRACTITIONER = "U0PRAN002"


def _asked(engine: Engine, question: str) -> str:
    """The reply to a question typed by a practitioner."""
    _, out = drive(engine, [question], user=PRACTITIONER)
    return " ".join(out.split())


# -- F6. initials before an age

@pytest.mark.parametrize(("question", "words"), [
    ("jj age 4, do i need a strategy meeting", "jj"),
    ("KB 12yo disclosed at school what now", "KB"),
    ("tm aged 15 keeps going missing, when is the RHI due", "tm"),
])
def test_initials_before_an_age_in_a_question_are_refused_and_not_stored(
        engine: Engine, services: Services, question: str, words: str) -> None:
    reply = _asked(engine, question)
    assert f"I haven't stored or answered that question: “{masked(words)}” looks like a person's initials" in reply
    assert repeated(words, reply) == []
    assert services.storage.db["kb_asks"].count == 0
    assert words not in _stored(services)


AGES = ["age 4", "aged 15", "12yo", "12 yo", "12 y/o", "12 yrs old", "12 years old", "(4)", "(aged 4)", ", aged 9"]


TAILS = [" was seen alone", ", what now", " disclosed at school"]  # a sentence, not a line in capitals
CONSONANTS = "bcdfghjklmnpqrstwz"  # no vowel (no word) and no Roman numeral


@given(first=st.sampled_from(CONSONANTS), second=st.sampled_from(CONSONANTS), capitals=st.booleans(),
       age=st.sampled_from(AGES), tail=st.sampled_from(TAILS))
def test_two_consonants_in_any_case_before_an_age_are_initials(
        council_screen: Screen, first: str, second: str, capitals: bool, age: str, tail: str) -> None:  # noqa: F811
    letters = (first + second).upper() if capitals else first + second
    separator = "" if age.startswith((",", "(")) else " "
    findings = found(council_screen, f"{letters}{separator}{age}{tail}")
    folded = letters.casefold()
    if letters.upper() in practice_terms() or folded in council_screen.lexicon.everyday_words or folded in RELATIONS:
        return  # 'CP age 4', 'st', 'bf aged 15': the glossary's terms, everyday words and relations stay words
    assert ("initials", letters) in findings, findings


@pytest.mark.parametrize("text", [
    "CP age 4, do i need a strategy meeting", "cp age 4", "CIN 12 years old", "LAC aged 15 placement",
    "lac aged 15 keeps going missing", "a CP plan at age 4", "on CP 2 years now", "diagnosed with OCD age 12",
    "at age 4 she was seen", "by age 4 she should be talking", "yp aged 15 was seen", "mum aged 25 was seen",
    "SW aged 30 in the team", "the IRO aged 50 chaired", "HV 2 year old check done", "the boy aged 4 was seen",
    "EHCP age 4", "CAMHS aged 15",
])
def test_a_term_of_practice_or_a_worker_before_an_age_still_passes(council_screen: Screen,  # noqa: F811
                                                                  text: str) -> None:
    assert found(council_screen, text) == []


# -- F8. a diminutive before a letter; 'b.' before a year

def _noted(engine: Engine, services: Services, note: str) -> str:
    """The reply to a yes or no with its evidence note at the Voice of the child's first question; nothing stored."""
    _, out = drive(engine, ["start audit", "Voice of the child", "CR-123456", "1", note, "quit"])
    [audit] = services.storage.db.query("SELECT id FROM audits")
    assert store.answers_of(services.storage, audit["id"]) == {}
    return " ".join(out.split())


@pytest.mark.parametrize(("note", "words", "kind"), [
    ("yes, used wishes and feelings cards with lil j", "lil j", "a person's initials"),
    ("yes, little J. said she feels safe at home", "little J", "a person's initials"),
    ("yes, child (b. 2016) seen alone and methods suit her age", "b. 2016", "a date of birth"),
    ("yes, child b.2016 seen alone", "b.2016", "a date of birth"),
    ("yes, child b 03/2016 seen alone", "b 03/2016", "a date of birth"),
])
def test_a_diminutive_with_an_initial_or_a_year_of_birth_in_an_evidence_note_is_refused(
        engine: Engine, services: Services, note: str, words: str, kind: str) -> None:
    reply = _noted(engine, services, note)
    assert f"I can't store that evidence note: “{masked(words)}” looks like {kind}" in reply
    assert repeated(words, reply) == []
    assert "Nothing was saved." in reply
    assert words not in _stored(services)


@given(little=st.sampled_from(["lil", "little", "baby", "big", "wee", "Little", "Lil"]),
       letter=st.sampled_from("bcdefghjklmnopqrstuvwxyzBCDEFGHJKLMNOPQRSTUVWXYZ"),
       frame=st.sampled_from(["direct work with {}", "{} said she was happy", "saw {} at home", "{}'s cot was clean",
                              "used the cards with {}."]))
def test_a_diminutive_and_one_letter_is_refused_wherever_it_stands(council_screen: Screen,  # noqa: F811
                                                                  little: str, letter: str, frame: str) -> None:
    assert ("initials", f"{little} {letter}") in found(council_screen, frame.format(f"{little} {letter}"))


@given(year=st.integers(min_value=2000, max_value=2026), month=st.integers(min_value=1, max_value=12),
       form=st.sampled_from(["(b. {y})", "(b.{y})", "b. {y}", "b.{y}", "(b {y})", "b {m:02d}/{y}", "b. {m}/{y}",
                             "(B. {y})"]))
def test_b_before_a_year_is_a_date_of_birth(council_screen: Screen, year: int, month: int,  # noqa: F811
                                             form: str) -> None:
    written = form.format(y=year, m=month).strip("()")
    assert ("dob", written) in found(council_screen, f"child {form.format(y=year, m=month)} seen alone")


@pytest.mark.parametrize("text", [
    "a little bit worried", "a big ask for a 4 year old", "a wee bit shy", "little i know about her week",
    "little to no progress", "plan b 2016 was different", "plan B. 2016 onwards", "section 17 b 2016",
    "Appendix B 2016 data", "little by little she opened up", "lil sis was there too", "her little sister was seen",
    "lessons from the Baby P review",
])
def test_ordinary_words_after_a_diminutive_and_a_b_before_a_year_still_pass(council_screen: Screen,  # noqa: F811
                                                                          text: str) -> None:
    assert found(council_screen, text) == []


# -- F14. a two-letter name after a diminutive

def test_a_reply_to_a_moderation_naming_little_mo_is_refused_and_not_sent(engine: Engine, services: Services,
                                                                          moderated: int) -> None:  # noqa: F811
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit respond {moderated} fair, though little Mo was seen alone twice"])
        reply = " ".join(out.split())
        assert "I can't store your reply: “M…” looks like a child's or family member's name" in reply
        assert "Thank you" not in reply
        assert "little Mo" not in str(services.storage.db.query("SELECT * FROM moderations"))
        _, again = drive(engine, [f"/audit respond {moderated} fair, the child was seen alone twice"])
    assert "Thank you: your response is saved with the moderation" in " ".join(again.split())  # not used up


def test_a_question_naming_little_mo_is_refused_and_not_stored(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "how often should little Mo be visited on a CP plan")
    assert "I haven't stored or answered that question: “M…” looks like a child's or family member's name" in reply
    assert services.storage.db["kb_asks"].count == 0


@given(little=st.sampled_from(["lil", "little", "baby", "big", "wee", "Little"]),
       name=st.sampled_from(["Mo", "Al", "Jo", "Bo", "Ed", "Li", "Lu", "Vi", "Ty"]),
       frame=st.sampled_from(["fair, though {} was seen alone twice", "how often should {} be visited",
                              "direct work with {}", "{}'s nursery rang", "mum and {} attended"]))
def test_a_two_letter_name_after_a_diminutive_is_refused(council_screen: Screen, little: str,  # noqa: F811
                                                         name: str, frame: str) -> None:
    findings = found(council_screen, frame.format(f"{little} {name}"))
    assert any(name in words for _, words in findings), findings  # as a name, or within a school's or initials


@pytest.mark.parametrize("text", [
    "little to no progress since the review", "big up the team for the visit", "lil em said she was busy",
    "little me time for mum", "baby CT scan was clear", "big TV in the lounge", "little or no change",
    "a little ok but not great",
])
def test_an_everyday_two_letter_word_after_a_diminutive_still_passes(council_screen: Screen,  # noqa: F811
                                                                    text: str) -> None:
    assert found(council_screen, text) == []


# -- F7. a framework named after its author

def test_a_question_about_the_lundy_model_is_answered_or_noted_not_refused(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "does the Lundy model apply to voice of the child")
    assert "I haven't stored or answered that question" not in reply
    assert "looks like" not in reply


@pytest.mark.parametrize("text", [
    "does the Lundy model apply to voice of the child", "using the Lundy Model of participation",
    "Lundy model of participation in the review", "the lundy model of participation", "Lundy's voice model",
    "the Fahlberg model", "the Maslow model", "the Ainsworth model of attachment", "the Turnell framework",
    "Ainsworth's strange situation", "we used Turnell's signs of safety mapping", "Schön's reflective practice",
    "the Johari window in supervision", "Bowlby's attachment theory", "Maslow's hierarchy of needs",
    "Fahlberg's arousal relaxation cycle", "the Munro review", "Hart's ladder", "Bronfenbrenner's ecological model",
])
def test_a_framework_named_after_its_author_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("the Kayden model", "Kayden"), ("Lundy said she was scared", "Lundy"), ("we saw Lundy at home", "Lundy"),
    ("Lundy's mum rang", "Lundy's"), ("Ainsworth's mum rang", "Ainsworth's"),
])
def test_a_given_name_before_model_or_an_authors_name_used_of_a_child_is_still_refused(
        council_screen: Screen, text: str, name: str) -> None:  # noqa: F811
    assert ("name", name) in found(council_screen, text)


@given(author=st.sampled_from(["Lundy", "Fahlberg", "Maslow", "Ainsworth", "Turnell", "Bowlby", "Munro"]),
       work=st.sampled_from(["model", "framework", "Model"]),
       frame=st.sampled_from(["does the {} apply here", "we used the {} in the visit", "{} of participation",
                              "is the {} in the kb?"]))
def test_an_authors_surname_before_model_or_framework_passes(council_screen: Screen, author: str,  # noqa: F811
                                                             work: str, frame: str) -> None:
    assert found(council_screen, frame.format(f"{author} {work}")) == []
