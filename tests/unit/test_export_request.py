"""What follows `/audit export` (fix43b): `since <date>` and `without case refs`, in either order; anything else is
the usage in one line, never an export of something not asked for or an error without words."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.export_request import Request, read_request
from bot.digests.export_sent import first_day
from bot.errors import UserError
from tests.support.examples import examples

TODAY = date(2026, 12, 6)  # a Sunday in Q3 2026/27 (October to December)
LEAVE_OUT = ["without case refs", "without case references", "no case refs", "Without Case Refs"]


def test_nothing_after_it_is_this_quarter_with_case_references() -> None:
    assert read_request("") == Request(False, None)
    assert first_day(None, TODAY) == (date(2026, 10, 1), "the start of Q3 2026/27")


@pytest.mark.parametrize("words", ["since september", "from 1 September", "since 1/9/2026", "since 2026-09-01"])
def test_a_start_day_is_read_as_every_date_is(words: str) -> None:
    request = read_request(words)
    assert request.without_refs is False and first_day(request.since, TODAY)[0] == date(2026, 9, 1)


def test_a_day_to_come_and_a_day_that_is_none_are_refused_with_why() -> None:
    with pytest.raises(UserError, match="is in the future"):
        first_day("1/1/2030", TODAY)
    with pytest.raises(UserError, match="not a real date"):
        first_day("32/13/2026", TODAY)


@settings(max_examples=examples(60))
@given(day=st.dates(min_value=date(2020, 1, 1), max_value=TODAY),
       shape=st.sampled_from(["{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}"]),
       leave_out=st.sampled_from([None, *LEAVE_OUT]), before=st.booleans())
def test_a_typed_day_and_the_sharing_version_come_back_as_typed(day: date, shape: str, leave_out: str | None,
                                                                before: bool) -> None:
    since = "since " + shape.format(d=day.day, m=day.month, y=day.year)
    words = since if leave_out is None else (f"{leave_out} {since}" if before else f"{since}, {leave_out}")
    request = read_request(words)
    assert request.without_refs is (leave_out is not None)
    assert first_day(request.since, TODAY)[0] == day


@settings(max_examples=examples(200))
@given(st.text(max_size=80))
def test_any_words_are_an_export_asked_for_or_the_usage_never_a_crash(text: str) -> None:
    try:
        request = read_request(text)
    except UserError as refused:
        assert "`/audit export" in str(refused)
        return
    try:
        start, _named = first_day(request.since, TODAY)
    except UserError:
        return
    assert start <= TODAY


@pytest.mark.parametrize("words", ["south", "south team", "team south", "--team south", "the south team",
                                   "South Team, without case refs", "south since september",
                                   "since september team south", "--team=south from 1/9/2026"])
def test_a_team_typed_comes_back_as_its_own_words(words: str) -> None:
    """fix44f: `/audit export south` was the usage; every way of saying the team gives `south`."""
    assert (read_request(words).team or "").lower() == "south"


@pytest.mark.parametrize("words", ["", "all teams", "every team", "since september", "without case refs"])
def test_no_team_typed_is_every_team_the_person_may_export(words: str) -> None:
    assert read_request(words).team is None


@settings(max_examples=examples(100))
@given(team=st.from_regex(r"[a-z][a-z ]{1,20}[a-z]", fullmatch=True),
       shape=st.sampled_from(["{t}", "{t} team", "team {t}", "--team {t}"]),
       since=st.sampled_from([None, "since 1/9/2026", "from september"]), leave_out=st.booleans())
def test_a_team_with_a_start_day_and_the_sharing_version_comes_back_as_typed(team: str, shape: str,
                                                                              since: str | None,
                                                                              leave_out: bool) -> None:
    """Whatever team words are typed, with or without a start day and `without case refs`, the team comes back
    (less the word `team`, and `the`/`my`/`our` before it), the day and the choice too."""
    words = " ".join(part for part in (shape.format(t=team), since, "without case refs" if leave_out else None)
                     if part)
    blocked = any(word in team.split() for word in ("since", "from", "team", "without", "no", "the", "my", "our",
                                                    "for", "of", "all", "every", "whole", "own", "teams", "case"))
    if blocked:  # words of the command itself: no team of their own
        return
    request = read_request(words)
    assert request.team == " ".join(team.split())
    assert request.without_refs is leave_out
    assert request.since == (since.split(" ", 1)[1] if since else None)


DAY_SHAPES = ["{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}", "{d} {month} {y}", "{d} {mon} {y}", "the {d} of {month} {y}"]
TEAM_WORDS = ["south", "north", "south team", "the north team", "children in care", "cic", "north-assessment",
              "south-cin-cp", "south child in need and protection"]


@settings(max_examples=examples(150))
@given(day=st.dates(min_value=date(2020, 1, 1), max_value=TODAY), shape=st.sampled_from(DAY_SHAPES),
       team=st.sampled_from(TEAM_WORDS), team_first=st.booleans(), word=st.sampled_from(["since", "from"]),
       leave_out=st.booleans())
def test_a_day_and_a_team_in_either_order_are_read_apart(day: date, shape: str, team: str, team_first: bool,
                                                         word: str, leave_out: bool) -> None:
    """Trial 45: `/audit export since 1/9/2026 south` read `1/9/2026 south` as the date. Any date, any team, either
    order: that date and that team."""
    since = f"{word} " + shape.format(d=day.day, m=day.month, y=day.year, month=f"{day:%B}", mon=f"{day:%b}")
    words = f"{team} {since}" if team_first else f"{since} {team}"
    request = read_request(f"{words} without case refs" if leave_out else words)
    assert first_day(request.since, TODAY)[0] == day
    assert request.team == team.removeprefix("the ").removesuffix(" team")
    assert request.without_refs is leave_out


@pytest.mark.parametrize(("words", "team"), [("since 1/9/2026 south", "south"),
                                             ("south since 1/9/2026", "south"),
                                             ("since 1 sept 2026 south team", "south"),
                                             ("since 1/9/2026 the south team", "south"),
                                             ("since september north and south", "north and south"),
                                             ("north since 1/9/2026 south", "north, south")])
def test_the_team_after_the_day_is_not_read_as_part_of_it(words: str, team: str) -> None:
    request = read_request(words)
    assert first_day(request.since, TODAY)[0] == date(2026, 9, 1) and request.team == team
