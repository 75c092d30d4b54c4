"""`change 9` at the actions step or at "Ready to submit?" changes answer 9 and comes back there, as at the review.

Found by trial 13 (Tue 8 Dec 2026, audit #1, Voice of the child): at "Ready to submit? Here is the whole audit", which
lists the numbered answers, `change 9` was refused without a word on how to change an answer; after `back` to the
actions step, `change 9` was taken as the text of a new action ("Who owns this action?").
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_action_due_in_its_text import TO_ACTIONS
from tests.e2e.test_terminal_chat import drive

TUESDAY = datetime(2026, 12, 8, 9, 50, tzinfo=ZoneInfo("Europe/London"))
ONE_ACTION = [*TO_ACTIONS, "Update the plan with her views", "1", "18/12"]
NINTH = "Is there evidence that the child's views have influenced decisions and plans?"


def test_change_at_the_actions_step_changes_the_answer_and_comes_back_with_no_new_action(engine: Engine,
                                                                                         services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*ONE_ACTION, "change 9", "no"])
    after = " ".join(out[out.index("Action 1 added"):].split())
    assert "Who owns this action" not in after
    assert after.index(NINTH) < after.rindex("Actions (1 so far)")  # the question, then the actions step again
    assert [a.description for a in action_store.actions_of_audit(services.storage, 1)] == [
        "Update the plan with her views"]
    assert store.answers_of(services.storage, 1)["views-influence"].value == "no"


def test_change_at_ready_to_submit_changes_the_answer_and_comes_back_to_submit(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*ONE_ACTION, "done", "change 9", "no", "submit"])
    after = " ".join(out[out.index("Ready to submit?"):].split())
    assert "so I haven't stored that" not in after
    assert after.index(NINTH) < after.index("Ready to submit?", 20) < after.index("is submitted for moderation")
    assert store.answers_of(services.storage, 1)["views-influence"].value == "no"


def test_other_text_at_ready_to_submit_says_how_to_change_an_answer(engine: Engine) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*ONE_ACTION, "done", "looks fine to me"])
    assert "change and a question's number, like change 3, to change an answer" in " ".join(out.split())


SIXTH_INADEQUATE = ["change 6", "inadequate", "The child has not been seen alone since the summer."]
REASON = "The plan is strong despite the visits slipping."


def test_a_change_at_ready_to_submit_that_moves_the_suggested_grade_asks_why_as_a_grade_chosen_so_is(
        engine: Engine, services: Services) -> None:
    """Good was the suggested grade; an answer changed from the submit step suggests Requires improvement instead, so
    the Good kept is a grade against the suggestion: its reason is asked, as it is when Good is picked that way."""
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*ONE_ACTION, "done", *SIXTH_INADEQUATE, REASON, "submit"])
    after = " ".join(out[out.index("Ready to submit?"):].split())
    asked = after.index("Why a different grade? With the answer you changed, the grades suggest Requires improvement "
                        "to be good, not your overall grade, Good.")
    assert asked < after.index("Ready to submit?", asked) < after.index("is submitted for moderation")
    audit = store.get_audit(services.storage, 1)
    assert (audit.overall_grade, audit.suggested_grade, audit.grade_reason) == (
        "good", "requires_improvement", REASON)
    assert ("Suggested grade: Requires improvement to be good. Why not the suggested grade: The plan is strong "
            "despite the visits ") in after  # trial 43: the reason is labelled for what it explains


def test_a_change_at_the_actions_step_that_moves_the_suggested_grade_asks_why_then_comes_back_there(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*ONE_ACTION, *SIXTH_INADEQUATE, REASON])
    after = " ".join(out[out.index("Action 1 added"):].split())
    assert after.index("Why a different grade?") < after.rindex("Actions (1 so far)")
    assert "Strengths" not in after[after.index("Why a different grade?"):]
    assert store.get_audit(services.storage, 1).grade_reason == REASON


def test_once_back_at_the_actions_step_an_answer_changed_later_from_the_review_goes_back_to_the_review(
        engine: Engine) -> None:
    """The return to the actions step is used once: `back` from there to the review, then to question 13, and its
    answer went to the actions step again, skipping the review (the next text typed was taken as an action)."""
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*ONE_ACTION, "change 9", "no", "back", "back", "back", "back", "back", "2"])
    after = " ".join(out[out.rindex("Question 13 of 13"):].split())
    assert "Review: audit #1" in after and "Continue to the overall grade" in after
    assert "Actions (1 so far)" not in after
