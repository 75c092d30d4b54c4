"""A line is split where a new question starts however many spaces were typed: every line goes through the split
since trial 44, and a run of 20,000 spaces once held the bot for minutes (the split was tried at each space)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.core.also_asked import parts


@given(st.integers(1, 20_000), st.sampled_from([" ", "\t", " \t"]))
def test_a_run_of_spaces_splits_as_one_space(width: int, space: str) -> None:
    typed = f"done 18{space * width}and when is the icpc due"

    assert parts(typed) == ["done 18", "when is the icpc due"]


def test_a_new_line_still_starts_a_new_part() -> None:
    assert parts("done 18   \n   how do i reflect") == ["done 18", "how do i reflect"]
