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
from tests.integration.test_campaigns import QA, create
from tests.support.cli import run_cli

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


OVERDUE_DAY = datetime(2026, 12, 22, 10, 0, tzinfo=LONDON)  # the bot was not running when the deadline day ended
OVERDUE = "to 11 Dec 2026, open, overdue: its deadline passed 7 working days ago"
CLOSE = "is past its deadline and still open: close it with `{} 1`. Its report then goes to the QA channel"


def test_an_open_campaign_past_its_deadline_is_listed_as_overdue_with_how_to_close_it(
        engine: Engine, services: Services, environ) -> None:
    with time_machine.travel(CREATED, tick=False):
        campaign_id = create(engine)
    with time_machine.travel(OVERDUE_DAY, tick=False):
        [listed] = engine.command(QA, "campaign", surface="terminal")
        [shown] = engine.command(QA, f"campaign {campaign_id}", surface="terminal")
        [managers] = engine.command(TWO_CASES, "campaign", surface="terminal")
        cli_list = run_cli(environ, "campaign", "list").out
        cli_show = run_cli(environ, "campaign", "show", str(campaign_id)).out
    for said in (listed.text, shown.text):
        assert OVERDUE in said.replace("**", "") and CLOSE.format("/audit campaign close") in said
    assert OVERDUE in managers.text.replace("**", "") and "close it" not in managers.text  # a manager can't
    for said in (cli_list, cli_show):
        assert OVERDUE in said and CLOSE.format("audit-bot campaign close").replace("`", "") in said
    with time_machine.travel(CREATED, tick=False):
        [before] = engine.command(QA, "campaign", surface="terminal")
    assert "1 Dec to 11 Dec 2026, open" in before.text and "overdue" not in before.text


def test_a_campaign_before_its_start_is_listed_as_not_started_with_its_first_day(engine: Engine) -> None:
    """Trial 21: created on a Saturday to start on Monday, it was listed "open" though no case could be started."""
    with time_machine.travel(datetime(2026, 11, 28, 10, 0, tzinfo=LONDON), tick=False):  # Saturday before 1 Dec
        create(engine)
        [listed] = engine.command(QA, "campaign", surface="terminal")
    assert ("1 Dec to 11 Dec 2026, not started yet: its cases can be started from Tuesday 1 December 2026"
            in listed.text.replace("**", ""))
    with time_machine.travel(CREATED, tick=False):
        [started] = engine.command(QA, "campaign", surface="terminal")
    assert "1 Dec to 11 Dec 2026, open" in started.text and "not started" not in started.text
