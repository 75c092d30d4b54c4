"""Trial 50: `digest north vs south last week` was taken for a knowledge question and `digest north last week` was "I
couldn't read `north last week` as a period". The words after `digest` are put in one order, the period first and
the teams joined by "vs" (bot.digests.digest_words.arranged), so every order typed gives the canonical form's
digest; and the line is the digest command, never a question (its typed shape)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.digests.digest_words import arranged
from bot.engine.near_miss import Shapes, read_typed

NAMES = {"north-assessment": "North Assessment Team", "south-cin-cp": "South Child in Need and Protection",
         "children-in-care": "Children in Care Team"}
SATURDAY = date(2026, 12, 5)  # any day: only the words' order is read here, not the dates
TEAMS = ["north", "south", "children in care", "cic", "north-assessment", "south child in need and protection"]
# which team each names: teams typed together are different teams ("south and south child in need and protection"
# names one team twice, and "and" is in its name)
TEAM_OF = {"north": "n", "north-assessment": "n", "south": "s", "south child in need and protection": "s",
           "children in care": "c", "cic": "c"}
PERIODS = ["this week", "last week", "last week's", "this week so far", "last month", "this month", "november",
           "this quarter", "last quarter", "q3", "since september", "last 6 months", "lst month"]
JOINERS = [" vs ", " and ", " & ", ", ", " versus "]


@given(teams=st.lists(st.sampled_from(TEAMS), min_size=1, max_size=3, unique_by=TEAM_OF.__getitem__),
       period=st.sampled_from(PERIODS), joiner=st.sampled_from(JOINERS), team_word=st.booleans(),
       where=st.integers(min_value=0, max_value=3),
       before_joiner=st.booleans(), comma=st.booleans())
def test_every_order_of_teams_and_a_period_reads_as_the_canonical_form(
        teams: list[str], period: str, joiner: str, team_word: bool, where: int, before_joiner: bool,
        comma: bool) -> None:
    """The period first, last, or between any two teams on either side of the word joining them (fix53c: `north
    last week vs south` was "I couldn't read `north last week` as a period")."""
    canonical = arranged(f"{period} {' vs '.join(teams)}", NAMES, SATURDAY)
    typed = [f"team {team}" if team_word else team for team in teams]
    where = min(where, len(typed))
    if 0 < where < len(typed):  # between two teams: "north last week vs south" or "north vs last week south"
        gap = f" {period}{joiner}" if before_joiner else f"{joiner}{period} "
        said = joiner.join(typed[:where]) + gap + joiner.join(typed[where:])
    else:
        parts = [period, joiner.join(typed)] if where == 0 else [joiner.join(typed), period]
        said = ("," if comma else "").join(f" {part} " for part in parts)
    assert arranged(said, NAMES, SATURDAY) == canonical, said


@pytest.mark.parametrize(("typed", "canonical"), [
    ("north vs south last week", "last week north vs south"),
    ("team north last week", "last week north"),
    ("north and south, this week", "this week north vs south"),
    ("south child in need and protection lst month", "last month south child in need and protection"),
    ("last week", "last week"), ("north", "north"), ("", ""), ("service", "service"),
    ("north last fortnight", "north last fortnight"),  # no period read: said so by the digest
    ("north last week vs south", "last week north vs south"), ("north, last week, south", "last week north vs south"),
    ("north vs last month & children in care", "last month north vs children in care"),
])
def test_the_words_are_arranged_period_first(typed: str, canonical: str) -> None:
    assert arranged(typed, NAMES, SATURDAY) == canonical


@pytest.mark.parametrize("typed", ["digest north vs south last week", "digest north and south this week",
                                   "digest team north & team south last month", "digest north, south, q3",
                                   "digest south child in need and protection last week",
                                   "digest last week children in care vs north", "digest north last week vs south"])
def test_teams_and_a_period_typed_after_digest_run_the_digest(command_shapes: Shapes, typed: str) -> None:
    reading = read_typed(typed, command_shapes)
    assert reading is not None and reading.runs and reading.name == "digest", reading
