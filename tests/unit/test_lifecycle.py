"""The audit lifecycle as one table: each change, from each status, by the auditor or someone else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.audits.lifecycle import (
    Change,
    DuplicatePress,
    Moderated,
    Status,
    allowed,
    close_refusal,
    edit_refusal,
    reopen_refusal,
    restore_refusal,
    step_refusal,
    target,
)
from bot.errors import AccessDenied, StaleAction, UserError
from bot.storage.audits import AuditRow

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
WINDOW = timedelta(days=7)
AUDITOR, OTHER = "U0AUDITOR", "U0OTHER"


def audit(status: str, *, version: int = 3, submitted: bool = False, cancelled: datetime | None = None,
          last_press: str | None = None) -> AuditRow:
    state: dict[str, object] = {"last_press": last_press}
    if cancelled is not None:
        state["cancelled_at"] = cancelled.strftime("%Y-%m-%dT%H:%M:%SZ")
    return AuditRow(id=7, checklist_id="c", checklist_hash="h", case_ref="AB-1234", auditor_id=AUDITOR,
                    worker_id="U0WORKER", team_id="t", status=status, step="review", step_version=version,
                    state=state, suggested_grade=None, overall_grade=None, grade_reason=None, strengths=None,
                    development=None, started_at="2026-03-01T09:00:00Z", updated_at="2026-03-09T09:00:00Z",
                    submitted_at="2026-03-05T09:00:00Z" if submitted else None, moderated_at=None)


@pytest.mark.parametrize(("change", "froms", "to"), [
    (Change.STEP, {"draft"}, "draft"),
    (Change.SUBMIT, {"draft"}, "submitted"),
    (Change.CANCEL, {"draft"}, "cancelled"),
    (Change.RESTORE, {"cancelled"}, "draft"),
    (Change.REOPEN, {"submitted"}, "draft"),
    (Change.EDIT, {"submitted"}, "submitted"),
    (Change.OPEN_MODERATION, {"submitted"}, "in_moderation"),
    (Change.RECORD_MODERATION, {"in_moderation"}, "moderated"),
])
def test_each_change_starts_from_its_statuses_only(change: Change, froms: set[str], to: str) -> None:
    assert {status.value for status in Status if allowed(change, status)} == froms
    assert target(change) == to


# (what, audit, actor, expected error class or None, words the message contains)
CASES = [
    ("step on own draft", lambda: step_refusal(audit("draft"), AUDITOR, 3), None, ""),
    ("step on missing audit", lambda: step_refusal(None, AUDITOR, 3), UserError, "can't find that audit"),
    ("step by someone else", lambda: step_refusal(audit("draft"), OTHER, 3), AccessDenied, "Only the person"),
    ("step on submitted", lambda: step_refusal(audit("submitted"), AUDITOR, 3), StaleAction, "is submitted"),
    ("step on old version", lambda: step_refusal(audit("draft"), AUDITOR, 2, "p"), StaleAction, "earlier question"),
    ("same press twice", lambda: step_refusal(audit("draft", last_press="2:p"), AUDITOR, 2, "p"), DuplicatePress, ""),
    ("submit own draft", lambda: close_refusal(audit("draft"), AUDITOR, 3, Change.SUBMIT), None, ""),
    ("submit someone else's", lambda: close_refusal(audit("draft"), OTHER, 3, Change.SUBMIT), AccessDenied, "do that"),
    ("submit twice", lambda: close_refusal(audit("submitted"), AUDITOR, 3, Change.SUBMIT), StaleAction, "moved on"),
    ("cancel own draft", lambda: close_refusal(audit("draft"), AUDITOR, 3, Change.CANCEL), None, ""),
    ("cancel a reopened audit", lambda: close_refusal(audit("draft", submitted=True), AUDITOR, 3, Change.CANCEL),
     UserError, "was submitted before"),
    ("restore in time", lambda: restore_refusal(audit("cancelled", cancelled=NOW - timedelta(days=1)), 7, AUDITOR,
                                                NOW, WINDOW), None, ""),
    ("restore too late", lambda: restore_refusal(audit("cancelled", cancelled=NOW - timedelta(days=8)), 7, AUDITOR,
                                                 NOW, WINDOW), UserError, "more than 7 days ago"),
    ("restore a draft", lambda: restore_refusal(audit("draft"), 7, AUDITOR, NOW, WINDOW), UserError, "not cancelled"),
    ("restore someone else's", lambda: restore_refusal(audit("cancelled", cancelled=NOW), 7, OTHER, NOW, WINDOW),
     AccessDenied, "only their own"),
    ("reopen own submitted", lambda: reopen_refusal(audit("submitted"), 7, AUDITOR), None, ""),
    ("reopen a draft", lambda: reopen_refusal(audit("draft"), 7, AUDITOR), UserError, "already open for changes"),
    ("reopen in moderation", lambda: reopen_refusal(audit("in_moderation"), 7, AUDITOR), UserError, "read-only"),
    ("reopen moderated", lambda: reopen_refusal(audit("moderated"), 7, AUDITOR), Moderated, "has been moderated"),
    ("reopen cancelled", lambda: reopen_refusal(audit("cancelled"), 7, AUDITOR), UserError, "is cancelled"),
    ("reopen someone else's", lambda: reopen_refusal(audit("submitted"), 7, OTHER), AccessDenied, "did this audit"),
    ("edit own submitted", lambda: edit_refusal(audit("submitted"), AUDITOR, "strengths"), None, ""),
    ("edit an unknown field", lambda: edit_refusal(audit("submitted"), AUDITOR, "case_ref"), UserError,
     "You can change"),
    ("edit a draft", lambda: edit_refusal(audit("draft"), AUDITOR, "strengths"), UserError, "Only a submitted audit"),
    ("edit in moderation", lambda: edit_refusal(audit("in_moderation"), AUDITOR, "strengths"), UserError, "read-only"),
    ("edit someone else's", lambda: edit_refusal(audit("submitted"), OTHER, "strengths"), AccessDenied, ""),
]


@pytest.mark.parametrize(("what", "check", "error", "words"), CASES, ids=[case[0] for case in CASES])
def test_who_may_make_which_change(what: str, check: object, error: type[Exception] | None, words: str) -> None:
    problem = check()  # type: ignore[operator]
    if error is None:
        assert problem is None, what
    else:
        assert type(problem) is error and words in str(problem), what
