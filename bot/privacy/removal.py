"""What a stored text reads once it was removed because it could identify someone (`/audit redact`, and a QA lead's
Remove on an unanswered question): who removed it, when and why, and never the text.

One wording for the audits and the knowledge base, so a reader, an export or a test tells a removed text the same
way everywhere.
"""

from __future__ import annotations

DEFAULT_REASON = "may identify a child"
MAX_REASON = 120  # a short why; the marker replaces texts of any length
MARKER_START = "[removed by "  # how every removed text begins


def removal_marker(by: str, day: str, reason: str = "") -> str:
    """`[removed by QA lead (practice) on 3 Dec 2026: may identify a child]`: `by` a staff label, `day` as shown."""
    why = " ".join(reason.split()) or DEFAULT_REASON
    return f"{MARKER_START}{by} on {day}: {why}]"


def is_removed(text: str | None) -> bool:
    """Whether a stored text is a removal marker (nothing left to remove)."""
    return text is not None and text.startswith(MARKER_START) and text.endswith("]")
