"""Trial 18: a QA lead added an entry with the alternative "booking a room for supervised contact"; `kb check` passed
and the reload listed it, but typing exactly those words got "I can't help with that here: … desks, meeting rooms and
parking" (the out-of-scope topic's phrase "book a room"). An entry's own wording, word for word, is what the QA leads
said those words mean: it is answered whatever topic its words brush. Other questions with the phrase stay out of
scope."""

from __future__ import annotations

import shutil

import pytest

from bot.settings.config import PROJECT_DIR
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

FAMILY_TIME_ROOM = """\
entries:
  - id: family-time-room
    question: How do I arrange a room for supervised family time?
    alternatives:
      - booking a room for supervised contact
    answer: Ask the family time service; they book the contact rooms and the supervising worker together.
    source: Test fixture
    review_by: 2035-01-01
"""


@pytest.fixture(scope="module")
def with_room_entry(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeSearch:
    folder = tmp_path_factory.mktemp("kb") / "knowledge"
    shutil.copytree(PROJECT_DIR / "knowledge", folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (folder / "kb" / "zz-family-time-room.yaml").write_text(FAMILY_TIME_ROOM, encoding="utf-8")
    return KnowledgeSearch(load_knowledge(folder))


@pytest.mark.parametrize("typed", ["booking a room for supervised contact", "Booking a room for supervised contact?"])
def test_an_entrys_own_wording_is_answered_though_a_topic_phrase_is_in_it(with_room_entry: KnowledgeSearch,
                                                                           typed: str) -> None:
    result = with_room_entry.search(typed)
    assert (result.outcome, result.answer.entry_id if result.answer else None, result.topic) == \
        ("answer", "family-time-room", None)


def test_other_questions_with_the_phrase_stay_out_of_scope(with_room_entry: KnowledgeSearch) -> None:
    result = with_room_entry.search("how do i book a room for a team meeting")
    assert result.outcome == "none" and result.topic is not None and result.topic.topic == "office"
