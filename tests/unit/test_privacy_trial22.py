"""Trial 22: a new user's invented texts passed the screen and were stored and shown to the QA leads. A capitalised
name that is also a common word as the object of 'help' or 'make' before a bare verb ('help Grace feel safe') or
as the subject after a modal ('should Hope be seen alone'); a lower-case name opening a text that has a capital 'I'
later; dotted initials in brackets or before what is said of a child ('the lad (T.B.)', 'is D.M. too young'); a
family called by its surname in the plural ('the Smiths to go into PLO', 'the Browns have refused'); a National
Insurance number; and "Poppy's school" was refused as a school's name rather than a child's. Each must be refused
for the right reason, and the everyday texts closest to each must still pass. Names and numbers are invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)


def kinds(screen: Screen, text: str) -> list[str]:
    return [kind for kind, _ in found(screen, text)]


# -- 1 and 2: a common-word name capitalised as the object before a bare verb, or as the subject after a modal
@pytest.mark.parametrize(("text", "words"), [
    ("how do I help Grace feel safe at contact", "Grace"),
    ("how do I help Ruby feel safe at contact", "Ruby"),
    ("how can we make Hope feel welcome at the new placement", "Hope"),
    ("should we let Faith go to the party", "Faith"),
    ("should Hope be seen alone", "Hope"),
    ("can Grace go home after the strategy meeting?", "Grace"),
    ("must Ruby be seen within 24 hours", "Ruby"),
])
def test_a_common_word_name_as_object_or_subject_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                             words: str) -> None:
    assert ("name", words) in found(council_screen, text)


# -- 3: a lower-case name at the start, with a capital 'I' later in the text
@pytest.mark.parametrize("text", [
    "summer has been missing from home 3 times, when do I need a return home interview",
    "summer has been missing from home 3 times",
    "ruby was hit by her stepdad, do I need a strategy discussion",
])
def test_a_lower_case_name_is_refused_though_I_is_a_capital(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert ("name", text.split()[0]) in found(council_screen, text)


# -- 4: initials written with full stops, mid-sentence
@pytest.mark.parametrize(("text", "words"), [
    ("the lad (T.B.) wants to stay at his nan's, is that private fostering?", "T.B."),
    ("is D.M. too young to be seen alone at 5", "D.M."),
    ("J.S. told school", "J.S."),
    ("the girl (K.L.) is 14 and wants to live with her boyfriend's family", "K.L."),
])
def test_dotted_initials_of_a_child_are_refused(council_screen: Screen, text: str, words: str) -> None:  # noqa: F811
    assert ("initials", words) in found(council_screen, text)


# -- 5: a family called by its surname in the plural after 'the'
@pytest.mark.parametrize(("text", "words"), [
    ("what is the threshold for the Smiths to go into PLO", "Smiths"),
    ("the Browns have refused the CIN plan what now", "Browns"),
    ("the Okonkwos have moved", "Okonkwos"),
])
def test_a_family_by_its_surname_in_the_plural_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                          words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@given(family=st.sampled_from(["Smiths", "Browns", "Taylors", "Wilsons", "Patels", "Okafors", "Kowalskis", "Hugheses"]),
       after=st.sampled_from(["have moved", "have refused the plan", "were seen at home", "to go into PLO",
                              "to attend the meeting", "said no", "didn't engage", "agreed the plan"]))
def test_the_surname_in_the_plural_before_what_a_family_does_is_refused(council_screen: Screen,  # noqa: F811
                                                                        family: str, after: str) -> None:
    assert "name" in kinds(council_screen, f"worried that the {family} {after}")


# -- 6: a National Insurance number
@pytest.mark.parametrize("text", [
    "mum's ni number is QQ 12 34 56 C, can housing help?",
    "QQ123456C",
    "dad's NINO: qq 123456 c",
    "National Insurance number AB 12 34 56",
    "is JT 98 76 54 D enough for the benefits check",
])
def test_a_national_insurance_number_is_refused(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert "nino" in kinds(council_screen, text)


def test_the_refusal_names_a_national_insurance_number(council_screen: Screen) -> None:  # noqa: F811
    with pytest.raises(UserError) as refused:
        screen_text("QQ123456C", council_screen)
    assert "a National Insurance number" in str(refused.value)
    assert "QQ123456C" not in str(refused.value)


@given(letters=st.sampled_from(["QQ", "AB", "JT", "NX", "PW"]),
       digits=st.lists(st.integers(0, 9), min_size=6, max_size=6),
       suffix=st.sampled_from(["A", "B", "C", "D"]),
       gaps=st.lists(st.sampled_from(["", " "]), min_size=5, max_size=5))
def test_an_ni_number_in_any_spacing_is_refused(council_screen: Screen, letters: str,  # noqa: F811
                                                digits: list[int], suffix: str, gaps: list[str]) -> None:
    pairs = [f"{digits[k]}{digits[k + 1]}" for k in (0, 2, 4)]
    number = f"{letters}{gaps[0]}{pairs[0]}{gaps[1]}{pairs[1]}{gaps[2]}{pairs[2]}{gaps[3]}{suffix}"
    assert "nino" in kinds(council_screen, f"her number is {number} for the claim")


# -- 7: a given name's possessive before 'school' is a child, not a school's name
@pytest.mark.parametrize(("text", "words"), [
    ("Poppy's school attendance is 60%, is that neglect", "Poppy's"),
    ("Jayden's school have called a meeting", "Jayden's"),
])
def test_a_childs_possessive_before_school_is_a_name(council_screen: Screen, text: str,  # noqa: F811
                                                     words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


@pytest.mark.parametrize("text", [
    "the DSL at St Mary's School rang",
    "she goes to St Joseph's Primary School",
])
def test_a_saints_school_is_still_a_school(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert kinds(council_screen, text) == ["school"]


# -- the everyday texts closest to each rule still pass
@pytest.mark.parametrize("text", [
    "Grace period for the plan",
    "there is hope the family engage",
    "Hope is a theme in his drawings",
    "should the smiths' report be read",
    "the Smiths report",
    "the PLO threshold",
    "NI number is not needed for a referral",
    "summer holidays are a risk for missing episodes",
    "help the family feel safe",
    "help them feel safe at contact",
    "the D.O.H. guidance",
    "(e.g. a CIN plan)",
    "i.e. the child was not seen",
    "the visit is at 10 a.m. and the review at 2 p.m.",
    "they moved from the U.K. last year",
    "should May be the deadline for the review",
    "will Summer be a risky time for missing episodes",
    "can Will be the one to chair it",
    "the Greens have a policy on it",
    "the Services have agreed to fund it",
    "case CR-382070 was audited",
    "CR382070 and CR 382071 were both audited",
    "ref AB123456 is the case",
    "the school attendance is 60%, is that neglect",
    "the council's school admissions team",
    "the child's school have called a meeting",
])
def test_ordinary_texts_stay_clean(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []
