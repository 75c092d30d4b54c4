"""After a glossary term's meaning, the entries offered are about that term, or there are none (trial 23: "what does
PLO stand for" was followed by "What kind of questions can I ask the audit bot?", and "what does DSL mean" by
"What if the bot cannot answer my question?", which only their question words had met)."""

from __future__ import annotations

import io

from bot.engine.routing import Engine
from bot.terminal.chat import run_chat
from tests.support.kb_helpers import all_text, button_values

PRACTITIONER = "U0PRAN001"


def offered(engine: Engine, question: str) -> list[str]:
    """The entries the buttons after the meaning open, without the ask id."""
    return [value.split(":")[0] for value in button_values(engine.message(PRACTITIONER, question), "kb.show")]


def test_plo_is_followed_by_the_court_process_entries(engine: Engine) -> None:
    replies = engine.message(PRACTITIONER, "what does PLO stand for")
    assert "**PLO** stands for Public Law Outline." in all_text(replies)
    shown = [value.split(":")[0] for value in button_values(replies, "kb.show")]
    assert shown == ["public-law-outline", "pre-proceedings", "care-proceedings-26-weeks"]


def test_the_meaning_of_plo_asked_another_way_gets_the_meaning_and_the_plo_entry(engine: Engine) -> None:
    """"What is the meaning of PLO" was not read as asking for a meaning at all."""
    text = all_text(engine.message(PRACTITIONER, "what is the meaning of PLO"))
    assert "**PLO** stands for Public Law Outline." in text
    assert "The *Public Law Outline (PLO)* is the court's framework" in text


def test_dsl_offers_only_entries_that_name_the_dsl(engine: Engine) -> None:
    shown = offered(engine, "what does DSL mean?")
    assert shown == ["sharing-nudes-semi-nudes", "child-on-child-abuse", "fgm-mandatory-reporting"]


def test_nfa_offers_the_entries_on_closing_and_enquiries_that_end_in_no_further_action(engine: Engine) -> None:
    shown = offered(engine, "what does NFA mean")
    assert shown[:2] == ["case-closure", "section-47-enquiries"]


def test_iro_offers_the_iro_entry_first(engine: Engine) -> None:
    shown = offered(engine, "what does IRO stand for")
    assert shown[0] == "iro-role" and "delegated-authority" not in shown


def test_a_term_no_entry_is_about_gets_its_meaning_and_nothing_offered(engine: Engine) -> None:
    """CPD was followed by entries on strengths, early help and children in need, which only "development" met."""
    replies = engine.message(PRACTITIONER, "what does CPD mean")
    text = all_text(replies)
    assert "**CPD** stands for continuing professional development." in text
    assert button_values(replies, "kb.show") == [] and "I have no fuller entry on it yet" in text


def test_the_terminal_chat_offers_the_same_entries(engine: Engine) -> None:
    out = io.StringIO()
    run_chat(engine, PRACTITIONER, io.StringIO("what does PLO stand for\n"), out)
    text = out.getvalue()
    assert "PLO stands for Public Law Outline." in text
    assert "What kind of questions can I ask the audit bot?" not in text
    assert "1) What is the Public Law Outline?" in text and "2) What happens in pre-proceedings?" in text


def test_two_names_of_one_idea_asked_apart_get_both_meanings_and_that_ideas_entry(engine: Engine) -> None:
    """Trial 26: "whats the diff between LAC and CiC" got "I don't know that yet", though "what is LAC" is answered."""
    text = all_text(engine.message(PRACTITIONER, "whats the diff between LAC and CiC"))
    assert ("**LAC** and **CiC** are two names for the same thing: LAC stands for looked after child (child in "
            "care), and CiC for children in care (child looked after).") in text
    assert "Which children count as looked after by the local authority?" in text
    assert "I don't know that yet" not in text


def test_two_terms_for_two_ideas_get_both_meanings_then_what_the_search_found(engine: Engine) -> None:
    text = all_text(engine.message(PRACTITIONER, "what is the difference between ICPC and RCPC?"))
    assert ("**ICPC** stands for initial child protection conference; **RCPC** stands for review child protection "
            "conference.") in text
    assert "When are child protection review conferences due?" in text


def test_an_acronym_asked_with_a_typo_and_where_it_was_met_is_spelt_out_before_its_entry(engine: Engine) -> None:
    """Trial 49: "wat does DA mean in a referral" went straight to the domestic-abuse entry without the meaning."""
    text = all_text(engine.message(PRACTITIONER, "wat does DA mean in a referral"))
    assert "**DA** stands for domestic abuse." in text
    assert "domestic abuse" in text.split("stands for domestic abuse.", 1)[1].lower()


def test_a_question_naming_a_term_no_entry_covers_gets_its_meaning_not_unrelated_entries(engine: Engine) -> None:
    """Trial 50 F6: "where do i find the SWET template for court" offered a PACE transfer, section 7 reports and
    ILACS; the glossary spells SWET out and no entry is about it."""
    replies = engine.message(PRACTITIONER, "where do i find the SWET template for court")
    text = all_text(replies)
    assert text.strip().startswith("**SWET** stands for social work evidence template (care proceedings).")
    assert "I have no fuller entry on it yet" in text
    assert button_values(replies, "kb.show") == [] and button_values(replies, "kb.escalate")


def test_a_question_naming_a_term_an_entry_covers_is_searched_as_before(engine: Engine) -> None:
    replies = engine.message(PRACTITIONER, "where do i find the PLO letter before proceedings")
    assert "stands for" not in all_text(replies)


def test_a_question_in_two_parts_names_the_entry_for_the_other_part(engine: Engine) -> None:
    """Trial 50 F7: "… is this cce and whats the NRM" got the NRM entry alone; "is this cce" got nothing."""
    replies = engine.message(PRACTITIONER, "15yo boy keeps going missing, has new trainers and 2 phones, mum thinks "
                                           "hes running for someone. is this cce and whats the NRM")
    assert replies[0].title == "When and how do we make a National Referral Mechanism referral for a child?"
    assert "**And for the other part of your question** (“is this cce”)" in all_text(replies)
    assert "cce-county-lines" in button_values(replies, "kb.show")


def test_a_question_in_one_part_gets_no_other_part_line(engine: Engine) -> None:
    assert "other part of your question" not in all_text(engine.message(PRACTITIONER, "what is the NRM"))
