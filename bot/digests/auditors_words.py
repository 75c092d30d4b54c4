"""Audits by auditor asked in words, over any period bot.core.periods reads: "who has done their audits this
quarter", "auditor figures for last quarter", "how many audits has each manager done since september".

Trial 37: only `this`/`last` `month`/`week` were read in these words; a quarter, a named month or "since september"
got a knowledge-base answer about themed audits. The words are read here, the period checked, and `/audit auditors`
run with it (bot.digests.auditors), its role check and all.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.periods import PERIODS_SAID, corrected, looks_like_period, read_period, read_since, read_week
from bot.errors import UserError

_END = r"(?:\s+so\s+far)?\s*[.!?]*\s*$"
_REST = r"(?:\s+(?:so\s+far\s+)?(?P<period>[\w '’]+?))?" + _END
# "who has done their audits this quarter", "whos done what last month", "who has completed how many audits in q3"
WHO = re.compile(
    r"^\s*(?:(?:can\s+i\s+see|show\s+me)\s+)?who(?:['’]?s|\s+has|\s+have)?\s+(?:done|completed|finished|audited)"
    r"\s+(?:what|their\s+audits|(?:the|their|our|my\s+team['’]?s)?\s*audits|how\s+many(?:\s+audits)?)" + _REST,
    re.IGNORECASE)
# "auditor figures for last quarter", "auditors' numbers this month", "audits by auditor since september"
FIGURES = re.compile(
    r"^\s*(?:(?:show|give)\s+(?:me\s+)?)?(?:the\s+)?(?:auditors?['’]?s?['’]?\s+(?:figures|numbers|stats|statistics|"
    r"counts|totals)|audits\s+(?:done\s+)?(?:by|per)\s+(?:each\s+)?auditor)" + _REST, re.IGNORECASE)
# "how many audits has each manager done since september", "how many audits have the auditors completed this qtr"
EACH = re.compile(
    r"^\s*how\s+many\s+audits\s+(?:has|have)\s+(?:each|every|the|our|my)\s+(?:team\s+)?(?:manager|auditor)s?\s+"
    r"(?:done|completed|finished|submitted)" + _REST, re.IGNORECASE)


def asked_period(text: str, today: date) -> str | None:
    """The period words to run `/audit auditors` with ("" for the default, this month) when the text asks for
    audits by auditor; None when it asks something else. Words that look like a period but read as none are told
    the periods that work."""
    found = next((m for pattern in (WHO, FIGURES, EACH) if (m := pattern.match(text)) is not None), None)
    if found is None:
        return None
    said = re.sub(r"^(?:for|in|over|during)\s+", "", corrected(found.group("period") or "").strip())
    if not said:
        return ""
    if any(read(said, today) is not None for read in (read_period, read_week, read_since)):
        return said
    if looks_like_period(said):
        raise UserError(f"I couldn't read `{said}` as a period. {PERIODS_SAID}")
    return None
