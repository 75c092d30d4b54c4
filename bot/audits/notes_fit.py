"""An answer changed after the strengths or areas for development were written says to check they still fit.

Trial 55 (finding 3) typed `change 3` at "Ready to submit?" and turned "child seen alone" to No, while the strengths
still said "child seen alone regularly"; the worker's summary carried both. Whether the words contradict the answer
is not judged (no reading of meaning): any change of an answer, once either note is written, is said once, with the
answer's reply, quoting the notes, with the command that changes them in place: `edit strengths <new text>` (or
`edit development <new text>`; `strengths: …` too), typed at the actions step, "Ready to submit?", or the review of an
audit reopened with `/audit edit`, where these notes exist already.
"""

from __future__ import annotations

import re

from bot.audits.core import Ctx
from bot.audits.numbering import question_label
from bot.audits.other_heading import NOTES_ASKED
from bot.audits.screens import advance_and_render
from bot.core.cut_short import clip
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from knowledge.checklist_schema import Question

_WHICH = r"(?P<which>strengths|development|areas\s+for\s+development)"
# `edit strengths <text>` (`change the strengths to …`), or the heading with a colon or dash (`strengths: …`): never
# a bare "strengths based meeting with the family", which at the actions step is an action
_NOTE_TYPED = re.compile(rf"^\s*(?:(?:edit|change|replace|update)\s+(?:the\s+|my\s+)?{_WHICH}(?:\s+to\b|\s*[:=–—-])?"
                         rf"|{_WHICH.replace('which', 'headed')}\s*[:=–—-])\s*(?P<text>\S.*)$",
                         re.IGNORECASE | re.DOTALL)
_STEPS = frozenset({"actions", "submit", "review"})
_QUOTED = 120  # characters of each note quoted back


def check_said(ctx: Ctx, question: Question, before: str | None, value: str) -> Reply | None:
    """"You changed Q3 to No: check your strengths and areas for development still fit: …", when an answer given
    before (`before`) is now another and the audit has strengths or areas for development written; else None."""
    audit = ctx.audit
    if before is None or before == value or not (audit.strengths or audit.development):
        return None
    notes = "; ".join(f"{label} “{clip(note, _QUOTED, one_line=True)}”"
                      for label, note in (("strengths", audit.strengths), ("areas for development", audit.development))
                      if note)
    label = question_label(ctx.checklist, question.id)
    return Reply(kind="notice", text=f"You changed Q{label} to {question.answer_label(value)}: check your strengths "
                                     f"and areas for development still fit: {notes}. To change them, type "
                                     "`edit strengths` and the new text (or `edit development` and the new text).")


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """`edit strengths <new text>` (`edit development …`, `strengths: …`) at the actions step, "Ready to submit?" or
    a reopened audit's review: the note replaced in place, said back, and the same step shown again. None for any
    other text, or where the notes are not written yet (the review of a first pass)."""
    found = _NOTE_TYPED.match(text)
    if found is None or ctx.step.name not in _STEPS:
        return None
    if ctx.step.name == "review" and ctx.audit.submitted_at is None:
        return None  # a first pass: the strengths are asked after the overall grade
    which = (found.group("which") or found.group("headed")).lower()
    name = "strengths" if which == "strengths" else "development"
    try:
        note = screen_text(found.group("text").strip(), services.identifier_screen, "that note")
    except UserError as refused:
        raise UserError(f"{refused} Nothing was changed.") from None
    said = Reply(kind="notice", text=f"Got it: {NOTES_ASKED[name]} now read “{clip(note, _QUOTED, one_line=True)}”.")
    return advance_and_render(services, turn, ctx, ctx.version, store.Move(step=ctx.audit.step, fields={name: note}),
                              before=[said])
