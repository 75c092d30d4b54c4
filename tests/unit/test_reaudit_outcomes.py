"""The pure count behind `/audit reaudits outcomes` (bot.core.reaudit_outcomes): pairs of (earlier audit, re-audit)
counted improved / same / worse / can't say by `/audit compare`'s rule, overall and by the re-audit's team, with the
re-audits that got worse named in order."""

from __future__ import annotations

from bot.core.reaudit_outcomes import Tally, outcomes
from bot.storage.audits import AuditRow


def audit(number: int, grade: str | None, team: str = "north", moderated: str | None = None) -> AuditRow:
    return AuditRow(number, "case-audit", "h", f"CR-{number}", "U1", "U2", team, "submitted", "done", 1, {}, None,
                    grade, None, None, None, "2026-10-01T09:00:00+00:00", "2026-10-01T09:00:00+00:00",
                    "2026-10-01T09:00:00+00:00", None, 0, moderated)


def test_counts_overall_and_by_team_with_the_worse_ones_named() -> None:
    found = outcomes([
        (audit(1, "inadequate"), audit(11, "good")),
        (audit(2, "requires_improvement"), audit(12, "inadequate")),
        (audit(3, "inadequate", "south"), audit(13, "inadequate", "south")),
        (audit(4, "requires_improvement", "south"), audit(14, "inadequate", "south")),
        (audit(5, "inadequate"), audit(15, None)),
    ])
    assert found.overall == Tally(improved=1, same=1, worse=2, cannot_say=1, worse_ids=(12, 14),
                                  improved_unmoderated=1)
    assert found.by_team == (("north", Tally(1, 0, 1, 1, (12,), 1)), ("south", Tally(0, 1, 1, 0, (14,))))
    assert found.overall.total == 5


def test_a_moderated_down_earlier_audit_beside_an_unmoderated_re_audit_is_not_improvement() -> None:
    found = outcomes([(audit(1, "good", moderated="inadequate"), audit(11, "requires_improvement"))])
    assert found.overall == Tally(cannot_say=1)


def test_no_pairs_count_nothing() -> None:
    assert outcomes([]).overall.total == 0 and outcomes([]).by_team == ()


def test_improved_re_audits_not_yet_moderated_are_counted_apart() -> None:
    """Trial 60 F19: an Inadequate to Good on the auditor's grade alone is what QA moderates before reporting it."""
    found = outcomes([
        (audit(1, "inadequate"), audit(11, "good")),
        (audit(2, "inadequate"), audit(12, "good", moderated="good")),
        (audit(3, "inadequate"), audit(13, "good", moderated="requires_improvement")),
        (audit(4, "good"), audit(14, "good")),
    ])
    assert (found.overall.improved, found.overall.improved_unmoderated, found.overall.same) == (3, 1, 1)
