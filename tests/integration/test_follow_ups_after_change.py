"""Follow-up questions after `change N` at the review. An answer that brings in a follow-up the review did not show
asks it before going back to the review, as a first pass would, optional or not (an optional one was passed over
without a word). An answer that takes follow-ups away takes their answers out of the audit: they were kept, counted
in the digest's flagged questions and the export, and came back unasked, as if still true, when the answer changed
back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import Settings, load_settings
from bot.storage import audits as store
from bot.storage.reports.digests import flagged_question_counts
from bot.storage.reports.export import audit_details
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
SHAPED, REVIEWED = "family-plan-shaped", "family-plan-reviewed"  # 4a and 4b, asked when question 4 is "yes"


def to_review(answer_4: str) -> list[str]:
    """The early help spot check to its review, question 4 ("a family plan with clear outcomes?") answered
    `answer_4` and, when it is "yes", its follow-ups 4a and 4b answered "no" (both flagged)."""
    follow_ups = ["no", "no"] if answer_4 == "yes" else []
    return ["start audit early-help-spot", "CR-555555", WORKER, "no", "yes", "yes", answer_4, *follow_ups, "yes",
            "yes", "good", "The plan and the visits show steady progress.", "yes", "1", "good",
            "The step-down decision is recorded with the family's views."]


def answered(services: Services) -> dict[str, str]:
    rows = services.storage.db.execute("SELECT question_id, value FROM answers WHERE audit_id = 1")
    return {question: value for question, value in rows}


def test_an_answer_that_takes_follow_ups_away_takes_their_answers_out_of_the_audit(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, to_review("yes"), user=AUDITOR)
        _, out = drive(engine, ["change 4", "no"], user=AUDITOR)
        assert ("Questions 4a and 4b no longer apply with this answer, so I've taken their answers out of the audit."
                in flat(out, "`"))
        assert SHAPED not in answered(services) and REVIEWED not in answered(services)
        _, out = drive(engine, ["next", "good", "Direct work is thoughtful.", "skip", "done", "submit"], user=AUDITOR)
        assert "submitted for moderation" in out
    exported = {a["question_id"] for a in audit_details(services.storage, 1)["answers"]}
    assert SHAPED not in exported and REVIEWED not in exported
    flagged = flagged_question_counts(services.storage, DRAFTED - timedelta(days=1), DRAFTED + timedelta(days=1), None)
    assert {question for rows in flagged.values() for _, question, _ in rows} == {"family-plan-outcomes"}


def test_changing_the_answer_back_asks_the_follow_ups_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, to_review("yes"), user=AUDITOR)
        drive(engine, ["change 4", "no"], user=AUDITOR)
        _, out = drive(engine, ["change 4", "yes"], user=AUDITOR)
    assert "Question 4a: a follow-up to your answer to question 4" in out  # was: back to the review, 4a "No" unasked
    assert store.get_audit(services.storage, 1).step == f"question:{SHAPED}"
    assert SHAPED not in answered(services)


def test_a_submitted_audit_reopened_keeps_the_answers_taken_out_as_revisions(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, [*to_review("yes"), "next", "good", "Direct work is thoughtful.", "skip", "done", "submit"],
              user=AUDITOR)
        _, out = drive(engine, ["/audit edit 1", "change 4", "no", "submit"], user=AUDITOR)
    assert "no longer apply" in out and SHAPED not in answered(services)
    taken = {(r["field"], r["old_value"], r["new_value"]) for r in store.revisions_of(services.storage, 1)}
    assert {(f"answer:{SHAPED}", "no", None), (f"answer:{REVIEWED}", "no", None)} <= taken


class TestOptionalFollowUps:
    """The same checklist with its follow-ups 4a and 4b optional (no shipped checklist has one yet): the
    change asks them in turn, `skip` passing one over as on a first pass, and a later change asks neither again."""

    @pytest.fixture
    def settings(self, environ: dict[str, str], kb_dir: Path) -> Settings:
        path = kb_dir / "checklists" / "early-help.yaml"
        condition = '            show_if: {question: family-plan-outcomes, equals: "yes"}\n'
        text = path.read_text(encoding="utf-8")
        assert text.count(condition) == 2
        path.write_text(text.replace(condition, f"            required: false\n{condition}"), encoding="utf-8")
        return load_settings(environ)

    def test_a_change_that_brings_in_optional_follow_ups_asks_them_then_returns_to_the_review(
            self, engine: Engine, services: Services) -> None:
        with time_machine.travel(DRAFTED, tick=False):
            drive(engine, to_review("no"), user=AUDITOR)
            _, out = drive(engine, ["change 4", "yes"], user=AUDITOR)
            assert "Question 4a: a follow-up to your answer to question 4" in out  # was: straight back to the review
            assert store.get_audit(services.storage, 1).step == f"question:{SHAPED}"
            _, out = drive(engine, ["skip", "yes"], user=AUDITOR)
        assert "Question 4b: a follow-up to your answer to question 4" in out
        assert "== Review: audit #1 ==" in out.split("Question 4b")[1]
        assert store.get_audit(services.storage, 1).step == "review"
        assert answered(services)[REVIEWED] == "yes" and SHAPED not in answered(services)
        with time_machine.travel(DRAFTED, tick=False):
            _, out = drive(engine, ["change 4", "yes"], user=AUDITOR)
        assert "Question 4a" not in out  # skipped once, it is not asked again when nothing brings it in
        assert store.get_audit(services.storage, 1).step == "review"
