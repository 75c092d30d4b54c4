"""Session 38: a request for more time's buttons answer that request only. An old *Say no* pressed while a newer
request waited on the same action answered the newer one, and an old *Approve the new date* gave the newer request
when it asked for the same day; each button now carries its request's number (bot.audits.more_time_buttons)."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 12, 4, 15, 0, tzinfo=LONDON)  # in the worker's hours: her DMs go at once (fix44d)
AUDITOR, MANAGER, WORKER = "U0MGRS001", "U0MGRN001", "U0PRAN001"
WORDS = "(_Arrange the statutory visit_, audit #1, CR-123456)"  # beside its number (trial 43)


def _action(services: Services) -> int:
    """An open action due Monday 7 December 2026 on a moderated audit: the worker's manager answers."""
    audit_id = insert_audit(services.storage, "CR-123456", FRIDAY, auditor=AUDITOR, status="moderated")
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-07",
                                   AUDITOR, FRIDAY)


def _buttons(replies: list[Reply]) -> dict[str, Choice]:
    [asked] = [r for r in replies if r.to_user == MANAGER]
    return {choice.label: choice for choice in asked.choices}


def _refusals(services: Services) -> list[dict[str, object]]:
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'action.more_time_refused'")
    return [json.loads(row[0]) for row in rows.fetchall()]


def _press(engine: Engine, choice: Choice) -> list[Reply]:
    return engine.action(MANAGER, choice.action, choice.value, surface="terminal")


def _said_no_then_asked_again(engine: Engine, action: int, again: str) -> tuple[dict[str, Choice],
                                                                                 dict[str, Choice]]:
    """The first request's buttons (asked for 14/12, said no to) and the second's (`again`, an hour later)."""
    with time_machine.travel(FRIDAY, tick=False) as clock:
        first = _buttons(engine.message(WORKER, f"extend action {action} to 14/12, family away", surface="terminal"))
        engine.message(MANAGER, f"no more time on action {action} - the visit is statutory", surface="terminal")
        clock.shift(3600)
        second = _buttons(engine.message(WORKER, f"extend action {action} to {again}", surface="terminal"))
    return first, second


def test_an_old_say_no_does_not_answer_the_newer_request(engine: Engine, services: Services) -> None:
    action = _action(services)
    first, second = _said_no_then_asked_again(engine, action, "18/12, health visit moved")
    with time_machine.travel(FRIDAY, tick=False):
        replies = _press(engine, first["Say no"])
    [said] = replies
    assert flat(said.text, "_*`") == (
        f"That button is from an earlier request for more time on action {action} (Arrange the statutory visit, "
        "audit #1, CR-123456), which was already answered or replaced. Social worker N1's request waiting now, sent "
        "4 Dec, asks for 18 Dec 2026: use its buttons, or "
        f"type action {action} due 18/12 to give it or no more time on action {action} to say no. Nothing changed: "
        "it stays due 7 Dec 2026.")
    asked = requests.latest(services.storage, action)
    assert asked is not None and asked.refused_at is None  # the newer request still waits
    assert len(_refusals(services)) == 1  # only the first request's no
    with time_machine.travel(FRIDAY, tick=False):
        [why] = _press(engine, second["Say no"])  # the newer request's own button still answers it
    assert why.text.startswith("Why no?")


def test_an_old_approve_does_not_give_a_newer_request_for_the_same_day(engine: Engine, services: Services) -> None:
    action = _action(services)
    first, second = _said_no_then_asked_again(engine, action, "14/12, the family is still away")
    with time_machine.travel(FRIDAY, tick=False):
        [said] = _press(engine, first["Approve the new date"])
        assert "which was already answered or replaced" in said.text and "asks for 14 Dec 2026" in said.text
        assert action_store.get_action(services.storage, action).due_date == "2026-12-07"  # type: ignore[union-attr]
        given = _press(engine, second["Approve the new date"])
    assert [r.to_user for r in given] == [None, WORKER]
    assert action_store.get_action(services.storage, action).due_date == "2026-12-14"  # type: ignore[union-attr]


def test_an_old_button_once_nothing_waits_says_so(engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(FRIDAY, tick=False):
        first = _buttons(engine.message(WORKER, f"extend action {action} to 14/12, family away", surface="terminal"))
        engine.message(WORKER, f"withdraw {action}", surface="terminal")
        engine.message(WORKER, f"extend action {action} to 18/12, health visit moved", surface="terminal")
        engine.message(WORKER, f"withdraw {action}", surface="terminal")
        [said] = _press(engine, first["Say no"])
    assert "already answered or replaced. No request waits for an answer on it now." in said.text
    assert _refusals(services) == []


@pytest.mark.parametrize("value", ["1:0", "1:abc", "1:", "1:99999999999999999999", "1:2026-12-14:0",
                                   "1:2026-12-14:x", "1:2026-12-14:", "1:not-a-day:1", "0:1"])
@pytest.mark.parametrize("action", ["actions.more_time_give", "actions.more_time_refuse"])
def test_a_mangled_request_number_gets_a_clear_reply(engine: Engine, services: Services,
                                                     caplog: pytest.LogCaptureFixture, action: str,
                                                     value: str) -> None:
    caplog.set_level(logging.ERROR)
    _action(services)
    replies = engine.action(MANAGER, action, value, surface="terminal")
    assert replies and all(reply.text for reply in replies)
    assert "99999999999999999999" not in " ".join(reply.text for reply in replies)
    assert [record.getMessage()[:200] for record in caplog.records] == []
    assert action_store.get_action(services.storage, 1).due_date == "2026-12-07"  # type: ignore[union-attr]


def test_a_reason_typed_after_a_new_request_was_made_sends_no_no(engine: Engine, services: Services) -> None:
    action = _action(services)
    with time_machine.travel(FRIDAY, tick=False) as clock:
        first = _buttons(engine.message(WORKER, f"extend action {action} to 14/12, family away", surface="terminal"))
        [why] = _press(engine, first["Say no"])
        assert why.text.startswith("Why no?")
        engine.message(WORKER, f"withdraw {action}", surface="terminal")
        clock.shift(600)
        engine.message(WORKER, f"extend action {action} to 18/12, health visit moved", surface="terminal")
        [said] = engine.message(MANAGER, "needs doing before the review", surface="terminal")
    assert said.text.startswith(f"That button is from an earlier request for more time on action {action} {WORDS}")
    assert "asks for 18 Dec 2026" in said.text
    assert _refusals(services) == []
    asked = requests.latest(services.storage, action)
    assert asked is not None and asked.refused_at is None and asked.withdrawn_at is None
