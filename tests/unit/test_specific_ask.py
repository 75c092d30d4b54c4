"""A question plainly asking for a rate, a form, a contact or a deadline, answered by an entry that gives none
(trial 44 F8): knowledge/specific_ask.py decides, from the question's words and the answer's text alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.specific_ask import KINDS, asked_kind, by_key, lacking

STAYING_PUT = ("Staying put lets a young person stay with their former foster carers after 18, until they are 21. "
               "The local authority must provide advice, assistance and support (including financial support to the "
               "carer). The arrangement becomes a household arrangement, so money and house rules change.")
SECTION_7 = ("Section 7 report: a welfare report on the child, written by Cafcass or the council. Section 37 "
             "direction: the council must report within 8 weeks, saying whether it will apply for an order.")


@pytest.mark.parametrize(("question", "answer", "kind"), [
    ("what is the staying put allowance rate for 2026", STAYING_PUT, "rate"),
    ("what is the form for a section 7 report", SECTION_7, "form"),
    ("How much is the staying put allowance?", STAYING_PUT, "rate"),
    ("which template do I use for a section 7 report", SECTION_7, "form"),
    ("whats the phone number for staying put", STAYING_PUT, "contact"),
    ("how many days until staying put starts", STAYING_PUT, "deadline"),
])
def test_the_specific_thing_asked_for_and_missing_from_the_answer_is_named(question: str, answer: str,
                                                                          kind: str) -> None:
    found = lacking(question, answer)
    assert found is not None and found.key == kind


@pytest.mark.parametrize(("question", "answer"), [
    ("what is the staying put allowance rate for 2026", "The allowance is £300 per week for 2026."),
    ("what is the staying put allowance rate for 2026", "Carers get a weekly allowance set by the council."),
    ("what is the form for a section 7 report", "Use the court's template in the legal folder."),
    ("what is the form for a section 7 report", "See https://example.org/section-7"),
    ("whats the phone number for EDT", "Call the emergency duty team on 0300 123 4567."),
    ("how many days for a section 37 report", SECTION_7),
])
def test_an_answer_that_gives_the_kind_asked_for_is_not_flagged(question: str, answer: str) -> None:
    assert lacking(question, answer) is None


@pytest.mark.parametrize("question", [
    "what are staying put arrangements",
    "what is the point of the fee",
    "which young people get the allowance",
    "how much should I write in the chronology",
    "what is the rate setting policy",
    "can a care leaver stay with their foster carer after 18",
])
def test_a_question_that_does_not_plainly_ask_for_a_specific_fact_is_never_flagged(question: str) -> None:
    assert asked_kind(question) is None
    assert lacking(question, STAYING_PUT) is None


def test_every_kind_is_found_again_by_its_key() -> None:
    assert [by_key(kind.key) for kind in KINDS] == list(KINDS)
    assert by_key("no such kind") is None and by_key(None) is None


WORDS = st.sampled_from(["what", "is", "the", "rate", "form", "for", "how", "much", "staying", "put", "which",
                         "allowance", "phone", "number", "days", "many", "?", ",", "2026", "report", "of"])


@given(st.lists(WORDS, max_size=12), st.sampled_from([str.upper, str.title, str.lower]), st.integers(1, 3))
def test_the_ask_is_read_the_same_in_any_case_and_spacing(words: list[str], case, gap: int) -> None:
    question = " ".join(words)
    assert asked_kind(case(question)) == asked_kind((" " * gap).join(words))
    assert asked_kind(question) == asked_kind(question.replace("'", "’"))


@given(st.text(max_size=300))
def test_any_text_is_read_without_error_and_an_amount_always_answers_a_rate(text: str) -> None:
    """Whatever follows "what is the rate", while the question still asks a rate an amount answers it; text that
    makes it ask something else ("what is the rate score" asks a threshold) is that kind's case, not this one."""
    asked_kind(text)
    question = f"what is the rate {text}"
    if asked_kind(question) == by_key("rate"):
        assert lacking(question, f"{text} It is £12 a week.") is None
    assert lacking(text, "") in (None, *KINDS)


LADO = ("The LADO (local authority designated officer) manages allegations against adults who work with children. "
        "Contact the LADO, within 1 working day, when someone who works with children may have harmed a child.")
CIN_REVIEWS = ("A child in need meeting within 20 working days of the assessment ending. Reviews at least every 3 "
               "months. Visits at least every 4 weeks.")


