"""Trial 43: a grade's reason is stored with the grade it was written for, so a grade chosen since never takes it by
`keep`; `reuse` is the one word that gives it to the new grade."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.grade_words import KEEP_WORDS, REUSE_WORDS
from bot.core.services import Services
from bot.storage import audits as store
from tests.support.audit_rows import insert_audit

NOW = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)
AUDITOR = "U0MGRN001"
REASON = "the reviews have slipped badly"


def _draft(services: Services) -> int:
    return insert_audit(services.storage, "CR-555555", NOW, status="draft", auditor=AUDITOR)


def _move(services: Services, audit_id: int, **fields: str | None) -> store.AuditRow:
    audit = store.get_audit(services.storage, audit_id)
    store.advance(services.storage, audit_id, audit.step_version, AUDITOR, store.Move(step="x", fields=fields), NOW)
    return store.get_audit(services.storage, audit_id)


def test_a_grade_chosen_after_the_reason_does_not_take_it(services: Services) -> None:
    audit_id = _draft(services)
    _move(services, audit_id, overall_grade="requires_improvement")
    _move(services, audit_id, grade_reason=REASON)
    audit = _move(services, audit_id, overall_grade="outstanding")  # the grade changed; the reason stays on file
    assert (audit.grade_reason, audit.reason_grade) == (REASON, "requires_improvement")
    assert audit.reason_for("outstanding") is None
    assert audit.reason_for("requires_improvement") == REASON
    again = _move(services, audit_id, grade_reason=REASON)  # given again at Outstanding: now Outstanding's
    assert again.reason_for("outstanding") == REASON and again.reason_for("requires_improvement") is None


def test_a_grade_and_reason_written_together_belong_together(services: Services) -> None:
    audit_id = _draft(services)
    audit = _move(services, audit_id, overall_grade="good", grade_reason="The plan is clear.")
    assert audit.reason_for("good") == "The plan is clear."
    cleared = _move(services, audit_id, overall_grade="outstanding", grade_reason=None)
    assert cleared.reason_grade is None and cleared.reason_for("outstanding") is None


def test_a_reason_stored_before_its_grade_was_recorded_counts_as_the_current_grades(services: Services) -> None:
    audit = store.get_audit(services.storage, _draft(services))
    older = replace(audit, overall_grade="good", grade_reason="The plan is clear.", state={})
    assert older.reason_for("good") == "The plan is clear." and older.reason_for("outstanding") is None


@pytest.mark.parametrize("typed", ["reuse", "Reuse it", "re-use the reason", "reuse my earlier reason",
                                   "use it again", "use the same reason", "REUSE."])
def test_reuse_in_its_forms(typed: str) -> None:
    assert REUSE_WORDS.match(typed) and not KEEP_WORDS.match(typed)


@given(st.text(min_size=1, max_size=80))
def test_a_reason_in_words_is_never_read_as_reuse(text: str) -> None:
    """Only the few reuse forms match: anything with more in it is a reason of its own (or a refusal)."""
    if REUSE_WORDS.match(text):
        words = text.lower().replace("-", "").replace(".", " ").replace("!", " ").split()
        assert words[0] in ("reuse", "use") and len(words) <= 4, text


@given(st.sampled_from(["reuse", "reuse it", "use that again"]), st.text(" \t", max_size=3),
       st.text(" \t", max_size=3), st.booleans())
def test_reuse_read_whatever_its_case_and_spacing(word: str, before: str, after: str, upper: bool) -> None:
    assert REUSE_WORDS.match(f"{before}{word.upper() if upper else word}{after}")
