"""Trial 14, F11: a QA lead added by hand an entry "Who should come to a core group?", reloaded, and typed its
question word for word: "Did you mean…" with the new entry first. Another entry's alternative, "who is in the core
group", reads as the same terms (the small words aside), and a wording two entries share finds neither; but a
question in one entry's own words, small words and all, is that entry's, as the README promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.routing import Engine
from tests.integration.test_kb_screen_everywhere import add_entry
from tests.integration.test_unanswered_workflow import QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text

ENTRY = """  - id: core-group-members
    question: Who should come to a core group?
    answer: The social worker, the parents, the child where old enough, and the professionals working with the family.
    tags: [core group]
    source: Working Together to Safeguard Children 2023
    owner: U0QALEAD1
    review_by: 2027-12-31
"""


@pytest.mark.parametrize("typed", ["Who should come to a core group?", "who should come to a core group"])
def test_a_new_entrys_own_question_typed_word_for_word_is_answered_with_it(engine: Engine, kb_dir: Path,
                                                                           typed: str) -> None:
    add_entry(kb_dir, ENTRY)
    [reloaded] = engine.command(QA_LEAD, "kb reload")
    assert reloaded.kind != "error"

    replies = engine.message(QA_LEAD, typed)

    assert replies[0].title == "Who should come to a core group?"
    assert "Did you mean" not in all_text(replies)


def test_the_other_entrys_own_wording_still_finds_that_entry(engine: Engine, kb_dir: Path) -> None:
    add_entry(kb_dir, ENTRY)
    engine.command(QA_LEAD, "kb reload")

    replies = engine.message(QA_LEAD, "who is in the core group")

    assert replies[0].title == "When must the first core group meeting take place?"
