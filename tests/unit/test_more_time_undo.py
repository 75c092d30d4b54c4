"""Trial 43: `undo` typed straight after a request for more time ("can i have more time on action 150 until end of
jan") went to the knowledge base as a question. Now it withdraws that request, as `withdraw 150` does: the one asked,
told of it already, is told it was withdrawn; a request already answered is said to be, with how to ask again; and
`undo` at "Until when?" (nothing sent yet) leaves it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core import more_time_said
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"
ASK = "can i have more time on action {} until end of jan"
NAMED = "action {} (_Arrange the statutory visit_, audit #1, CR-123456)"  # never the number alone (trial 43)


def _action(services: Services) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-11",
                                   AUDITOR, MONDAY)


def _say(engine: Engine, text: str, user: str = WORKER) -> list:
    with time_machine.travel(MONDAY, tick=False):
        return engine.message(user, text, surface="terminal")


def _state(services: Services, action: int) -> str:
    asked = requests.latest(services.storage, action)
    assert asked is not None
    return more_time_said.state_of(asked, action_store.get_action(services.storage, action).due_date)


@pytest.mark.parametrize("undo", ["undo", "oops undo", "Withdraw", "withdraw it"])
def test_undo_straight_after_the_request_withdraws_it_and_tells_the_one_asked(engine: Engine, services: Services,
                                                                               undo: str) -> None:
    action = _action(services)
    mine, _sent = _say(engine, ASK.format(action))
    assert "Type `undo` (or press Withdraw)" in mine.text and [c.label for c in mine.choices] == ["Withdraw"]
    withdrawn, told = _say(engine, undo)
    assert withdrawn.text.startswith(f"I've withdrawn your request for more time on {NAMED.format(action)} and "
                                     "told Team manager (South).")
    assert told.to_user == AUDITOR and f"withdrew their request for more time on action {action}" in told.text
    assert _state(services, action) == more_time_said.WITHDRAWN
    assert asked_the_knowledge_base(services) == 0


def test_undo_after_the_request_was_given_says_so_and_how_to_ask_again(engine: Engine, services: Services) -> None:
    action = _action(services)
    _say(engine, ASK.format(action))
    _say(engine, f"action {action} due 29/1", user=AUDITOR)  # the auditor gives it before the worker's undo
    [refused] = _say(engine, "undo")
    said = flat(refused.text, "`*_")
    assert refused.kind == "error"
    assert (f"Nothing was withdrawn: your request for more time on action {action} (Arrange the statutory visit, "
            "audit #1, CR-123456) is answered already: it is now due 29 Jan 2027, not 11 Dec 2026.") in said, said
    assert f"To ask again, type extend action {action} to <date>, <reason>." in said
    assert _state(services, action) == more_time_said.GIVEN and asked_the_knowledge_base(services) == 0


def test_undo_after_the_request_was_said_no_to_says_so(engine: Engine, services: Services) -> None:
    action = _action(services)
    _say(engine, ASK.format(action))
    _say(engine, f"no more time on action {action} - the review needs it", user=AUDITOR)
    [refused] = _say(engine, "undo")
    said = flat(refused.text, "`*_")
    assert said.startswith(f"Nothing was withdrawn: Team manager (South) said no to your request for more time on "
                           f"action {action} (Arrange the statutory visit, audit #1, CR-123456) on 7 Dec, so it "
                           "stays due 11 Dec 2026. To ask again, type extend action"), said


def test_undo_at_until_when_leaves_the_request_unsent(engine: Engine, services: Services) -> None:
    action = _action(services)
    [question] = _say(engine, f"can i have more time on action {action}")
    assert question.text.startswith(f"Until when do you need {NAMED.format(action)}?")
    [left] = _say(engine, "undo")
    assert left.text == "OK: nothing was asked."
    assert requests.latest(services.storage, action) is None and asked_the_knowledge_base(services) == 0


def test_the_withdraw_button_of_a_request_replaced_since_withdraws_nothing(engine: Engine,
                                                                          services: Services) -> None:
    action = _action(services)
    first, _ = _say(engine, ASK.format(action))
    _say(engine, "actually make it 22/1")  # replaces the first request
    with time_machine.travel(MONDAY, tick=False):
        [stale] = engine.action(WORKER, first.choices[0].action, first.choices[0].value, surface="terminal")
    assert stale.kind == "error" and "from an earlier request" in stale.text and f"`withdraw {action}`" in stale.text
    assert _state(services, action) == more_time_said.WAITING
