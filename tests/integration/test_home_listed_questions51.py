"""Trial 51 F25 (trial 50 F8 again): Social worker C1 asked `where do i find the SWET template for court`, was told
"SWET stands for… I have no fuller entry on it yet. Your question is on the QA leads' list…", and her Home (Slack's
Block Kit and the terminal's `/audit home`) listed audits and actions but not that question: only questions passed
on, or whose entry lacked the fact asked for, were counted. Every question of hers on the QA leads' list now is."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.asking.unanswered import UNANSWERED_DAYS
from bot.core.services import Services
from bot.digests.dashboard import QA_LIST_FOR
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from handlers.blocks import reply_blocks
from knowledge.dates import short_date
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
AGENCY_WORKER, QA_LEAD = "U0PRAC001", "U0QALEAD1"
SWET = "where do i find the SWET template for court"


def coming_tuesday(hour: int) -> datetime:
    """A Tuesday at least a week on from today, at `hour`, in London: never stale."""
    start = date.today() + timedelta(days=7)
    return datetime.combine(start + timedelta(days=(1 - start.weekday()) % 7), time(hour), LONDON)


def block_kit_home(engine: Engine, services: Services) -> str:
    """The Home tab as Slack gets it: every section's blocks, as JSON text."""
    return json.dumps([block for reply in home_sections(engine, services, AGENCY_WORKER)
                       for block in reply_blocks(reply)], ensure_ascii=False)


def terminal_home(engine: Engine) -> str:
    return flat(" ".join(reply.text for reply in engine.command(AGENCY_WORKER, "home", surface="terminal")))


def test_a_glossary_answered_question_on_the_list_shows_on_the_askers_home(engine: Engine,
                                                                          services: Services) -> None:
    asked_on = coming_tuesday(10)
    with time_machine.travel(asked_on, tick=False):
        told = " ".join(reply.text for reply in engine.message(AGENCY_WORKER, SWET, surface="terminal"))
    assert "Your question is on the QA leads' list" in told
    waiting = f"1 question with the QA leads, waiting since {short_date(asked_on.date(), year=False)}"
    with time_machine.travel(asked_on + timedelta(hours=2), tick=False):
        assert waiting in block_kit_home(engine, services)
        assert waiting in terminal_home(engine)
        engine.command(QA_LEAD, "kb answer 1 Use the SWET on the court templates page of the intranet.")
        engine.message(QA_LEAD, "yes")
        assert "with the QA leads" not in block_kit_home(engine, services)
        assert "with the QA leads" not in terminal_home(engine)


def test_the_home_looks_back_as_far_as_the_qa_leads_list() -> None:
    assert QA_LIST_FOR.days == UNANSWERED_DAYS
