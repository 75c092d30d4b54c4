"""Are re-audits showing improvement? The count behind `/audit reaudits outcomes`: of the re-audits (an audit of a
case whose audit before it had a grade asking for one), how many improved the case's grade, kept it, made it worse or
cannot be said, overall and by team, with the re-audits behind "worse" so a leader can `/audit compare` each.

Each pair is judged by `/audit compare`'s own rule (bot.core.grade_verdict), so a moderated-down earlier audit beside
an unmoderated re-audit is never counted as improvement. Pure: the pairs come from bot.storage.reaudits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

from bot.core.grade_verdict import GradeChange, Graded, grade_verdict
from bot.storage.audits import AuditRow

# Beside a re-audit's grade that no moderator has decided yet, in compare, `/audit reaudits outcomes`, the digest and
# Home (trial 60 F19: "Inadequate → Good: improved" was read as improvement QA had not yet moderated; fix74b B3)
UNMODERATED = "the auditor's grade, not yet moderated"


@dataclass(frozen=True)
class Tally:
    """How many re-audits improved, kept or worsened the grade of record, or cannot be said to (`/audit compare`
    says why), the numbers of those that got worse, and how many of the improved rest on the auditor's grade, not yet
    moderated (trial 60 F19: an Inadequate to Good in 11 weeks is what QA moderates before calling it improvement)."""

    improved: int = 0
    same: int = 0
    worse: int = 0
    cannot_say: int = 0
    worse_ids: tuple[int, ...] = ()
    improved_unmoderated: int = 0

    @property
    def total(self) -> int:
        return self.improved + self.same + self.worse + self.cannot_say

    def counted(self, change: GradeChange, reaudit_id: int, moderated: bool = True) -> Tally:
        """This tally with one more re-audit, whose grade moved by `change` ("" when it cannot be said); `moderated`
        False when the re-audit's grade is its auditor's, no moderator having decided yet."""
        if change == "worse":
            return replace(self, worse=self.worse + 1, worse_ids=(*self.worse_ids, reaudit_id))
        if change == "improved":
            return replace(self, improved=self.improved + 1,
                           improved_unmoderated=self.improved_unmoderated + (not moderated))
        return replace(self, same=self.same + (change == "same"), cannot_say=self.cannot_say + (change == ""))

    def __add__(self, other: Tally) -> Tally:
        """Two tallies as one (several teams' together), field by field."""
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(Tally)})


def summed(tallies: Iterable[Tally]) -> Tally:
    """Several tallies as one: the whole service's from its teams'."""
    return sum(tallies, Tally())


@dataclass(frozen=True)
class Outcomes:
    """The whole service's (or the reader's scope's) tally, and each team's, by team id (the re-audit's team)."""

    overall: Tally
    by_team: tuple[tuple[str, Tally], ...]


def change_of(earlier: AuditRow, reaudit: AuditRow) -> GradeChange:
    """How the grade moved from the audit that asked for the re-audit to the re-audit, as `/audit compare` says it."""
    return grade_verdict(Graded(earlier.overall_grade, earlier.moderated_grade),
                         Graded(reaudit.overall_grade, reaudit.moderated_grade)).change


def outcomes(pairs: Iterable[tuple[AuditRow, AuditRow]]) -> Outcomes:
    """Count (earlier audit, its re-audit) pairs of the same case, overall and by the re-audit's team (teams in id
    order, so a reply reads the same each time); "worse" re-audits are listed in the order given."""
    overall = Tally()
    teams: dict[str, Tally] = {}
    for earlier, reaudit in pairs:
        change, moderated = change_of(earlier, reaudit), reaudit.moderated_grade is not None
        overall = overall.counted(change, reaudit.id, moderated)
        team = reaudit.team_id or ""
        teams[team] = teams.get(team, Tally()).counted(change, reaudit.id, moderated)
    return Outcomes(overall, tuple(sorted(teams.items())))
