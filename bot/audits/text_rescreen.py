"""Finding the audit texts today's identifier screen refuses, for a person to read and remove.

The screen gains rules, so a note, a strength or an action stored under an older screen may hold a name today's
refuses. A question or a learned wording the screen now refuses is withdrawn by the sweep itself
(bot.asking.rescreen). An audit's texts are the record of practice, and the screen refuses one or two ordinary texts
in a hundred, so they are never changed unseen: the sweep says where they are, by audit number and by the item names
`/audit redact` lists (`q7`, `strengths`, `a41`, `r3`), never their words, and a QA lead or admin reads each with
`/audit redact 12` and removes what identifies someone with `/audit redact 12 q7`. Texts already removed are left
alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.audits.core import load
from bot.audits.redaction import items
from bot.core.services import Services
from bot.errors import UserError
from bot.storage import rescreen as store


@dataclass(frozen=True)
class Flagged:
    """One audit with stored texts today's screen refuses, named as `/audit redact` names them."""

    audit_id: int
    items: tuple[str, ...]


def flagged_audit_texts(services: Services, actor: str) -> tuple[int, list[Flagged]]:
    """How many audits were read, and those holding a text today's screen refuses; the counts go in the trail."""
    screen = services.identifier_screen
    ids = store.audit_ids(services.storage)
    flagged: list[Flagged] = []
    for audit_id in ids:
        try:
            ctx = load(services, audit_id)
        except UserError:  # its checklist's snapshot is missing: its texts are listed by `/audit redact` neither
            continue
        refused = tuple(item.label for item in items(services, ctx)
                        if not item.removed and screen.find(item.stored.text, "audit"))
        if refused:
            flagged.append(Flagged(audit_id, refused))
    store.record_audit_sweep(services.storage, actor, len(flagged), sum(len(f.items) for f in flagged),
                             services.clock())
    return len(ids), flagged


def describe(read: int, flagged: list[Flagged]) -> str:
    """What an admin reads after `audit-bot rescreen`: where to look, never what is there."""
    if not flagged:
        return f"Read the stored texts of {read} audit(s): today's identifier screen refuses none of them.\n"
    lines = [f"Read the stored texts of {read} audit(s): today's identifier screen refuses "
             f"{sum(len(f.items) for f in flagged)} text(s) in {len(flagged)} of them. They are not changed: a QA "
             "lead or admin reads each with `/audit redact <audit>` and removes what identifies someone with "
             "`/audit redact <audit> <item>`:"]
    lines += [f"  audit #{f.audit_id}: {', '.join(f.items)}   (/audit redact {f.audit_id})" for f in flagged]
    return "\n".join(lines) + "\n"
