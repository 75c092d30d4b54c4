"""Issue #13: an edit to one entry can move a question people asked of another (the search's word counts are
global). A wording added to the placement plan that borrows a placement-visit question's words turns that question
from an answer into "Did you mean…"; the QA lead's confirmation names it."""

from __future__ import annotations

from pathlib import Path

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_unanswered_workflow import QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

PRACTITIONER = "U0PRAN001"
# (was "…when must the social worker visit?", which the visits entry now answers too firmly for any wording to move)
ASKED = "placement started, what must the social worker put in place?"
# A QA lead's wording for the placement plan that borrows the asked question's words: it moves that question.
PLAN_WORDING = "when the placement started, what must the social worker put in the placement plan"
NEW_ANSWER = ("Managers, QA leads and admins type `/audit export` for every audit from the start of this quarter, "
              "or `/audit export since 1/9` for longer.")


def test_the_confirmation_names_a_question_people_asked_that_the_edit_moved(engine: Engine, services: Services,
                                                                           kb_dir: Path) -> None:
    engine.message(PRACTITIONER, ASKED)
    assert services.storage.db.execute("SELECT outcome, entry_id FROM kb_asks").fetchall() == [("ambiguous", None)]

    engine.message(QA_LEAD, f"kb edit placement-plan add alternative: {PLAN_WORDING}")
    [done] = engine.message(QA_LEAD, "yes")

    assert done.text.startswith("Changed the alternatives of `placement-plan`")
    assert "2 questions now get a different answer" in done.text  # the new wording itself, and the question asked
    assert f"• '{ASKED}' (asked recently) was Did you mean (placement-stability, supported-accommodation-under-16, " \
           "cla-statutory-visits), now answered by placement-plan" in done.text


def test_an_edit_that_moves_no_question_says_only_what_changed(engine: Engine, services: Services,
                                                               kb_dir: Path) -> None:
    engine.message(PRACTITIONER, ASKED)

    engine.message(QA_LEAD, "kb edit export-audits answer: Managers, QA leads and admins type `/audit export` for "
                            "every audit of this quarter, or `/audit export since 1/9` for longer.")
    [done] = engine.message(QA_LEAD, "yes")

    assert done.text.startswith("Changed the answer of `export-audits`") and "different answer" not in done.text
