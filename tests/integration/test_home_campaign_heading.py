"""The Home's open campaigns have a heading of their own. Trial 50: on the QA lead's Home "Campaign 1 Care leavers
winter…" sat under "== Re-audits due ==", after that section's "Start re-audit CR-551234", as if it were a re-audit."""

from __future__ import annotations

from datetime import datetime

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from handlers.blocks import reply_blocks
from tests.integration.test_campaigns import LONDON, QA

CREATE = ('campaign create name="Care leavers winter" theme="care leavers" checklist=care-leavers '
          "teams=children-in-care start=2026-12-01 deadline=2026-12-11 per-worker=1 auditors=managers moderate=50")


def test_open_campaigns_on_the_home_sit_under_their_own_heading(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):  # a Wednesday
        engine.command(QA, CREATE, surface="terminal")
        home = home_sections(engine, services, QA)
    [campaign] = [reply for reply in home if reply.text.startswith("Campaign 1 **Care leavers winter**")]
    assert campaign.title == "Campaigns in progress"
    screen = TerminalView().render(home)
    assert "== Campaigns in progress ==\nCampaign 1 Care leavers winter (care leavers)" in screen, screen
    assert reply_blocks(campaign)[0] == {"type": "header",
                                         "text": {"type": "plain_text", "text": "Campaigns in progress"}}
