"""Trial 41 (MEDIUM 6): at a grade's evidence note, `what counts as seen alone for a toddler` became the note
("Answered before: Good — what counts as seen alone for a toddler"). A line shaped as a question (a question's word
and what follows one, or a verb then who it asks about) is read as a question there, as with "?": answered, nothing
stored, and the note asked for again; a note that only starts with a question's words is kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.question_opening import shaped_as_question
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)
AUDITOR = "U0MGRN001"
TO_EVIDENCE = TO_ACTIONS[:10]  # the early help spot check, graded Good at its first graded question


def _at_evidence(engine: Engine) -> None:
    for line in TO_EVIDENCE:
        engine.message(AUDITOR, line, surface="terminal")


@pytest.mark.parametrize("asked", ["what counts as seen alone for a toddler", "how do i evidence voice of child",
                                   "should the plan have a contingency", "can i grade good without a visit"])
def test_a_question_without_its_mark_at_the_evidence_note_is_answered_and_not_stored(engine: Engine,
                                                                                   services: Services,
                                                                                   asked: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _at_evidence(engine)
        step = store.get_audit(services.storage, 1).step
        said = flat("\n".join(reply.text for reply in engine.message(AUDITOR, asked, surface="terminal")), "`")
        assert "I read that as a question for me, so it is not saved as your" in said, said
        assert "type it again worded as a note, not a question" in said
        assert store.get_audit(services.storage, 1).step == step  # the note is asked for again
        assert all(answer.evidence != asked for answer in store.answers_of(services.storage, 1).values())
        engine.message(AUDITOR, "The plan and the visits show steady progress.", surface="terminal")
    assert any(answer.evidence == "The plan and the visits show steady progress."
               for answer in store.answers_of(services.storage, 1).values())


@pytest.mark.parametrize("note", ["when is the next review is unclear", "what is recorded is good",
                                  "how the plan was reviewed is not recorded", "what the child said is recorded well",
                                  "does not show the child was seen alone"])
def test_a_note_that_starts_with_a_questions_words_is_a_note(note: str) -> None:
    assert not shaped_as_question(note)


def test_the_note_that_starts_so_is_stored(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _at_evidence(engine)
        engine.message(AUDITOR, "when is the next review is unclear", surface="terminal")
    assert any(answer.evidence == "when is the next review is unclear"
               for answer in store.answers_of(services.storage, 1).values())


@given(st.text(max_size=80))
def test_the_reader_never_raises(text: str) -> None:
    assert shaped_as_question(text) in (True, False)
