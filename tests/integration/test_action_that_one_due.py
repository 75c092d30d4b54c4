"""Trial 32, HIGH 3: right after adding an action, `actually make that one due fri 18th` was read as a new action,
"actually make that one", its owner asked and the worker sent it, while action 1 kept its date. "that one", "it", "the
date" right after an action name the audit's last action: its due date is changed, and no action is added."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_action_removal import TO_ACTIONS, WORKER
from tests.integration.test_leaving_words_pause import audit, say

ADDED = ["Write to the young person explaining the plan.", WORKER, "30/12/2026"]  # drafted Wed 2 Dec 2026


def joined(replies: list) -> str:
    return "\n".join(r.text for r in replies).replace("**", "")


@pytest.mark.parametrize("typed", ["actually make that one due fri 18th", "make it due 18/12", "move it to fri 18th",
                                   "change the date to 18/12", "change the due date to fri 18th, im off after",
                                   "move the deadline to 18 Dec", "make that action due 18/12",
                                   "change that one to 18/12"])
def test_that_one_changes_the_last_actions_due_date_and_adds_none(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    replies = say(engine, *TO_ACTIONS, *ADDED, typed)
    out = joined(replies)
    assert "I've read that as `action 1 due" in out and "now due Friday 18 December 2026" in out
    assert "Who owns this action?" not in out
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.due_date) == ("Write to the young person explaining the plan.", "2026-12-18")
    assert audit(services).step == "actions"


@pytest.mark.parametrize("then", [[], ["1"]])  # `1` now ends the actions: the owner is read from the text
def test_as_in_the_trial_with_the_owner_in_the_text(engine: Engine, services: Services, then: list[str]) -> None:
    say(engine, *TO_ACTIONS, "write to YP explaining the plan, worker, in 2 weeks", *then)
    replies = say(engine, "actually make that one due fri 18th")
    assert "Who owns this action?" not in joined(replies)
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.due_date == "2026-12-18" and "make that one" not in action.description


def test_that_one_before_any_action_stores_nothing_and_says_why(engine: Engine, services: Services) -> None:
    [refusal] = say(engine, *TO_ACTIONS, "make that one due 18/12")
    assert refusal.kind == "error" and "has no action yet" in refusal.text
    assert action_store.actions_of_audit(services.storage, 1) == []


@pytest.mark.parametrize("text", ["Move it to the school's safeguarding lead for review.",
                                  "Change the action plan to include the school."])
def test_a_real_action_that_starts_alike_is_still_an_action(engine: Engine, services: Services, text: str) -> None:
    replies = say(engine, *TO_ACTIONS, *ADDED, text)
    assert "Who owns this action?" in joined(replies)
