"""Changing the overall grade of a submitted audit: `/audit edit 12 grade good <why>`.

By the time an auditor changes the grade, the worker has been sent the audit and may have reflected on the grade
they saw. So a change needs a reason, asked as the next message when the grade is typed alone
(bot.audits.regrade_reason; stored as the grade's reason, the old grade and reason kept as revisions), the worker is
told who changed it, from what, to what and why, and `/audit show` says the grade was changed
(`bot.audits.core.grade_line`). An Inadequate grade given or withdrawn this way alerts as at the overall grade step
(`bot.audits.grade_alerts`), so the managers it concerns are told by that path and not twice, and a new Inadequate
grade is asked about first, as there (`bot.audits.regrade_check`).

The same holds when the grade is changed by reopening the audit (`/audit edit 12`, Change answers) and answering the
overall grade again: the grade then differs from the one the worker was sent (`submitted_grade`), so a reason is
asked (`bot.audits.finish.on_grade`), resubmitting without one goes back for it (`reason_owed`), and the worker is
told at resubmission (`tell_worker`). A draft never submitted was sent to nobody: its grade changes freely.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.audits import held_news, lifecycle
from bot.audits.action_fields import due_near
from bot.audits.core import CONCERN_CONFIRMED, Ctx, answer_error, grade_label, load
from bot.audits.escalation import told_line
from bot.audits.flow import MIN_EVIDENCE_CHARS, AnswerError, parse_grade, parse_text
from bot.audits.grade_words import grade_words_and_note, without_because
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.sentences import as_sentence, as_sentences
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction, UserError
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from bot.storage.audits import AuditRow
from knowledge.checklist_schema import GRADE_LABELS, GRADES

LONGEST_GRADE = 5  # words in the longest way of writing a grade: "requires improvement to be good"
# The words people put before the new grade: `edit 1 grade back to RI, I was too generous`, `… grade to good - …`,
# `… grade as outstanding because …` (trial 27: "Start with the new grade").
_BEFORE_GRADE = re.compile(r"^\s*(?:(?:change\s+it\s+)?back\s+to|back|to|as|now)\s+(?=\S)", re.IGNORECASE)


def split_grade(text: str) -> tuple[str, str, str]:
    """The grade named first (as stored), the words that named it, and the reason typed after them. Read as the
    overall-grade step reads a grade with its reason (bot.audits.grade_words: `RI, reviews are late`, `req imp -
    reviews are late`, `inadequate because …`, after a lead-in such as `actually`), so a grade accepted there is
    accepted here (a trial's `RI, views are summarised by adults` was refused); else, as this command has always
    read it, the reason straight after the grade's words: `requires improvement to be good Reviews are late` ->
    requires_improvement, its words, `Reviews are late`."""
    text = _BEFORE_GRADE.sub("", text, count=1)
    said = grade_words_and_note(text)
    if said is not None:
        grade, named, note = said
        return grade, named, note or ""
    words = text.split()
    for count in range(min(len(words), LONGEST_GRADE), 0, -1):
        try:
            grade = parse_grade(" ".join(words[:count]))
        except AnswerError:
            continue
        return grade, " ".join(words[:count]), without_because(" ".join(words[count:]))
    raise UserError("Start with the new grade: " + ", ".join(GRADE_LABELS[g] for g in GRADES)
                    + ", then why, like `/audit edit 12 grade good Reviews are now on time`.")


def _reason(services: Services, audit_id: int, named: str, typed: str) -> str:
    """Why the grade changes, in a sentence, screened for identifiers like every note."""
    example = f"`/audit edit {audit_id} grade {named} Reviews are now on time`"
    try:
        cleaned = parse_text(typed, "reason")
    except AnswerError as error:
        raise answer_error(error) from None
    if len(cleaned) < MIN_EVIDENCE_CHARS:
        raise UserError(f"Say in a sentence why the grade changes (at least a few words), like {example}.")
    return screen_text(cleaned, services.identifier_screen, "that reason")


@dataclass(frozen=True)
class GradeChange:
    """A new grade for a submitted audit, read and screened, not yet stored: the grade it had (`was`), the new one
    and its reason."""

    audit_id: int
    was: str | None
    grade: str
    reason: str
    action: tuple[str, str, str] | None = None  # description, owner, due date: a new Inadequate's first open action
    concern: str | None = None  # the immediate-concern question a Good or Outstanding grade was confirmed over


def read_change(services: Services, turn: Turn, audit_id: int, text: str,
                reason: str | None = None) -> tuple[Ctx, GradeChange | None, str]:
    """The audit as it is, the change `text` asks for (with `reason`, when it was asked for after the grade: the
    reason), checked and screened but not stored (an Inadequate grade is asked about first, bot.audits.regrade_check),
    and the grade's words as typed. The change is None when the audit already has that grade, which changes nothing
    and needs no reason; its reason is "" when none was typed, to be asked (bot.audits.regrade_reason)."""
    before = load(services, audit_id)
    refusal = lifecycle.edit_refusal(before.audit, turn.user_id, "overall_grade")
    if refusal is not None:
        raise refusal  # moderated, opened by a moderator, or not theirs: said before asking for a reason
    grade, named, typed = split_grade(text)
    if grade == before.audit.overall_grade:
        return before, None, named
    typed = typed if reason is None else without_because(reason)
    why = _reason(services, audit_id, named, typed) if typed.strip() else ""
    return before, GradeChange(audit_id, before.audit.overall_grade, grade, why), named


def store_change(services: Services, turn: Turn, audit: AuditRow, change: GradeChange) -> list[Reply]:
    """Store the grade with its reason (and the action that comes with it, if any) and tell the worker (`audit`: as
    it was before), and an action's owner who is neither of you."""
    confirmed = {"grade": change.grade, "question": change.concern} if change.concern else None
    added = lifecycle.edit_submitted(services.storage, change.audit_id, turn.user_id,
                                     {"overall_grade": change.grade, "grade_reason": change.reason}, turn.now,
                                     change.action, state={CONCERN_CONFIRMED: confirmed})
    set_action = _action_said(services, turn, added, change.action)
    kept = " Your confirmation over the immediate concern is kept with the audit for the moderator." \
        if change.concern else ""
    done = Reply(text=f"Audit #{change.audit_id}: grade changed from {grade_label(change.was)} to "
                      f"{grade_label(change.grade)}, with your reason{' and its action' if added else ''}. The earlier "
                      "grade and its reason are kept as revisions, and the audit shows the change."
                      + (f" {as_sentence(set_action)}" if set_action else "") + kept)
    told = held_news.held(services, turn, audit, tell_worker(services, audit, change.was, change.grade, change.reason,
                                                             turn.user_id, set_action), "changed")  # trial 43
    owner = change.action[1] if change.action else None
    if added and owner not in (turn.user_id, audit.worker_id):
        told.append(Reply(to_user=owner, kind="notice", choices=(Choice("Open the audit", "audit.view",
                                                                        str(change.audit_id)),),
                          text=f"{services.directory.label(turn.user_id)} set you an action on audit "
                               f"#{change.audit_id}, now graded {grade_label(change.grade)}: {set_action}. "
                               "`/audit actions` lists it."))
    return [done, *told_lines(services, told)]


def _action_said(services: Services, turn: Turn, added: int | None, action: tuple[str, str, str] | None) -> str:
    """"Action 41: <what> — <owner>, by Wednesday 30 December 2026 (in 27 days)", or "" when none was added."""
    if not added or action is None:
        return ""
    owner = services.directory.label(action[1])
    return f"Action {added}: {action[0]} — {owner}, by {due_near(services, turn, action[2])}"


def change_token(held: Mapping[str, Any]) -> str:
    """A short name for a grade change held while a question about it waits (bot.audits.regrade_check,
    bot.audits.regrade_concern): a button from another question does not make this one."""
    said = json.dumps([held.get("audit"), held.get("was"), held.get("grade"), held.get("reason"), held.get("action")])
    return hashlib.sha256(said.encode()).hexdigest()[:12]


def pending_change(services: Services, turn: Turn, value: str, key: str,
                   grade_typed: str) -> tuple[int, Mapping[str, Any] | None]:
    """The audit a button (`value`) names and the grade change held under `key`, if it is the one the button was
    asked about (it is then answered: taken away). `grade_typed`: the grade as the command to type again names it."""
    audit_id, token = buttons.id_and_key(value, f"type `/audit edit <audit number> grade {grade_typed} <why>` again")
    held = store.conversation(services.storage, turn.user_id).get(key)
    if not isinstance(held, dict) or held.get("audit") != audit_id or change_token(held) != token:
        return audit_id, None
    store.keep_aside(services.storage, turn.user_id, key, None, turn.now)
    return audit_id, held


def confirmed_change(services: Services, turn: Turn, value: str, key: str,
                     grade_typed: str = "<grade>") -> tuple[Ctx, Mapping[str, Any]]:
    """The audit as it is and the change held under `key` that a Yes (`value`) answers; StaleAction, changing
    nothing, when that question is out of date or the audit's grade changed since it was asked."""
    audit_id, held = pending_change(services, turn, value, key, grade_typed)
    if held is None:
        raise StaleAction(f"That question is out of date, so the grade of audit #{audit_id} was not changed. Type "
                          f"`/audit edit {audit_id} grade <grade> <why>` to change it.")
    before = load(services, audit_id)
    if before.audit.overall_grade != held["was"]:
        raise StaleAction(f"Audit #{audit_id} is graded {grade_label(before.audit.overall_grade)} now, not "
                          f"{grade_label(held['was'])} as when you were asked, so the grade was not changed. Type "
                          f"`/audit edit {audit_id} grade <grade> <why>` to change it.")
    return before, held


def unchanged(audit_id: int, grade: str) -> Reply:
    return Reply(text=f"Audit #{audit_id} is already graded {grade_label(grade)}: nothing changed.")


def tell_worker(services: Services, audit: AuditRow, was: str | None, grade: str, reason: str,
                auditor: str, set_action: str = "") -> list[Reply]:
    """The worker was sent grade `was` (and may have reflected on it): a DM saying what changed and why, and the
    action set with it, if one was, joined as sentences as a moderation's reason and action are (bot.core.sentences:
    a trial read the reason and the action on two lines, the reason with no full stop)."""
    worker = audit.worker_id
    if not worker or worker == auditor:
        return []
    text = as_sentences(f"The grade of audit #{audit.id} was changed from {grade_label(was)} to {grade_label(grade)} "
                        f"by {services.directory.label(auditor)}: {reason}", set_action)
    return [Reply(text=text, to_user=worker, kind="notice",
                  choices=(Choice("Open the audit", "audit.view", str(audit.id)),))]


def told_lines(services: Services, told: list[Reply]) -> list[Reply]:
    """The DMs `tell_worker` wrote, then the line telling the auditor who got them (those held out of the worker's
    hours are not among them: bot.audits.held_news says when they go)."""
    sent = [reply for reply in told if reply.to_user]
    return [*told, told_line(services, sent, "of the change and your reason")] if sent else told


def submitted_grade(services: Services, audit: AuditRow) -> str | None:
    """The grade the worker was last sent: for an audit reopened after submitting, the grade it had when reopened
    (the first grade revision since then, else the grade it has); None for an audit never submitted, whose grade
    nobody has been sent, so it changes freely."""
    if audit.submitted_at is None:
        return None
    if audit.status != lifecycle.Status.DRAFT:
        return audit.overall_grade
    revisions = store.revisions_of(services.storage, audit.id)
    reopened = max((i for i, r in enumerate(revisions) if r["field"] == "status" and r["new_value"] == "reopened"),
                   default=-1)
    changed = next((r for r in revisions[reopened + 1:] if r["field"] == "overall_grade"), None)
    return changed["old_value"] if changed is not None else audit.overall_grade


def regrades(services: Services, audit: AuditRow, grade: str) -> str | None:
    """The grade the worker was sent, when `grade` would change it (a reopened audit given another grade); None
    when it would not, or the audit was never submitted."""
    was = submitted_grade(services, audit)
    return was if was is not None and was != grade else None


def reason_owed(services: Services, audit: AuditRow) -> str | None:
    """The grade the worker was sent, when a reopened audit now has another grade but no reason for it (the reason
    step was left with Back): it may not be resubmitted so. None when nothing is owed."""
    was = regrades(services, audit, audit.overall_grade or "")
    return was if was is not None and not audit.grade_reason else None
