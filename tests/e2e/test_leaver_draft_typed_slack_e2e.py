"""fix70b A and B through Slack: a QA lead cancels a leaver's draft in their DM with `cancel N` and a typed `yes`
(the button's answer, as any other confirmation takes it), then brings it back with a typed `restore N`, which
restored nothing before (it read as the learned-wording undo). Signed requests into the real Bolt app, replies read
back from the Web API stand-in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit

TUESDAY = datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo("Europe/London"))
QA_LEAD, LEFT = "U0QALEAD1", "U0GONE001"  # LEFT is in no team of teams.yaml: the draft's auditor has left


def test_a_qa_lead_cancels_a_leavers_draft_with_a_typed_yes_and_restores_it_typed(bot: RunningBot, standin,
                                                                                   services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        draft = insert_audit(services.storage, "CR-100700", TUESDAY, status="draft", auditor=LEFT,
                             worker="U0PRAS002", team="south-cin-cp")
        qa_lead = SlackPerson(bot, standin, QA_LEAD)
        [asked] = qa_lead.send("message", f"cancel {draft}")
        [cancelled] = qa_lead.send("message", "yes")
        status = store.get_audit(services.storage, draft).status
        [restored] = qa_lead.send("message", f"restore {draft}")
    assert asked.text.startswith(f"Cancel draft #{draft} (CR-100700) of ")
    assert f"Draft #{draft} (CR-100700)" in cancelled.text and "is cancelled: it counts nowhere" in cancelled.text
    assert f"`restore {draft}` makes it a draft again for 7 days" in cancelled.text
    assert status == "cancelled"
    assert "is a draft again, as it stood" in restored.text
    assert store.get_audit(services.storage, draft).status == "draft"
