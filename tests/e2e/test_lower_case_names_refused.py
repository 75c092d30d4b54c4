"""The user trial's BLOCKER, end to end in the terminal chat: a name or initials typed in lower case, as people type in
Slack, were stored as a question (and listed to the QA leads) or as an evidence note. Now they are refused with the
usual message, and nothing is stored anywhere."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import masked
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import repeated

PRACTITIONER = "U0PRAN002"


def _stored(services: Services) -> str:
    """Everything the audits and questions tables hold, as one text."""
    db = services.storage.db
    return " ".join(str(row) for table in ("audits", "kb_asks") for row in db.query(f"SELECT * FROM {table}"))


@pytest.mark.parametrize(("question", "words"), [
    ("a girl called ruby keeps going missing, what do i do", "ruby"),
    ("what do I do if grace brown's mum won't let me in", "grace brown's"),
    ("child ab is 4 and not in nursery, is that neglect", "ab"),
    ("how do I record that olivia said she was scared?", "olivia"),  # second trial: 'that' shielded the name
    ("record that jack said no", "jack"),
    ("how do i handle a child called ocean refusing visits", "ocean"),  # trial 8: an everyday word after a naming cue
])
def test_a_question_with_a_lower_case_name_is_refused_and_never_reaches_the_qa_leads(
        engine: Engine, services: Services, question: str, words: str) -> None:
    _, asked = drive(engine, [question], user=PRACTITIONER)
    flat = " ".join(asked.split())
    assert f"I haven't stored or answered that question: “{masked(words)}” looks like" in flat
    assert repeated(words, asked) == []
    assert services.storage.db["kb_asks"].count == 0
    _, listed = drive(engine, ["/audit kb unanswered"], user="U0QALEAD1")
    assert "No unanswered or unhelpful questions" in listed


@pytest.mark.parametrize(("note", "words"), [
    ("yes, seen alone, js said he felt safe", "js"),
    ("yes, seen alone, Js told me he felt safe", "Js"),
    ("no, the boy jack is safe tonight", "jack"),
    ("no, a girl called ruby is safe at home", "ruby"),
    ("yes, spoke to grace brown today, she said she was safe", "grace brown"),
    ("no, mum said js was hit", "js"),
    ("no, the boy, reece, ran off", "reece"),
])
def test_an_evidence_note_with_a_lower_case_name_is_refused_and_nothing_is_stored(
        engine: Engine, services: Services, note: str, words: str) -> None:
    # the Voice of the child checklist, a case, its worker; then a yes or no with its evidence note, typed at once
    _, out = drive(engine, ["start audit", "Voice of the child", "CR-123456", "1", note, "quit"])
    flat = " ".join(out.split())
    assert f"I can't store that evidence note: “{masked(words)}” looks like" in flat
    assert repeated(words, out) == []
    assert "Nothing was saved." in flat
    [audit] = services.storage.db.query("SELECT id FROM audits")
    assert store.answers_of(services.storage, audit["id"]) == {}
    assert words not in _stored(services)
