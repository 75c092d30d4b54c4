"""Trial 60, F11: with a draft waiting at a choice question (Q9 here), `im on leave over xmas from 21st dec back on
4th jan, tm south covering` was refused as the answer ("Please pick one of the options…") and nothing was booked;
after `pause` the same line booked it. Now a first-person statement of leave with its days is booked whatever step
the draft is at, as outside an audit, and the draft is kept and its question shown again. The service, without
Slack, on a pinned clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage.reminders import away_booked
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import TO_ACTIONS

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)
MANAGER = "U0MGRN001"
LEAVE = "im on leave over xmas from 21st dec back on 4th jan, tm south covering"


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").replace("`", "").split())


@pytest.mark.parametrize("steps", [12, 4, 11], ids=["choice question", "yes/no question", "evidence note"])
def test_leave_said_at_a_draft_step_is_booked_and_the_step_shown_again(engine: Engine, services: Services,
                                                                      steps: int) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        drive(engine, TO_ACTIONS[:steps], user=MANAGER)
        step = store.get_audit(services.storage, 1).state.get("step")
        _, out = drive(engine, [LEAVE], user=MANAGER)
    said = _flat(out)
    assert "Booked: your reminders pause from Monday 21 December 2026 to Sunday 3 January 2027" in said
    assert "Please pick one of the options" not in said and "Nothing was saved" not in said
    assert "Back to audit #1, question" in said
    assert away_booked(services.storage, MANAGER, date(2026, 12, 18))[:2] == (date(2026, 12, 21), date(2027, 1, 3))
    audit = store.get_audit(services.storage, 1)
    assert audit.status == "draft" and audit.state.get("step") == step  # nothing answered, nothing skipped
    assert "im on leave" not in str(audit.state) and "xmas" not in str(audit.state)


def test_an_answer_that_is_no_leave_is_still_refused_at_the_choice_question(engine: Engine) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        drive(engine, TO_ACTIONS[:12], user=MANAGER)
        _, out = drive(engine, ["the family is on leave from school"], user=MANAGER)
    assert "Booked" not in out
