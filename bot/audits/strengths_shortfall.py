"""A strengths note that reads as a shortfall is asked about before it is saved (trial 56 F8, trial 57 F17).

After the overall grade, a manager typed `mostly good but the 3 moves were not addressed and there was no stability
meeting` at "Strengths" and was told "Got it: noted as the strengths.": a shortfall stored as a strength, read by the
worker under the wrong heading. A strengths note with a negation or a shortfall word ("not", "no <noun>", "lacks",
"missing", "absent", "weak", "poor", "drift") is held (on the person's conversation row, beside the step, never in a
button) and the bot asks: keep it as the strengths (`keep`, or *Keep as the strengths*), or move it to the areas for
development (`move`, or *Move to the areas for development*), where it is added after any note typed there already;
the strengths are then asked again. A mixed note ("good direct work, but no stability meeting") is asked too; a note
with none of those words never is, and the same note typed again after the question is taken as it stands. Typing
another note instead answers the step as a note does.
"""

from __future__ import annotations

import re
from typing import Any

from bot.audits.core import Ctx, own_draft, split_value
from bot.audits.flow import next_step
from bot.audits.other_heading import NOTES_ASKED, added_to
from bot.audits.screens import advance_and_render
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import StaleAction
from bot.storage import audits as store

KEEP, MOVE = "audit.strengths_keep", "audit.strengths_move"
ACTIONS = frozenset({KEEP, MOVE})
HELD = "held_strengths"  # the note waiting for keep or move, beside the strengths step on the conversation row
# "no concerns", "no drift": a shortfall denied reads as a strength, so these are taken out before looking
_DENIED = re.compile(r"\b(?:no|not|without|never)\s+(?:any\s+|real\s+|obvious\s+)?(?:concerns?|issues?|problems?|"
                     r"worries|worry|gaps?|delays?|drift(?:ing)?)\b", re.IGNORECASE)
SHORTFALL = re.compile(r"\b(?:not|no\s+(?=[a-z0-9])|never|lack(?:s|ing|ed)?|missing|absent|weak(?:ness|nesses)?|"
                       r"poor(?:ly)?|drift\w*)\b|\w+n[’']t\b", re.IGNORECASE)
KEEP_WORDS = ("keep", "keep it", "keep them", "keep as strengths", "keep as the strengths", "keep it as strengths",
              "keep it as the strengths", "strengths", "keep strengths")
MOVE_WORDS = ("move", "move it", "move them", "move to development", "move it to development",
              "move to the areas for development", "move it to the areas for development", "development",
              "areas for development")
ASKED = ("That reads like an area for development: keep it as the strengths (`keep`), or move it to the areas for "
         "development (`move`)?")
STALE = "That note is no longer waiting: type the strengths, or `/audit resume` to see where you are."


def reads_as_shortfall(note: str) -> bool:
    """Whether a strengths note says something is not done or is lacking ("the 3 moves were not addressed", "no
    stability meeting", "plan lacks timescales"); a shortfall denied ("no concerns", "no drift") does not count."""
    return SHORTFALL.search(_DENIED.sub(" ", note)) is not None


def _stamp(ctx: Ctx, note: str) -> dict[str, Any]:
    return {"audit_id": ctx.audit.id, "version": ctx.version, "step": ctx.audit.step, "note": note}


def ask(services: Services, turn: Turn, ctx: Ctx, note: str) -> list[Reply] | None:
    """The question about a strengths note that reads as a shortfall, the note held and not saved; None when the
    note is taken as usual (it reads as a strength, or it is the very note just asked about, typed again)."""
    if ctx.step.name != "strengths" or not reads_as_shortfall(note):
        return None
    if store.conversation(services.storage, turn.user_id).get(HELD) == _stamp(ctx, note):
        return None  # asked once already: typed again, it is kept as typed
    store.keep_aside(services.storage, turn.user_id, HELD, _stamp(ctx, note), turn.now)
    asked = Reply(kind="question", text=f"“{note}”\n{ASKED}",
                  note="I haven't saved it yet. Or type other strengths instead.",
                  choices=(Choice("Keep as the strengths", KEEP, ctx.value(), "primary"),
                           Choice("Move to the areas for development", MOVE, ctx.value())))
    return [confirmations.offer(services, turn, asked, KEEP_WORDS, MOVE_WORDS)]


def _held(services: Services, turn: Turn, value: str) -> tuple[Ctx, str]:
    """The draft a keep or move is for and the note held for it; a press from an earlier step is stale."""
    audit_id, version, _ = split_value(value)
    ctx = own_draft(services, turn, audit_id)
    kept: Any = store.conversation(services.storage, turn.user_id).get(HELD)
    if (version != ctx.version or ctx.step.name != "strengths" or not isinstance(kept, dict)
            or {k: kept.get(k) for k in ("audit_id", "version", "step")} != {
                "audit_id": ctx.audit.id, "version": ctx.version, "step": ctx.audit.step}):
        raise StaleAction(STALE)
    return ctx, str(kept["note"])


def on_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Keep as the strengths* (or `keep`): the note held is saved as the strengths, and the areas for development
    come next, as for any strengths typed."""
    ctx, note = _held(services, turn, value)
    store.keep_aside(services.storage, turn.user_id, HELD, None, turn.now)
    following = next_step(ctx.checklist, ctx.answers, ctx.step)
    told = Reply(kind="notice", text=f"Got it: noted as {NOTES_ASKED['strengths']}.")
    return advance_and_render(services, turn, ctx, ctx.version,
                              store.Move(step=following.key, fields={"strengths": note}), before=[told])


def on_move(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Move to the areas for development* (or `move`): the note held is added to the areas for development (after
    any note there already), and the strengths are asked again."""
    ctx, note = _held(services, turn, value)
    store.keep_aside(services.storage, turn.user_id, HELD, None, turn.now)
    told = Reply(kind="notice", text=f"Moved to {NOTES_ASKED['development']}: “{note}”. Now the strengths: type "
                                     "what is working well, or `skip`.")
    move = store.Move(step=ctx.audit.step, fields={"development": added_to(ctx.audit.development, note)})
    return advance_and_render(services, turn, ctx, ctx.version, move, before=[told])