@pytest.mark.parametrize(("question", "answer", "kind"), [
    # trial 46 F1: "contact the LADO" says whom, not how to reach them
    ("whats the phone number for the lado", LADO, "contact"),
    ("number for the lado please", LADO, "contact"),
    ("contact details for the lado", LADO, "contact"),
    ("email for the lado", LADO, "contact"),
    ("who do i ring about an allegation against a teacher", LADO, "contact"),
    ("how much is staying put", STAYING_PUT, "rate"),
    ("whats the rate of the staying put allowance", STAYING_PUT, "rate"),
    ("template for a section 7 report", SECTION_7, "form"),
    ("within how many days does staying put start", STAYING_PUT, "deadline"),
    ("how long do i have to tell the carer about staying put", STAYING_PUT, "deadline"),
    # trial 46 F6: a timescale of the reviews is none of the write-up
    ("how long do i have to write up a cin review", CIN_REVIEWS, "write-up"),
    ("within how many days do the minutes of a cin review go out", CIN_REVIEWS, "write-up"),
])
def test_more_ways_of_asking_for_a_specific_fact_are_read_as_that_ask(question: str, answer: str, kind: str) -> None:
    found = lacking(question, answer)
    assert found is not None and found.key == kind


@pytest.mark.parametrize(("question", "answer"), [
    ("whats the phone number for the lado", "Ring the LADO on 020 7525 3297 or email lado@example.gov.uk."),
    ("email for the lado", "Write to lado@example.gov.uk."),
    ("how long do i have to write up a cin review", "Record the review and send the plan out within 5 working days."),
    ("he wants to sign forms for school", SECTION_7),
    ("what is the number of visits for a cin plan", CIN_REVIEWS),
])
def test_a_contact_or_write_up_given_or_not_asked_for_is_not_flagged(question: str, answer: str) -> None:
    assert lacking(question, answer) is None


# Trial 46 F2: rushed typing reads as the search reads it. A stand-in for KnowledgeSearch.spelling, which puts right
# the slips below and leaves every other word as typed.
SLIPS = {"wat": "what", "fom": "form", "numbr": "number", "hw": "how", "templte": "template", "emial": "email",
         "notfication": "notification", "rat": "rate"}


def spelling(words: list[str]) -> list[str]:
    return [SLIPS.get(word, word) for word in words]


def test_a_question_with_typos_is_flagged_as_the_same_question_typed_cleanly() -> None:
    typed = "wat form do i use for a private fostering notfication"
    assert asked_kind(typed) is None  # as typed, no ask is made plain
    found = lacking(typed, STAYING_PUT, spelling)
    assert found is not None and found.key == "form"
    assert lacking(typed, "Use the notification form on the intranet.", spelling) is None


CLEAN = st.sampled_from(["what", "form", "number", "template", "email", "rate", "is", "the", "for", "phone",
                         "do", "i", "use", "a", "lado", "private", "fostering", "notification", "whats", "which"])
TYPED_AS = {meant: typo for typo, meant in SLIPS.items()}


@given(st.lists(CLEAN, max_size=10), st.lists(st.booleans(), min_size=10, max_size=10))
def test_any_question_with_slips_the_search_puts_right_asks_what_the_clean_one_asks(words: list[str],
                                                                                    slipped: list[bool]) -> None:
    clean = " ".join(words)
    typed = " ".join(TYPED_AS.get(word, word) if slip else word for word, slip in zip(words, slipped, strict=False))
    assert asked_kind(typed, spelling) == asked_kind(clean)


FAMILY_TIME = ("The arrangements (who, how often, where, supervised or not) belong in the care plan and are reviewed "
               "at each looked after review. Contact may be refused for up to 7 days in an urgent case.")


def test_how_often_asked_of_an_entry_giving_no_frequency_is_named() -> None:
    """Trial 50 F5: "how often shud contact…" got the family time entry, which gives no frequency, with no word."""
    found = lacking("how often shud contact with birth parents be for a baby in care", FAMILY_TIME)
    assert found is not None and found.named == "a frequency (how often)"


@pytest.mark.parametrize(("question", "answer"), [
    ("how often do i visit a child in need", "Visit the child at least every 6 weeks."),
    ("how often is the placement plan reviewed", "It is reviewed at each looked after review."),
    ("how often should i update the chronology", "Keep it current: update it as events happen."),
    ("how often do moderators agree", "The agreement rate: 5 of 7 (71%)."),
    ("how frequently are core groups held", "Core groups meet monthly."),
    ("how often is the office kettle descaled", "Every quarter, by the duty manager."),
])
def test_how_often_answered_with_a_frequency_is_not_flagged(question: str, answer: str) -> None:
    assert lacking(question, answer) is None
