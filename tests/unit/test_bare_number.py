"""One rule for "a number on its own" (bot.audits.flow.is_bare_number). Two had grown apart: the actions step's
regex (`2`, `#2`, `2.`, `2)`, at most 9 digits) and the rule for text answers, the strengths and areas for
development and reflections, which also took a sign, decimals, thousands separators, `# 2`, repeated closing marks
and any length. The shared rule is the second, the stricter for what a person may store: none of the extra forms
(`-1`, `2.5`, `1,200`) says what must happen for a child, and an action goes to its owner and the worker."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import is_bare_number

# Text built from what a number on its own is typed with, so the strategy finds the edges.
NUMBERISH = st.text(st.sampled_from(list("0123456789#.),+- \t\n\u00a0\u0663")), max_size=14)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "#", "# "]),
       st.sampled_from(["", ".", ")", " .", "..", ".)"]))
def test_a_menu_number_however_it_is_marked_is_a_bare_number(number: int, before: str, after: str) -> None:
    assert is_bare_number(f"{before}{number}{after}")


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(["", "+"]), st.booleans(),
       st.sampled_from(["", ".5", ".25"]), st.sampled_from(["", "#", "# "]), st.sampled_from(["", ".", ")"]))
def test_a_number_written_as_a_number_question_takes_it_is_a_bare_number(
        number: int, sign: str, grouped: bool, decimals: str, before: str, after: str) -> None:
    """`-1`, `+2`, `2.5`, `1,200` and any length: the forms the actions step's own rule let through as an action."""
    written = (sign if number >= 0 else "") + (f"{number:,}" if grouped else str(number)) + decimals
    assert is_bare_number(f"{before}{written}{after}")


@given(st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), min_size=1, max_size=5),
       st.integers(min_value=0, max_value=999))
def test_words_with_a_number_are_never_a_bare_number(words: list[str], number: int) -> None:
    assert not is_bare_number(f"{number} {' '.join(words)}") and not is_bare_number(f"{' '.join(words)} {number}")


@given(NUMBERISH, NUMBERISH, st.sampled_from(list("xXaZé")))
def test_a_letter_anywhere_makes_it_words(before: str, after: str, letter: str) -> None:
    assert not is_bare_number(f"{before}{letter}{after}")
