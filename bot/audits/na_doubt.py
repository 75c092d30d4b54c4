""""Not applicable" at an escalation question while the audit shows drift, asked about once (trial 49).

At "Where care has not improved in the child's timescale, was escalation … considered?" a manager typed `n/a` and
was told "Got it: Not applicable.", though the plan was not specific (No), no support was offered (No) and the
audit's notes spoke of drift. The checklist marks such a question with `na_doubted_by` (the earlier yes/no questions
whose No makes N/A doubtful); a note with drift or delay words counts too. The N/A is not stored yet: the bot names
what it noticed and asks once, `keep` (N/A is stored) or `no`. Any other answer is taken as usual, and N/A given
again to the same question is taken without a word: it never blocks, and never asks twice.
"""

from __future__ import annotations

import re
from typing import Any

from bot.audits.core import Ctx
from bot.audits.numbering import question_label
from bot.audits.step_reminder import step_again
from bot.core.audit_rules import Answers
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store
from knowledge.checklist_schema import NOT_APPLICABLE, Checklist, Question

ASKED = "na_doubt"  # on the conversation row: {"audit_id", "version", "step"} of the N/A asked about
# the drift words the audit already reads in answers (bot.audits.option_sayings): drift, delay, slipped, carried over
DRIFT = re.compile(r"\b(?:drift\w*|delay\w*|slipp(?:ed|ing)|(?:roll|carr)\w*\s+(?:over|forward))\b", re.IGNORECASE)
KEEP = re.compile(r"^\s*(?:keep(?: it)?|keep n/?a|leave it|n/?a)\s*[.!]?\s*$", re.IGNORECASE)


def _joined(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def noticed(checklist: Checklist, answers: Answers, question: Question) -> str:
    """"questions 7 and 8 answered No and the note “drift since summer”"; "" when nothing makes N/A doubtful."""
    nos = [question_label(checklist, qid) for qid in question.na_doubted_by
           if qid in answers and answers[qid].value == "no"]
    note = next((a.evidence for qid, a in answers.items() if qid != question.id and a.evidence
                 and DRIFT.search(a.evidence)), None)
    said = []
    if nos:
        said.append(f"{'question' if len(nos) == 1 else 'questions'} {_joined(nos)} answered No")
    if note:
        said.append(f"the note “{note if len(note) <= 80 else note[:77] + '…'}”")
    return " and ".join(said)


def _stamp(ctx: Ctx) -> dict[str, Any]:
    return {"audit_id": ctx.audit.id, "version": ctx.version, "step": ctx.audit.step}


def asked_here(services: Services, turn: Turn, ctx: Ctx) -> bool:
    """Whether the N/A at the step the audit stands at was asked about already (so `keep` means keep it)."""
    return store.conversation(services.storage, turn.user_id).get(ASKED) == _stamp(ctx)


def ask(services: Services, turn: Turn, ctx: Ctx, question: Question, value: str) -> list[Reply] | None:
    """The one question about a doubtful N/A, the answer not stored; None when the answer is taken as usual."""
    if value != NOT_APPLICABLE or not question.na_doubted_by or asked_here(services, turn, ctx):
        return None
    said = noticed(ctx.checklist, ctx.answers, question)
    if not said:
        return None
    store.keep_aside(services.storage, turn.user_id, ASKED, _stamp(ctx), turn.now)
    label = question_label(ctx.checklist, question.id)
    return [Reply(kind="notice", text=f"Not applicable at {label} sits oddly with {said}, which suggest care "
                                      "has not improved. Keep **Not applicable** (`keep`) or change it to **No** "
                                      "(`no`)?"), *step_again(services, ctx)]
