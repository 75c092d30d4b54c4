"""Issue #13: an edit to one entry can move a question people asked of another (the search's word counts are
global). Rewording the export entry's answer to say "from the start of this quarter" turned a placement-visit
question from an answer into "Did you mean…"; the QA lead's confirmation now names it."""

from __future__ import annotations

from pathlib import Path

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_unanswered_workflow import QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

PRACTITIONER = "U0PRAN001"
ASKED = "placement started, when must the social worker visit?"
NEW_ANSWER = ("Managers, QA leads and admins type `/audit export` for every audit from the start of this quarter, "
              "or `/audit export since 1/9` for longer.")


def test_the_confirmation_names_a_question_people_asked_that_the_edit_moved(engine: Engine, services: Services,
                                                                           kb_dir: Path) -> None:
    engine.message(PRACTITIONER, ASKED)
    assert services.storage.db.execute("SELECT outcome, entry_id FROM kb_asks").fetchall() == [
        ("answer", "cla-statutory-visits")]

    engine.message(QA_LEAD, f"kb edit export-audits answer: {NEW_ANSWER}")
    [done] = engine.message(QA_LEAD, "yes")

    assert done.text.startswith("Changed the answer of `export-audits`")
    assert "1 question now gets a different answer" in done.text
    assert f"• '{ASKED}' (asked recently) was answered by cla-statutory-visits, now Did you mean (" in done.text


def test_an_edit_that_moves_no_question_says_only_what_changed(engine: Engine, services: Services,
                                                               kb_dir: Path) -> None:
    engine.message(PRACTITIONER, ASKED)

    engine.message(QA_LEAD, "kb edit export-audits answer: Managers, QA leads and admins type `/audit export` for "
                            "every audit of this quarter, or `/audit export since 1/9` for longer.")
    [done] = engine.message(QA_LEAD, "yes")

    assert done.text.startswith("Changed the answer of `export-audits`") and "different answer" not in done.text
