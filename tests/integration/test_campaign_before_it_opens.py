"""A campaign's cases cannot be started before its start date (trial 17, the QA lead's first finding): on 4
December, `campaign mine 1` then `1` started the audit of a campaign opening on 7 December. Before then the
auditor is told when it opens and nothing is started, and the messages that give the deadline give the start
date too. Shipped teams: North (manager U0MGRN001), South (U0MGRS001), Children in Care (U0MGRC001)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_campaigns import QA
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
CREATE = ('campaign create name="Neglect December" theme=neglect checklist=neglect '
          "teams=north-assessment,south-cin-cp start=2026-12-07 deadline=2026-12-18 per-worker=1 "
          "auditors=managers moderate=20")
OPENS = "Campaign 1 opens on Monday 7 December 2026; its audits can be started from then."


def _created(engine: Engine) -> tuple[int, str]:
    """The campaign created on Friday 4 December, and the DM North's manager got."""
    [created, *dms] = engine.command(QA, CREATE, surface="terminal")
    assert created.kind != "error", created.text
    [north] = [dm for dm in dms if dm.to_user == "U0MGRN001"]
    assert north.choices == ()  # no Start button that could only refuse
    return int(created.text.split("ampaign ", 1)[1].split()[0]), flat(north.text, "*`")


def test_before_its_start_date_a_campaign_says_when_it_opens_and_starts_nothing(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 4, 10, 0, tzinfo=LONDON), tick=False):
        campaign_id, dm = _created(engine)
        assert "from Monday 7 December 2026 to Friday 18 December 2026" in dm, dm
        assert "They can be started from Monday 7 December 2026" in dm, dm
        _, out = drive(engine, [f"campaign mine {campaign_id}", "1"])
        assert "There are no options to pick from just now, so “1” picks nothing" in flat(out), out
        assert "from Monday 7 December 2026 to Friday 18 December 2026" in flat(out, "*`"), out
        allocation = store.allocations(services.storage, campaign_id, "U0MGRN001")[0]
        [refused] = engine.action("U0MGRN001", "campaign.start", str(allocation.id), surface="terminal")
        assert refused.kind == "error" and OPENS in flat(refused.text), refused.text
        assert not any(a.started for a in store.allocations(services.storage, campaign_id))
        assert "Campaign Neglect December: audit #" not in flat(out)

    with time_machine.travel(datetime(2026, 12, 7, 9, 0, tzinfo=LONDON), tick=False):
        _, out = drive(engine, [f"campaign mine {campaign_id}", "1", "CR-700100"])
        said = flat(out, "*`")
        assert "against Neglect by Friday 18 December 2026." in said, out  # opened: the deadline alone
        assert "Campaign Neglect December: audit #" in said, out
        assert store.allocations(services.storage, campaign_id, "U0MGRN001")[0].started
