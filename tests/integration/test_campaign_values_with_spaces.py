"""A campaign's name or checklist of two words typed without quotes (`name=Voice winter`, `checklist=child
protection`) is read whole, up to the next `key=` (trial 17; trial 11, F17 had "I don't understand 'winter'", then
a request to quote it), and the line's other mistakes are told as before."""

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


def test_a_name_of_two_words_unquoted_is_read_and_the_deadline_still_checked(engine: Engine,
                                                                            services: Services) -> None:
    [reply] = engine.command(QA, "campaign create name=Voice winter theme=voice checklist=voice teams=north,south "
                                 "start=today deadline=25/12 per-worker=2 auditors=peer moderate=50",
                             surface="terminal")
    assert reply.kind == "question"  # the two dates it may take are offered (bot.campaigns.deadline_offer)
    assert "Friday 25 December 2026, is a bank holiday (Christmas Day)" in reply.text, reply.text
    assert "quotes" not in reply.text and "I don't understand" not in reply.text
    assert store.list_campaigns(services.storage) == []


def test_a_checklist_of_two_words_quoted_or_not_creates_the_campaign(engine: Engine, services: Services) -> None:
    rest = "teams=south start=today deadline=30/12 per-worker=1 auditors=managers moderate=20"
    [made, *_] = engine.command(QA, f"campaign create name=Xmas CP theme=cp checklist=child protection {rest}",
                                surface="terminal")
    assert made.kind != "error" and "Campaign 1 **Xmas CP** is created" in made.text, made.text
    [again, *_] = engine.command(QA, f'campaign create name="Xmas CP 2" theme=cp checklist="child protection" '
                                     f"{rest}", surface="terminal")
    assert again.kind != "error" and "Campaign 2 **Xmas CP 2** is created" in again.text, again.text


WORD = st.from_regex(r"[A-Za-z][a-z]{0,8}", fullmatch=True)


@given(st.sampled_from(["name", "theme", "checklist", "teams", "auditors"]), st.lists(WORD, min_size=2, max_size=4))
def test_words_after_a_value_stay_with_it_quoted_or_not(key: str, words: list[str]) -> None:
    from bot.campaigns.feature import read_fields

    typed = " ".join(words)
    fields = read_fields(f"moderate=20 {key}={typed} per-worker=1")
    assert fields == {"moderate": "20", key: typed, "per-worker": "1"}
    assert read_fields(f'moderate=20 {key}="{typed}" per-worker=1') == fields
