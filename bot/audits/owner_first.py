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

A person named by their name or its short form before `to` is the owner too (trial 32: `sw s1 to refer to MACE by
next fri` kept "sw s1 to" in its text and asked the owner anyway): `sw s1 to refer to MACE`, `Social worker N2 to
visit`. A role, `the manager to …`, `SW to update the plan`, `tm to …`, stays as above: it may be one of several,
and reads rightly in any list.
"""

from __future__ import annotations

import re

from bot.audits import action_owners
from bot.audits.owner_last import unknown_id
from bot.core.services import Services
from bot.storage.audits import AuditRow

FIRST_PERSON = re.compile(r"^\s*(?:me\s+to|i\s+will|i['’]ll|i\s+need\s+to|i\s+have\s+to|i\s+(?:am|['’]m)\s+"
                          r"(?:going\s+)?to|i\s+shall|i\s+to)\s+(?P<action>\S.*)$", re.IGNORECASE | re.DOTALL)
PERSON_TO = re.compile(r"^\s*(?P<owner>\S.{0,40}?)\s+to\s+(?P<action>\S.*)$", re.IGNORECASE | re.DOTALL)
_ROLE = re.compile(r"(?:the\s+|their\s+|his\s+|her\s+)?(?:case\s+|allocated\s+)?(?:team\s+|social\s+)?"
                   r"(?:manager|worker)|(?:the\s+)?(?:sw|tm)", re.IGNORECASE)
OWNER_FIRST = re.compile(r"^\s*(?P<owner>\S.{0,59}?)\s*(?:\s[-\u2013\u2014]+|:)\s+(?P<action>\S.*)$", re.DOTALL)


def split(services: Services, audit: AuditRow, text: str) -> tuple[str, str] | None:
    """(owner as typed, the action's text) when `text` starts with its owner, else None."""
    if (mine := FIRST_PERSON.match(text)) is not None and len(mine.group("action").split()) >= 2:
        return "me", mine.group("action").strip()
    if (named := _person_to(services, audit, text)) is not None:
        return named
    found = OWNER_FIRST.match(text)
    if found is None or not action_owners.only_an_owner(services, audit, found.group("owner")):
        return None
    return found.group("owner"), found.group("action").strip()


def _person_to(services: Services, audit: AuditRow, text: str) -> tuple[str, str] | None:
    """(owner, action) for `sw s1 to refer to MACE`: a person named, then `to` and an action of two words or more;
    None for a role (`the manager to …`, `SW to …`) and any line whose start names nobody."""
    found = PERSON_TO.match(text)
    if found is None or len(found.group("action").split()) < 2:
        return None
    owner = " ".join(found.group("owner").split())
    if _ROLE.fullmatch(owner) or owner.casefold() in action_owners.AUDITOR_WORDS \
            or not action_owners.only_an_owner(services, audit, owner) or unknown_id(services, owner):
        return None  # `write to …`: WRITE is shaped like a Slack member ID, and names nobody
    return owner, found.group("action").strip()
