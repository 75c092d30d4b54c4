"""Trial 50: `digest` with a team and a period failed in several word orders. `digest north vs south last week` was
"I don't know that yet" and went onto the QA leads' list, `digest north last week` and `digest team north last week`
were "I couldn't read … as a period", and `digest north and south last week` was "I'm not sure which of these you
mean". The team or teams (joined by vs, and, & or a comma, with or without `team`) and the period are now read in
any order after `digest` (bot.digests.digest_words). The clock is pinned to the trial day (Saturday 5 December
2026), so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

HEAD = "U0ADMIN01"
BOTH_LAST_WEEK = "Audit digest for North Assessment Team and South Child in Need and Protection: week 48, 23 Nov"
BOTH_THIS_WEEK = "Audit digest for North Assessment Team and South Child in Need and Protection: week 49, 30 Nov"
NORTH_LAST_WEEK = "North Assessment Team: week 48, 23 Nov to 29 Nov 2026"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize(("typed", "expected"), [
    ("digest north vs south last week", BOTH_LAST_WEEK),
    ("digest north vs south this week", BOTH_THIS_WEEK),
    ("digest north last week", NORTH_LAST_WEEK),
    ("digest team north last week", NORTH_LAST_WEEK),
    ("digest north and south last week", BOTH_LAST_WEEK),
    ("digest team north & team south last week", BOTH_LAST_WEEK),
    ("digest north, south, last week", BOTH_LAST_WEEK),
    ("digest last week, north and south", BOTH_LAST_WEEK),
    ("digest north last week vs south", BOTH_LAST_WEEK),  # fix53c: the period between the teams
    ("digest north, last week, south", BOTH_LAST_WEEK),
    ("digest north vs this week & south", BOTH_THIS_WEEK),
    ("digest north vs south last month", "North Assessment Team and South Child in Need and Protection, November 2026"),
    ("digest south child in need and protection last week", "South Child in Need and Protection: week 48, 23 Nov"),
])
def test_a_team_and_a_period_are_read_in_any_order(demo: Services, engine: Engine, typed: str, expected: str) -> None:
    reply = said(engine, HEAD, typed)
    assert reply.startswith(expected), reply
    assert "I don't know that yet" not in reply and "not sure which" not in reply and "as a period" not in reply
    assert nothing_unanswered(demo)


def test_the_side_by_side_heading_names_the_teams_as_the_teams_file_writes_them(demo: Services,
                                                                               engine: Engine) -> None:
    """fix53c: the heading and the agreement line said "north assessment team and south child in need …"."""
    reply = said(engine, HEAD, "digest north vs south last week")
    assert reply.startswith("Audit digest for North Assessment Team and South Child in Need and Protection:"), reply
    assert "Moderation agreement, North Assessment Team and South Child in Need and Protection" in reply, reply
    assert "north assessment team" not in reply


@pytest.mark.parametrize("typed", ["digest north vs south last fortnight", "digest north last fortnight",
                                   "digest team north last fortnight vs south", "digest last fortnight north"])
def test_a_period_not_read_is_quoted_without_the_team_beside_it(demo: Services, engine: Engine, typed: str) -> None:
    """fix53c: `digest north vs south last fortnight` said "I couldn't read `south last fortnight` as a period"."""
    reply = said(engine, HEAD, typed)
    assert reply.startswith("I couldn't read `last fortnight` as a period. Periods I read: `this week`, `last week`, "
                            "`this month`"), reply
    assert nothing_unanswered(demo)


@pytest.mark.parametrize("typed", ["digest west last week", "digest north vs west last week",
                                   "digest north and west this week"])
def test_an_unknown_team_is_named_with_the_teams_there_are(demo: Services, engine: Engine, typed: str) -> None:
    reply = said(engine, HEAD, typed)
    assert reply.startswith("There is no team `west`. Teams: `north-assessment` (North Assessment Team)"), reply
    assert nothing_unanswered(demo)


@pytest.mark.parametrize(("canonical", "other_orders"), [
    ("digest last week north vs south", ["north vs south last week", "north and south last week",
                                         "north last week vs south", "team south & team north last week"]),
    ("digest this month north", ["north this month", "team north, this month"]),
])
def test_every_order_gives_the_digest_of_the_canonical_form(demo: Services, engine: Engine, canonical: str,
                                                          other_orders: list[str]) -> None:
    expected = said(engine, HEAD, canonical)
    for typed in other_orders:
        reply = said(engine, HEAD, f"digest {typed}")
        if "south & team north" in typed:  # the teams in the order typed: only their order differs
            assert sorted(reply.split(" • ")) == sorted(said(engine, HEAD, "digest last week south vs north")
                                                        .split(" • ")), reply
            continue
        assert reply == expected, typed
