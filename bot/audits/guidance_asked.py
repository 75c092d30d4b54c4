"""A checklist question's *What good looks like*, asked in words outside the audit (trial 52 F4).

`what does good look like for q4 on audit 139` was told "I don't know that yet" and put on the QA leads' list, and
`what does good look like for the lowest scoring question` got three unrelated entries; the guidance is the
checklist's, per question (an auditor gets it with a button). For someone who may read the audit (its worker,
auditor, managers, moderator, QA leads: bot.core.policy.may_view), the question's text and its guidance are said;
"the lowest scoring question" (or "the flagged questions") is the audit's flagged answers, each with its guidance.
Naming no audit, the worker's latest audit of their case is meant. Never a question for the QA leads' list.
"""

from __future__ import annotations

import re

from bot.audits.core import Ctx, guidance_text, load
from bot.audits.flow import flags
from bot.audits.numbering import question_by_label, question_label
from bot.core import policy
from bot.core.markup import bold
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.storage import audits as store
from bot.storage import readback as readback_store
from knowledge.checklist_schema import Question

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
_GOOD = (r"^\s*(?:so\s+|and\s+|ok\s+)?(?:what\s+(?:does|do|would|should)\s+(?:a\s+)?good\s+(?:practice\s+)?look\s+"
         r"like|whats?\s+(?:the\s+)?(?:guidance|good\s+practice))\s+(?:for|on|in|at|about)\s+")
_LABEL = r"(?:q|qu|qn|question)\s*#?(?P<label>\d{1,3}[a-z]{0,2})"
_LOWEST = (r"(?P<lowest>(?:the\s+|my\s+|its\s+)?(?:(?:lowest|worst|weakest)(?:\s+(?:scoring|scored|graded|rated))?|"
           r"flagged)\s+(?:questions?|ones?|answers?|areas?|bits?))")
_AUDIT = r"(?:\s+(?:on|in|for|of|from)\s+(?:the\s+|my\s+)?(?:case\s+)?(?:audit\s+)?#?(?P<id>\d{1,9}))?"
ASKED = re.compile(rf"{_GOOD}(?:{_LABEL}|{_LOWEST}){_AUDIT}\s*[?.!]*\s*$", re.IGNORECASE)


def _audit(services: Services, turn: Turn, typed_id: str | None) -> store.AuditRow | None:
    """The audit named (None when there is none such), or naming none, the latest submitted audit of their case."""
    if typed_id is not None:
        return store.get_audit(services.storage, int(typed_id))
    _total, audits = readback_store.readable_audits(services.storage, people=[turn.user_id], limit=20)
    return next((audit for audit in audits if audit.worker_id == turn.user_id and audit.submitted_at), None)


def _question_said(services: Services, ctx: Ctx, question: Question) -> str:
    label = question_label(ctx.checklist, question.id)
    return f"{bold(f'Q{label}. {question.text}')}\n{guidance_text(services, question)}"


def asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The guidance of the question (or the flagged questions) asked about; None for other text, or no audit meant."""
    if turn.person is None or (said := ASKED.match(text or "")) is None:
        return None
    audit = _audit(services, turn, said.group("id"))
    if audit is None:
        if said.group("id") is None:
            return None
        raise UserError(f"I can't find audit #{said.group('id')}. `/audit list mine` lists the audits you can read.")
    moderators = readback_store.moderators_of(services.storage, [audit.id]).get(audit.id, set())
    if not policy.may_view(services.directory, turn.person, audit, moderators):
        raise AccessDenied(f"Audit #{audit.id}'s answers are read by its auditor, the worker whose case it is, their "
                           "managers, its moderator and QA leads. `/audit checklist` shows any checklist's guidance.")
    ctx = load(services, audit.id)
    if said.group("label"):
        question = question_by_label(ctx.checklist, ctx.answers, said.group("label"))
        if question is None:
            raise UserError(f"Audit #{audit.id} has no question {said.group('label')}: `/audit show {audit.id}` "
                            "lists its questions with their numbers.")
        return [Reply(title=f"What good looks like: audit #{audit.id}, Q{question_label(ctx.checklist, question.id)}",
                      text=_question_said(services, ctx, question))]
    flagged = [question for question, _ in flags(ctx.checklist, ctx.answers)]
    if not flagged:
        return [Reply(text=f"No answer on audit #{audit.id} was flagged for a second look. Ask about one question: "
                           f"`what does good look like for q4 on audit {audit.id}`.")]
    head = (f"Audit #{audit.id}'s flagged {'answer' if len(flagged) == 1 else 'answers'}, with what good looks like:")
    return [Reply(title=f"What good looks like: audit #{audit.id}",
                  text="\n\n".join([head, *(_question_said(services, ctx, q) for q in flagged)]))]


def install(engine: Engine, services: Services) -> None:
    """Read "what does good look like for q4 on audit 139" before the knowledge base."""
    engine.add_message_handler(lambda turn, text: asked(services, turn, text), priority=PRIORITY)
