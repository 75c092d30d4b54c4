"""Identifier screening: caught when present, never echoed, and case references pass untouched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy import check_case_reference, find_identifiers, nhs_number_is_valid

NAMES = frozenset({"oliver", "smith", "mason"})
PATTERN = re.compile(r"^[A-Z]{2,4}-?[0-9]{4,10}$", re.IGNORECASE)


@pytest.mark.parametrize(("text", "kind"), [
    ("NHS 943 476 5919", "nhs_number"), ("9434765919", "nhs_number"),
    ("born 12/03/2015", "date"), ("2015-03-12", "date"), ("12 March 2015", "date"), ("DOB unknown", "date"),
    ("lives near SW1A 1AA", "postcode"), ("call 07700 900123", "phone"), ("+44 20 7946 0958", "phone"),
    ("mum at someone@example.org", "email"), ("Oliver was seen alone", "name"), ("Mrs Smith", "name"),
    ("visited 12 Acacia Avenue", "address"), ("at 4 Hill Close", "address"),
])
def test_each_kind_of_identifier_is_found(text: str, kind: str) -> None:
    assert kind in [f.kind for f in find_identifiers(text, NAMES)]


@pytest.mark.parametrize("text", [
    "The child was seen alone and said they feel safe at home.", "mason is a job, not a name here",
    "3 visits in the park", "Score 12.5 of 20", "CR-123456", "943 476 5918",  # wrong check digit
])
def test_ordinary_practice_notes_pass(text: str) -> None:
    assert find_identifiers(text, NAMES) == []


def valid_nhs_numbers() -> st.SearchStrategy[str]:
    def with_check(first: str) -> str | None:
        total = sum(int(d) * w for d, w in zip(first, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        return None if check == 10 else first + str(check)
    return st.text("0123456789", min_size=9, max_size=9).map(with_check).filter(lambda n: n is not None)


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    for finding in find_identifiers(text, NAMES):
        assert finding.label


@given(valid_nhs_numbers(), st.sampled_from(["{}", "{0} {1} {2}", "{0}-{1}-{2}"]), st.sampled_from(["", "ref ", "x: "]))
def test_valid_nhs_numbers_are_always_caught(number: str, layout: str, before: str) -> None:
    assert nhs_number_is_valid(number)
    written = number if layout == "{}" else layout.format(number[:3], number[3:6], number[6:])
    assert "nhs_number" in [f.kind for f in find_identifiers(before + written + " noted", NAMES)]


@given(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=4), st.booleans(),
       st.text("0123456789", min_size=4, max_size=9))
def test_case_references_that_fit_the_pattern_are_accepted(letters: str, hyphen: bool, digits: str) -> None:
    reference = f"{letters}{'-' if hyphen else ''}{digits}"
    assert check_case_reference(f" {reference.lower()} ", PATTERN, NAMES) == reference


def test_refusals_say_what_was_found_without_echoing_it() -> None:
    with pytest.raises(UserError) as refused:
        check_case_reference("Oliver Smith", PATTERN, NAMES)
    assert "a name" in str(refused.value) and "Oliver" not in str(refused.value)
    assert "CR-123456" in str(refused.value)
    with pytest.raises(UserError, match="doesn't look like a case reference"):
        check_case_reference("case 12", PATTERN, NAMES)
