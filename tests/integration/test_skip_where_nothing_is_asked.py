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
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
AUDITOR = "U0MGRN001"
TO_REVIEW = TO_ACTIONS[:15]  # the early help spot check, every question answered: "== Review: audit #1 =="


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
    assert said in flat(out, "`")
    assert "only optional questions can be skipped" not in flat(out, "`")
    assert store.get_audit(services.storage, 1).step == step


TO_GRADE = TO_ACTIONS[:16]  # at the overall grade, the answers suggesting Good
WORKER = TO_ACTIONS[2]
AN_ACTION = ["Share the plan with the school.", WORKER, "30/12/2026"]


@pytest.mark.parametrize(("lines", "step", "said"), [
    (TO_ACTIONS[:2], "worker", "Every audit names the case's worker, so this step can't be skipped: pick them from "
                               "the buttons, or type their name or Slack member ID (like U0ABC123)."),
    (TO_ACTIONS[:10], "evidence:practice-quality",
     "A grade needs its evidence note, so it can't be skipped: say in a sentence what you saw on the file that "
     "supports Good, or type back to change the grade"),
    (TO_GRADE, "overall_grade", "Every audit needs an overall grade, so it can't be skipped: press one or type it, "
                                "like good or RI (from your grades I suggest Good)."),
    ([*TO_GRADE, "requires improvement"], "grade_reason",
     "A changed grade needs its reason, so it can't be skipped: say in a sentence why you chose Requires improvement "
     "to be good, or type back to choose the grade again."),
    (TO_ACTIONS, "actions", "There is nothing to skip here: type an action (what needs to happen for the child), or "
                            "done (or press No more actions) if there are none."),
    ([*TO_ACTIONS, *AN_ACTION], "actions", "or done (or press No more actions) if there are no more."),
    ([*TO_GRADE, "inadequate", "send", "Visits lapsed and the plan has drifted for months.", "skip", "skip"],
     "actions", "An audit graded Inadequate needs at least one action, so this step can't be skipped: type what "
                "needs to happen for the child, then I ask who owns it and when it is due."),
    ([*TO_ACTIONS, AN_ACTION[0]], "action_owner", "Every action needs an owner, so this step can't be skipped: pick "
                                                  "one, or type the worker, the manager, me, or their name"),
    ([*TO_ACTIONS, *AN_ACTION[:2]], "action_due", "Every action needs a due date, so this step can't be skipped: "
                                                  "type one, like"),
])
def test_skip_at_a_step_that_needs_something_says_what_it_needs_and_what_to_type(
        engine: Engine, services: Services, lines: list[str], step: str, said: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*lines, "skip"], user=AUDITOR)
    assert said in flat(out, "`")
    assert "only optional questions can be skipped" not in flat(out, "`")
    assert store.get_audit(services.storage, 1).step == step

