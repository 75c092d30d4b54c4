"""Trial 31: some saved answers got no "Got it". The written answer to the voice of the child's question 12 was
saved without a word, and `the worker` typed as an action's owner was not said back. Every saved answer is
acknowledged the same way: the written answer quoted, the owner named with the action."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store

DRAFTED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN002"
WRITTEN = "the childs wishes shape the plan but the record of the conversation is thin in places"
TO_QUESTION_12 = ["start audit voice of the child", "CR-556677", "sw n2", "no", "01/12/2026", "yes", "yes", "yes",
                  "good", "seen alone three times and views recorded well", "yes", "yes", "yes", "yes", "yes"]
TO_OWNER = [WRITTEN, "good", "child views clearly recorded across the visits", "next", "good", "strong direct work",
            "more life story work", "update the chronology with the childs views"]


def say(engine: Engine, lines: list[str]) -> list[Reply]:
    replies: list[Reply] = []
    with time_machine.travel(DRAFTED, tick=False):
        for line in lines:
            replies = engine.message(AUDITOR, line, surface="terminal")
    return replies


def test_a_written_answer_is_said_back(engine: Engine, services: Services) -> None:
    say(engine, TO_QUESTION_12)
    replies = say(engine, [WRITTEN])
    assert replies[0].text == f"Got it: “{WRITTEN}”."
    assert WRITTEN in [answer.value for answer in store.answers_of(services.storage, 1).values()]


def test_the_worker_typed_as_an_actions_owner_is_said_back(engine: Engine, services: Services) -> None:
    say(engine, [*TO_QUESTION_12, *TO_OWNER])
    replies = say(engine, ["the worker"])
    assert replies[0].text == ("Got it: Social worker N2 (the case's worker) owns “update the chronology with the "
                               "childs views”.")
    assert "When is it due?" in "\n".join(reply.text for reply in replies)
    say(engine, ["in 2 wks"])
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.owner_id == WORKER
