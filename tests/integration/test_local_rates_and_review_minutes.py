"""Trial 46: "whats the weekly fostering allowance for a 12 year old" was offered staying put, visits to a child in care
and unregistered accommodation, and "within how many days do the IRO have to send out the LAC review minutes" was
offered neither the IRO entry nor the looked after reviews entry. Allowances and grants are set by each council, so
such a question gets an honest "rates are set locally", where to look and the nearest entry; the minutes question
finds the reviews entry, which says when the decisions and the written record are expected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text, button_values

TUESDAY_MORNING = datetime(2026, 12, 8, 10, 30, tzinfo=ZoneInfo("Europe/London"))  # a working day: DMs not held
WORKER = "U0PRAN001"


@pytest.fixture
def pinned() -> Iterator[None]:
    with time_machine.travel(TUESDAY_MORNING, tick=False):
        yield


def asks(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM kb_asks"))


def test_the_trials_fostering_allowance_question_is_told_rates_are_local_and_where_to_look(
        engine: Engine, services: Services, pinned: None) -> None:
    replies = engine.message(WORKER, "whats the weekly fostering allowance for a 12 year old")
    assert replies[0].text.startswith("I can't help with that here: allowances, fees and other payments to foster "
                                      "carers are set by each council")
    assert "fostering team" in replies[0].text and "Did you mean" not in all_text(replies)
    assert not button_values(replies, "kb.escalate") and asks(services) == []


@pytest.mark.parametrize(("question", "where", "nearest"), [
    ("how much is the staying put allowance", "staying put policy", "staying-put"),
    ("sgo allowance rates for a 5 year old", "special guardianship support policy", "sgo"),
    ("how much do kinship carers get paid a week", "kinship or family and friends care policy", "kinship-care"),
    ("how much is the setting up home grant", "local offer for care leavers", "care-leavers-local-offer"),
    ("whats the adoption allowance for two siblings", "adoption support policy", "adoption-support"),
])
def test_other_local_allowances_say_where_to_look_and_offer_the_nearest_entry(
        engine: Engine, services: Services, question: str, where: str, nearest: str, pinned: None) -> None:
    replies = engine.message(WORKER, question)
    assert replies[0].text.startswith("I can't help with that here") and where in replies[0].text
    assert "so I don't hold the" in replies[0].text
    assert button_values(replies, "kb.show") == [nearest] and asks(services) == []


def test_the_leaving_care_grant_is_answered_with_the_local_offer_saying_amounts_are_local(
        engine: Engine, pinned: None) -> None:
    replies = engine.message(WORKER, "leaving care grant")
    assert replies[0].title == "What is the local offer for care leavers?"
    assert "set by each council: its published offer gives them" in replies[0].text


def test_the_trials_review_minutes_question_gets_the_looked_after_reviews_entry_with_its_timescales(
        engine: Engine, pinned: None) -> None:
    replies = engine.message(WORKER, "within how many days do the IRO have to send out the LAC review minutes")
    assert replies[0].title == "When are reviews for children in care due?"
    assert "shared within *5 working days*" in replies[0].text and "within *20 working days*" in replies[0].text
    assert "check your local procedure" in replies[0].text
