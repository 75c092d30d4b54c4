"""`/audit show`'s overall grade reads with one bracket at most (user trial 9, finding 14: after moderation it said
"Overall grade: Good (after moderation; the auditor graded Requires improvement to be good (changed from Good on
3 Dec 2026) (suggested Requires improvement to be good; reason: views are summarised by adults))")."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from bot.audits.core import grade_line
from bot.core.services import Services
from bot.storage import audits as store
from tests.support.digest_rows import AuditRows

RI = "Requires improvement to be good"


def _audit(services: Services, **fields: str | None) -> store.AuditRow:
    audit = store.get_audit(services.storage, AuditRows(services).audit(submitted=datetime(2026, 12, 1, tzinfo=UTC)))
    assert audit is not None
    return replace(audit, **fields)


def test_a_regraded_audit_with_a_changed_grade_and_a_reason_nests_no_brackets(services: Services) -> None:
    audit = _audit(services, overall_grade="requires_improvement", suggested_grade="requires_improvement",
                   grade_reason="views are summarised by adults", moderated_grade="good")
    said = grade_line(audit, ("good", date(2026, 12, 3)))
    assert said == (f"**Overall grade:** Good (after moderation; the auditor graded {RI})\n"
                    f"The auditor's grade was changed from Good on 3 Dec 2026. Suggested grade: {RI}. The auditor's "
                    "reason: views are summarised by adults.")


def test_an_agreed_grade_changed_after_submitting_keeps_one_bracket(services: Services) -> None:
    audit = _audit(services, overall_grade="good", suggested_grade="requires_improvement",
                   grade_reason="the plan is now reviewed monthly.", moderated_grade="good")
    assert grade_line(audit, ("requires_improvement", date(2026, 12, 2))) == (
        f"**Overall grade:** Good (changed from {RI} on 2 Dec 2026; agreed at moderation)\n"
        f"Suggested grade: {RI}. Reason: the plan is now reviewed monthly.")


def test_the_plain_forms_are_as_before(services: Services) -> None:
    assert grade_line(_audit(services, moderated_grade="inadequate")) == (
        "**Overall grade:** Inadequate (after moderation; the auditor graded Good)")
    assert grade_line(_audit(services, moderated_grade="good")) == "**Overall grade:** Good (agreed at moderation)"
    assert grade_line(_audit(services)) == "**Overall grade:** Good"
