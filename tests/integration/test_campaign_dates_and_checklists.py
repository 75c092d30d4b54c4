"""A campaign's dates and checklist read as the rest of the bot reads them (a user trial was told "The start date
'today' is not a date I can read" and "There is no checklist called 'voice'", though audits, `/audit away` and
teams take such words). Shipped teams and checklists; the clock is pinned to Wednesday 2 December 2026."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.campaigns.feature import read_fields
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.support.cli import run_cli

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
REST = "teams=north-assessment per-worker=1 auditors=managers moderate=20"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _create(engine: Engine, words: str, name: str = "Voice December") -> list:
    return engine.command(QA, f'campaign create name="{name}" theme=voice {words} {REST}', surface="terminal")


def _window(services: Services, name: str) -> tuple[date, date]:
    [campaign] = [c for c in store.list_campaigns(services.storage) if c.name == name]
    return campaign.starts_on, campaign.deadline


@pytest.mark.parametrize(("words", "window"), [
    ('checklist=neglect start=today deadline="next Friday"', (date(2026, 12, 2), date(2026, 12, 4))),
    ("checklist=neglect start=today deadline=next Friday", (date(2026, 12, 2), date(2026, 12, 4))),  # unquoted
    ("checklist=neglect start=1/12/2026 deadline=24/12/2026", (date(2026, 12, 1), date(2026, 12, 24))),
    ("checklist=neglect start=3 December deadline=Friday week", (date(2026, 12, 3), date(2026, 12, 11))),
])
def test_campaign_dates_are_read_as_audits_read_them_and_said_back(engine: Engine, services: Services,
                                                                   words: str, window: tuple[date, date]) -> None:
    [created, *_] = _create(engine, words)
    assert created.kind != "error", created.text
    assert _window(services, "Voice December") == window
    assert f"it runs from {window[0].day} Dec 2026 to {window[1].day} Dec 2026" in created.text


def test_a_date_that_cannot_be_read_gets_the_date_readers_own_words(engine: Engine, services: Services) -> None:
    [refused] = _create(engine, "checklist=neglect start=today deadline=blursday")
    assert refused.kind == "error" and "The deadline: I could not read 'blursday' as a date" in refused.text
    assert "(day before month)" in refused.text
    [passed] = _create(engine, "checklist=neglect start=1/10/2026 deadline=1/11/2026")
    assert passed.kind == "error" and "The deadline 1 Nov 2026 has passed" in passed.text  # the rule stays
    [backwards] = _create(engine, "checklist=neglect start=next Friday deadline=tomorrow")
    assert backwards.kind == "error" and "the start must be on or before the deadline" in backwards.text
    assert store.list_campaigns(services.storage) == []


def test_a_checklist_is_named_by_enough_of_its_id_or_title_and_the_reply_says_which(engine: Engine,
                                                                                 services: Services) -> None:
    [created, *_] = _create(engine, "checklist=voice start=today deadline=18/12/2026")
    assert created.kind != "error", created.text
    assert "Checklist: Voice of the child (voice-of-the-child)" in created.text
    assert store.list_campaigns(services.storage)[0].checklist_id == "voice-of-the-child"
    [several] = _create(engine, "checklist=child start=today deadline=18/12/2026", name="Other")
    assert several.kind == "error" and "could be more than one" in several.text
    assert "child-protection-plan (Child protection plan)" in several.text
    [none] = _create(engine, "checklist=zebra start=today deadline=18/12/2026", name="Other")
    assert none.kind == "error" and "There is no checklist called 'zebra'" in none.text


def test_the_command_line_reads_dates_and_checklists_the_same_way(environ, services: Services) -> None:
    made = run_cli(environ, "campaign", "create", "--name", "Voice CLI", "--theme", "voice", "--checklist",
                   "Voice of", "--teams", "north", "--start", "03/12/2026", "--deadline", "next Friday",
                   "--per-worker", "1", "--auditors", "managers", "--moderate", "20")
    assert made.code == 0 and "Checklist: Voice of the child (voice-of-the-child)" in made.out
    assert _window(services, "Voice CLI") == (date(2026, 12, 3), date(2026, 12, 4))


@settings(max_examples=60)
@given(st.lists(st.sampled_from(["next", "Friday", "week", "1", "December", "today", "2026"]), min_size=1,
                max_size=3),
       st.sampled_from(["start", "deadline"]))
def test_words_after_a_date_go_with_it_and_never_with_another_field(words: list[str], key: str) -> None:
    assert read_fields(f"name=N {key}={' '.join(words)} theme=t") == {"name": "N", key: " ".join(words),
                                                                         "theme": "t"}
    assert read_fields(f"name=N Friday {key}=today") == {"name": "N Friday", key: "today"}  # any value runs on
