"""A grade typed at an audit's overall grade: a name, a short form, a small typo, or a grade with its reason.

People write "RI, reviews have slipped" (or "actually inadequate because the drift is serious") in one breath. When
the grade differs from the suggested one (or, on an audit reopened after submitting, from the grade the worker was
sent) the flow asks for a reason next, so that note is the reason: both are stored, screened like any typed note, and
the audit goes on to strengths. When no reason is asked (the grade is the suggested one) the grade is taken and the
note is not, and the reply says where such a note goes. Text that is neither a grade nor a question is screened
before it is refused, so someone who typed a child's name is told that first, as at every other prompt.
"""

from __future__ import annotations

from bot.audits import alert_confirm, brief_reason, concern_grade, finish, grade_in_sentence
from bot.audits.core import Ctx, answer_error, grade_label, load
from bot.audits.flow import AnswerError, looks_like_question, parse_reason
from bot.audits.grade_alerts import alert_targets
from bot.audits.grade_words import (
    CONFIRM_LABEL,
    CONFIRM_WORDS,
    KEEP_WORDS,
    REUSE_WORDS,
    WITH_A_REASON,
    grade_in_words,
    grade_starting,
    read_grade_and_note,
)
from bot.audits.questions import CHANGE_WORDS, change_from_review, go_back
from bot.core.audit_rules import suggest_grade
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text

GRADE_HELP = ("Please choose a grade: Outstanding, Good, Requires improvement to be good (`RI`) or Inadequate (or "
              f"press one of the buttons). To give a reason with it, {WITH_A_REASON}.")


