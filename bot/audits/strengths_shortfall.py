"""A strengths note that reads as a shortfall is asked about before it is saved (trial 56 F8, trial 57 F17).

After the overall grade, a manager typed `mostly good but the 3 moves were not addressed and there was no stability
meeting` at "Strengths" and was told "Got it: noted as the strengths.": a shortfall stored as a strength, read by the
worker under the wrong heading. A strengths note with a negation or a shortfall word ("not", "no <noun>", "lacks",
"missing", "absent", "weak", "poor", "drift") is held (on the person's conversation row, beside the step, never in a
button) and the bot asks: keep it as the strengths (`keep`, or *Keep as the strengths*), or move it to the areas for
development (`move`, or *Move to the areas for development*), where it is added after any note typed there already;
the strengths are then asked again. A mixed note ("good direct work, but no stability meeting") is asked too; a note
with none of those words never is, and the same note typed again after the question is taken as it stands. Typing
another note instead answers the step as a note does, and what was kept is said back, quoted (trial 60, F5: "Got it:
noted as the strengths." told nothing of which note); but a line that itself reads as an area for development (a
shortfall, or an instruction: `use the GCP2 tool at the next review`) never replaces the note asked about: that note
is kept as the strengths, and the line is the areas for development's answer, as if typed at that step next (trial
60, F5: the real strengths were dropped and the instruction stood under both headings).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.audits.core import Ctx, own_draft, split_value
from bot.audits.flow import next_step
from bot.audits.other_heading import NOTES_ASKED, added_to
from bot.audits.questions import shortened
from bot.audits.screens import advance, advance_and_render, render
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


# An instruction for the worker, which an area for development is and a strength is not: "use the GCP2 tool at the
# next review", "needs to update the chronology", "chronology to be updated"
INSTRUCTION = re.compile(r"^\s*(?:please\s+)?(?:use|complete|ensure|update|review|make|arrange|consider|share|book|"
                         r"record|hold|convene|refer|undertake|carry\s+out|develop|add|include|write|seek|gather|"
                         r"obtain|agree|set|revisit|increase|improve|evidence|capture|reflect|discuss|plan|audit|"
                         r"chase|check|start|do)\b|\b(?:needs?\s+to|should|must|to\s+be\s+\w+ed)\b", re.IGNORECASE)


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
    told = Reply(kind="notice", text=said_kept("strengths", note))
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


def said_kept(step: str, note: str, also: str = "") -> str:
    """"Got it: noted as the strengths: “…”." for a note kept at the strengths or the areas for development (`step`),
    quoted (trial 60, F5)."""
    return f"Got it: noted as {NOTES_ASKED[step]}: “{shortened(note)}”{also}."


def typed_instead(services: Services, turn: Turn, ctx: Ctx, note: str,
                  answer_next: Callable[[Ctx, str], list[Reply]]) -> list[Reply] | None:
    """A line typed at the strengths while a note there waits for keep or move: when it reads as an area for
    development itself, the note waiting is kept as the strengths and the line is given to the areas for development
    (`answer_next`, the step's own reading); None otherwise (the line answers the strengths, the waiting note let go:
    `replaced`)."""
    held = _waiting(services, turn, ctx)
    if held is None or held == note or not (reads_as_shortfall(note) or INSTRUCTION.search(note)):
        return None
    store.keep_aside(services.storage, turn.user_id, HELD, None, turn.now)
    following = next_step(ctx.checklist, ctx.answers, ctx.step)
    moved = advance(services, turn, ctx, ctx.version, store.Move(step=following.key, fields={"strengths": held}))
    if moved is None:
        return []
    told = Reply(kind="notice", text=f"{said_kept('strengths', held)} The line you typed next "
                                     f"reads like an area for development, so it goes there:")
    return [told, *answer_next(moved, note)] if moved.step.name == "development" else [told, *render(services, moved)]


def replaced(services: Services, turn: Turn, ctx: Ctx, note: str) -> str:
    """" (in place of “…”, which is not saved)" when `note` answers the strengths while another waits for keep or
    move, so the note let go is not lost unseen; "" otherwise."""
    held = _waiting(services, turn, ctx)
    if held is None or held == note:
        return ""
    store.keep_aside(services.storage, turn.user_id, HELD, None, turn.now)
    return f" (in place of “{shortened(held)}”, which is not saved)"


def _waiting(services: Services, turn: Turn, ctx: Ctx) -> str | None:
    """The strengths note waiting here for keep or move, if any."""
    kept: Any = store.conversation(services.storage, turn.user_id).get(HELD)
    if ctx.step.name != "strengths" or not isinstance(kept, dict) or {
            k: kept.get(k) for k in ("audit_id", "version", "step")} != {k: v for k, v in _stamp(ctx, "").items()
                                                                         if k != "note"}:
        return None
    return str(kept.get("note") or "") or None
