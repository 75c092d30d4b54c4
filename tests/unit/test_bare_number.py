"""One rule for "a number on its own" (bot.audits.flow.is_bare_number). Two had grown apart: the actions step's
regex (`2`, `#2`, `2.`, `2)`, at most 9 digits) and the rule for text answers, the strengths and areas for
development and reflections, which also took a sign, decimals, thousands separators, `# 2`, repeated closing marks
and any length. The shared rule is the second, the stricter for what a person may store: none of the extra forms
(`-1`, `2.5`, `1,200`) says what must happen for a child, and an action goes to its owner and the worker."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import is_bare_number

# The two rules as they were, kept here to compare with the one that replaced them.
OLD_ACTIONS_REGEX = re.compile(r"^\s*#?\d{1,9}\s*[.)]?\s*$")
_OLD_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def old_words_rule(text: str) -> bool:
    return _OLD_NUMBER.match(text.strip().lstrip("#").rstrip(".)").strip()) is not None


# Text built from what a number on its own is typed with, and a letter, so the strategy finds the edges.
NUMBERISH = st.text(st.sampled_from(list("0123456789#.),+- \t\n\u00a0\u0663x")), max_size=14)


@given(st.one_of(NUMBERISH, st.text(max_size=20)))
def test_the_shared_rule_accepts_exactly_what_either_rule_accepted(text: str) -> None:
    before = old_words_rule(text) or OLD_ACTIONS_REGEX.match(text) is not None
    assert is_bare_number(text) == before
    assert is_bare_number(text) == old_words_rule(text)  # the actions step's rule took nothing the other did not


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "#", "# "]),
       st.sampled_from(["", ".", ")", " .", "..", ".)"]))
def test_a_menu_number_however_it_is_marked_is_a_bare_number(number: int, before: str, after: str) -> None:
    assert is_bare_number(f"{before}{number}{after}")


@given(st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), min_size=1, max_size=5),
       st.integers(min_value=0, max_value=999))
def test_words_with_a_number_are_never_a_bare_number(words: list[str], number: int) -> None:
    assert not is_bare_number(f"{number} {' '.join(words)}") and not is_bare_number(f"{' '.join(words)} {number}")
