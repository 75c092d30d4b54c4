"""A team as people type it (bot/core/teams.py): its id, or words that start the words of one team's id or name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.teams import TeamRead, team_matches

TEAMS = {"north-assessment": "North Assessment Team", "south-cin-cp": "South Child in Need and Protection",
         "children-in-care": "Children in Care Team"}


@pytest.mark.parametrize(("typed", "team"), [
    ("north", "north-assessment"), ("North", "north-assessment"), ("north assessment", "north-assessment"),
    ("north-ass", "north-assessment"), ("assessment", "north-assessment"), ("south", "south-cin-cp"),
    ("cin cp", "south-cin-cp"), ("protection", "south-cin-cp"), ("care", "children-in-care"),
    ("children in care team", "children-in-care"), ("CHILDREN-IN-CARE", "children-in-care"),
])
def test_enough_of_one_team_s_id_or_name_reads_as_that_team(typed: str, team: str) -> None:
    assert team_matches(TEAMS, typed) == [team]


@pytest.mark.parametrize(("typed", "teams"), [
    ("in", ["south-cin-cp", "children-in-care"]), ("team", ["north-assessment", "children-in-care"]),
    ("c", []), ("west", []), ("", []), ("north south", []),
])
def test_words_that_fit_several_teams_or_none_name_no_one_team(typed: str, teams: list[str]) -> None:
    assert team_matches(TEAMS, typed) == teams


@given(st.sampled_from(sorted(TEAMS)), st.sampled_from([str.lower, str.upper, str.title]),
       st.sampled_from(["-", " ", "_"]))
def test_a_team_id_or_name_in_any_case_and_spacing_is_that_team(team: str, case, joiner: str) -> None:
    assert team_matches(TEAMS, case(team.replace("-", joiner))) == [team]
    assert team_matches(TEAMS, case(TEAMS[team])) == [team]


@given(st.sampled_from(sorted(TEAMS)), st.integers(min_value=2, max_value=20))
def test_a_prefix_of_a_team_id_is_that_team_or_a_choice_that_includes_it(team: str, length: int) -> None:
    found = team_matches(TEAMS, team[:length])
    assert team in found


@given(st.text(max_size=40))
def test_anything_typed_names_known_teams_only_and_one_exactly_typed_id_alone(typed: str) -> None:
    found = team_matches(TEAMS, typed)
    assert set(found) <= set(TEAMS)
    if typed.strip().lower() in TEAMS:
        assert found == [typed.strip().lower()]


def test_a_reply_says_which_team_it_read_only_when_it_was_not_typed_as_its_id() -> None:
    assert TeamRead("north-assessment", "north").note == "Team north-assessment: "
    assert TeamRead("north-assessment", "north", "North Assessment Team").note == \
        "North Assessment Team (`north-assessment`): "
    assert TeamRead("north-assessment", "North-Assessment").note == ""
