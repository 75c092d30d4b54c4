"""Trial 18: at Agree / Disagree a moderator typed the whole decision in one line, `disagree inadequate, views have not
influenced the plan…`, and it went to the knowledge base as an unanswered question (a judgement about one child's case
on the QA leads' list), with nothing decided. The line is the decision: the word, then what it asks next (the grade
with its reason for a disagreement, the reason for an agreement), read as if typed there."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.decision_words import one_line_decision
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderation_typed_grade import AUDITOR, QA, REASON, WEDNESDAY, flat
from tests.integration.test_wording import submitted_audit


def asked(services: Services) -> list[str]:
    return [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks")]


@pytest.mark.parametrize("line", [f"disagree inadequate, {REASON}", f"Disagree - Inadequate: {REASON}",
                                  f"I disagree, inadequate because {REASON}"])
def test_a_disagreement_with_its_grade_and_reason_in_one_line_is_the_decision(engine: Engine, services: Services,
                                                                              line: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)  # graded Good
        _, out = drive(engine, [f"/audit moderate {audit_id}", line, "send"], user=QA)
    text = flat(out)
    assert "Got it: Inadequate, with your reason." in text
    assert f"Moderation of audit #{audit_id} saved" in text and "I don't know that yet" not in text
    audit = store.get_audit(services.storage, audit_id)
    assert (audit.status, audit.moderated_grade) == ("moderated", "inadequate")
    assert asked(services) == []


def test_an_agreement_with_its_reason_in_one_line_is_the_decision(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "agree - the plan is clear and the child was heard"],
                       user=QA)
    assert f"Moderation of audit #{audit_id} saved" in flat(out)
    audit = store.get_audit(services.storage, audit_id)
    assert (audit.status, audit.moderated_grade) == ("moderated", "good")
    assert asked(services) == []


def test_a_disagreement_without_a_grade_asks_for_the_grade_and_stores_no_question(engine: Engine,
                                                                                 services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree, the plan has drifted"], user=QA)
    assert "I've kept your reason: “the plan has drifted”" in flat(out)  # trial 24: it was lost
    assert "What grade would you give?" in flat(out)
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"
    assert asked(services) == []


@given(word=st.sampled_from(["agree", "Disagree", "I agree", "DISAGREE"]),
       mark=st.sampled_from(["", ",", " -", ":", " —", "."]),
       rest=st.text(alphabet="abcdefghij ,.'", min_size=1, max_size=40).filter(lambda r: r.strip()[:1].isalpha()))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_word_and_what_follows_are_told_apart(word: str, mark: str, rest: str) -> None:
    found = one_line_decision(f"{word}{mark} {rest}")
    assert found is not None
    assert found[0] == word.lower().removeprefix("i ")
    assert found[1] == rest.strip()


@pytest.mark.parametrize("text", ["agree", "disagree", "agree 12", "disagree with audit #12", "agreement rate?",
                                  "what does disagree mean"])
def test_a_bare_decision_or_a_question_is_not_a_one_line_decision(text: str) -> None:
    assert one_line_decision(text) is None
