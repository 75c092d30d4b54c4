"""A grade given against another: "its good not outstanding, the child is seen alone every visit".

Trial 28: a QA lead typed `disagree - its good not outstanding, …`; the reason was kept but the grade asked again,
since "good not outstanding" has a negation in it and bot.audits.grade_words never reads a negated grade. The grade
meant is the first one named (after "its", "should be", "more like" and the like), never the one after "not",
"rather than", "instead of" or "than"; both must be grades and differ, so "not good, visits lapsed" or "good not
because of the plan" is never read here. The reason, if any, follows as after a grade (comma, dash, "because").

Pure: bot.audits.moderation reads a moderator's grade with it, at the disagreement and at "Why?".
"""

from __future__ import annotations

import re

from bot.audits.grade_words import read_grade_and_note

# "good not outstanding", "RI, not good", "good rather than outstanding", "good and not outstanding", "good than O."
_AGAINST = re.compile(r"\s*[,;]?\s+(?:(?:and|but)\s+)?(?:not|rather\s+than|instead\s+of|than)\s+(?:an?\s+)?",
                      re.IGNORECASE)


def grade_over_other(text: str) -> tuple[str, str | None] | None:
    """(grade meant, reason or None) for "its good not outstanding[, reason]", or None when the text does not name a
    grade, then another after "not" (or "rather than", "instead of", "than"), at its front. One-letter grades are
    never read ("I not …" is no Inadequate)."""
    for against in _AGAINST.finditer(text or ""):
        meant = read_grade_and_note(text[:against.start()], letters=False)
        if meant is None or meant[1] is not None:
            continue  # "good, the plan … not …": the grade has its reason already, so "not" is part of it
        other = read_grade_and_note(text[against.end():], letters=False)
        if other is None or other[0] == meant[0]:
            return None
        return meant[0], other[1]
    return None


def moderators_grade(text: str) -> tuple[str, str | None] | None:
    """A disagreeing moderator's grade and reason as typed: against another grade first ("its good, not outstanding -
    …", which bot.audits.grade_words alone would read as Good with the reason "not outstanding - …"), else as any
    grade is read."""
    return grade_over_other(text) or read_grade_and_note(text)