def typed_grade(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """The overall grade typed: as if its button were pressed, plus its reason when one came with it; `confirm` (or
    `yes`, `ok`) is the suggested grade, as its Confirm button. A question goes on to the knowledge base (None)."""
    if (change := CHANGE_WORDS.match(text)) is not None:  # `change 5`: the answers were just reviewed
        return change_from_review(services, turn, ctx, change.group(1))
    if KEEP_WORDS.match(text) and ctx.audit.overall_grade:  # back at the grade: the grade and reason noted already
        return _kept(services, turn, ctx, ctx.audit.overall_grade)
    suggested = suggest_grade(ctx.checklist, ctx.answers)
    if CONFIRM_WORDS.match(text):
        if suggested is None:
            raise UserError(f"There is no suggested grade to confirm: no question was graded. {GRADE_HELP}")
        return _said_back(services, ctx, suggested, finish.on_grade(services, turn, ctx.value(suggested)))
    said = read_grade_and_note(text) or read_grade_and_note(CONFIRM_LABEL.sub("", text, count=1))
    if said is None and (worded := grade_in_words(text)) is not None:  # `id say good overall tbh`, `prob good`
        grade, hedged = worded
        if hedged:
            return [_hedged(services, turn, ctx, grade, text)]
        return _said_back(services, ctx, grade, finish.on_grade(services, turn, ctx.value(grade)))
    if said is None:
        if looks_like_question(text):
            return None
        if (found := grade_in_sentence.read(text)) is not None:  # `hmm i think its inadequate, child not seen …`
            return _from_sentence(services, turn, ctx, found, text)
        screen_text(text, services.identifier_screen, "that")
        confirm = (f" To take the suggested **{grade_label(suggested)}**, type `confirm`." if suggested else "")
        raise UserError(GRADE_HELP + confirm)
    grade, note = said
    if note is None:
        return _said_back(services, ctx, grade, finish.on_grade(services, turn, ctx.value(grade)))
    return _grade_with_reason(services, turn, ctx, grade, note)


def _from_sentence(services: Services, turn: Turn, ctx: Ctx, found: grade_in_sentence.GradeSaid,
                   text: str) -> list[Reply]:
    """The one grade a sentence names, the rest its reason, said back. With a negation just before it (`not good`)
    nothing is taken: a "Yes, Good" offered for "not good" would ask the opposite of what was typed, so it is refused
    with the grades to choose from, saying why (as before trial 43, "not good" is never Good)."""
    label = grade_label(found.grade)
    if found.negated:
        screen_text(text, services.identifier_screen, "that")
        raise UserError(f"I read a “not” before **{label}**, so I haven't taken a grade from that. {GRADE_HELP}")
    if found.reason is None:
        return _said_back(services, ctx, found.grade, finish.on_grade(services, turn, ctx.value(found.grade)))
    taken = Reply(kind="notice", text=f"Read as **{label}**, with the rest as your reason: “{found.reason}”.")
    return [taken, *_grade_with_reason(services, turn, ctx, found.grade, found.reason)]


def _kept(services: Services, turn: Turn, ctx: Ctx, grade: str) -> list[Reply]:
    """`keep` at the overall grade noted already: that grade again, with the reason noted when it was written for that
    grade and one is asked; a reason written for another grade is not kept, and the reason step says so."""
    reason = ctx.audit.reason_for(grade)
    if reason and finish.reason_needed(services, ctx, grade):
        return _grade_with_reason(services, turn, ctx, grade, reason)
    return _said_back(services, ctx, grade, finish.on_grade(services, turn, ctx.value(grade)))


def kept_reason(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """`keep` at "Why a different grade?" with a reason noted already for this grade: that reason, as if typed again.
    A reason noted for another grade (the grade changed since) is given again only with `reuse`, and `keep` is told
    whose it was (trial 43); else None."""
    grade = ctx.audit.overall_grade
    if (reason := ctx.audit.reason_for(grade)) is not None:
        return finish.typed(services, turn, ctx, reason) if KEEP_WORDS.match(text) else None
    earlier, was_for = ctx.audit.grade_reason, ctx.audit.reason_grade
    if not earlier or not was_for:
        return None
    if REUSE_WORDS.match(text):
        reused = Reply(kind="notice", text=f"Got it: the same reason for **{grade_label(grade)}**.")
        return [reused, *finish.typed(services, turn, ctx, earlier)]
    if KEEP_WORDS.match(text):
        raise UserError(f"“{earlier}” was your reason for **{grade_label(was_for)}**, not **{grade_label(grade)}**, "
                        f"so I haven't kept it. Type a reason for **{grade_label(grade)}**, or `reuse` to give the "
                        "same words for it.")
    return None


def _hedged(services: Services, turn: Turn, ctx: Ctx, grade: str, text: str) -> Reply:
    """A grade said unsurely (`prob good`): nothing stored until it is confirmed, `yes` taking it as its button would
    and `no` showing the grades again (trial 41), as a hedged answer is asked about rather than guessed."""
    label = grade_label(grade)
    return confirmations.ask(services, turn, Reply(
        kind="question", text=f"“{' '.join(text.split())}” sounds unsure, so I haven't stored a grade yet. Is the "
                              f"overall grade **{label}**? Type `yes` to take it, or type the grade you mean.",
        choices=(Choice(f"Yes, {label}", "audit.grade", ctx.value(grade), "primary"),
                 Choice("No, choose again", concern_grade.NO, ctx.value()))))


def _said_back(services: Services, ctx: Ctx, grade: str, graded: list[Reply]) -> list[Reply]:
    """"Got it: Requires improvement to be good." before what follows a grade typed alone and stored, as every
    typed answer is said back (trial 36: `RI` was not, and a short form is where a misreading would hide); nothing
    when it waits for a check first (the alert, an immediate concern), which names it. The suggested grade, which
    asks no reason, says so and that the strengths come next (trial 56, F8: the reason typed next was stored as the
    strengths)."""
    after = load(services, ctx.audit.id)
    if not graded or after.audit.overall_grade != grade:
        return graded
    if after.step.name == "strengths" and grade == suggest_grade(ctx.checklist, ctx.answers):  # trial 56, F8
        return [Reply(kind="notice", text=f"Got it: **{grade_label(grade)}** (the suggested grade, so no reason is "
                                          "needed). Now the strengths:"), *graded]
    return [Reply(kind="notice", text=f"Got it: **{grade_label(grade)}**."), *graded]


def typed_reason(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply]:
    """Text typed at "Why a different grade?". A reason that starts with another grade than the one chosen
    ("inadequate - the child said nothing changed", after Good was pressed by mistake) is that grade: the audit goes
    back to the overall grade, takes it as if typed there with the rest as its reason, and says so, so a reason is
    never kept for a grade it argues against. The chosen grade on its own is no reason."""
    if (kept := kept_reason(services, turn, ctx, text)) is not None:  # `keep`: the reason noted already
        return kept
    said = grade_starting(text)
    if said is None:
        try:
            again = brief_reason.ask_again(services, turn, ctx, text)  # `targeted early help`: asked once more
        except AnswerError as error:
            raise answer_error(error) from None
        return again if again is not None else finish.typed(services, turn, ctx, text)
    grade, note = said
    chosen = ctx.audit.overall_grade
    if grade == chosen:
        if note is None:
            raise UserError(f"**{grade_label(grade)}** is the grade you chose. Please say in a sentence why you chose "
                            "it, for example what the answers do not show (at least a few words).")
        return finish.typed(services, turn, ctx, text)
    grade_screen = go_back(services, turn, ctx, ctx.version, press=f"regrade:{grade}")  # to the overall grade
    if not grade_screen:
        return []  # the same message twice: the first did it
    taken = Reply(kind="notice", text=f"Taken as **{grade_label(grade)}**, not **{grade_label(chosen)}**: your "
                                      f"reason is not kept for **{grade_label(chosen)}**.")
    at_grade = load(services, ctx.audit.id)
    try:
        if note is None:
            return [taken, *finish.on_grade(services, turn, at_grade.value(grade))]
        return [taken, *_grade_with_reason(services, turn, at_grade, grade, note)]
    except UserError as error:  # back at the overall grade: the grade and a reason are typed again there
        return [taken, Reply(kind="error", text=str(error)), *grade_screen]


def _grade_with_reason(services: Services, turn: Turn, ctx: Ctx, grade: str, note: str) -> list[Reply]:
    """Check the reason before anything is stored, then store the grade and the reason as two steps."""
    try:
        reason = parse_reason(note)
    except AnswerError as error:
        raise answer_error(error) from None
    screen_text(reason, services.identifier_screen, "that reason")
    if not finish.reason_needed(services, ctx, grade):  # the grade is what was meant; the note has a place later
        told = Reply(kind="notice", text=f"Got it: **{grade_label(grade)}**, the grade the answers suggest, so no "
                                         "reason is needed and I haven't kept what you wrote after it: it can go in "
                                         "the strengths or areas for development that come next.")
        return [told, *finish.on_grade(services, turn, ctx.value(grade))]
    if targets := alert_targets(services, ctx, grade):  # the reason waits with the grade for Send
        return alert_confirm.ask(services, turn, ctx, targets, {"kind": "grade", "grade": grade, "reason": reason})
    return grade_then_reason(services, turn, ctx, ctx.version, grade, reason, press=f"grade:{grade}")


def grade_then_reason(services: Services, turn: Turn, ctx: Ctx, version: int, grade: str, reason: str | None,
                      press: str) -> list[Reply]:
    """Store the grade, then its reason (already checked and screened) when one was given and is asked for; a Good
    or Outstanding grade over an immediate concern is asked about first, holding the reason (bot.audits.concern_grade).
    """
    if (concern := concern_grade.to_ask(ctx, grade)) is not None:
        return concern_grade.ask(services, turn, ctx, version, grade, reason, concern)
    graded = finish.grade_now(services, turn, ctx, version, grade, press)
    after = load(services, ctx.audit.id)
    if reason is None or not graded or after.step.name != "grade_reason":
        return graded
    told = [reply for reply in graded if reply.kind != "question"]  # alerts stay; the reason prompt is answered
    echo = Reply(kind="notice", text=f"Got it: **{grade_label(grade)}**, with your reason.")
    return [*told, echo, *finish.typed(services, turn, after, reason)]
