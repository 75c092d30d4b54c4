"""`ask` typed after a line kept at a yes/no question that may be a question (trial 60, F28).

A worker with a peer-audit draft open typed practice questions without a "?" and they were kept as evidence notes on
another child's audit. A line read surely as a question is answered aside (bot.audits.questions.typed); one that only
may be (`…, is this private fostering`) is kept as bot.audits.pasted_note keeps evidence, with "That looks like a
question: answer it, or keep it as a note on question 2a?". `ask` (`answer it`, `its a question`) drops that line
from the kept note (an earlier line kept at the same question stays) and answers it as the knowledge base answers a
question, the audit waiting at its question (bot.audits.answered_aside shows it again).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.audits import conversation
from bot.audits.conversation import State
from bot.audits.hedged_answer import KEPT
from bot.audits.numbering import question_label
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

ASK_WORDS = re.compile(r"^\s*(?:(?:please\s+)?(?:ask|answer)(?:\s+(?:it|that|this|the\s+question|me))?|"
                       r"(?:it'?s|it\s+is|it\s+was|that\s+was|that'?s)\s+a\s+question|(?:a\s+)?question)"
                       r"(?:\s+please)?\s*[.!]*\s*$", re.IGNORECASE)


def typed_ask(services: Services, turn: Turn, text: str, claim: Callable[[str], list[Reply]]) -> list[Reply] | None:
    """`ask` at the yes/no question where a line that may be a question is kept: that line answered (`claim`: the
    engine's reading of a line typed next) and no longer kept; None for anything else."""
    if ASK_WORDS.match(text) is None:
        return None
    standing = conversation.current(services, turn)
    if standing is None or standing.state is not State.QUESTION or standing.ctx is None:
        return None
    ctx = standing.ctx
    kept: Any = store.conversation(services.storage, turn.user_id).get(KEPT)
    if not isinstance(kept, dict) or not kept.get("question") or (
            kept.get("audit_id"), kept.get("version"), kept.get("step")) != (ctx.audit.id, ctx.version, ctx.audit.step):
        return None
    before = str(kept.get("before") or "")
    store.keep_aside(services.storage, turn.user_id, KEPT,
                     {**{k: v for k, v in kept.items() if k not in ("question", "before")}, "note": before}
                     if before else None, turn.now)
    label = question_label(ctx.checklist, ctx.step.question_id or "")
    left = " (your earlier note stays kept for its answer)" if before else ""
    told = Reply(kind="notice", text=f"Answering it as a question: it is not kept as a note on question {label}{left}.")
    return [told, *claim(str(kept["question"]).rstrip(" .!") + "?")]
