"""Trial 32, MEDIUM 7: an owner named at either end of an action was missed and kept in its text:
`update the risk assessment inc peers and places - the worker, 2 weeks` asked the owner and the date with "- the
worker, 2 weeks" in the text; `sw s1 to refer to MACE by next fri` asked the owner anyway. Both are read now, at an
audit's actions step and (bot.audits.action_typed, shared) wherever an action is typed."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_action_removal import AUDITOR, COLLEAGUE, TO_ACTIONS, WORKER
from tests.integration.test_leaving_words_pause import say


def stored(services: Services) -> list[tuple[str, str, str]]:
    return [(a.description, a.owner_id, a.due_date) for a in action_store.actions_of_audit(services.storage, 1)]


@pytest.mark.parametrize(("typed", "action", "owner", "due"), [  # drafted Wed 2 Dec 2026
    ("update the risk assessment inc peers and places - the worker, 2 weeks",
     "update the risk assessment inc peers and places", WORKER, "2026-12-16"),
    ("update the risk assessment - sw n2, 3 weeks", "update the risk assessment", COLLEAGUE, "2026-12-23"),
    ("write to YP explaining the plan, worker, in 2 weeks", "write to YP explaining the plan", WORKER, "2026-12-16"),
    ("sw n2 to refer to MACE by 18/12", "refer to MACE", COLLEAGUE, "2026-12-18"),
    ("Social worker N2 to visit the child at school by 18/12", "visit the child at school", COLLEAGUE, "2026-12-18"),
    # trial 53, F15: "- me" before the due date is the auditor, not words of the action
    ("Q4: review the family plan with mum at the next TAF so every outcome has a date - me by 18/12",
     "review the family plan with mum at the next TAF so every outcome has a date", AUDITOR, "2026-12-18"),
])
def test_an_owner_at_either_end_is_read_and_left_out_of_the_text(engine: Engine, services: Services, typed: str,
                                                                  action: str, owner: str, due: str) -> None:
    replies = say(engine, *TO_ACTIONS, typed)
    out = "\n".join(r.text for r in replies)
    assert "Who owns this action?" not in out and "When is it due?" not in out
    assert stored(services) == [(action, owner, due)]


@pytest.mark.parametrize("typed", ["the manager to review the plan with the family",
                                   "write to the school about attendance by 18/12",
                                   "worker to visit weekly by 18/12", "tm to chair a strategy discussion by 18/12",
                                   "SW to update the CIN plan with her views by 18/12"])
def test_words_that_are_no_named_person_before_to_stay_in_the_text(engine: Engine, services: Services,
                                                                   typed: str) -> None:
    replies = say(engine, *TO_ACTIONS, typed)
    assert "Who owns this action?" in "\n".join(r.text for r in replies).replace("**", "")


def test_me_after_a_dash_at_the_end_owns_the_action_and_only_the_due_date_is_asked(engine: Engine,
                                                                                   services: Services) -> None:
    replies = say(engine, *TO_ACTIONS, "review the family plan with mum - me")  # trial 53, F15
    out = "\n".join(r.text for r in replies).replace("**", "")
    assert "Who owns this action?" not in out and "When is it due?" in out
    assert say(engine, "18/12") and stored(services) == [("review the family plan with mum", AUDITOR, "2026-12-18")]
