"""Trial 62 (F8) through Slack: a worker has left; their team manager's Home tab says how many of their actions wait
to be handed over and the command to do it, she types it in her DM, is asked once with how many and to whom, presses
*Yes, hand them over*, and the new owner gets one DM listing them while the leaver gets none. Signed requests into
the real Bolt app; replies, DMs and the Home view read back from the Web API stand-in."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.action_rows import open_action
from tests.support.slack_standin import dm_channel_for
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # in the workers' hours
MANAGER, N2, LEFT = "U0MGRN001", "U0PRAN002", "U0GONE001"  # LEFT was Social worker G1 of North, now in no team


def _left_with_actions(services: Services) -> list[int]:
    """Two open actions of G1 on North's cases, one overdue; G1 is remembered by name but no longer in teams.yaml."""
    services.settings = replace(services.settings, directory=replace(services.directory,
                                                                     former={LEFT: "Social worker G1"}))
    return [open_action(services.storage, due, owner=LEFT, auditor=MANAGER, team="north-assessment",
                        case_ref=case, text=text)[1]
            for due, case, text in ((date(2026, 12, 2), "CR-100300", "Update the chronology"),
                                    (date(2026, 12, 18), "CR-100301", "Book a core group"))]


def _home_text(bot: RunningBot, standin, user: str) -> str:
    before = len(standin.calls_to("views.publish"))
    bot.slack.app_home_opened(user)
    view = standin.wait_for("views.publish", count=before + 1)[-1].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    return flat(json.dumps(view, ensure_ascii=False))


def test_a_manager_sees_a_leavers_actions_on_home_and_hands_them_over_with_one_press(bot: RunningBot, standin,
                                                                                      services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        made = _left_with_actions(services)
        home = _home_text(bot, standin, MANAGER)
        manager = SlackPerson(bot, standin, MANAGER)
        [asked] = manager.send("message", "hand over all of G1's actions to N2")
        assert [action_store.get_action(services.storage, n).owner_id for n in made] == [LEFT, LEFT]
        [done] = manager.send("press", f"handover_all.yes|{LEFT}:{N2}")
        new = SlackPerson(bot, standin, N2)._dm_posts()
    assert "Social worker G1 has left: 2 open actions to hand over (1 overdue)" in home
    assert "`hand over G1's actions to &lt;name&gt;`" in home
    assert asked.text.startswith("Hand all 2 of Social worker G1's open actions (1 overdue, on 2 cases) to "
                                 "*Social worker N2*?")
    assert "Social worker G1 has left, so isn't told" in asked.text
    assert [(c.label, c.value) for c in asked.choices] == [("Yes, hand them over", f"{LEFT}:{N2}"),
                                                            ("No, leave them", LEFT)]
    assert done.text.startswith("Done: 2 actions that were Social worker G1's are now Social worker N2's")
    [dm] = new
    assert dm.params["text"].startswith("Team manager (North) gave you 2 actions that were Social worker G1's:")
    assert "Update the chronology" in dm.params["text"] and "Book a core group" in dm.params["text"]
    assert not [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(LEFT)]
    assert [action_store.get_action(services.storage, n).owner_id for n in made] == [N2, N2]
