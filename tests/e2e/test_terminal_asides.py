"""Commands and questions typed in the middle of an audit, in the terminal chat (user trial 7, findings 5, 6, 7 and
17): a whole command typed without `/audit` runs and the audit's step follows ("Back to audit #N…"), a question is
answered aside wherever the step waits (a number, a note), and nothing typed aside is stored as an answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS, WORKER
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

MANAGER = "U0MGRN001"
CASE_AUDIT = ["/audit start case-audit", "CR-654321", "1"]  # at question 1, a yes/no question
STRENGTHS_AT = len(TO_ACTIONS) - 2  # TO_ACTIONS ends with the strengths, then the areas for development
TO_SUBMIT = [*TO_ACTIONS, "Share the plan with the school.", WORKER, "30/12/2026", "#1"]


def test_bare_commands_at_a_yes_no_question_run_and_the_question_follows(engine: Engine,
                                                                          services: Services) -> None:
    shown = insert_audit(services.storage, "CR-123456", datetime.now(UTC) - timedelta(days=30))
    _, out = drive(engine, [*CASE_AUDIT, f"show {shown}", "away off", "list", "home", "2"], user=MANAGER)
    assert "Please answer yes or no" not in out
    assert f"Audit #{shown}" in out and "You were not marked away." in out and "Audits you can read" in out
    assert "== audit-bot ==" in out  # the Home
    assert out.count("Back to audit #2, question 1:") == 4
    assert "→ You picked 2: No" in out  # a number picks from the question shown again, not from the Home's options
    assert store.answers_of(services.storage, 2)["immediate-concern"].value == "no"


def test_at_the_submit_step_redact_runs_and_a_removal_confirmed_comes_back_to_the_submit_step(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_SUBMIT, "redact 1", "redact 1 q7", "1", "submit"], user=MANAGER)
    assert "ready to submit, so I haven't stored that" not in out
    listed = out[out.index("Stored texts of audit #1"):]
    asked = listed[listed.index("Remove q7"):]
    assert "Back to audit #1:" in listed[:listed.index("Remove q7")]  # after the list, the submit step again
    assert "Back to audit #1:" not in asked[:asked.index("→ You picked 1")]  # its Yes and No stay the latest options
    removed = asked[asked.index("Removed q7"):]
    assert "Back to audit #1:" in removed and "Submit" in removed  # finding 17: the step again after the removal
    assert "is submitted for moderation" in removed


def test_a_knowledge_question_at_a_number_question_is_answered_and_the_number_is_still_asked(
        engine: Engine, services: Services) -> None:
    _, out = drive(engine, ["/audit start strategy-s47", "CR-654321", "1", "2", "what is a strategy discussion?",
                            "who should attend a strategy discussion", "8"], user=MANAGER)
    assert "Please type a number" not in out
    assert "== When is a strategy discussion needed and who should take part? ==" in out
    assert out.count("Back to audit #1, question 2:") == 2
    assert store.answers_of(services.storage, 1)["strategy-sampled"].value == "8"


def test_a_question_typed_for_the_evidence_note_is_answered_and_the_note_still_asked(engine: Engine,
                                                                                       services: Services) -> None:
    graded = TO_ACTIONS.index("good") + 1
    note = TO_ACTIONS[graded]
    _, out = drive(engine, [*TO_ACTIONS[:graded], "what should the evidence note include?", note], user=MANAGER)
    assert ("I read that as a question for me, so it is not saved as your evidence note. If it was your evidence "
            "note, type it again without the question mark.") in flat(out)
    assert "Back to audit #1, question 7:" in out
    assert store.answers_of(services.storage, 1)["practice-quality"].evidence == note


def test_at_the_strengths_a_question_and_a_command_go_aside_and_a_sentence_starting_with_a_command_word_is_kept(
        engine: Engine, services: Services) -> None:
    kept = "list the actions agreed with partners"
    _, out = drive(engine, [*TO_ACTIONS[:STRENGTHS_AT], "what should strengths include?", "list", kept],
                   user=MANAGER)
    assert "it is not saved as your strengths" in flat(out) and "Audits you can read" in out
    assert out.count("Back to audit #1:") == 2
    assert store.get_audit(services.storage, 1).strengths == kept
