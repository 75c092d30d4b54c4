"""A campaign is "campaign 1", never "#1", which is always audit 1 (`/audit show 1`) (trial 23: "Campaign #1" read as
an audit's number): in the reply that creates it, the campaign list, its progress, the Home and its errors."""

from __future__ import annotations

from datetime import datetime

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.integration.test_campaigns import LONDON, QA


def test_no_reply_about_a_campaign_writes_its_number_with_a_hash(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        [created, *_] = engine.command(QA, 'campaign create name="Neglect December" theme=neglect checklist=neglect '
                                           "teams=north,south start=2026-12-01 deadline=2026-12-11 per-worker=1 "
                                           "auditors=managers moderate=50", surface="terminal")
        listed = engine.command(QA, "campaign", surface="terminal")
        progress = engine.command(QA, "campaign 1", surface="terminal")
        home = home_sections(engine, services, QA)
        missing = engine.command(QA, "campaign 9", surface="terminal")
    assert created.text.startswith("Campaign 1 **Neglect December** is created for North Assessment Team")
    assert "Campaign 1 **Neglect December** (neglect): 1 Dec to 11 Dec 2026, open" in listed[0].text
    assert progress[0].text.startswith("Campaign 1 **Neglect December** (neglect)")
    assert missing[0].text.startswith("There is no campaign 9 you can see.")
    for reply in [created, *listed, *progress, *home, *missing]:
        assert "ampaign #" not in reply.text, reply.text

