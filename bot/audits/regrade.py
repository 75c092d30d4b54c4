"""Changing the overall grade of a submitted audit: `/audit edit 12 grade good <why>`.

By the time an auditor changes the grade, the worker has been sent the audit and may have reflected on the grade
they saw. So a change needs a reason (stored as the grade's reason, the old grade and reason kept as revisions), the
worker is told who changed it, from what, to what and why, and `/audit show` says the grade was changed
(`bot.audits.core.grade_line`). An Inadequate grade given or withdrawn this way alerts as at the overall grade step
(`bot.audits.finish`), so the managers it concerns are told by that path and not twice.
"""

from __future__ import annotations

from bot.audits import lifecycle
from bot.audits.core import Ctx, answer_error, grade_label, load
from bot.audits.escalation import told_line
from bot.audits.flow import MIN_EVIDENCE_CHARS, AnswerError, parse_grade, parse_text
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from knowledge.checklist_schema import GRADE_LABELS, GRADES

LONGEST_GRADE = 5  # words in the longest way of writing a grade: "requires improvement to be good"


def split_grade(text: str) -> tuple[str, str, str]:
    """The grade named first (as stored), the words that named it, and the reason typed after them:
    `requires improvement to be good Reviews are late` -> requires_improvement, its words, `Reviews are late`."""
    words = text.split()
    for count in range(min(len(words), LONGEST_GRADE), 0, -1):
        try:
            grade = parse_grade(" ".join(words[:count]))
        except AnswerError:
            continue
        return grade, " ".join(words[:count]), " ".join(words[count:])
    raise UserError("Start with the new grade: " + ", ".join(GRADE_LABELS[g] for g in GRADES)
                    + ", then why, like `/audit edit 12 grade good Reviews are now on time`.")


def _reason(services: Services, audit_id: int, named: str, typed: str) -> str:
    """Why the grade changes, in a sentence, screened for identifiers like every note."""
    example = f"`/audit edit {audit_id} grade {named} Reviews are now on time`"
    if not typed.strip():
        raise UserError(f"Say why: {example}. The worker may already have reflected on the grade they were sent, "
                        "and I'll tell them of the change and your reason.")
    try:
        cleaned = parse_text(typed, "reason")
    except AnswerError as error:
        raise answer_error(error) from None
    if len(cleaned) < MIN_EVIDENCE_CHARS:
        raise UserError(f"Say in a sentence why the grade changes (at least a few words), like {example}.")
    return screen_text(cleaned, services.identifier_screen, "that reason")


def change_grade(services: Services, turn: Turn, audit_id: int, text: str) -> tuple[Ctx, str, list[Reply]]:
    """Change the grade with its reason and tell the worker. Returns the audit as it was (for the Inadequate alerts),
    the new grade and the replies; a grade the audit already has changes nothing and needs no reason."""
    before = load(services, audit_id)
    refusal = lifecycle.edit_refusal(before.audit, turn.user_id, "overall_grade")
    if refusal is not None:
        raise refusal  # moderated, opened by a moderator, or not theirs: said before asking for a reason
    grade, named, typed = split_grade(text)
    was = before.audit.overall_grade
    if grade == was:
        return before, grade, [Reply(text=f"Audit #{audit_id} is already graded {grade_label(grade)}: nothing "
                                          "changed.")]
    reason = _reason(services, audit_id, named, typed)
    lifecycle.edit_submitted(services.storage, audit_id, turn.user_id,
                             {"overall_grade": grade, "grade_reason": reason}, turn.now)
    done = Reply(text=f"Audit #{audit_id}: grade changed from {grade_label(was)} to {grade_label(grade)}, with your "
                      "reason. The earlier grade and its reason are kept as revisions, and the audit shows the "
                      "change.")
    told = _tell_worker(services, before, grade, reason, turn.user_id)
    return before, grade, [done, *told, *([told_line(services, told, "of the change and your reason")] if told
                                          else [])]


def _tell_worker(services: Services, before: Ctx, grade: str, reason: str, auditor: str) -> list[Reply]:
    """The worker was sent the grade it had (and may have reflected on it): a DM saying what changed and why."""
    worker = before.audit.worker_id
    if not worker or worker == auditor:
        return []
    text = (f"The grade of audit #{before.audit.id} was changed from {grade_label(before.audit.overall_grade)} to "
            f"{grade_label(grade)} by {services.directory.label(auditor)}: {reason}")
    return [Reply(text=text, to_user=worker, kind="notice",
                  choices=(Choice("Open the audit", "audit.view", str(before.audit.id)),))]
