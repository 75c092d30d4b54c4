"""A change of mind typed at a moderation's "Why?" goes back to the decision; nothing is saved or sent (trial 33:
`mod 23` / `disagree` / `RI` / `hang on actually i agree with good` was saved as the reason for RI and DM'd). A real
reason that contains "agree" is still saved: decided by shape (bot.audits.moderation_mind)."""

from __future__ import annotations

import pytest
import time_machine

from bot.audits.moderation_mind import Mind, changed_mind
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_moderation_reason_commands import reasons
from tests.integration.test_wording import submitted_audit

RI_WHY = "You would grade it Requires improvement to be good. Why?"


def _at_why_for_ri(engine: Engine, services: Services, typed: str) -> tuple[int, str, str]:
    """An audit the auditor graded (the demo flow's grade), disagreed with as RI, then `typed` at "Why?": the audit,
    the auditor's grade and what the chat showed after "Why?"."""
    audit_id = submitted_audit(engine, services, AUDITOR)
    grade = store.get_audit(services.storage, audit_id).overall_grade
    assert grade != "requires_improvement"
    _, out = drive(engine, [f"moderate {audit_id}", "disagree", "RI", typed], user=QA)
    said = flat(out)
    assert RI_WHY in said
    return audit_id, grade, said.split(RI_WHY, 1)[1]


@pytest.mark.parametrize("typed", ["hang on actually i agree with {grade}",
                                   "no wait i agree with the auditor on this one", "actually i agree",
                                   "on second thoughts, I agree with the auditor's grade"])
def test_agreeing_after_all_at_why_goes_back_and_saves_nothing(engine: Engine, services: Services,
                                                                typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        grade = store.get_audit(services.storage, audit_id).overall_grade
        label = {"good": "Good", "outstanding": "Outstanding", "inadequate": "Inadequate"}[grade]
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", "RI", typed.format(grade=grade)], user=QA)
        waiting = store.conversation(services.storage, QA)
    said = flat(out).split(RI_WHY, 1)[1]
    assert f"Nothing is saved yet: back to your decision on audit #{audit_id}, taken as {label}." in said
    asked = f"You agree with {label}. Why? A sentence the auditor can learn from. > Type your reason. Bye."
    assert said.endswith(asked)
    assert "has been moderated" not in said and reasons(services, audit_id) == []
    assert waiting.get("awaiting") == "moderation_reason" and waiting.get("agrees") is True


def test_disagreeing_after_agreeing_at_why_asks_the_grade(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "agree", "no wait i disagree"], user=QA)
    said = flat(out)
    assert f"Nothing is saved yet: back to your decision on audit #{audit_id}." in said
    assert said.rstrip(" Bye.").split("Why?")[-1].count("What grade would you give?") == 1
    assert store.conversation(services.storage, QA).get("awaiting") == "moderation_grade"
    assert reasons(services, audit_id) == []


def test_the_same_decision_again_at_why_is_told_and_the_reason_asked(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _, said = _at_why_for_ri(engine, services, "actually i agree with RI")
    assert "You have chosen Requires improvement to be good already: nothing is saved until you say why." in said
    assert reasons(services, audit_id) == []


@pytest.mark.parametrize("reason", ["I agree the visits were late but the plan held and the child was seen.",
                                    "Agree with the auditor that the child was seen alone, but drift is not noted.",
                                    "Actually the plan is not specific enough about who does what."])
def test_a_reason_containing_agree_is_still_saved(engine: Engine, services: Services, reason: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _, _ = _at_why_for_ri(engine, services, reason)
        _, out = drive(engine, ["skip"], user=QA)  # the action offered with a disagreement (fix41d)
        said = flat(out)
    assert f"Moderation of audit #{audit_id} saved" in said
    assert reasons(services, audit_id) == [reason]


@pytest.mark.parametrize(("typed", "mind"), [
    ("hang on actually i agree with good", Mind("agree", "good")),
    ("no wait i agree with the auditor on this one", Mind("agree", None)),
    ("i agree with RI", Mind("agree", "requires_improvement")),
    ("actually its RI not good", Mind(None, "requires_improvement")),
    ("on second thoughts i disagree", Mind("disagree", None)),
    ("hang on", Mind(None, None)),
    ("ok", None),
    ("sorry.", None),
    ("I agree the visits were late but the plan held", None),
    ("agree with the auditor that the child was seen alone", None),
    ("i agree with the plan", None),
    ("actually the plan is not good", None),
    ("no evidence of visits for three months", None),
    ("hang on actually i agree with good, though the chronology is thin and the plan has drifted for months", None),
])
def test_a_change_of_mind_is_told_from_a_reason_by_its_shape(typed: str, mind: Mind | None) -> None:
    assert changed_mind(typed) == mind
