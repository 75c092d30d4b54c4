"""Trial 46 F1, F2, F6: the "This entry doesn't give…" line, and the question put on the QA leads' list, for a contact
asked as "phone number for", for a question typed in a rush, and for an entry picked from "Did you mean…" or shown as
the one close entry, not only for a confident answer to a cleanly typed question."""

from __future__ import annotations

import dataclasses

import pytest

from bot.asking.feature import knowledge_of
from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.search import SearchResult
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values

QA_LEAD = "U0QALEAD1"
ASKER = "U0PRAN001"
WRITE_UP = "how long do i have to write up a cin review"
NO_TIMESCALE = "This entry doesn't give a deadline or timescale for the write-up. I've passed your question to the QA"


def test_a_phone_number_asked_for_and_not_in_the_entry_is_said_and_passed_on(engine: Engine) -> None:
    replies = engine.message(ASKER, "whats the phone number for the lado")

    assert replies[0].title == "When should I contact the LADO?"
    assert "This entry doesn't give a phone number, email or contact. I've passed your question to the QA leads" \
        in all_text(replies)
    assert "whats the phone number for the lado" in all_text(engine.command(QA_LEAD, "kb unanswered"))


def test_a_question_typed_in_a_rush_is_flagged_as_the_clean_one_is(engine: Engine) -> None:
    replies = engine.message(ASKER, "wat form do i use for a private fostering notfication")

    assert replies[0].title == "What is private fostering and what must the council do?"
    assert "This entry doesn't give a form, template or link." in all_text(replies)


def test_an_entry_picked_from_did_you_mean_gets_the_line_and_the_question_stays_listed(engine: Engine) -> None:
    offered = engine.message(ASKER, WRITE_UP)
    assert "Did you mean" in all_text(offered)
    [pick] = [value for value in button_values(offered, "kb.show") if value.startswith("cin-plan-reviews:")]

    shown = engine.action(ASKER, "kb.show", pick)

    assert shown[0].title == "How often should a child in need plan be reviewed?"
    assert NO_TIMESCALE in all_text(shown)
    listing = all_text(engine.command(QA_LEAD, "kb unanswered"))
    assert WRITE_UP in listing and "which gives no deadline or timescale for the write-up" in listing


def test_the_one_close_entry_shown_tentatively_gets_the_line(engine: Engine, services: Services,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    live = knowledge_of(services).current
    searched = live.search.search

    def one_option(query: str, limit: int = 3) -> SearchResult:
        found = searched(query, limit)
        return dataclasses.replace(found, suggestions=found.suggestions[:1])

    monkeypatch.setattr(live.search, "search", one_option)
    replies = engine.message(ASKER, WRITE_UP)

    assert replies[0].text.startswith("I'm not sure this is what you need, but this looks closest:")
    assert NO_TIMESCALE in all_text(replies)
    assert WRITE_UP in all_text(engine.command(QA_LEAD, "kb unanswered"))


def test_how_often_picked_from_did_you_mean_gets_the_line_said_for_a_frequency(engine: Engine) -> None:
    """Trial 50 F5: the family time entry, picked for "how often shud contact…", gave no frequency and said nothing."""
    asked = "how often shud contact with birth parents be for a baby in care"
    offered = engine.message(ASKER, asked)
    [pick] = [value for value in button_values(offered, "kb.show") if value.startswith("family-time:")]

    shown = engine.action(ASKER, "kb.show", pick)

    assert shown[0].title == "How should family time and contact be planned for a child in care?"
    assert "This entry doesn't give a frequency (how often). I've passed your question" in all_text(shown)
    assert asked in all_text(engine.command(QA_LEAD, "kb unanswered"))
