"""`/audit show` says what its marks mean (trial 22: graded answers imported without their evidence note were marked
"[missing]" with no key, read as the answer being missing)."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_wording import submitted_audit

WHEN = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def test_a_grade_without_its_evidence_note_is_said_to_be_and_the_mark_is_explained(engine: Engine,
                                                                                    services: Services) -> None:
    with time_machine.travel(WHEN, tick=False):
        audit_id = submitted_audit(engine, services)
        [shown_whole] = engine.command("U0MGRN001", f"show {audit_id}", surface="terminal")
        graded = services.storage.db.execute(
            "SELECT question_id FROM answers WHERE audit_id = ? AND evidence IS NOT NULL", [audit_id]).fetchone()[0]
        services.storage.db.execute("UPDATE answers SET evidence = NULL WHERE audit_id = ? AND question_id = ?",
                                    [audit_id, graded])
        [shown] = engine.command("U0MGRN001", f"show {audit_id}", surface="terminal")
    assert ":question:" not in shown_whole.text and "evidence note" not in shown_whole.text
    [line] = [ln for ln in shown.text.splitlines() if ln.startswith(":question:") and " — " in ln]
    assert line.endswith("_(no evidence note)_")
    assert ":question: a required question not answered yet, or a grade without its evidence note." in shown.text
