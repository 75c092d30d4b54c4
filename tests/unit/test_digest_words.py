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
PERIODS = ["this week", "last week", "last week's", "this week so far", "last month", "this month", "november",
           "this quarter", "last quarter", "q3", "since september", "last 6 months", "lst month"]
JOINERS = [" vs ", " and ", " & ", ", ", " versus "]


@given(teams=st.lists(st.sampled_from(TEAMS), min_size=1, max_size=2, unique=True), period=st.sampled_from(PERIODS),
       joiner=st.sampled_from(JOINERS), team_word=st.booleans(), period_first=st.booleans(),
       comma=st.booleans())
def test_every_order_of_teams_and_a_period_reads_as_the_canonical_form(
        teams: list[str], period: str, joiner: str, team_word: bool, period_first: bool, comma: bool) -> None:
    canonical = arranged(f"{period} {' vs '.join(teams)}", NAMES, SATURDAY)
    typed_teams = joiner.join(f"team {team}" if team_word else team for team in teams)
    parts = [period, typed_teams] if period_first else [typed_teams, period]
    assert arranged(("," if comma else "").join(f" {part} " for part in parts), NAMES, SATURDAY) == canonical


@pytest.mark.parametrize(("typed", "canonical"), [
    ("north vs south last week", "last week north vs south"),
    ("team north last week", "last week north"),
    ("north and south, this week", "this week north vs south"),
    ("south child in need and protection lst month", "last month south child in need and protection"),
    ("last week", "last week"), ("north", "north"), ("", ""), ("service", "service"),
    ("north last fortnight", "north last fortnight"),  # no period read: said so by the digest
])
def test_the_words_are_arranged_period_first(typed: str, canonical: str) -> None:
    assert arranged(typed, NAMES, SATURDAY) == canonical


@pytest.mark.parametrize("typed", ["digest north vs south last week", "digest north and south this week",
                                   "digest team north & team south last month", "digest north, south, q3",
                                   "digest south child in need and protection last week",
                                   "digest last week children in care vs north"])
def test_teams_and_a_period_typed_after_digest_run_the_digest(command_shapes: Shapes, typed: str) -> None:
    reading = read_typed(typed, command_shapes)
    assert reading is not None and reading.runs and reading.name == "digest", reading
