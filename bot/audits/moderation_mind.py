"""A change of mind typed at a moderation's "Why?": back to the decision, never the reason.

Trial 33 (H1): `mod 23` / `disagree` / `RI` / `hang on actually i agree with good` was saved as the reason for RI and
sent to the auditor and the worker; so was `no wait i agree with the auditor on this one`. `actually agree` was read
as a change of mind already (bot.audits.moderation.as_decision). Decided by shape, never by the word alone: a short
line (at most MAX_WORDS words) that is a hedge ("hang on", "actually", "no wait", "on second thoughts") followed by a
decision ("i agree", "disagree", "i agree with good", "its RI"), or only "i agree with <a grade, or the auditor>", or a
hedge on its own ("hang on", "scratch that"). A reason that uses the word says more than whom it agrees with ("I agree
the visits were late but the plan held", "agree with the auditor that the child was seen alone") and stays a reason.

Pure: bot.audits.moderation_back says what follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.audits.grade_over_other import moderators_grade

MAX_WORDS = 12  # a change of mind is short; a reason that happens to contain the words is longer
_HEDGE = (r"(?:hang\s+on|hold\s+on|no\s+wait|wait|no|actually|actualy|oops|whoops|sorry|soz|hmm+|um+|oh|ok|okay|"
          r"right|on\s+second\s+thoughts?|thinking\s+about\s+it|scratch\s+that|my\s+mistake|my\s+bad|"
          r"wrong\s+(?:one|grade|button))")
_LEAD = re.compile(rf"^\s*(?:{_HEDGE}\b[\s,.!;:-]*)+", re.IGNORECASE)
_GOING_BACK = re.compile(r"\b(?:hang\s+on|hold\s+on|wait|oops|whoops|scratch\s+that|my\s+(?:mistake|bad)|wrong\s+"
                         r"(?:one|grade|button)|on\s+second\s+thoughts?)\b", re.IGNORECASE)
_TAIL = r"(?:\s+(?:on\s+this\s+one|after\s+all|then|instead|really|now|please|here))*\s*[.!]*\s*$"
_AUDITOR = (r"(?:the\s+|their\s+|her\s+|his\s+)?(?:auditor(?:['’]?s)?|original|first|manager(?:['’]?s)?)"
            r"(?:\s+grade)?|the\s+grade|them|her|him|it|that")
_MIND = re.compile(rf"^(?:i\s+)?(?:(?:think|reckon|do|will|would|now)\s+)?(?:i\s+)?(?P<word>dis)?agree"
                   rf"(?:\s+with\s+(?:(?P<auditor>{_AUDITOR})|(?P<grade>[a-z][a-z ]{{0,30}}?)))?{_TAIL}",
                   re.IGNORECASE)
_GRADE_SAID = re.compile(r"^(?:it['’]?s|its|it\s+is|make\s+it|should\s+be|go\s+with|i(?:['’]?d|\s+would)\s+"
                         r"(?:say|give\s+it|grade\s+it))\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Mind:
    """What a change of mind says: `agree` or `disagree` (None when only a grade, or nothing, is named) and the grade
    named (a key such as `good`; None when none is)."""

    word: str | None
    grade: str | None


def changed_mind(text: str) -> Mind | None:
    """The change of mind a line at "Why?" is (see the module), or None when it is (or may be) a reason."""
    said = (text or "").replace("’", "'").strip()
    if not said or len(said.split()) > MAX_WORDS:
        return None
    lead = _LEAD.match(said)
    rest = said[lead.end():].strip() if lead else said
    if lead and not rest.rstrip(".!"):  # "hang on", "no wait", "scratch that": back; "ok" alone is no reason
        return Mind(None, None) if _GOING_BACK.search(said) else None
    found = _MIND.match(rest)
    if found is not None:
        word = "disagree" if found.group("word") else "agree"
        named = found.group("grade")
        if named is None:
            return Mind(word, None) if lead or found.group("auditor") else None
        grade = moderators_grade(named)
        return Mind(word, grade[0] if word == "agree" else None) if grade and grade[1] is None else None
    if lead is None:
        return None
    grade = moderators_grade(_GRADE_SAID.sub("", re.sub(_TAIL, "", rest), count=1))
    return Mind(None, grade[0]) if grade is not None and grade[1] is None else None


def agreed_at_grade(text: str) -> Mind | None:
    """An agreement typed at "What grade would you give?" after *Disagree*: a change of mind as at "Why?"
    (`actually i agree`, `no wait i agree with the auditor`), and there also a plain `i agree` (fix41d: both were
    told "Please choose a grade"); None for anything else."""
    mind = changed_mind(text)
    if mind is not None and mind.word == "agree":
        return mind
    found = _MIND.match((text or "").replace("’", "'").strip())
    if found is not None and not found.group("word") and found.group("grade") is None:
        return Mind("agree", None)
    return None
