"""An audit's grade asked about by its number (trial 37): "why is 116 inadequate??", "why was audit 116 graded RI",
"how come 116 got inadequate".

The trial's worker, whose case audit #116 was, had the question put on the QA leads' knowledge list. Now a reader of
the audit is shown it (`/audit show 116`: the evidence under each grade says why), with who audited it to talk it
through and how to add her view; one who may not read it is told why, and the worker of the case who its auditor
is. A number that is no audit is left to the rest of the bot.
"""

from __future__ import annotations

import re

from bot.audits import readback
from bot.audits.core import can_view
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
from bot.storage import audits as store

PRIORITY = 27  # after an audit or a moderation waiting for typed text, before the knowledge base
_GRADE = (r"(?:inadequate|requires?\s+improvement|needs?\s+improvement|ri|good|outstanding|graded|rated|marked\s+"
          r"(?:down|like\s+that)|so\s+low|so\s+bad|fail(?:ed)?)")
ASKED = re.compile(r"^\s*(?:why|how\s+come|what\s+made|whats\s+made|what\s+makes)\s+(?:is|was|did|has|does|were)?\s*"
                   r"(?:(?:my|the|our)\s+)?(?:audit\s+|case\s+audit\s+)?(?:(?:of\s+)?(?:number\s+|no\.?\s+))?#?"
                   r"(?P<id>\d{1,6})\s+(?:been\s+|be\s+)?(?:get(?:ting)?\s+|got(?:ten)?\s+|graded\s+|rated\s+|"
                   r"come\s+out\s+|came\s+out\s+|marked\s+|judged\s+)?(?:as\s+)?(?:an?\s+)?"
                   rf"{_GRADE}\b[^\d]*$", re.IGNORECASE)


def asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The audit asked about, shown with who audited it; why it can't be, when it can't; None for other text and for
    a number that is no audit."""
    said = ASKED.match(text)
    if said is None or turn.person is None:
        return None
    audit = store.get_audit(services.storage, int(said.group("id")))
    if audit is None or audit.status == "cancelled":
        return None
    auditor = services.directory.label(audit.auditor_id)
    if not can_view(services, turn.person, audit):
        try:
            readback.audit_view(services, turn, audit.id)
        except AccessDenied as refused:
            if audit.worker_id != turn.user_id:
                raise
            raise AccessDenied(f"{refused} Its auditor, {auditor}, can tell you why it was graded as it was.") \
                from None
    lead = (f"Here is audit #{audit.id} as you may read it: the evidence under each grade says why it was graded so. "
            f"Its auditor, {auditor}, can talk it through with you"
            f"{'; to add your view, press Add my reflections' if audit.worker_id == turn.user_id else ''}.")
    return [Reply(kind="notice", text=lead), *readback.audit_view(services, turn, audit.id)]


def install(engine: Engine, services: Services) -> None:
    """Read an audit's grade asked about by number."""
    engine.add_message_handler(lambda turn, text: asked(services, turn, text), priority=PRIORITY)
