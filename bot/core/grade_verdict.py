"""Whether a case's grade improved between two audits of it, compared like with like: the one rule `/audit compare`
says in words (bot/audits/compare.py) and the digests count (bot/digests), so they never disagree.

A grade of record is the moderator's once an audit is moderated, else the auditor's. Setting a moderator's grade
beside an auditor's can make practice look better or worse when only the grading changed (trial 15 F15: the
earlier audit moderated down, the re-audit not moderated yet, "improved"), so such a pair is compared only where
the auditors' own grades tell the same story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from knowledge.checklist_schema import GRADES

# Worst first: "Inadequate < Requires improvement to be good < Good < Outstanding".
GRADE_ORDER: tuple[str, ...] = tuple(reversed(GRADES))

GradeChange = Literal["improved", "same", "worse", ""]


def grade_change(before: str | None, after: str | None) -> GradeChange:
    """Whether the grade of record improved, stayed the same or got worse; empty when either audit has none."""
    if before not in GRADE_ORDER or after not in GRADE_ORDER:
        return ""
    step = GRADE_ORDER.index(after) - GRADE_ORDER.index(before)
    return "improved" if step > 0 else "worse" if step < 0 else "same"


@dataclass(frozen=True)
class Graded:
    """One audit's grades as a comparison needs them: its auditor's, and its moderator's once it is moderated."""

    auditor: str | None
    moderated: str | None = None

    @property
    def of_record(self) -> str | None:
        return self.moderated or self.auditor

    @property
    def regraded(self) -> bool:
        return self.moderated is not None and self.moderated != self.auditor


@dataclass(frozen=True)
class GradeVerdict:
    """Whether the grade improved, compared like with like. `change` is empty when it cannot be said: only one of
    the two audits was moderated, its moderator changed the auditor's grade, and the auditors' own grades tell a
    different story from the grades of record (then the difference is the moderation, not the practice)."""

    change: GradeChange
    record_change: GradeChange
    auditor_change: GradeChange


def grade_verdict(before: Graded, after: Graded) -> GradeVerdict:
    """The grades of record are compared when they are alike: both moderated, or neither changed by a moderator.
    When only one audit was moderated and regraded, its grade of record is a moderator's beside an auditor's, so
    the change is said only if the auditors' own grades moved the same way; a leader is never told practice improved
    because an earlier audit was moderated down while the re-audit is not moderated (yet). Grades of record that are
    equal are the same grade, moderated or not."""
    record = grade_change(before.of_record, after.of_record)
    auditors = grade_change(before.auditor, after.auditor)
    alike = (before.moderated is None) == (after.moderated is None) or not (before.regraded or after.regraded)
    # Equal grades of record are the same grade whoever gave them: there is no difference for a moderation to
    # explain (trial 22: both Inadequate was called "the difference ... is #32's moderation").
    return GradeVerdict(record if alike or record in (auditors, "same") else "", record, auditors)
