"""An action typed with its owner first: `me - raise drift with the CP chair at the next review`, `the manager: review
the plan`, `sw s1 – update the chronology` (new-user trial 24: the action kept "me - " in its text, and the owner was
still asked). The words before a spaced dash or a colon are taken as the owner only when they are nothing but an
owner as bot.audits.action_owners reads one (`me`, `the worker`, `the manager`, a person's name): `step-down to EH`
and `CIN review: bring forward` stay whole actions.
"""

from __future__ import annotations

import re

from bot.audits import action_owners
from bot.core.services import Services
from bot.storage.audits import AuditRow

OWNER_FIRST = re.compile(r"^\s*(?P<owner>\S.{0,59}?)\s*(?:\s[-\u2013\u2014]+|:)\s+(?P<action>\S.*)$", re.DOTALL)


def split(services: Services, audit: AuditRow, text: str) -> tuple[str, str] | None:
    """(owner as typed, the action's text) when `text` starts with its owner, else None."""
    found = OWNER_FIRST.match(text)
    if found is None or not action_owners.only_an_owner(services, audit, found.group("owner")):
        return None
    return found.group("owner"), found.group("action").strip()
