"""A planned date typed at an audit's date question (`allow_future: true`, "When is the next review planned?") that
falls on a weekend or a bank holiday was taken without a word. It is queried as a campaign's deadline and a
moderator's action are (knowledge.dates.day_off): nothing is stored, the working day to give instead is named, and
`<date> anyway` keeps it. A date something happened on is taken as it is. The terminal chat, on a pinned clock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer
from bot.core.calendar import is_working_day
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import Settings, load_settings
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 40, tzinfo=ZoneInfo("Europe/London"))  # Christmas Day is a Friday this year
MANAGER = "U0MGRN001"
PLANNED = """checklists:
  - id: planned-review
    title: Planned review
    period: the last 6 months
    sections:
      - id: review
        title: Review
        questions:
          - id: next-review
            text: When is the next review planned?
            type: date
            allow_future: true
          - id: last-visit
            text: When was the child last visited?
            type: date
          - id: seen
            text: Was the child seen alone?
            type: yes_no
"""
START = ["start audit planned review", "CR-123456", "U0PRAN001"]


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    (kb_dir / "checklists" / "planned-review.yaml").write_text(PLANNED, encoding="utf-8")
    return load_settings(environ)


def answer(services: Services, question: str) -> str | None:
    [draft] = store.drafts_of(services.storage, MANAGER)
    found = store.answers_of(services.storage, draft.id).get(question)
    return found.value if found else None


@pytest.mark.parametrize(("typed", "said"), [
    ("25/12", "Friday 25 December 2026 is a bank holiday (Christmas Day), so I haven't stored it: type 24/12 for "
              "Thursday 24 December, the last working day before it, or 25/12 anyway to keep it."),
    ("12/12", "Saturday 12 December 2026 is a Saturday, so I haven't stored it: type 11/12 for Friday 11 December, "
              "the last working day before it, or 12/12 anyway to keep it."),
])
def test_a_planned_date_on_a_day_off_is_queried_and_nothing_is_stored(engine: Engine, services: Services,
                                                                      typed: str, said: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*START, typed], user=MANAGER)
    assert said in flat(out, "*`")
    assert answer(services, "next-review") is None
    [draft] = store.drafts_of(services.storage, MANAGER)
    assert draft.step == "question:next-review"  # still asked


@pytest.mark.parametrize(("typed", "stored"), [("24/12", "2026-12-24"), ("25/12 anyway", "2026-12-25"),
                                               ("Christmas Day anyway", "2026-12-25"), ("the holidays anyway", None)])
def test_the_working_day_offered_or_the_day_with_anyway_is_taken(engine: Engine, services: Services, typed: str,
                                                                 stored: str | None) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*START, "25/12", typed], user=MANAGER)
    assert answer(services, "next-review") == stored
    if stored:
        assert f"Got it: {'Thursday 24' if stored.endswith('24') else 'Friday 25'} December 2026." in flat(out, "*`")


def test_a_day_something_happened_on_a_weekend_is_taken_as_it_is(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*START, "24/12", "5/12"], user=MANAGER)  # Saturday 5 December: a visit, say
    assert "Got it: Saturday 5 December 2026." in flat(out, "*`") and "anyway" not in out.split("24 December")[-1]
    assert answer(services, "last-visit") == "2026-12-05"


NEXT_REVIEW = Question("next-review", "When is the next review planned?", "date", allow_future=True)


@given(st.dates(MONDAY.date(), MONDAY.date().replace(year=2028)))
def test_any_planned_day_from_today_is_taken_on_a_working_day_and_queried_on_a_day_off(day) -> None:
    typed = f"{day.day}/{day.month}/{day.year}"
    try:
        stored = parse_answer(NEXT_REVIEW, typed, MONDAY.date())
    except AnswerError as error:
        assert not is_working_day(day) and f"{typed.rsplit('/', 1)[0]} anyway" in str(error)
        assert parse_answer(NEXT_REVIEW, f"{typed} anyway", MONDAY.date()) == day.isoformat()
        return
    assert is_working_day(day) and stored == day.isoformat()
