"""What happens to an answer's evidence note when the answer is given again, after Back or `change 3`.

A note is evidence for one answer. Given the same answer again (the auditor went back to change something else
and pressed Yes once more), the note stays: it is still true, and silently losing it cost auditors their work.
Given a different answer, the note no longer fits and is not kept (storage clears it with the old value), as a
scale grade's note always was; the auditor is told, and a scale grade then asks for its new note. The question
shows the note on file beside the earlier answer, so the auditor knows what will be kept.
"""

from __future__ import annotations

import re

from bot.core.replies import Choice, Reply
from knowledge.checklist_schema import Answer, Question

# Trial 55 (F10): after `back` three times, going forward again `keep` got "Please answer yes, no or not applicable"
# and each answer had to be given again on a phone. These keep the answer (and note) on file and move on.
KEEP_BEFORE = re.compile(r"^\s*(?:keep(?: it| that| (?:my |the )?answer)?|same(?: again| as before)?|as before|"
                         r"no change|unchanged|leave it as it is)\s*[.!]?\s*$", re.IGNORECASE)


def note_to_keep(previous: Answer | None, value: str, note: str | None) -> str | None:
    """The note to store with `value`: the one typed with it, else the one on file when the answer is unchanged."""
    if note is not None:
        return note
    if previous is not None and previous.value == value:
        return previous.evidence
    return None


def answered_before(question: Question, previous: Answer) -> str:
    """"Answered before: Yes — consent form on file", shown when a question is asked again."""
    shown = f"Answered before: {question.answer_label(previous.value)}"
    return f"{shown} — {previous.evidence}" if previous.evidence else shown


def note_notice(question: Question, previous: Answer | None, value: str, note: str | None) -> Reply | None:
    """Tell the auditor what became of the note on file: kept with the same answer, or left with the old one."""
    if previous is None or not previous.evidence or note is not None:
        return None
    new = question.answer_label(value)
    if previous.value == value:
        change = f" To change it, answer `{new.lower()}, <new note>`." if question.type == "scale" else ""
        return Reply(kind="notice", text=f"Got it: **{new}**, keeping your note on file.{change}")
    old = question.answer_label(previous.value)
    text = (f"Your note for **{old}** (“{previous.evidence}”) was evidence for that answer, so it is not kept with "
            f"**{new}**.")
    if question.type == "yes_no":
        text += f" To add a note for {new}, go back to this question and answer `{new.lower()}, <your note>`."
    return Reply(kind="notice", text=text)


def keep_choice(question: Question, previous: Answer | None, value: str) -> list[Choice]:
    """*Keep: Not applicable*, pressing the earlier answer again (its note kept), where a question asked again after
    Back has an answer on file that a button can give; `value` is the audit's button value for that answer."""
    if previous is None or question.type not in ("yes_no", "scale", "choice"):
        return []
    if previous.value not in question.answer_keys:
        return []
    return [Choice(f"Keep: {question.answer_label(previous.value)}", "audit.answer", value)]


def kept_said(question: Question, previous: Answer) -> Reply:
    """"Kept: **Not applicable** — no school-age children", said before the next question after `keep`."""
    note = f" — {previous.evidence}" if previous.evidence else ""
    return Reply(kind="notice", text=f"Kept: **{question.answer_label(previous.value)}**{note}.")
