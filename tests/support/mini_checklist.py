"""A one-section checklist written as a QA lead writes it, for tests of what the checklist loader accepts, refuses
and warns of: its opening (`MINI_HEAD`, or `SAMPLED_HEAD` for a counting checklist, up to `questions:`) and the
questions a test adds under it, parsed as the loader parses a file. Both openings are eight lines, so a question's
first line is line 9 of the file in the problems `kb check` reports."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.checklist_schema import Checklist, parse_checklists
from knowledge.problems import Problem
from knowledge.yamlsource import load_yaml_with_lines

MINI_HEAD = """\
checklists:
  - id: mini
    title: Mini audit
    period: the last 6 months
    sections:
      - id: one
        title: One
        questions:
"""

SAMPLED_HEAD = """\
checklists:
  - id: c
    title: C
    period: the sampled month
    sections:
      - id: s
        title: S
        questions:
"""


def parsed(text: str, file: str = "mini.yaml", entry_ids: Iterable[str] = ()) -> tuple[list[Checklist],
                                                                                        list[Problem]]:
    """The checklists of a whole file's `text` that load, and the problems of those that do not."""
    data = load_yaml_with_lines(text, file)
    return parse_checklists(data["checklists"], file, set(entry_ids))


def problems_of(text: str, file: str = "c.yaml") -> list[str]:
    """What `kb check` would say of a whole file's `text`, one line a problem, as the tests compare them."""
    return [str(problem) for problem in parsed(text, file)[1]]


def number_question(text: str, extra: str = "") -> str:
    """The mini checklist with one number question of this wording (and any further lines under it, `extra`)."""
    return MINI_HEAD + f"          - id: weeks\n            text: {text}\n            type: number\n{extra}"
