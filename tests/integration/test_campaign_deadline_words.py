"""A campaign's deadline as auditors and organisers read it (trial 14): on the deadline day a manager with one case was
reminded "1 of your 1 allocated audits are not submitted yet", and `/audit campaign mine 1` said "by Thursday 25 March
2027" without a word that this was today. The service, without Slack, on a pinned clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from schedules.jobs import reminders_job
from tests.integration.test_campaign_home_to_audit import _to_audit
from tests.integration.test_campaigns import create

LONDON = ZoneInfo("Europe/London")
CREATED = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
DEADLINE_DAY = datetime(2026, 12, 11, 9, 40, tzinfo=LONDON)  # the campaign `create` makes runs to Friday 11 December
ONE_CASE, TWO_CASES = "U0MGRS001", "U0MGRN001"  # managers with one and two of its cases


def test_on_the_deadline_day_the_reminder_reads_right_and_the_deadline_is_said_to_be_today(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(CREATED, tick=False):
        campaign_id = create(engine)
    with time_machine.travel(DEADLINE_DAY, tick=False):
        sent = {o.recipient: o.replies[0].text for o in reminders_job(services, services.clock())}
        [mine] = engine.command(ONE_CASE, f"campaign mine {campaign_id}", surface="terminal")
        [home] = _to_audit(engine, services, ONE_CASE)
    assert "Neglect December**: your allocated audit is not submitted yet; the campaign is due today." in sent[ONE_CASE]
    assert "your 2 allocated audits are not submitted yet" in sent[TWO_CASES]
    assert "you audit 1 case against" in mine.text
    assert "by today, Friday 11 December 2026." in mine.text.replace("**", "")
    assert "You are to audit: 1 case by today, Friday 11 December 2026" in home.text.replace("**", "")
