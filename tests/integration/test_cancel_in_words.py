"""Cancelling in the words people use, and a change of mind at a Yes-or-No question (trial 30): `cancel this audit` at
a number question got "Please type a number", where only `cancel` was read; `no wait dont` at *Close now / Keep it
open* went to the knowledge base. One reader (bot.audits.control_words) reads the audit's own words at every step."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.control_words import control_word
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.confirmations import reading
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from tests.integration.test_campaign_early_close import _submit_one
from tests.integration.test_campaigns import QA, create
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR = "U0MGRN001"
CANCELS = ("cancel this audit", "cancel the audit", "Stop this audit", "abandon it", "abandon the audit",
           "cancel this audit please", "cancel audit.", "cancel it")


def typed(engine: Engine, text: str) -> list[Reply]:
    return engine.message(AUDITOR, text, surface="terminal")


def at_a_number_question(engine: Engine) -> None:
    for line in ("start audit front door", "CR-900111", "sw n1", "no"):
        typed(engine, line)


def the_audit(services: Services) -> store.AuditRow:
    [row] = services.storage.db.query("SELECT id FROM audits")
    audit = store.get_audit(services.storage, row["id"])
    assert audit is not None
    return audit


@pytest.mark.parametrize("words", CANCELS)
def test_cancelling_in_words_at_a_number_question_asks_to_cancel_the_audit(
        engine: Engine, services: Services, words: str) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        [asked] = typed(engine, words)
        assert asked.kind != "error" and asked.text.startswith("Cancel audit #1 (")
        [cancelled] = typed(engine, "yes")
    assert "Audit #1 is cancelled" in cancelled.text
    assert the_audit(services).status == "cancelled"


@pytest.mark.parametrize("words", ["no wait dont", "No wait, don't!", "wait", "hang on no", "oops no keep it"])
def test_a_change_of_mind_at_cancel_keeps_the_audit_where_it_was(engine: Engine, services: Services,
                                                                  words: str) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        typed(engine, "cancel this audit")
        kept = typed(engine, words)
        assert "audit #1 is not cancelled" in kept[0].text
        assert the_audit(services).status == "draft"
        assert typed(engine, "3")[0].text == "Got it: **3**."


@pytest.mark.parametrize("words", ["no wait dont", "no wait, don't", "hang on", "no, keep it open"])
def test_no_wait_dont_at_close_now_keeps_the_campaign_open(engine: Engine, services: Services, words: str) -> None:
    with time_machine.travel(NOW, tick=False):
        campaign_id = create(engine)
        _submit_one(engine, services, campaign_id)
        [asked] = engine.command(QA, f"campaign close {campaign_id}", surface="terminal")
        assert [c.label for c in asked.choices] == ["Close now", "Keep it open"]
        [kept] = engine.message(QA, words, surface="terminal")
    assert "stays open" in kept.text
    assert campaign_store.get_campaign(services.storage, campaign_id).is_open  # type: ignore[union-attr]
    assert asked_the_knowledge_base(services) == 0


def test_the_audit_words_are_read_alone_and_nothing_longer_cancels() -> None:
    assert [control_word(w) for w in ("back", "Skip.", "pause!", "cancel", "cancel audit")] == [
        "back", "skip", "pause", "cancel", "cancel"]
    assert [control_word(w) for w in ("cancel this action", "stop the visits", "abandon ship", "the audit",
                                      "cancel this audit and start again", "stop")] == [None] * 6


@given(st.text(max_size=40))
def test_reading_any_text_never_fails_and_only_a_no_holds_on(text: str) -> None:
    pending = {"yes": ["a", "1", "Close now"], "no": ["b", "1", "Keep it open"], "firm": True}
    assert reading(text, pending) in (None, "yes", "no")
    assert control_word(text) in (None, "back", "skip", "pause", "cancel")


# -- cancelling with a reason (trial 34: `hang on this is my own case, cancel` got "Please answer yes or no") -----

WITH_REASON = ("hang on this is my own case, cancel", "cancel, wrong case", "cancel - its my own case",
               "cancel this audit, wrong case", "wrong case so cancel", "oops wrong case, cancel it",
               "hang on this is my own case cancel", "cancel wrong case")


@pytest.mark.parametrize("words", WITH_REASON)
def test_cancelling_with_a_reason_at_a_yes_no_question_asks_to_cancel_the_audit(
        engine: Engine, services: Services, words: str) -> None:
    with time_machine.travel(NOW, tick=False):
        for line in ("start audit front door", "CR-900111", "sw n1"):
            typed(engine, line)
        [asked] = typed(engine, words)
        assert asked.kind != "error" and asked.text.startswith("Cancel audit #1 ("), asked.text
        assert the_audit(services).status == "draft"  # asked first, as ever
        [cancelled] = typed(engine, "yes")
    assert "Audit #1 is cancelled" in cancelled.text
    assert the_audit(services).status == "cancelled"


def test_cancelling_with_a_reason_while_starting_leaves_the_start(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        typed(engine, "start audit front door")
        [left] = typed(engine, "cancel, wrong checklist")
    assert left.text.startswith("OK, no audit started.")
    assert list(services.storage.db.query("SELECT id FROM audits")) == []


@pytest.mark.parametrize(("words", "read"), [
    *((w, "cancel") for w in WITH_REASON),
    ("cancel my request for more time on action 34", None),  # not the audit: no reason's words after `cancel`
    ("cancel the ICPC and hold a strategy meeting", None),  # an action's text
    ("mum asked me to cancel", None), ("no, dont cancel", None), ("they cancel", None),
    ("the ICPC was cancelled", None),
])
def test_a_reason_before_or_after_cancel_is_read_and_a_note_is_not(words: str, read: str | None) -> None:
    assert control_word(words) == read
