"""An entry's "your target: 2 cases a month" said with the reader's own target from teams.yaml.

Trial 63 (F3): a new South manager with `audit_target: 3` asked "what is expected of a new team manager" and was
told "Audit your target: 2 cases a month", while Home and "whats my audit target?" said 3. The knowledge base
writes the usual figure for everyone; where an answer speaks of *your* target with a number a month, the reader's
own figure (bot.core.targets, the one Home reads) replaces it. Someone with no target set keeps the entry's words.
"""

from __future__ import annotations

import re

from bot.core.services import Services
from bot.core.targets import audit_targets

YOUR_TARGET = re.compile(r"(?P<lead>\byour\s+(?:monthly\s+)?(?:audit\s+)?target\W{0,4}\s*)(?P<count>\d{1,3})\s+"
                         r"(?P<unit>cases?|audits?)\s+(?P<per>a|per|each)\s+month\b", re.IGNORECASE)


def personalised(services: Services, user_id: str, text: str) -> str:
    """`text` with each "your target: N cases a month" giving this reader's own target, when they have one."""
    target = audit_targets(services).get(user_id, 0)
    if not target:
        return text

    def own(found: re.Match[str]) -> str:
        unit = found["unit"].rstrip("sS")
        return f"{found['lead']}{target} {unit}{'' if target == 1 else 's'} {found['per']} month"

    return YOUR_TARGET.sub(own, text)
