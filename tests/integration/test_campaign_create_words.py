"""Trial 35 (M7): `campaign create neglect north and south by 29th jan 2 per worker` was told "I don't understand
'neglect'" while the same campaign said as a sentence was filled in; `deadline=first friday in feb` was not read."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.support.kb_helpers import all_text

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2026, 12, 5, 11, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def test_create_with_words_is_filled_in_as_the_sentence_is(engine: Engine, services: Services) -> None:
    replies = engine.message(QA, "campaign create neglect north and south by 29th jan 2 per worker", surface="terminal")
    text = all_text(replies)
    assert ("From what you said: `/audit campaign create name=… theme=… checklist=Neglect "
            "teams=north-assessment,south-cin-cp start=… deadline=29/01/2027 per-worker=2 auditors=… moderate=…`"
            in text)
    assert "I don't understand" not in text and not store.list_campaigns(services.storage)
    sentence = engine.message(QA, "i want to set up a neglect audit campaign for north and south, deadline end of jan",
                              surface="terminal")
    assert "checklist=Neglect teams=north-assessment,south-cin-cp start=… deadline=31/01/2027" in all_text(sentence)


def test_words_and_every_other_field_typed_create_it(engine: Engine, services: Services) -> None:
    engine.message(QA, "campaign create neglect north and south by 29th jan 2 per worker name=Neglect Jan "
                       "theme=neglect start=today auditors=managers moderate=20", surface="terminal")
    [made] = store.list_campaigns(services.storage)
    assert (made.checklist_id, made.teams, made.deadline, made.per_worker) == (
        "neglect", ("north-assessment", "south-cin-cp"), date(2027, 1, 29), 2)


def test_words_naming_nothing_are_still_refused(engine: Engine) -> None:
    replies = engine.message(QA, "campaign create hello there", surface="terminal")
    assert "I don't understand 'hello'" in all_text(replies)


def test_first_friday_in_feb_is_a_deadline(engine: Engine, services: Services) -> None:
    engine.message(QA, "campaign create name=Neglect Jan theme=neglect checklist=neglect teams=north,south "
                       "start=today deadline=first friday in feb per-worker=2 auditors=peer moderate=25",
                   surface="terminal")
    [made] = store.list_campaigns(services.storage)
    assert made.deadline == date(2027, 2, 5)


def test_a_name_typed_with_the_words_is_screened_before_it_is_said_back(engine: Engine) -> None:
    replies = engine.message(QA, "campaign create neglect north and south by 29th jan name=Tyler Brown audit",
                             surface="terminal")
    assert replies[-1].kind == "error" and "Tyler Brown" not in all_text(replies)
