"""An entry's "your target: 2 cases a month" said with the reader's own target from teams.yaml.

Trial 63 (F3): a new South manager with `audit_target: 3` asked "what is expected of a new team manager" and was
told "Audit your target: 2 cases a month", while Home and "whats my audit target?" said 3. The knowledge base
writes the usual figure for everyone; where an answer speaks of *your* target with a number a month, the reader's
own figure (bot.core.targets, the one Home reads) replaces it.

Trial 64 (F11): an admin, in no team and with no target, was told "Audit your target: 2 cases a month" by the same
entry. Someone with no target set reads the entry's figure as what it is, the usual one: "Audit the managers' usual
target: 2 cases a month".
"""

from __future__ import annotations

import re

from bot.core.services import Services
from bot.core.targets import audit_targets

YOUR_TARGET = re.compile(r"(?P<lead>\b(?P<your>your)\s+(?:monthly\s+)?(?:audit\s+)?target\W{0,4}\s*)"
                         r"(?P<count>\d{1,3})\s+(?P<unit>cases?|audits?)\s+(?P<per>a|per|each)\s+month\b",
                         re.IGNORECASE)


# "(your target is set in the bot's team list)" (fix81e: said to the admin with no target too)
TARGET_SET = re.compile(r"\b(?P<your>your)\s+target\s+is\s+set\b", re.IGNORECASE)


def personalised(services: Services, user_id: str, text: str) -> str:
    """`text` with each "your target: N cases a month" giving this reader's own target, when they have one; with
    none, the entry's figure is said to be the managers' usual one, never theirs."""
    target = audit_targets(services).get(user_id, 0)
    if not target:
        return TARGET_SET.sub(_set_for_managers, YOUR_TARGET.sub(_usual, text))

    def own(found: re.Match[str]) -> str:
        unit = found["unit"].rstrip("sS")
        return f"{found['lead']}{target} {unit}{'' if target == 1 else 's'} {found['per']} month"

    return YOUR_TARGET.sub(own, text)


def _usual(found: re.Match[str]) -> str:
    """"your target: 2 cases a month" for someone with no target of their own: the managers' usual figure."""
    start, end = found.start("your") - found.start(), found.end("your") - found.start()
    lead, the = found["lead"], "The" if found["your"][0].isupper() else "the"
    return f"{lead[:start]}{the} managers' usual{lead[end:]}{found[0][len(lead):]}"


def _set_for_managers(found: re.Match[str]) -> str:
    """"your target is set" for someone with no target of their own: a manager's target, never theirs."""
    return f"{'A' if found['your'][0].isupper() else 'a'} manager's target is set"
