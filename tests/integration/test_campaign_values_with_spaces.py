"""A campaign's name or checklist of two words typed without quotes (`name=Voice winter`, `checklist=child
protection`) is told to be quoted, with the QA lead's own words in quotes as the example, together with every
other mistake in the line; nothing is created. Trial 11, F17: "I don't understand 'winter'", no word of quoting, and
the Christmas Day deadline in the same line only told once it was retyped."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
WEDNESDAY = datetime(2026, 12, 16, 10, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(WEDNESDAY, tick=False) as traveller:
        yield traveller


def test_a_name_of_two_words_is_told_to_be_quoted_with_the_deadline_in_the_same_reply(engine: Engine,
                                                                                     services: Services) -> None:
    [reply] = engine.command(QA, "campaign create name=Voice winter theme=voice checklist=voice teams=north,south "
                                 "start=today deadline=25/12 per-worker=2 auditors=peer moderate=50",
                             surface="terminal")
    assert reply.kind == "error"
    lines = reply.text.splitlines()
    assert lines[0] == "Please fix these 2 things:", reply.text
    assert lines[1] == ('• A value with spaces goes in double quotes: write `name="Voice winter"`, not '
                        "`name=Voice winter`.")
    assert "Friday 25 December 2026, is a bank holiday (Christmas Day)" in lines[2]
    assert "I don't understand" not in reply.text
    assert store.list_campaigns(services.storage) == []


def test_a_checklist_of_two_words_quoted_back_and_quoting_it_creates_the_campaign(engine: Engine,
                                                                                  services: Services) -> None:
    rest = "teams=south start=today deadline=30/12 per-worker=1 auditors=managers moderate=20"
    [refused] = engine.command(QA, f'campaign create name="Xmas CP" theme=cp checklist=child protection {rest}',
                               surface="terminal")
    assert refused.text == ('A value with spaces goes in double quotes: write `checklist="child protection"`, not '
                            "`checklist=child protection`.")
    assert store.list_campaigns(services.storage) == []
    [made, *_] = engine.command(QA, f'campaign create name="Xmas CP" theme=cp checklist="child protection" {rest}',
                                surface="terminal")
    assert made.kind != "error" and "Campaign #1 **Xmas CP** is created" in made.text, made.text


WORD = st.from_regex(r"[A-Za-z][a-z]{0,8}", fullmatch=True)


@given(st.sampled_from(["name", "theme", "checklist", "teams", "auditors"]), st.lists(WORD, min_size=2, max_size=4))
def test_words_after_a_value_stay_with_it_and_are_quoted_back(key: str, words: list[str]) -> None:
    from bot.campaigns.feature import read_fields

    typed = " ".join(words)
    fields, unquoted = read_fields(f"moderate=20 {key}={typed} per-worker=1")
    assert fields == {"moderate": "20", key: typed, "per-worker": "1"}
    assert [str(mistake) for mistake in unquoted] == [
        f'A value with spaces goes in double quotes: write `{key}="{typed}"`, not `{key}={typed}`.']
    assert read_fields(f'moderate=20 {key}="{typed}" per-worker=1') == (fields, [])
