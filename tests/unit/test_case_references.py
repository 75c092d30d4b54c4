"""One case, one form: however a case reference is typed (case, hyphen, one space), it is stored, compared and
shown as the letters, a hyphen and the digits in upper case (`CR-382070`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.campaigns.casefile import parse_cases_csv
from bot.errors import UserError
from bot.privacy.screen import (
    Screen,
    canonical_case_reference,
    check_case_reference,
    typed_case_reference,
    without_case_references,
)
from bot.settings.config import DEFAULTS
from bot.settings.people import Directory

PATTERN = re.compile(DEFAULTS["case_reference_pattern"], re.IGNORECASE)  # the shipped default


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str]:
    """(a way of typing a reference the default pattern accepts, its canonical form)."""
    letters = draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=4))
    digits = draw(st.text("0123456789", min_size=4, max_size=9))
    written = "".join(c.lower() if draw(st.booleans()) else c for c in letters)
    between = draw(st.sampled_from(["", "-", " "]))
    around = draw(st.sampled_from(["", " ", "  ", "\t"]))
    return f"{around}{written}{between}{digits}{around}", f"{letters}-{digits}"


@given(spellings())
def test_every_accepted_spelling_is_one_canonical_reference_and_that_form_is_a_fixed_point(
        identifier_screen: Screen, spelling: tuple[str, str]) -> None:
    typed, canonical = spelling
    assert canonical_case_reference(typed) == canonical
    assert canonical_case_reference(canonical) == canonical  # a fixed point
    assert PATTERN.fullmatch(canonical)
    digits = canonical.partition("-")[2]
    try:
        accepted = check_case_reference(typed, PATTERN, identifier_screen)
    except UserError as refused:  # only ever the identifier screen ('Sam1234' reads as a name), never the pattern
        assert "so I have not stored it" in str(refused)
    else:
        assert accepted == canonical
        assert check_case_reference(accepted, PATTERN, identifier_screen) == canonical
    if not (" " in typed.strip() and re.fullmatch(r"(19|20)\d\d", digits)):  # `CA 1989` alone is a question
        assert typed_case_reference(typed, PATTERN) == canonical


@pytest.mark.parametrize("typed", ["cr382070", "CR382070", "CR 382070", "Cr-382070", " cr - 382070 ", "CR‑382070"])
def test_the_trial_spellings_are_one_case(identifier_screen: Screen, typed: str) -> None:
    assert check_case_reference(typed, PATTERN, identifier_screen) == "CR-382070"


def test_a_pattern_written_without_the_hyphen_still_takes_references_and_stores_the_one_form(
        identifier_screen: Screen) -> None:
    no_hyphen = re.compile(r"^[A-Z]{2}[0-9]{6}$", re.IGNORECASE)
    assert check_case_reference("cr382070", no_hyphen, identifier_screen) == "CR-382070"
    assert check_case_reference("CR-382070", no_hyphen, identifier_screen) == "CR-382070"


def test_a_spaced_reference_is_one_word_when_left_out_for_a_wider_audience() -> None:
    assert without_case_references("timescales for CR 382070?", PATTERN) == "timescales for [a case reference]?"
    assert without_case_references("what the CA 1989 says", PATTERN) == "what the CA 1989 says"  # a year


def test_a_campaign_case_list_stores_the_one_form_and_sees_one_case_written_twice(
        identifier_screen: Screen, settings) -> None:
    directory: Directory = settings.directory
    [case] = parse_cases_csv("cr382070,U0PRAN001\n", PATTERN, identifier_screen, directory, ["north-assessment"])
    assert case.case_ref == "CR-382070"
    with pytest.raises(UserError, match="CR-382070 is listed twice"):
        parse_cases_csv("CR382070,U0PRAN001\ncr 382070,U0PRAN001\n", PATTERN, identifier_screen, directory,
                        ["north-assessment"])
