"""A team is named by its id, its name, or a short form social care uses (trial 23: `teams=north,cic` was refused):
CiC, LAC and CLA are children in care, CIN child in need, CP child protection; a team's initials work too."""

from __future__ import annotations

import pytest

from bot.core.teams import team_matches

NAMES = {"north-assessment": "North Assessment Team", "south-cin-cp": "South Child in Need and Protection",
         "children-in-care": "Children in Care Team"}


@pytest.mark.parametrize(("typed", "team"), [
    ("cic", "children-in-care"), ("CiC", "children-in-care"), ("lac", "children-in-care"),
    ("cla", "children-in-care"), ("cict", "children-in-care"), ("cin", "south-cin-cp"), ("CP", "south-cin-cp"),
    ("child protection", "south-cin-cp"), ("north", "north-assessment"), ("nat", "north-assessment"),
    ("children-in-care", "children-in-care"), ("Children in Care Team", "children-in-care"),
])
def test_a_team_is_read_from_its_id_name_short_form_or_initials(typed: str, team: str) -> None:
    assert team_matches(NAMES, typed) == [team]


def test_a_short_form_is_not_read_where_only_words_count() -> None:
    assert team_matches(NAMES, "cic", short_forms=False) == []
    assert team_matches(NAMES, "west") == []
