"""Trial 63 (F3): a new South manager with `audit_target: 3` asked "what is expected of a new team manager" and was
told "Audit your target: 2 cases a month", while Home said 3. The entry now says the reader's own target. Through the
chat engine, on the shipped knowledge base and a teams.yaml with a second South manager."""

from __future__ import annotations

import pytest
import time_machine

from bot.asking.own_target import personalised
from bot.engine.routing import Engine
from tests.support.co_managers import MONDAY, NEW_TM, S1, SOUTH_TM
from tests.support.text import flat


def ask(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(reply.text for reply in replies)).replace("*", "")


@pytest.mark.parametrize("text", ["what is expected of a new team manager",
                                  "new team manager, what should i do first"])
def test_a_new_manager_is_told_her_own_target_as_home_says_it(co_managed, text: str) -> None:
    _, engine = co_managed
    said = ask(engine, NEW_TM, text)
    assert "Audit your target: 3 cases a month" in said and "2 cases a month" not in said
    assert "Audit your target: 2 cases a month" in ask(engine, SOUTH_TM, text)  # her colleague's own
    with time_machine.travel(MONDAY, tick=False):
        home = flat("\n".join(r.text for r in engine.command(NEW_TM, "home"))).replace("*", "")
    assert "against your target of 3" in home


def test_only_a_target_said_as_yours_with_a_number_a_month_is_changed(co_managed) -> None:
    services, _ = co_managed
    assert personalised(services, NEW_TM, "• *Audit your target:* 2 cases a month, …") == \
        "• *Audit your target:* 3 cases a month, …"
    assert personalised(services, NEW_TM, "Managers audit 2 cases a month.") == "Managers audit 2 cases a month."
    assert personalised(services, S1, "your target: 2 cases a month") == \
        "the managers' usual target: 2 cases a month"  # none set: the usual figure, never said to be theirs
    assert personalised(services, S1, "Your monthly target - 2 audits per month") == \
        "The managers' usual monthly target - 2 audits per month"


@pytest.mark.parametrize("text", ["what is expected of a new team manager", "i'm a new team manager what do i do"])
def test_someone_with_no_target_is_told_the_usual_one_not_theirs(co_managed, text: str) -> None:
    """Trial 64 (F11): the admin, in no team, was told "Audit your target: 2 cases a month"."""
    _, engine = co_managed
    said = ask(engine, "U0ADMIN01", text)
    assert "Audit the managers' usual target: 2 cases a month" in said and "your target: 2" not in said
    assert "(a manager's target is set in the bot's team list)" in said and "your target is set" not in said  # fix81e
    assert "(your target is set in the bot's team list)" in ask(engine, NEW_TM, text)  # hers is set there
