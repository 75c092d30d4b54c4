"""`reject 3 wrong entry` read as the learned wording's number and the QA lead's reason (trial 51, F22)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.asking.learned_admin import REJECT_WITH_REASON

REASON = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda text: text.strip() != "" and not text.lstrip(" -:,–—&#").startswith(tuple("0123456789"))
    and not text.strip().lower().startswith("and"))


@given(st.integers(min_value=1, max_value=999_999), REASON)
def test_any_reason_after_the_number_is_read_with_that_number(number: int, reason: str) -> None:
    found = REJECT_WITH_REASON.fullmatch(f"reject {number} {reason.strip()}")
    assert found is not None and found.group(1) == str(number)
    assert found.group(2).strip() != ""


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from([" ", " and ", " & ", ", "]))
def test_two_numbers_are_never_one_with_a_reason(first: int, second: int, joined: str) -> None:
    assert REJECT_WITH_REASON.fullmatch(f"reject {first}{joined}{second}") is None
