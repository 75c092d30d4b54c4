"""The `reaudit:` block of settings.yaml: how many weeks after submission a case graded poorly is audited again.

Kept apart from `config.py` because it is one idea (the service's re-audit policy) with its own small checks; the
loader calls `parse_reaudit` and gets one `ConfigError` naming the key for any mistake.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.settings.problems import ConfigError
from knowledge.checklist_schema import GRADES

MAX_WEEKS = 104  # two years: a re-audit further off than that is not a plan anyone would track
DEFAULT_WEEKS: Mapping[str, int | None] = {"inadequate": 6, "requires_improvement": 12, "good": None,
                                           "outstanding": None}
NO_REAUDIT_WORDS = ("none", "never", "no")


@dataclass(frozen=True)
class ReauditSettings:
    """Weeks from an audit's submission to its re-audit, by grade of record; a grade left out needs no re-audit.

    Held as (grade, weeks) pairs so the settings stay immutable and hashable like the rest of `Settings`.
    """

    weeks_by_grade: tuple[tuple[str, int], ...] = tuple(
        (grade, weeks) for grade, weeks in DEFAULT_WEEKS.items() if weeks is not None)

    def weeks(self, grade: str | None) -> int | None:
        """Weeks until the re-audit of an audit with this grade of record, or None when none is needed."""
        return dict(self.weeks_by_grade).get(grade or "")

    @property
    def grades(self) -> tuple[str, ...]:
        """The grades of record that make a case due for re-audit."""
        return tuple(grade for grade, _ in self.weeks_by_grade)


def parse_reaudit(value: object, file: Path) -> ReauditSettings:
    """Read `reaudit:`: a mapping of grade to whole weeks (1 to MAX_WEEKS) or null for no re-audit; grades not
    named keep their default, so a council can change one grade without restating the others."""
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ConfigError(file, "reaudit", f"a mapping of grade to weeks, with any of {', '.join(GRADES)}", value)
    unknown = sorted(set(value) - set(GRADES), key=str)
    if unknown:
        raise ConfigError(file, f"reaudit.{unknown[0]}", f"one of the grades {', '.join(GRADES)}")
    chosen: dict[str, int | None] = dict(DEFAULT_WEEKS)
    for grade, weeks in value.items():
        if weeks is None or (isinstance(weeks, str) and weeks.strip().lower() in NO_REAUDIT_WORDS):
            chosen[grade] = None
        elif isinstance(weeks, int) and not isinstance(weeks, bool) and 1 <= weeks <= MAX_WEEKS:
            chosen[grade] = weeks
        else:
            raise ConfigError(file, f"reaudit.{grade}",
                              f"a whole number of weeks from 1 to {MAX_WEEKS}, or null for no re-audit", weeks)
    return ReauditSettings(tuple((grade, weeks) for grade in GRADES if (weeks := chosen[grade]) is not None))
