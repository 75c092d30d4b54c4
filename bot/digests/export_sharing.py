"""`audit-bot export --no-case-refs`: an export to share beyond the service (an inspector's own copy, a peer council,
a regional benchmarking group), which a case reference would point at one child's case.

The case reference column goes, and so does every piece of free text, which a case reference (or a child's detail the
screening did not catch) could be written in: the grade's and the moderator's reasons, the strengths, areas for
development, actions and reflections, and each answer's evidence note. Figures, grades, dates, the checklist's own
question wording and staff and team names stay. A text question's answer is free text too (trial 59: one kept a
child's family make-up, language and faith beside the worker's name), so it reads TEXT_LEFT_OUT; any other answer
typed as words keeps them with any case reference replaced. The summary sheet has figures only and is the same either
way.
"""

from __future__ import annotations

import re
from typing import Any

from bot.privacy.screen import without_case_references

WITHOUT_AUDIT = ("case_ref", "grade_reason", "moderation_reason", "strengths", "development", "actions", "reflections")
WITHOUT_ANSWER = ("evidence",)
TEXT_LEFT_OUT = "[text answer left out]"  # a text question's answer, in a file shared beyond the service
NESTED_FREE_TEXT = {"actions": ("description",), "moderations": ("reason",), "reflections": ("text",)}


def kept(columns: tuple[str, ...], left_out: tuple[str, ...]) -> tuple[str, ...]:
    """The columns with those left out taken away, in their order."""
    return tuple(column for column in columns if column not in left_out)


def answer_without(answer: dict[str, Any], pattern: re.Pattern[str]) -> dict[str, Any]:
    """An answer with its evidence note gone, a text question's words left out (TEXT_LEFT_OUT) and any case reference
    in another value replaced."""
    value = answer.get("value")
    shared = {key: item for key, item in answer.items() if key not in WITHOUT_ANSWER}
    if answer.get("question_type") == "text" and value:
        shared["value"] = TEXT_LEFT_OUT
    elif isinstance(value, str):
        shared["value"] = without_case_references(value, pattern)
    return shared


def nested_without(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A JSON audit's actions, moderations or reflections with their free text gone."""
    dropped = NESTED_FREE_TEXT.get(name, ())
    return [{key: item for key, item in row.items() if key not in dropped} for row in rows]
