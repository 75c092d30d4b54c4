"""fix70c, end to end through Bolt over HTTP and the Slack stand-in: a moderation at night quotes a detail that could
identify a child, and its outcome DM to the worker is held for her working hours, beside an earlier held DM about the
same audit whose preview cut the reason short ("…", finding A) and one about another audit quoting a note that starts
with the same words (finding B). A QA lead removes the moderation reason in Slack; the next morning's run sends the
worker the marker in both DMs about the audit, never the words, and the DM about the other audit as it was."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.cut_short import clip
from bot.core.services import Services
from bot.storage import held_dms as held_dm_store
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.integration.test_redaction_held_dms import MANAGER, QA, REASON, WORKER, _moderated_at
from tests.support.kb_helpers import post_containing, posted_buttons
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NIGHT = datetime(2026, 12, 2, 21, 0, tzinfo=LONDON)  # a Wednesday, out of the worker's hours
MORNING = datetime(2026, 12, 3, 8, 0, tzinfo=LONDON)
QA_DM = "DU0QALEAD1"
MARKER = "[removed by QA lead (practice) on 2 Dec 2026: may identify a child]"
PREVIEW = clip(" ".join(REASON.split()), 60)  # "The child's own words are missing: his older brother, who h…"
OTHER = "Audit #999: its note on Q3 reads “The child's own words are missing…”"


def _also_held(services: Services, audit_id: int) -> None:
    """A DM about the audit quoting the moderation's reason cut short, and one about another audit whose own note
    starts with the same words."""
    for text, about in ((f"Audit #{audit_id}: the note you were asked about reads “{PREVIEW}”", audit_id),
                        (OTHER, 999)):
        message = {"text": text, "title": None, "note": None, "kind": "notice", "fields": [], "choices": []}
        held_dm_store.hold(services.storage, WORKER, json.dumps(message), MANAGER, NIGHT, MORNING, about)


def test_a_reason_removed_in_slack_reaches_the_worker_next_morning_as_the_marker(bot: RunningBot, standin,
                                                                               services: Services) -> None:
    from handlers.delivery import SlackDelivery

    audit_id = _moderated_at(NIGHT, bot.engine, services)
    _also_held(services, audit_id)
    with time_machine.travel(NIGHT + timedelta(minutes=30), tick=False):
        bot.slack.command(QA, f"redact {audit_id} mod1 may identify a child")
        asked = post_containing(standin, "cannot be undone", QA_DM)
        bot.slack.block_action(QA, "redact.confirm|0", posted_buttons(asked)["redact.confirm"], channel_id=QA_DM)
        done = post_containing(standin, f"Removed mod1 (moderation reason) from audit #{audit_id}", QA_DM)
    assert "2 held messages not yet sent were changed too" in flat(done.text, "*"), done.text
    assert standin.messages_to(WORKER) == []

    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    with time_machine.travel(datetime.combine(MORNING.date(), time(7, 59), LONDON), tick=False):
        assert runner.send_held() == 0
    with time_machine.travel(MORNING, tick=False):
        assert runner.send_held() == 3
    sent = [flat(call.text, "*") for call in standin.messages_to(WORKER)]
    [outcome] = [text for text in sent if "has been moderated" in text]
    assert outcome.endswith(f"because: {MARKER}"), outcome
    assert f"Audit #{audit_id}: the note you were asked about reads “{MARKER}”" in sent, sent
    assert OTHER in sent
    assert not any("cochlear" in text or "older brother" in text for text in sent), sent
