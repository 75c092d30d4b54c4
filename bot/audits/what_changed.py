"""What changed in an audit since its worker was last sent it (trial 43, finding 25).

A manager edited and resubmitted an audit, and the worker's "updated summary" repeated the whole audit: the answer
that went from Yes to No and the grade that went from Requires improvement to Inadequate were not marked, and a note
added with `/audit edit 149 note 9 …` reached the worker not at all. Every change after submitting is kept as a
revision; the audit's state records the last revision the worker had been sent (bot.storage.audits.WORKER_SENT).
Each change since then is said once, as it was and as it is now (several changes to one answer as one), in a short
list at the top of the summary, and the changed answers are marked where they stand in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.audits.core import Changed, Ctx, grade_label, question_label
from bot.core.cut_short import clip_at_word
from bot.core.services import Services
from bot.storage import audits as store
from knowledge.dates import short_date

NOTE_LENGTH = 80  # a note is quoted this far in the list; the summary below has it whole
TEXT_LENGTH = 50  # a question's text, shortened to name it in the list
AUDIT_NOTES = {"grade_reason": "Reason for the grade", "strengths": "Strengths",
               "development": "Areas for development", "case_ref": "Case reference"}


@dataclass(frozen=True)
class Change:
    """One field's change since the worker was last sent the audit: its name in the revisions, first and last."""
    field: str
    was: str | None
    now: str | None


def net_changes(revisions: Iterable[dict[str, Any]]) -> list[Change]:
    """The revisions as one change a field (first value before, last after), those that came back to where they were
    left out; an added action is a change of its own each time. Status moves (reopened) are not changes to read."""
    first: dict[str, Change] = {}
    added: list[Change] = []
    for revision in revisions:
        field = str(revision["field"])
        if field == "status":
            continue
        if field == "action":
            added.append(Change(field, None, revision["new_value"]))
            continue
        earlier = first.get(field)
        first[field] = Change(field, earlier.was if earlier else revision["old_value"], revision["new_value"])
    return [change for change in first.values() if (change.was or None) != (change.now or None)] + added


def since_sent(services: Services, ctx: Ctx, to_worker: bool = True) -> Changed | None:
    """What changed since the worker was last sent the audit (since it was first submitted, for one sent before this
    was recorded), said for the worker (`to_worker`) or for someone else; None when nothing did."""
    seen = int(ctx.audit.state.get(store.WORKER_SENT) or 0)
    changes = net_changes(r for r in store.revisions_of(services.storage, ctx.audit.id) if int(r["id"]) > seen)
    lines = _lines(services, ctx, changes)
    if not lines:
        return None
    since = "you were last sent this audit" if to_worker else "the worker was last sent this audit"
    listed = f"**What changed since {since}:**\n" + "\n".join(f"• {line}" for line in lines)
    return Changed(listed, _marks(ctx, changes))


def _lines(services: Services, ctx: Ctx, changes: list[Change]) -> list[str]:
    """A line a change; a question's new note goes on the line of its new answer, when both changed."""
    notes = {change.field.partition(":")[2]: change for change in changes if change.field.startswith("evidence:")}
    answered = {change.field.partition(":")[2] for change in changes if change.field.startswith("answer:")}
    lines = []
    for change in changes:
        kind, _, key = change.field.partition(":")
        if kind == "evidence" and key in answered:
            continue
        line = _said(services, ctx, change)
        if kind == "answer" and key in notes and line:
            line += f"; its note {_note_change(notes[key])}"
        if line:
            lines.append(line)
    return lines


def _said(services: Services, ctx: Ctx, change: Change) -> str:
    """The change in a line; "" for a question no longer in the audit's checklist (it was switched since)."""
    try:
        return _line(services, ctx, change)
    except KeyError:
        return ""


def _line(services: Services, ctx: Ctx, change: Change) -> str:
    kind, _, key = change.field.partition(":")
    if kind == "answer":
        question = ctx.checklist.question(key)
        return f"{_named(ctx, key)}: {_answer(question, change.was)} → **{_answer(question, change.now)}**"
    if kind == "evidence":
        return f"{_named(ctx, key)}, its note: {_note_change(change)}"
    if kind == "overall_grade":
        return f"Overall grade: {grade_label(change.was)} → **{grade_label(change.now)}**"
    if kind in AUDIT_NOTES:
        return f"{AUDIT_NOTES[kind]}: {_note_change(change)}"
    if kind == "action":
        return _action_line(services, key, change)
    if kind == "action_due":
        return f"Action {key}, due date: {_day(change.was)} → **{_day(change.now)}**"
    if kind == "action_owner":
        label = services.directory.label
        return f"Action {key}, owner: {label(change.was or '')} → **{label(change.now or '')}**"
    return ""


def _action_line(services: Services, key: str, change: Change) -> str:
    """An action added ("what (U123, by 2026-12-11)" as the revisions keep it) or removed (its number)."""
    if key:
        return f"Action {key} removed"
    what, _, rest = (change.now or "").rpartition(" (")
    owner, _, due = rest.rstrip(")").partition(", by ")
    return f"Action added: {what or change.now} — {services.directory.label(owner)}, by {_day(due)}"


def _named(ctx: Ctx, question_id: str) -> str:
    """'Q7 (Was the plan reviewed…)': the question's number as the summary numbers it, and its text shortened."""
    text = ctx.checklist.question(question_id).text
    return f"Q{question_label(ctx.checklist, question_id)} ({clip_at_word(text, TEXT_LENGTH)})"


def _answer(question: Any, value: str | None) -> str:
    return question.answer_label(value) if value else "not answered"


def _note_change(change: Change) -> str:
    if not change.was:
        return f"added: “{_quoted(change.now)}”"
    if not change.now:
        return f"removed (was “{_quoted(change.was)}”)"
    return f"“{_quoted(change.was)}” → “{_quoted(change.now)}”"


def _quoted(text: str | None) -> str:
    return clip_at_word((text or "").strip(), NOTE_LENGTH)


def _day(value: str | None) -> str:
    try:
        return short_date(date.fromisoformat(value or ""))
    except ValueError:
        return value or "none"


def _marks(ctx: Ctx, changes: list[Change]) -> dict[str, str]:
    """For each question whose answer or note changed, the words that mark it in the summary."""
    marks: dict[str, list[str]] = {}
    for change in changes:
        kind, _, key = change.field.partition(":")
        if kind == "answer" and key:
            was = _answer(ctx.checklist.question(key), change.was)
            marks.setdefault(key, []).insert(0, f"changed; was {was}")
        elif kind == "evidence" and key:
            marks.setdefault(key, []).append("note added" if not change.was else "note changed")
    return {key: "; ".join(words) for key, words in marks.items()}


def mark_sent(services: Services, audit_id: int) -> None:
    """The worker has just been sent the audit as it stands: the next summary says what changed since now."""
    store.mark_worker_sent(services.storage, audit_id)
