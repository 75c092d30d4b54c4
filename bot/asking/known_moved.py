"""What a QA lead's edit or reload moved: the known questions now getting a different outcome (issue #13).

The search is coupled through the whole knowledge base, so an edit to one entry can move a borderline question of
another; every confirmation of a change to the knowledge base (`kb reload`, `kb edit`, `kb new`, `kb link`, the New
entry and Link to an entry forms) ends with these, and says nothing more when none moved.
"""

from __future__ import annotations

from bot.core.knowledge import ReloadResult
from knowledge.known_questions import moved_text


def moved_said(result: ReloadResult | None) -> str:
    """The known questions a reload gave a different outcome, after a blank line; empty when none moved."""
    said = moved_text(list(result.moved)) if result is not None else ""
    return f"\n\n{said}" if said else ""
