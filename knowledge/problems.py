"""Problems found in the knowledge base, phrased for the QA lead who edits the YAML.

A problem names the file (relative to the knowledge folder), the line and what to do, so that
`kb check` and the bot's reload message can show every problem at once and the lead fixes them in one pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the knowledge base, with where it is and how to fix it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeBaseError(Exception):
    """Raised when the knowledge base cannot be used; carries every problem, not only the first."""

    def __init__(self, problems: list[Problem], entries: Mapping[str, Any] | None = None,
                 checklist_files: frozenset[str] = frozenset(), texts: Sequence[Any] = (),
                 file_digests: Mapping[str, str] | None = None, checklist_texts: Sequence[Any] = ()) -> None:
        self.problems = list(problems)
        # The entries that did parse, though the folder as a whole did not (the first of each id).
        self.entries = dict(entries or {})
        # Every entry of the files that could be read, as written (knowledge.entries.EntryRef), those with other
        # problems too (an id used twice, no answer yet): `kb check` screens all their texts for identifiers in
        # the same run, so a QA lead sees both kinds of problem at once.
        self.texts = tuple(texts)
        # Every checklist text of the files that could be read, as written (knowledge.checklist_texts), screened
        # in the same run as the problems that stop the folder loading (trial 21).
        self.checklist_texts = tuple(checklist_texts)
        # The files that hold `checklists:`, so a reload can tell checklist problems apart from entries'.
        self.checklist_files = checklist_files
        # file -> digest of its text, for the files that could be read (what the start's screen is cached by).
        self.file_digests = dict(file_digests or {})
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The knowledge base has {count} {noun}:"]
        lines.extend(f"- {problem}" for problem in self.problems)
        return "\n".join(lines)


class EntryIds:
    """The entry ids a `related:` or guidance reference may point at, for one check of the folder.

    `known` holds every id written in a file that was read, even on entries with other problems, so a
    reference to a broken entry is not reported as missing as well. `unreadable` maps ids that appear to
    be written in a file that could not be read (YAML syntax error, ...) to that file: references to them are
    counted and reported as one line per file, instead of one misleading "no entry has that id" each.
    """

    def __init__(self, known: set[str], unreadable: dict[str, str] | None = None) -> None:
        self.known = known
        self.unreadable = dict(unreadable or {})
        self._into_unreadable: dict[str, int] = {}

    def missing(self, entry_id: str) -> bool:
        """True when no entry has this id; a reference into an unreadable file is counted, not missing."""
        if entry_id in self.known:
            return False
        file = self.unreadable.get(entry_id)
        if file is None:
            return True
        self._into_unreadable[file] = self._into_unreadable.get(file, 0) + 1
        return False

    def unreadable_problems(self) -> list[Problem]:
        """One problem per unreadable file that other entries or checklists point into."""
        problems = []
        for file, count in sorted(self._into_unreadable.items()):
            noun = "reference points" if count == 1 else "references point"
            problems.append(Problem(file, None, f"{count} {noun} into {file}, which could not be read: "
                                                "fix it first."))
        return problems


def is_checklist_problem(problem: Problem, checklist_files: frozenset[str] = frozenset()) -> bool:
    """A problem in a file of checklists (one holding `checklists:`, or under `checklists/` when the file could
    not be read far enough to tell), told apart from the knowledge base's entries on a reload."""
    return problem.file in checklist_files or problem.file.startswith("checklists/")
