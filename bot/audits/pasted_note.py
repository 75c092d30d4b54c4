"""A paragraph of evidence pasted at a yes/no question with no yes or no in it (trial 54, F7).

A manager on a phone pasted 600 characters of what was on the file (the home visit, the food bank, the child's own
words) and was told "Please answer yes or no"; nothing was kept, and the paragraph had to be pasted again after
`yes, `. A line of evidence is kept instead, screened as any note is (a refusal of the identifier screen comes first
and nothing is kept), on the person's conversation row beside the question, as a hedged answer's note is
(bot.audits.hedged_answer): the next `yes` or `no` (typed or pressed) takes it as its note. Only a line that reads
as evidence is kept: a few words at least (PARAGRAPH_WORDS) that are not vague and do not say the auditor does not
know (`idk`, `maybe`, `not sure …` keep their replies).

A second line of evidence at the same question (trial 56, F1: the paragraph, then `THE CHILD WAS SEEN ALONE AT
SCHOOL…`) is added to the kept note, and said so, quoting the earlier one (trial 59, F2: "Your earlier note “…” is
kept; I've added this one after it"), never put in its place; a
`yes, <note>` typed next takes both (bot.audits.hedged_answer.with_kept).

A line that may be a question for the bot (bot.audits.question_opening.asked_in_line: `…, is this private
fostering`, `the child asked can i go home`) is kept the same way but asked about: "That looks like a question:
answer it, or keep it as a note on question 2a?"; `ask` answers it and drops it (bot.audits.kept_question). One read
surely as a question (`…, do i need to do anything`) is never kept: it is answered aside (trial 60, F28).

At a number question, a line with two different numbers and no count leading it (trial 56, F7: `plan in place but
3 moves in 12 months`) is kept the same way, and which number is the answer is asked.
"""

from __future__ import annotations

import re

from bot.audits import other_case
from bot.audits.core import Ctx, answer_error
from bot.audits.flow import AnswerError, parse_text
from bot.audits.hedged_answer import KEPT, joined, kept_here
from bot.audits.hedged_answers import note_long_enough, unsure
from bot.audits.note_labels import without_label
from bot.audits.number_note import numbers_in
from bot.audits.numbering import question_label
from bot.audits.question_opening import Asked, asked_in_line
from bot.audits.step_reminder import step_again
from bot.core.cut_short import clip
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from knowledge.checklist_schema import Question

PARAGRAPH_WORDS = 4  # the fewest words a line must have to be kept as evidence typed before its answer (trial 63 F9:
# a six-word note at Q2a was refused where a ten-word one at Q3 was kept; 8 was too many for a phone-typed note)
NOTED_TYPES = ("yes_no", "scale", "choice")  # the steps whose answer is a word or a button: a sentence there is a note
DROP = re.compile(r"\s*(?:drop|forget|clear|delete|remove)\s+(?:the\s+|that\s+|my\s+)?(?:kept\s+)?note\s*[.!]?\s*",
                  re.IGNORECASE)
SAID_BACK = 80  # the most of an earlier kept note said back when another is added after it
NUMBERS_NOTE_WORDS = 5  # the fewest words a line with two numbers must have to be kept (not `3 or 4 months`)


def pasted_note(question: Question, text: str) -> str | None:
    """The note to keep from `text` typed at a yes/no question where no answer could be read in it, on one line;
    None when the question is not yes/no or the line is too short, vague or unsure to be evidence."""
    note = " ".join(without_label(text or "", "evidence").split())
    if question.type == "number" and len(set(numbers_in(note))) >= 2:
        return note if len(note.split()) >= NUMBERS_NOTE_WORDS and note_long_enough(note) else None
    if question.type not in NOTED_TYPES or len(note.split()) < PARAGRAPH_WORDS:
        return None
    if unsure(note) is not None or not note_long_enough(note):
        return None
    return note


