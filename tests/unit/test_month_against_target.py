"""The Home tab's "Month vs target" line: a team past its target must not read as short of it ("11 of 2")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.digests.dashboard import month_against_target
from bot.digests.render import against_target


def test_a_team_past_its_target_reads_as_met() -> None:
    assert month_against_target(11, 2, "in November") == "11 in November; target 2, met"


def test_a_team_short_of_its_target_is_told_how_many_to_go() -> None:
    assert month_against_target(3, 8, "in November (to 18 November)") == ("3 in November (to 18 November); "
                                                                        "target 8, 5 to go")


def test_a_team_without_a_target_is_not_measured_against_zero() -> None:
    assert month_against_target(4, 0, "in November") == "4 in November; no monthly target set"


def test_the_service_digest_s_column_reads_as_a_count_against_a_target_not_a_date() -> None:
    assert against_target(17, 2) == "target 2, met"
    assert against_target(3, 8) == "target 8, 5 to go"
    assert against_target(4, 0) == "no monthly target set"


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=500))
def test_a_month_against_its_target_is_always_in_words(done: int, target: int) -> None:
    said = month_against_target(done, target, "in November")
    assert said.startswith(f"{done} in November; ")
    assert "/" not in said
    assert said.endswith(", met") == (target > 0 and done >= target)


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_a_month_that_has_ended_is_met_or_missed_never_to_go(done: int, target: int) -> None:
    said = against_target(done, target, ended=True)
    assert "to go" not in said
    assert said == (f"target {target}, met" if done >= target else f"target {target}, missed by {target - done}")
