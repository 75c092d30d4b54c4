"""A note on one audit that names another case's reference is refused (trial 59, F1).

`start a voice of the child audit on cr 556622 for N2`, typed in draft #145 (CR-556633), was kept as its note and
stored with the next `no`: another child's case reference on this child's audit, read by the worker and the
moderator. A case reference is the one identifier an audit's own text may hold (bot.privacy.screen: its own case
is what people work on), so only a reference other than the audit's own is refused, and nothing is saved.
"""

from __future__ import annotations

from bot.audits.core import Ctx
from bot.core.services import Services
from bot.errors import UserError
from bot.privacy.screen import canonical_case_reference


def refuse(services: Services, ctx: Ctx, text: str | None) -> None:
    """Raise, saving nothing, when `text` names a case reference other than the audit's own."""
    if not text:
        return
    own = canonical_case_reference(ctx.audit.case_ref or "")
    named = [canonical_case_reference(found.words) for found in services.identifier_screen.case_references_in(text)]
    other = next((reference for reference in named if reference != own), None)
    if other is not None:
        raise UserError(f"That names another case, {other}: a note on audit #{ctx.audit.id} should be about {own}. "
                        f"Nothing was saved. To audit {other}, type `start audit` (this draft is kept).")
