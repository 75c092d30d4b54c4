"""A draft waiting at a grade or its evidence note while no session is at it (trial 57, F2 and F4).

Trial 57 (F2): a manager's draft waited at "Why this grade?", but the next session opened with no "Picking up where
you left off": `requires improvement`, `ri` and the evidence notes typed then were answered from the knowledge base
and put on the QA leads' `kb unanswered` list. Now a session that opens with such a draft says where it waits, and a
bare grade word (or, at a waiting evidence note, any line that is not a question) is answered "Audit #139 is waiting
at Q7 (Why this grade?): type `resume` to carry on", never searched or logged. F4: a `resume` list still waiting for a
pick is shown again when a session opens, so the `1` or `2` it asks for picks from it.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.audits import resume_pick
from bot.audits.core import load
from bot.audits.flow import looks_like_question
from bot.audits.grade_words import read_grade_and_note
from bot.audits.step_words import step_in_words
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store
from bot.storage.common import parse_utc

PRIORITY = 89  # after the resume list's pick (88) and every command, just before the knowledge base (90)
AT_NOTE = "evidence"  # the step of "Why this grade?"


def waiting_line(services: Services, audit: store.AuditRow) -> str:
    """Where a draft waits, by its case, checklist and question: "Audit #139 (CR-…, Neglect) is waiting at Q7 (Why
    this grade?): type `resume` to carry on."."""
    ctx = load(services, audit.id)
    kind, _, question_id = audit.step.partition(":")
    where = step_in_words(ctx.checklist, audit.step)  # one name for each step (trial 60, F4)
    if where and kind == "question":
        where = f"{where} ({ctx.checklist.question(question_id).text})"
    return (f"Audit #{audit.id} ({audit.case_ref}, {ctx.checklist.title}) is waiting{' at ' + where if where else ''}"
            ": type `resume` to carry on.")


def _unattended(services: Services, turn: Turn) -> list[store.AuditRow]:
    """The person's drafts when no conversation holds one at its step (nothing stored waits, or only a paused or
    finished draft); [] while anything else waits for them."""
    data = store.conversation(services.storage, turn.user_id)
    if data.get("feature") not in (None, "audit") or (data and "audit_id" not in data):
        return []
    held = store.get_audit(services.storage, int(data["audit_id"])) if "audit_id" in data else None
    if held is not None and held.status == "draft" and not held.state.get("paused"):
        return []
    return store.drafts_of(services.storage, turn.user_id)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A bare grade word, or a line that is no question while a draft waits at its evidence note, with no draft
    being answered: told where the draft waits, nothing saved or searched; None for anything else."""
    drafts = _unattended(services, turn)
    if not drafts:
        return None
    said = read_grade_and_note(text)
    bare_grade = said is not None and said[1] is None and len(text.split()) <= 4
    at_note = [d for d in drafts if d.step.startswith(AT_NOTE + ":")]
    if not bare_grade and (not at_note or looks_like_question(text)):
        return None
    shown = at_note or drafts
    lines = " ".join(waiting_line(services, d) for d in shown[:3])
    return [Reply(text=f"{lines} Nothing was saved, and “{' '.join(text.split())}” was not asked of the knowledge "
                       "base.", note="To ask the knowledge base instead, end your question with ?")]


def on_opening(services: Services, turn: Turn, resume: Callable[[Services, Turn, str], list[Reply]]) -> list[Reply]:
    """When a session opens with no audit step shown: a `resume` list still waiting for a pick, shown again by
    `resume` (its `1`/`2` then pick), else where a draft waits at its evidence note."""
    data = store.conversation(services.storage, turn.user_id)
    if data.get("feature") == resume_pick.FEATURE:
        if turn.now - parse_utc(str(data.get("at"))) > resume_pick.WAITS:
            return []
        return [Reply(kind="notice", text="Picking up where you left off:"), *resume(services, turn, "")]
    at_note = [d for d in _unattended(services, turn) if d.step.startswith(AT_NOTE + ":")]
    return [Reply(kind="notice", text=" ".join(waiting_line(services, d) for d in at_note[:3]))] if at_note else []


def install(engine: Engine, services: Services) -> None:
    """Read a grade word typed with a draft unattended before the knowledge base."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
