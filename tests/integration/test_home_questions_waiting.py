"""Trial 50 F8: an agency worker's Home said "Nothing of yours is waiting: no drafts or open actions." while the
question they had passed to the QA leads was still open. Home (Block Kit and terminal) now says how many of their
questions are with the QA leads and since when, until a QA lead answers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from knowledge.dates import short_date
from tests.support.kb_helpers import button_values
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
ASKER, QA_LEAD = "U0PRAN001", "U0QALEAD1"
RATE = "what is the rate for a private fostering arrangement"  # the entry gives no rate: passed on


def coming(weekday: int, hour: int) -> datetime:
    """The next `weekday` (Monday 0) at least a week on from today, at `hour`, in London: never stale."""
    start = date.today() + timedelta(days=7)
    return datetime.combine(start + timedelta(days=(weekday - start.weekday()) % 7), time(hour), LONDON)


def _home_texts(engine: Engine, services: Services) -> list[str]:
    return [flat(section.text) for section in home_sections(engine, services, ASKER)]


def test_a_question_with_the_qa_leads_is_on_the_askers_home_until_answered(engine: Engine,
                                                                           services: Services) -> None:
    asked_on = coming(1, 10)
    with time_machine.travel(asked_on, tick=False):
        engine.message(ASKER, RATE)
        offered = engine.message(ASKER, "what is the swet template for a baby mascot")
        engine.action(ASKER, "kb.escalate", button_values(offered, "kb.escalate")[0])
    waiting = f"2 questions with the QA leads, waiting since {short_date(asked_on.date(), year=False)}"
    with time_machine.travel(asked_on + timedelta(days=1), tick=False):
        assert any(waiting in text for text in _home_texts(engine, services))
        assert not any("Nothing of yours is waiting" in text for text in _home_texts(engine, services))
        assert waiting in flat(" ".join(reply.text for reply in engine.message(ASKER, "home")))
        engine.command(QA_LEAD, "kb answer 1 Parents pay a private foster carer; the council sets no rate.")
        engine.message(QA_LEAD, "yes")
        texts = _home_texts(engine, services)
    assert any("1 question with the QA leads" in text for text in texts)
