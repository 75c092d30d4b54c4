"""Trial 51 F15: after "I'm not sure which of these you mean… Did you mean…", typing `Not helpful` was told "Thanks
for saying. I haven't given you an answer just now to mark…", a dead end. It is now the suggestions' own *None of
these: ask the QA leads*: the question is passed to the QA leads, and the asker is told so."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine

LONDON = ZoneInfo("Europe/London")
WORKER = "U0PRAS001"
VAGUE = "plan"  # three child protection plan entries, none clearly meant


def coming_tuesday_10am() -> datetime:
    """A working-day morning at least a week on from today, in London: never stale."""
    start = date.today() + timedelta(days=7)
    return datetime.combine(start + timedelta(days=(1 - start.weekday()) % 7), time(10), LONDON)


def escalated(services: Services) -> list[str]:
    return [row["query"] for row in services.storage.db.query(
        "SELECT query FROM kb_asks WHERE escalated_at IS NOT NULL")]


@pytest.mark.parametrize("surface", ["terminal", "slack"])
def test_not_helpful_under_suggestions_passes_the_question_to_the_qa_leads(engine: Engine, services: Services,
                                                                            surface: str) -> None:
    with time_machine.travel(coming_tuesday_10am(), tick=False):
        offered = engine.message(WORKER, VAGUE, surface=surface)
        assert any("None of these: ask the QA leads" in c.label for r in offered for c in r.choices)
        said = engine.message(WORKER, "Not helpful", surface=surface)
    text = "\n".join(r.text for r in said if r.is_for_requester)
    assert "I haven't given you an answer just now to mark" not in text
    assert "taken as **None of these: ask the QA leads**" in text
    assert "I've passed your question to the QA leads" in text
    assert any(r.title == "Question for the QA leads" and ">plan" in r.text for r in said if r.to_user)
    assert escalated(services) == [VAGUE]


def test_helpful_under_suggestions_still_says_there_is_no_answer_to_mark(engine: Engine, services: Services) -> None:
    with time_machine.travel(coming_tuesday_10am(), tick=False):
        engine.message(WORKER, VAGUE, surface="terminal")
        said = engine.message(WORKER, "that was helpful", surface="terminal")
    assert "I haven't given you an answer just now to mark" in said[0].text
    assert escalated(services) == []
