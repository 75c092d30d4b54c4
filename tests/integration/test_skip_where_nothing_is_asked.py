"""`skip` where an audit asks no question (user trial 10, F15): typed at the review it was told "This question needs an
answer: only optional questions can be skipped…", though there is no question at the review. Now the review (and the
submit step) says what may be typed there, and nothing moves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS

DRAFTED = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
AUDITOR = "U0MGRN001"
TO_REVIEW = TO_ACTIONS[:15]  # the early help spot check, every question answered: "== Review: audit #1 =="


def flat(text: str) -> str:
    return " ".join(text.replace("`", "").split())


@pytest.mark.parametrize(("lines", "step", "said"), [
    (TO_REVIEW, "review", "You're at the review of audit #1, so I haven't stored that anywhere. To change an answer, "
                          "type change and its number, like change 3; to go on, type next (or press Continue to the "
                          "overall grade)."),
    ([*TO_ACTIONS, "done"], "submit", "Audit #1 is ready to submit, so I haven't stored that. Type submit (or press "
                                      "Submit) to send it for moderation"),
])
def test_skip_where_no_question_is_asked_gets_that_steps_own_guidance(engine: Engine, services: Services,
                                                                      lines: list[str], step: str, said: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*lines, "skip"], user=AUDITOR)
    assert said in flat(out)
    assert "only optional questions can be skipped" not in flat(out)
    assert store.get_audit(services.storage, 1).step == step

