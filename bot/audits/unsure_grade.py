"""A grade typed at a graded question with words around it: `good-ish`, `goodish`, `prob good`, `RI-ish`.

Trial 54 (F14): `good-ish` at a grade was told the bare list ("Please give a grade: Outstanding, Good, …"). The
overall grade already reads these and confirms a hedged one (bot.audits.typed_grade, trial 41); a graded question now
does the same: nothing is stored, "Did you mean **Good**?" is asked, and `yes` (or *Yes, Good*) takes it as its
button would, `no` (or *No, choose again*) shows the question again. A negated grade (`not good-ish`) is never read.
"""

from __future__ import annotations

from bot.audits.core import Ctx
from bot.audits.grade_words import grade_in_words
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.privacy.screen import screen_text
from knowledge.checklist_schema import Question


def grade_meant(text: str) -> str | None:
    """The one grade `text` names with words around it (`good-ish`, `goodish`, `prob good`); None otherwise."""
    said = " ".join((text or "").split())
    found = grade_in_words(said)
    if found is None and said.lower().endswith("ish") and not said.lower().endswith("-ish"):
        found = grade_in_words(said[:-3] + "-ish")  # `goodish`, run together
    return None if found is None else found[0]


def ask(services: Services, turn: Turn, ctx: Ctx, question: Question, text: str) -> list[Reply] | None:
    """"Did you mean **Good**?" for a grade typed with words around it at a graded question; None when `text` names
    no one grade so, or the question is not graded."""
    grade = grade_meant(text) if question.type == "scale" else None
    if grade is None or grade not in question.answer_keys:
        return None
    screen_text(text, services.identifier_screen, "that")
    label = question.answer_label(grade)
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"I haven't stored a grade for “{' '.join(text.split())}”. Did you mean **{label}**? "
                              "Type `yes` to take it, or type the grade you mean.",
        choices=(Choice(f"Yes, {label}", "audit.answer", ctx.value(grade), "primary"),
                 Choice("No, choose again", "audit.resume", str(ctx.audit.id)))))]
