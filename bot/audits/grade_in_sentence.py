"""A grade named inside a sentence at the overall grade (trial 43, finding 15).

`hmm actually i think its inadequate, child not seen alone for months` was told to choose a grade: the grade readers
(bot.audits.grade_words) read a grade at the front of the text, after known lead-ins, and "hmm" was not one. A
sentence that names exactly one grade is read as that grade, the words after it (or, when none follow, before it) as
its reason. A grade with a negation just before it ("not inadequate", "isnt really good") is marked so, and not taken
(bot.audits.typed_grade says why). Two different grades named ("good not outstanding") are no grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest first, so "requires improvement to be good" is one grade, not Requires improvement and Good.
_GRADES = (
    (r"(?:requires?|needs?)\s+improvement(?:\s+to\s+be\s+good)?|req(?:uires)?\s+imp|ri", "requires_improvement"),
    (r"outstanding", "outstanding"),
    (r"inadequate", "inadequate"),
    (r"good", "good"),
)
_MENTION = re.compile("|".join(rf"\b(?P<g{i}>{pattern})\b" for i, (pattern, _) in enumerate(_GRADES)), re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|never|isn'?t|wasn'?t|aint|ain'?t|hardly|barely|far\s+from)\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)
_JOINERS = re.compile(r"^[\s,;:.\-–—]*(?:(?:because|becuase|cos|coz|cuz|as|since|so|but|and)\b)?[\s,;:.\-–—]*",
                      re.IGNORECASE)
_BEFORE_FILLER = re.compile(r"[\s,;:.\-–—]*(?:(?:so|which\s+is|that'?s|thats|its|it'?s|it\s+is|i\s+think|i\s+reckon|"
                            r"overall|then|making\s+it|so\s+its)\s*)*$", re.IGNORECASE)
MIN_REASON_WORDS = 2


@dataclass(frozen=True)
class GradeSaid:
    """The one grade a sentence names, its words as typed, the reason around it (None: no reason) and whether a
    negation came just before it."""

    grade: str
    named: str
    reason: str | None
    negated: bool


def read(text: str) -> GradeSaid | None:
    """The one grade `text` names, with its reason; None when it names none, or more than one."""
    said = " ".join((text or "").replace("\u2019", "'").split())
    mentions = list(_MENTION.finditer(said))
    grades = {_grade_of(match) for match in mentions}
    if len(grades) != 1:
        return None
    first = mentions[0]
    after = _JOINERS.sub("", said[first.end():], count=1).strip(" .!")
    before = _BEFORE_FILLER.sub("", said[:first.start()]).strip(" ,;:.-")
    reason = after if len(after.split()) >= MIN_REASON_WORDS else None
    if reason is None and len(mentions) == 1 and len(before.split()) >= MIN_REASON_WORDS + 1:
        reason = before  # `child not seen alone for months so inadequate`
    return GradeSaid(grades.pop(), first.group(0), reason, _NEGATED.search(said[:first.start()]) is not None)


def _grade_of(match: re.Match[str]) -> str:
    index = next(i for i, value in enumerate(match.groups()) if value is not None)
    return _GRADES[index][1]
