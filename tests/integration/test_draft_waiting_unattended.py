"""Trial 57 (F2, F4): a draft waiting at "Why this grade?" while no session is at it. The next session opened with no
word of it, and `requires improvement`, `ri` and the evidence note typed then were answered from the knowledge base
and put on the QA leads' list; a `resume` list left for a new session asked for "1 or 2" and refused `1`. Now the
session says where the draft waits, a bare grade word or the note is told so (never searched or logged), and the
list is shown again so `1` picks from it."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_audit_finish_answers import chat
from tests.integration.test_grade_note_asked_again import TO_Q7

WAITING = "Audit #1 (CR-555555, "


def _asked(services: Services) -> int:
    return int(services.storage.db.execute("SELECT count(*) FROM kb_asks").fetchone()[0])


def _paused_at_the_note(engine: Engine) -> None:
    chat(engine, [*TO_Q7, "requires improvment", "pause"])


def test_a_session_opening_with_a_draft_at_its_note_says_where_it_waits(engine: Engine) -> None:
    _paused_at_the_note(engine)
    out = chat(engine, [])
    assert "is waiting at Q7 (Why this grade?): type resume to carry on." in out
    assert WAITING in out


@pytest.mark.parametrize("line", ["requires improvement", "ri", "good",
                                  "the neglect is described but not analysed"])
def test_a_grade_word_or_the_note_typed_then_is_not_asked_of_the_knowledge_base(engine: Engine, services: Services,
                                                                                line: str) -> None:
    _paused_at_the_note(engine)
    out = chat(engine, [line])
    assert out.count("is waiting at Q7 (Why this grade?): type resume to carry on.") == 2, out
    assert f"“{line}” was not asked of the knowledge base" in out
    assert _asked(services) == 0


def test_a_question_typed_then_is_still_answered(engine: Engine, services: Services) -> None:
    _paused_at_the_note(engine)
    out = chat(engine, ["can i change an audit after i have submitted it?"])
    assert "was not asked of the knowledge base" not in out
    assert "Can I change an audit after I have submitted it?" in out


def test_a_resume_list_left_unpicked_is_shown_again_and_1_picks_from_it(engine: Engine,
                                                                        services: Services) -> None:
    chat(engine, [*TO_Q7, "requires improvment", "pause", "start audit early-help-spot", "CR-555556", "pause",
                  "resume"])
    out = chat(engine, ["1"])
    assert "Picking up where you left off: Your audits in progress" in out
    assert "There are no options to pick from just now" not in out
    assert "Carrying on with audit #" in out
    assert [d.id for d in store.drafts_of(services.storage, "U0MGRN001") if not d.state.get("paused")]
