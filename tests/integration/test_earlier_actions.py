"""A re-audit's actions step lists the case's actions still open from earlier audits (trial 21: it said "Actions (0 so
far)" and `carry forward action 1 from last audit` became a new action). `done N` there closes one the file shows is
done; asking to carry one forward stores nothing and says it stays open on its own audit."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.audits.earlier_actions import carries
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS, TWO_ACTIONS

FIRST = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
LATER = datetime(2027, 1, 6, 10, 0, tzinfo=UTC)  # a month on: both of the first audit's actions are overdue
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
FIRST_AUDIT = [*TO_ACTIONS, *TWO_ACTIONS, "no more actions", "submit"]
# The same case again, to its actions step: the last audit's worker is offered first, so `1` picks them.
REAUDIT = ["start audit early-help-spot", "CR-555555", "1", *TO_ACTIONS[3:]]
STILL_OPEN = "Still open from earlier audits of CR-555555"


def first_audit(engine: Engine) -> None:
    with time_machine.travel(FIRST, tick=False):
        drive(engine, FIRST_AUDIT, user=AUDITOR)


def reaudit(engine: Engine, then: list[str]) -> str:
    """What the terminal printed, its wrapped lines joined and its backticks dropped, as a person reads it."""
    with time_machine.travel(LATER, tick=False):
        _, out = drive(engine, [*REAUDIT, *then], user=AUDITOR)
    return " ".join(out.replace("`", "").split())


def test_a_reaudit_lists_the_open_actions_of_the_last_audit_at_its_actions_step(engine: Engine) -> None:
    first_audit(engine)
    step = reaudit(engine, []).split("Actions (0 so far)")[1]
    assert (f"{STILL_OPEN} • Action 1 (audit #1): Share the plan with the school. — Social worker N1, overdue since "
            "30 Dec 2026 • Action 2 (audit #1): Book a review with the health visitor. — Social worker N2, overdue "
            "since 30 Dec 2026 They stay open and are chased until marked done, so there is no need to add them "
            "again: if the file shows one is done, type done 1 (with its number).") in step


def test_a_first_audit_of_a_case_shows_no_earlier_actions(engine: Engine) -> None:
    with time_machine.travel(FIRST, tick=False):
        _, out = drive(engine, TO_ACTIONS, user=AUDITOR)
    out = " ".join(out.split())
    assert "Actions (0 so far)" in out and STILL_OPEN not in out


def test_done_and_removed_actions_are_not_listed(engine: Engine, services: Services) -> None:
    first_audit(engine)
    with time_machine.travel(FIRST, tick=False):
        engine.action(WORKER, "actions.done", "1", surface="terminal")
    services.storage.db.execute("UPDATE actions SET removed_at = ?, removed_by = ? WHERE id = 2",
                                ["2026-12-03T10:00:00+00:00", AUDITOR])
    out = reaudit(engine, [])
    assert STILL_OPEN not in out


def test_asking_to_carry_an_action_forward_stores_nothing_and_says_why(engine: Engine, services: Services) -> None:
    first_audit(engine)
    out = reaudit(engine, ["carry forward action 2 from the last audit", "carry forward action 9",
                           "roll over the open actions"])
    assert ("Action 2 stays open on its own audit and is chased until it is marked done, so there is no need to add "
            "it here: type done 2 once the file shows it is done.") in out
    assert ("Action 9 is not one of them. The open ones from earlier audits of CR-555555 are actions 1 and 2: they "
            "stay open") in out
    assert out.count("Nothing was stored.") == 3
    assert "Who owns this action?" not in out
    assert action_store.actions_of_audit(services.storage, 2) == []


@pytest.mark.parametrize("typed", ["carry forward the rest", "carry the rest forward", "bring over the remaining ones"])
def test_carrying_the_rest_forward_stores_nothing_and_says_they_stay_open(engine: Engine, services: Services,
                                                                          typed: str) -> None:
    """Trial 36 (M10): `carry forward the rest` at a re-audit's actions step became a new action needing an owner."""
    first_audit(engine)
    out = reaudit(engine, [typed])
    assert ("The open ones from earlier audits of CR-555555 are actions 1 and 2: they stay open and are chased until "
            "marked done, so none needs adding here.") in out
    assert "Who owns this action?" not in out and "Nothing was stored." in out
    assert action_store.actions_of_audit(services.storage, 2) == []


def test_an_ordinary_action_that_starts_like_carrying_is_still_an_action(engine: Engine, services: Services) -> None:
    first_audit(engine)
    out = reaudit(engine, ["Carry on visiting weekly and see the child alone.", WORKER, "30/01/2027"])
    assert "Who owns this action?" in out
    [added] = action_store.actions_of_audit(services.storage, 2)
    assert added.description == "Carry on visiting weekly and see the child alone."


def test_done_typed_at_the_reaudits_actions_step_closes_the_earlier_action(engine: Engine,
                                                                           services: Services) -> None:
    first_audit(engine)
    out = reaudit(engine, ["done 1", "1"])
    assert "Mark action #1 done for Social worker N1?" in out
    assert action_store.get_action(services.storage, 1).done_at is not None  # type: ignore[union-attr]
    assert action_store.get_action(services.storage, 2).done_at is None  # type: ignore[union-attr]
    after = out.split("Mark action #1 done for Social worker N1?")[1]
    assert "Action 1 (audit #1)" not in after.split("Actions (0 so far)")[-1]


def test_an_action_typed_after_done_says_the_earlier_one_was_not_marked_done(engine: Engine,
                                                                             services: Services) -> None:
    """Trial 36: `done 19`, then an action on the next line, dropped "Mark action #19 done…?" without a word."""
    first_audit(engine)
    out = reaudit(engine, ["done 1", "Share the plan with the new school by friday"])
    after = out.split("Mark action #1 done for Social worker N1?")[1]
    assert "Action 1 was not marked done: to mark it, type done 1 again." in after
    assert action_store.get_action(services.storage, 1).done_at is None  # type: ignore[union-attr]


def test_one_earlier_action_is_named_as_one(engine: Engine, services: Services) -> None:
    """Trial 36: "…are numbered 19" where one action was open."""
    first_audit(engine)
    with time_machine.travel(FIRST, tick=False):
        engine.action(WORKER, "actions.done", "1", surface="terminal")
    out = reaudit(engine, ["carry forward action 9"])
    assert ("Action 9 is not one of them. The one open action from earlier audits of CR-555555 is action 2: it stays "
            "open and is chased until marked done, so it needs no adding here.") in out
    assert "are numbered" not in out


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(
    ["carry forward action {}", "Carry over #{} from the last audit", "bring forward {}", "keep action {} open",
     "re-add action {}", "copy across action #{}"]))
def test_every_way_of_asking_to_carry_an_action_names_it(number: int, shape: str) -> None:
    assert carries(shape.format(number))


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="#"), max_size=60))
def test_a_line_naming_no_number_or_earlier_audit_is_never_taken_for_carrying(text: str) -> None:
    assume(not any(word in text.lower() for word in ("last", "previous", "earlier", "old", "open")))
    assume(re.match(r"\s*(?:the|remaining|all|them|everything)\b", text.lower()) is None)  # "the rest" (trial 36)
    assert not carries(text)
    assert not carries(f"carry forward {text}") and not carries(f"keep {text}")
