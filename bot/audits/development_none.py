"""`none` at the areas for development of an audit that found something to develop: asked once more.

Trial 51 (finding 12): `none` at "Areas for development: what would make the biggest difference?" of a Requires
improvement audit with Q4 and Q6 flagged went through as if skipped, and the worker was sent no area to work on. When
the grade is Requires improvement or Inadequate, or answers were flagged, "none" (`n/a`, `nothing`, `no`) is met once
with the flagged questions named ("Q4 and Q6 were flagged: what would make the biggest difference there? Or `skip`
to leave it out"); `skip` leaves it out at once, and a second "none" is taken as skip is. A Good or Outstanding audit
with nothing flagged takes "none" as before.
"""

from __future__ import annotations

import re

from bot.audits.core import Ctx
from bot.audits.flow import flags
from bot.audits.numbering import question_label
from bot.audits.screens import advance_and_render
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

ASKED_KEY = "development_none_asked"
NONE_SAID = re.compile(r"^\s*(?:none|n/?a|nothing|no|nil|-+)\s*[.!]*\s*$", re.IGNORECASE)
TO_DEVELOP = ("requires_improvement", "inadequate")


def flagged_labels(ctx: Ctx) -> list[str]:
    """"Q4", "Q6": the audit's flagged answers, in the checklist's order, as the review numbers them."""
    return [f"Q{question_label(ctx.checklist, question.id)}" for question, _ in flags(ctx.checklist, ctx.answers)]


def nudge_text(grade: str | None, labels: list[str]) -> str:
    """What "none" is met with: the flagged questions named, or (none flagged) the grade."""
    if labels:
        named = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
        return (f"{named} {'was' if len(labels) == 1 else 'were'} flagged: what would make the biggest difference "
                "there? Or `skip` to leave it out.")
    said = "Requires improvement to be good" if grade == "requires_improvement" else "Inadequate"
    return f"The grade is **{said}**: what would make the biggest difference? Or `skip` to leave it out."


def ask_again(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """"none" at the areas for development of an audit with something to develop, the first time: asked again with
    the flagged questions named; else None (taken as skip, as before)."""
    if ctx.step.name != "development" or ctx.audit.state.get(ASKED_KEY) or not NONE_SAID.match(text or ""):
        return None
    labels = flagged_labels(ctx)
    if not labels and ctx.audit.overall_grade not in TO_DEVELOP:
        return None
    told = Reply(kind="notice", text=nudge_text(ctx.audit.overall_grade, labels))
    move = store.Move(step=ctx.step.key, state={ASKED_KEY: True})
    return advance_and_render(services, turn, ctx, ctx.version, move, before=[told])
