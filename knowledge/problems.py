"""Problems found in the knowledge base, phrased for the QA lead who edits the YAML.

A problem names the file (relative to the knowledge folder), the line and what to do, so that
`kb check` and the bot's reload message can show every problem at once and the lead fixes them in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass


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

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The knowledge base has {count} {noun}:"]
        lines.extend(f"- {problem}" for problem in self.problems)
        return "\n".join(lines)
