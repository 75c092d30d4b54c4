"""A refused edit's problems at the lines of the file as it is on disk, not of the version that was never written.

Trial 44 (F10): with the folder broken, `kb edit core-group-timescale add alternative: …` was refused (right), but
its list said "kb/timescales.yaml:494 — entry 'working-days-counting' …", counting the alternative that was not
written; on disk, and in `kb check`, it is line 493. The edited text is checked as a whole, so each line of it that
is also a line on disk (the lines the edit left alone) is told by its number on disk, in a problem's place and in
its words ("… here and at kb/timescales.yaml:5 …"). A line the edit added has no line on disk and keeps its own.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from knowledge.problems import Problem


def line_map(original: str, edited: str) -> dict[int, int]:
    """Line number in `edited` -> line number in `original`, for each line the edit left as it was (1-based)."""
    matcher = difflib.SequenceMatcher(None, original.splitlines(), edited.splitlines(), autojunk=False)
    mapped: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            mapped[block.b + offset + 1] = block.a + offset + 1
    return mapped


def on_disk(problems: Iterable[Problem], file: str, original: str, edited: str) -> list[Problem]:
    """`problems` (found in `edited`, the text meant for `file`) with `file`'s lines as they are on disk."""
    problems = list(problems)
    if original == edited or not any(file in f"{problem.file} {problem.message}" for problem in problems):
        return problems
    mapped = line_map(original, edited)
    cited = re.compile(rf"(?<![\w/.-]){re.escape(file)}:(\d+)")

    def moved(line: int) -> int:
        return mapped.get(line, line)

    return [Problem(problem.file,
                    moved(problem.line) if problem.file == file and problem.line is not None else problem.line,
                    cited.sub(lambda found: f"{file}:{moved(int(found.group(1)))}", problem.message))
            for problem in problems]


def fields_on_disk(lines: dict[str, int], original: str, edited: str) -> dict[str, int]:
    """An entry's field lines counted as `on_disk` counts its problems' (so a problem still finds its field)."""
    if original == edited:
        return lines
    mapped = line_map(original, edited)
    return {name: mapped.get(line, line) for name, line in lines.items()}
