"""The moderation queue asked for in words (trial 28): a QA lead's "what needs moderating", "whats waiting for
moderation?" and "moderation queue" each got the knowledge-base entry "What is audit moderation?"; only `moderate`
gave the queue. For someone who moderates they are now `/audit moderate`; a practitioner still gets the entry.

The clock is pinned (time_machine, tick=False), so the suite passes on any day, including under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.moderation_asked import asks_for_queue
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.audit_rows import insert_audit

NOW = datetime(2026, 12, 5, 17, 30, tzinfo=UTC)
QA_LEAD, MANAGER_SOUTH, PRACTITIONER = "U0QALEAD1", "U0MGRS001", "U0PRAN001"
ASKED = ["what needs moderating", "whats waiting for moderation?", "moderation queue", "Moderation queue please",
         "anything for me to moderate", "which audits are awaiting moderation", "how many audits need moderating",
         "show me my moderation queue", "what do i need to moderate"]


def said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title}\n{r.text}" for r in replies)


def opened(replies: list[Reply]) -> list[str]:
    return [c.value for r in replies for c in r.choices if c.action == "audit.moderate_open"]


@pytest.fixture
def waiting(services: Services) -> list[str]:
    """Two audits by the North manager, submitted a day apart, waiting for moderation."""
    return [str(insert_audit(services.storage, f"CR-7{n:05}", NOW - timedelta(days=n + 1))) for n in range(2)]


@pytest.mark.parametrize("words", ASKED)
def test_a_moderator_asking_in_words_gets_the_queue(engine: Engine, waiting: list[str], words: str) -> None:
    with time_machine.travel(NOW, tick=False):
        queue = engine.command(QA_LEAD, "moderate", surface="terminal")
        asked = engine.message(QA_LEAD, words, surface="terminal")
    assert sorted(opened(asked)) == sorted(waiting)
    assert said(asked) == said(queue)
    assert "What is audit moderation?" not in said(asked)


def test_a_manager_gets_the_audits_they_may_moderate(engine: Engine, waiting: list[str]) -> None:
    with time_machine.travel(NOW, tick=False):
        asked = engine.message(MANAGER_SOUTH, "what needs moderating", surface="terminal")
    assert sorted(opened(asked)) == sorted(waiting)  # North's audits: another team's manager may moderate them


def test_a_practitioner_still_gets_the_entry_and_what_moderation_is_stays_the_entry(
        engine: Engine, waiting: list[str]) -> None:
    with time_machine.travel(NOW, tick=False):
        worker = engine.message(PRACTITIONER, "what needs moderating", surface="terminal")
        lead = engine.message(QA_LEAD, "what is moderation", surface="terminal")
    assert worker[0].title == "What is audit moderation?" and not opened(worker)
    assert lead[0].title == "What is audit moderation?"


@given(st.text(max_size=80))
def test_the_reader_never_fails_and_only_takes_words_about_moderating(text: str) -> None:
    found = asks_for_queue(text)
    assert isinstance(found, bool)
    if found:
        assert "moderat" in text.lower()


@given(st.sampled_from(ASKED), st.sampled_from(["", "?", "!", " please", " thanks"]), st.booleans())
def test_case_and_punctuation_do_not_matter(words: str, end: str, upper: bool) -> None:
    typed = words + end
    assert asks_for_queue(typed.upper() if upper else typed)
