"""An action typed with its owner first: `me - raise drift with the CP chair at the next review`, `the manager: review
the plan`, `sw s1 – update the chronology` (new-user trial 24: the action kept "me - " in its text, and the owner was
still asked). The words before a spaced dash or a colon are taken as the owner only when they are nothing but an
owner as bot.audits.action_owners reads one (`me`, `the worker`, `the manager`, a person's name): `step-down to EH`
and `CIN review: bring forward` stay whole actions.

The auditor's own action in the first person is theirs too (trial 28: `me to discuss analysis in next supervision
with sw before xmas` was stored as "me to discuss…", which reads wrongly in the team's list, and its owner was asked):
a leading `me to`, `I will`, `I'll`, `I need to`, `I'm going to` is the owner `me`, and the action is what follows.
Only the first person: `the manager to review the plan` names an owner who may be one of several and reads rightly in
any list, so it stays the action's whole text and its owner is asked (bot.audits.action_owners.only_an_owner).
"""

from __future__ import annotations

import re

from bot.audits import action_owners
from bot.core.services import Services
from bot.storage.audits import AuditRow

FIRST_PERSON = re.compile(r"^\s*(?:me\s+to|i\s+will|i['’]ll|i\s+need\s+to|i\s+have\s+to|i\s+(?:am|['’]m)\s+"
                          r"(?:going\s+)?to|i\s+shall|i\s+to)\s+(?P<action>\S.*)$", re.IGNORECASE | re.DOTALL)
OWNER_FIRST = re.compile(r"^\s*(?P<owner>\S.{0,59}?)\s*(?:\s[-\u2013\u2014]+|:)\s+(?P<action>\S.*)$", re.DOTALL)


def split(services: Services, audit: AuditRow, text: str) -> tuple[str, str] | None:
    """(owner as typed, the action's text) when `text` starts with its owner, else None."""
    if (mine := FIRST_PERSON.match(text)) is not None and len(mine.group("action").split()) >= 2:
        return "me", mine.group("action").strip()
    found = OWNER_FIRST.match(text)
    if found is None or not action_owners.only_an_owner(services, audit, found.group("owner")):
        return None
    return found.group("owner"), found.group("action").strip()
