"""`/audit campaign rename 3 name=… theme=…` (trial 20): a campaign created with the wrong theme could only be closed,
which cannot be undone and tells every auditor, and creating it again was refused as a name already taken. A rename
changes the name or theme of an open campaign, checked as creating checks them; nothing else changes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.campaigns.feature import CREATE_EXAMPLE
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.support.kb_helpers import all_text

LONDON = ZoneInfo("Europe/London")
QA, MANAGER = "U0QALEAD1", "U0MGRN001"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


@pytest.fixture
def campaign(engine: Engine, services: Services) -> int:
    engine.command(QA, CREATE_EXAMPLE.removeprefix("/audit "))
    [made] = store.list_campaigns(services.storage)
    return made.id


def test_a_campaign_is_renamed_and_its_theme_changed_and_nothing_else(engine: Engine, services: Services,
                                                                      campaign: int) -> None:
    before = store.allocations(services.storage, campaign)
    [reply] = engine.command(QA, f"campaign rename {campaign} name=Life story work December theme=life story work")
    assert reply.text.startswith(f"Campaign {campaign} is now **Life story work December**, theme _life story work_.")
    renamed = store.get_campaign(services.storage, campaign)
    assert (renamed.name, renamed.theme, renamed.is_open) == ("Life story work December", "life story work", True)
    assert store.allocations(services.storage, campaign) == before
    [trail] = services.storage.db.query("SELECT actor, detail FROM trail WHERE action = 'campaign.rename'")
    assert trail["actor"] == QA and "Life story" not in trail["detail"]


@pytest.mark.parametrize(("typed", "said"), [
    ("deadline=next Friday", "`rename` changes a campaign's name and theme only. Its deadline changes with"),
    ("name=Tyler Brown audits", "looks like a child's or family member's name"),
    ("", "Say what changes: `/audit campaign rename"),
])
def test_what_a_rename_cannot_do_is_refused_and_nothing_changes(engine: Engine, services: Services, campaign: int,
                                                                typed: str, said: str) -> None:
    before = store.get_campaign(services.storage, campaign)
    replies = engine.command(QA, f"campaign rename {campaign} {typed}".strip())
    assert replies[-1].kind == "error" and said in all_text(replies)
    assert store.get_campaign(services.storage, campaign) == before


def test_only_organisers_rename_and_a_closed_campaign_keeps_its_name(engine: Engine, services: Services,
                                                                    campaign: int) -> None:
    refused = engine.command(MANAGER, f"campaign rename {campaign} theme=drift")
    assert refused[-1].kind == "error" and store.get_campaign(services.storage, campaign).theme != "drift"
    engine.command(QA, f"campaign close {campaign} confirm")
    closed = engine.command(QA, f"campaign rename {campaign} theme=drift")
    assert f"Campaign {campaign} is closed, so it keeps its name and theme." in all_text(closed)
