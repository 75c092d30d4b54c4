"""`kb check`'s "entry id … is used twice" with each place's question, so the QA lead sees which entry she added.

Trial 33: "kb/children-in-care.yaml:489: entry id 'personal-adviser' is used twice: here and at
kb/care-leavers.yaml:82; rename one of them." did not say which was new. The loader (knowledge/, which has no
identifier screen) words the problem with file and line only, as the start's log and notice keep it; here, where the
screen is at hand, the two questions are added, only when neither entry holds anything the screen refuses: a question
that could identify a child or family is never quoted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.privacy.knowledge_screen import entry_identifier_problems
from bot.privacy.screen import Screen
from knowledge.entries import EntryRef
from knowledge.problems import Problem

USED_TWICE = re.compile(r"^entry id '(?P<id>[^']+)' is used twice: here and at (?P<file>.+):(?P<line>\d+); "
                        r"rename one of them\.(?P<more>.*)$")  # `more`: what the rename broke (knowledge.loader)


def with_questions(problems: Sequence[Problem], refs: Sequence[object], screen: Screen) -> list[Problem]:
    """`problems` with each id-used-twice problem naming both entries' questions, where both can be quoted."""
    entries = {(ref.file, ref.line): ref for ref in refs if isinstance(ref, EntryRef)}
    return [_named(problem, entries, screen) for problem in problems]


def _named(problem: Problem, entries: dict[tuple[str, int | None], EntryRef], screen: Screen) -> Problem:
    said = USED_TWICE.match(problem.message)
    if said is None:
        return problem
    here, first = entries.get((problem.file, problem.line)), entries.get((said["file"], int(said["line"])))
    if here is None or first is None or not here.question or not first.question \
            or entry_identifier_problems([here, first], screen):
        return problem
    return Problem(problem.file, problem.line,
                   f"entry id '{said['id']}' is used twice: here, for “{_one_line(here.question)}”, and at "
                   f"{said['file']}:{said['line']}, for “{_one_line(first.question)}”; rename the one you added."
                   + said["more"])


def _one_line(text: str) -> str:
    return " ".join(text.split())