def keep(services: Services, turn: Turn, ctx: Ctx, question: Question, text: str) -> list[Reply] | None:
    """Keep a pasted paragraph of evidence for the yes or no that comes next, and ask for it; None when `text` is
    not one (the question's own refusal follows). The identifier screen is asked first: a refused note is not kept."""
    note = pasted_note(question, text)
    if note is None:
        return None
    earlier = kept_here(services, turn, ctx)
    try:
        note = parse_text(joined(earlier, note), "evidence note")
    except AnswerError as error:  # longer than a message's note may be: said so, nothing kept
        screen_text(text, services.identifier_screen, "that")
        raise answer_error(error) from None
    note = screen_text(note, services.identifier_screen, "that evidence note")
    other_case.refuse(services, ctx, note)  # another case's reference (trial 59, F1)
    line = note[len(earlier or ""):].strip() if earlier and note.startswith(earlier) else note
    maybe = asked_in_line(line) is Asked.MAYBE  # `…, is this private fostering` (trial 60, F28): asked which
    store.keep_aside(services.storage, turn.user_id, KEPT,
                     {"audit_id": ctx.audit.id, "version": ctx.version, "step": ctx.audit.step, "note": note,
                      **({"question": line, "before": earlier or ""} if maybe else {})}, turn.now)
    label = question_label(ctx.checklist, question.id)
    kept = (f"Your earlier note “{_short(earlier)}” is kept for Q{label}; I've added this one after it" if earlier
            else f"I've kept your note for Q{label}")
    said = (_question_or_note(question, ctx, earlier) if maybe and question.type == "yes_no"
            else _asked(question, note, kept))
    return [Reply(kind="notice", text=said), *step_again(services, ctx)]


def _question_or_note(question: Question, ctx: Ctx, earlier: str | None) -> str:
    """A line that may be a question for the bot as much as a note (trial 60, F28): which it is, asked."""
    typed = "yes, no or n/a" if question.allow_na else "yes or no"
    also = f" Your earlier note “{_short(earlier)}” stays kept either way." if earlier else ""
    return (f"That looks like a question: answer it, or keep it as a note on question "
            f"{question_label(ctx.checklist, question.id)}? Type `ask` and I'll answer it and not keep it, or type "
            f"{typed} (or press a button) and it goes with the answer as its note.{also}")


def _short(note: str) -> str:
    """A kept note as said back on one line, cut short (a pasted paragraph may run to hundreds of characters)."""
    return clip(note, SAID_BACK, one_line=True)


def _asked(question: Question, note: str, kept: str) -> str:
    """Which answer the kept note waits for (a yes or no, a grade, an option, or which of the numbers in it), and how
    to drop it when it was not meant for this question (trial 63 F9: a note on Q3 typed at Q4 went with Q4's yes)."""
    drop = "; or type `drop note` if it is not for this question"
    if question.type == "number":
        said = list(dict.fromkeys(numbers_in(note)))
        return (f"That has {', '.join(said[:-1])} and {said[-1]} in it: which number is the answer? {kept}: type "
                f"just the number and it goes with the answer{drop}.")
    if question.type == "scale":
        return f"Which grade is that? {kept}: type the grade (or press a button) and it goes with the answer{drop}."
    if question.type == "choice":
        return (f"Which option is that? {kept}: type its number or words (or press a button) and it goes with the "
                f"answer{drop}.")
    asked, typed = (("Is that a yes, a no or not applicable?", "yes, no or n/a") if question.allow_na
                    else ("Is that a yes or a no?", "yes or no"))
    return f"{asked} {kept}: type {typed} (or press a button) and it goes with the answer{drop}."


def drop(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """`drop note` at the step a note is kept for: the note goes, nothing is answered; None for other words. With no
    note kept, it says so rather than "Please answer…"."""
    if not DROP.fullmatch(text or ""):
        return None
    question = ctx.checklist.question(ctx.step.question_id or "")
    label = question_label(ctx.checklist, question.id)
    kept = kept_here(services, turn, ctx)
    if kept is not None:
        store.keep_aside(services.storage, turn.user_id, KEPT, None, turn.now)
    said = (f"Dropped your note “{_short(kept)}”: Q{label} has no note kept now." if kept is not None
            else f"No note is kept for Q{label}, so there is nothing to drop.")
    return [Reply(kind="notice", text=said), *step_again(services, ctx)]
