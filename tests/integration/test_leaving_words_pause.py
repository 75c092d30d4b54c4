"""Trial 32, HIGH 1 and MEDIUM 5: a manager on her phone typed `sorry got to go will finish later` at "Why this
grade?" and it was saved as the grade's evidence; at a yes/no question such words were told "Please answer yes,
no…", and `can i pause this` was answered by the knowledge base. Leaving words at any step of an audit now pause it,
saying how to resume, and are never stored."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import TO_ACTIONS
from tests.integration.test_why_this_grade_check import say

TO_WHY = TO_ACTIONS[:TO_ACTIONS.index("good") + 1]  # the early help spot check, at its first "Why this grade?"
QUALITY = "practice-quality"
LEAVING = ["sorry got to go will finish later", "got to go, pick this up later", "brb", "pause audit",
           "stop for now", "save and exit", "ill finish this later", "can i pause this", "can i pause this?", "gtg",
           "pick this up later", "will finish later", "Sorry, got to go - will finish this later",
           "can we stop here, back after lunch", "lets stop there for now"]


def audit(services: Services) -> store.AuditRow:
    row = store.get_audit(services.storage, 1)
    assert row is not None
    return row


def paused_said(replies: list[Reply]) -> None:
    assert len(replies) == 1, [r.text for r in replies]
    assert replies[0].text.startswith("Paused audit #1. Everything so far is saved.")
    assert "`/audit resume`" in replies[0].text and [c.label for c in replies[0].choices] == ["Resume"]


@pytest.mark.parametrize("typed", LEAVING)
def test_leaving_words_at_why_this_grade_pause_and_are_never_the_evidence(engine: Engine, services: Services,
                                                                          typed: str) -> None:
    paused_said(say(engine, *TO_WHY, typed))
    assert audit(services).state.get("paused") is True and audit(services).step == f"evidence:{QUALITY}"
    assert store.answers_of(services.storage, 1)[QUALITY].evidence is None
    replies = say(engine, "resume")  # back at the same question, which still waits for its note
    assert "Why this grade?" in "\n".join(r.text for r in replies)


@pytest.mark.parametrize("typed", LEAVING)
def test_leaving_words_at_a_yes_no_question_pause_not_refused_or_asked(engine: Engine, services: Services,
                                                                       typed: str) -> None:
    at_question = TO_ACTIONS[:4]  # start, case, worker, `no`: the next yes/no question waits
    paused_said(say(engine, *at_question, typed))
    assert audit(services).state.get("paused") is True
    assert len(store.answers_of(services.storage, 1)) == 1  # only the scripted `no` is stored


@pytest.mark.parametrize("step_lines", [TO_ACTIONS[:TO_ACTIONS.index("Direct work is thoughtful.")],  # strengths
                                        TO_ACTIONS])  # the actions step
def test_leaving_words_at_strengths_and_actions_pause_and_store_nothing(engine: Engine, services: Services,
                                                                        step_lines: list[str]) -> None:
    say(engine, *step_lines)
    step = audit(services).step
    paused_said(say(engine, "sorry got to go will finish later"))
    row = audit(services)
    assert row.step == step and row.state.get("paused") is True
    assert "got to go" not in str(row.strengths) + str(row.development)
    assert services.storage.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == 0


def test_evidence_that_mentions_going_is_still_evidence(engine: Engine, services: Services) -> None:
    note = "Mum said she had got to go to court so the visit was cut short."
    say(engine, *TO_WHY, note)
    assert store.answers_of(services.storage, 1)[QUALITY].evidence == note


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(phrase=st.sampled_from(["got to go", "sorry gtg", "brb", "pause audit", "can i pause this", "save and exit",
                               "stop for now", "will finish later", "pick this up later", "ok got to go"]),
       after=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_no_text_after_a_leaving_phrase_is_ever_stored(engine: Engine, services: Services, phrase: str,
                                                       after: str) -> None:
    if store.get_audit(services.storage, 1) is None:
        say(engine, *TO_WHY)
    replies = say(engine, f"{phrase} {after}")
    assert replies and replies[0].text.startswith("Paused audit #1.")
    assert store.answers_of(services.storage, 1)[QUALITY].evidence is None
    assert audit(services).step == f"evidence:{QUALITY}"
    say(engine, "resume")
