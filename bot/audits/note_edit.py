"""Changing the note on one answer of a submitted audit: `/audit edit 12 note 7 <new note>`.

A scale grade's note says why the grade was given (a yes/no answer may carry one too). Reopening the audit and
giving the same grade again keeps its note, so the only way to correct a note was to change the grade: now the note
changes alone, in place, until a moderator opens the audit, as `/audit edit 12 strengths` changes a note of the
audit. The old note is kept as a revision with who changed it and when, and the moderator is told the audit changed
after submission (bot.audits.moderation.decision_screen). Questions are numbered as at the review (`7`, `4a`).
"""

from __future__ import annotations

import re

from bot.audits import edit_told, lifecycle
from bot.audits.core import answer_error, load
from bot.audits.flow import AnswerError, parse_evidence
from bot.audits.note_answer_word import without_answer_word
from bot.audits.numbering import labels_hint, question_by_label
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text

NOTED_TYPES = ("scale", "yes_no")  # the answers that carry an evidence note
QUESTION_LABEL = re.compile(r"\d+[a-z]?", re.IGNORECASE)  # how the review numbers questions: `7`, `4a`


def change_note(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply]:
    """`text` is the question's number then the new note: `7 Visits lapsed in the autumn term`."""
    ctx = load(services, audit_id)
    refusal = lifecycle.note_refusal(ctx.audit, turn.user_id)
    if refusal is not None:
        raise refusal  # moderated, opened by a moderator, or not theirs: said before the note is read
    label, _, typed = text.strip().partition(" ")
    question = question_by_label(ctx.checklist, ctx.answers, label.lstrip("#"))
    example = f"`/audit edit {audit_id} note {label if question else 3} Visits lapsed in the autumn term`"
    if question is None and QUESTION_LABEL.fullmatch(label.lstrip("#")):
        # A number that is no question of this audit: say so, not "name the question by its number", and never
        # give the wrong number back as the example (trial 9: `note 99` was told "like /audit edit 5 note 99 …").
        raise UserError(f"Audit #{audit_id} has no question {label.lstrip('#')}: "
                        f"{labels_hint(ctx.checklist, ctx.answers)}. Type its number, then the new note, like "
                        f"{example}.")
    if question is None:
        raise UserError(f"Name the question by its number, then the new note, like {example}: "
                        f"{labels_hint(ctx.checklist, ctx.answers)}.")
    answer = ctx.answers.get(question.id)
    if answer is None or question.type not in NOTED_TYPES:
        raise UserError(f"Question {label} has no note to change: only a graded or yes/no answer carries one. To "
                        f"change the answer itself, type `/audit edit {audit_id}` and then `change {label}`.")
    try:
        note = parse_evidence(typed)
    except AnswerError as error:
        screen_text(typed, services.identifier_screen, "that")  # a name typed here is told so first
        raise UserError(f"{answer_error(error)} Like {example}.") from None
    note = screen_text(without_answer_word(question, answer.value, note), services.identifier_screen,
                       "that evidence note")  # `no - …` where the answer is No: the note is what follows (trial 28)
    if note == answer.evidence:
        return [Reply(text=f"Question {label} of audit #{audit_id} already has that note: nothing changed.")]
    lifecycle.edit_note(services.storage, audit_id, turn.user_id, question.id, note, turn.now)
    stays = f"the answer stays **{question.answer_label(answer.value)}**"
    told = edit_told.worker_told(services, turn, audit_id)  # trial 43: the worker heard nothing of a note added
    if not answer.evidence:  # nothing to keep as a revision (trial 28 was told "The earlier note is kept")
        return [Reply(text=f"Audit #{audit_id}: note added to question {label}; {stays}."), *told]
    return [Reply(text=f"Audit #{audit_id}: the note on question {label} is updated; {stays}. The earlier note is "
                       "kept as a revision."), *told]
