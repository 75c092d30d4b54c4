"""A campaign named by theme and season is created (trial 9, finding 5: `campaign create name="Voice of the child
winter" …` was refused, "“winter” looks like a child's or family member's name"), while a child's name in a campaign
name is still refused with the words to change. Shipped teams and checklists; the clock is pinned to Thursday
3 December 2026, the trial's day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.support.text import repeated

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
REST = ("theme=voice checklist=voice teams=north-assessment,south-cin-cp start=today deadline=next friday "
        "per-worker=1 auditors=peer moderate=50")


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2026, 12, 3, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize("name", ["Voice of the child winter", "Voice of the Child Spring 2027",
                                  "Young person summer", "Children in care: the child autumn"])
def test_a_campaign_named_by_theme_and_season_is_created(engine: Engine, services: Services, name: str) -> None:
    [created, *_] = engine.command(QA, f'campaign create name="{name}" {REST}', surface="terminal")
    assert created.kind != "error", created.text
    assert [c.name for c in store.list_campaigns(services.storage)] == [name]


def test_a_childs_name_after_the_child_in_a_campaign_name_is_still_refused(engine: Engine,
                                                                          services: Services) -> None:
    [refused] = engine.command(QA, f'campaign create name="Voice of the child ruby" {REST}', surface="terminal")
    assert refused.kind == "error"
    assert "I can't store that campaign name: “r…” looks like a child's or family member's name" in refused.text
    assert repeated("ruby", refused.text) == []
    assert store.list_campaigns(services.storage) == []
