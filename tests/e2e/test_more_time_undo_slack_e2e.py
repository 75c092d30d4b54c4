"""Trial 43: in Slack, `undo` typed straight after a request for more time went to the knowledge base. Now it (or the
reply's *Withdraw* button) withdraws the request, and the auditor, whose DM asked them to answer it, is told it was
withdrawn. Signed requests into the real Bolt app; replies read back from the Web API stand-in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core import more_time_said
from bot.core.services import Services
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"


@pytest.mark.parametrize("how", ["type", "press"])
def test_undo_withdraws_the_request_just_sent_and_the_auditor_is_told(bot: RunningBot, standin, services: Services,
                                                                      how: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR)
        action = action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER,
                                         "2026-12-11", AUDITOR, MONDAY)
        worker = SlackPerson(bot, standin, WORKER)
        [sent] = worker.send("type", f"can i have more time on action {action} until end of jan")
        assert "Type `undo` (or press Withdraw)" in sent.text
        assert [(c.label, c.value) for c in sent.choices] == [("Withdraw", f"{action}:1")]
        [withdrawn] = worker.send("type", "undo") if how == "type" else worker.send(
            "press", f"more_time.withdraw|{action}:1")
    assert withdrawn.text.startswith(f"I've withdrawn your request for more time on action {action} (_Arrange the "
                                     "statutory visit_, audit #1, CR-123456) and told Team manager (South).")
    told = SlackPerson(bot, standin, AUDITOR)._dm_posts()
    assert told[0].params["text"].startswith(f"Social worker N1 asks for more time on action {action}")
    assert told[-1].params["text"].startswith(f"Social worker N1 withdrew their request for more time on action "
                                              f"{action}, _Arrange the statutory visit_")
    asked = requests.latest(services.storage, action)
    assert asked is not None and more_time_said.state_of(asked, "2026-12-11") == more_time_said.WITHDRAWN
