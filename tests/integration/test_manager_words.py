"""Trial 32 (item 6): a South manager's tasks in plain words went to the knowledge base or the QA leads' list. Each
now does the task (bot.audits.manager_words), and a command misspelt on its own (`resmue`, `digets`, `reaudtis`)
gets "Did you mean …?" (bot.engine.near_miss). None is noted as unanswered. The clock is pinned to the trial's
Saturday, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

SOUTH_MANAGER = "U0MGRS001"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize(("typed", "expected"), [
    ("where was i", "no audits in progress"),
    ("team actions", "Open actions in your teams"),
    ("need to do the reaudit for cr914068", "type `re-audit CR-914068`"),
    ("can u nudge sw s1 about 18 pls", "I'll nudge Social worker S1 about action 18"),  # held: a Saturday
    ("i dont agree with the inadequate on 70, the child was seen", "Audit #70 has not been moderated yet"),
    ("on 70 i put good but it should be RI", "#70"),
    ("what actions has s1 got overdue", "Social worker S1's overdue actions (8)"),
    ("resmue", "Did you mean `resume`?"),
    ("digets", "Did you mean `digest`?"),
    ("reaudtis", "Did you mean `reaudits`?"),
])
def test_a_managers_words_do_the_task(demo: Services, engine: Engine, typed: str, expected: str) -> None:
    reply = said(engine, SOUTH_MANAGER, typed)
    assert expected in reply, reply
    assert "QA leads' list" not in reply and "not sure which" not in reply
    assert nothing_unanswered(demo)
