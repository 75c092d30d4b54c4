"""Moderation: a QA lead, or a manager of another team, checks the grade of a submitted audit."""

from __future__ import annotations

from bot.audits import readback
from bot.audits.core import answer_error, checklist_of, grade_label, load, not_in_channel, summary_reply, waiting
from bot.audits.flow import AnswerError, parse_grade, parse_text
from bot.core import buttons, policy
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.privacy.screen import screen_text
from bot.settings.people import Role
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from bot.storage.errors import Conflict, NotFound
from knowledge.checklist_schema import GRADES

MODERATE_HINT = "type `/audit moderate` for the audits waiting"
SHOWN = 10  # audits listed (with an Open button each) by `/audit moderate`; the rest are counted


def may_moderate(services: Services, user_id: str, audit: store.AuditRow) -> bool:
    """Moderation is an independent check: the rule is bot.core.policy.may_moderate."""
    return policy.may_moderate(services.directory, services.directory.person(user_id), audit)


def _checked(services: Services, turn: Turn, value: str) -> store.AuditRow:
    audit = store.get_audit(services.storage, buttons.record_id(value, MODERATE_HINT))
    if audit is None:
        raise UserError("I can't find that audit.")
    if not may_moderate(services, turn.user_id, audit):
        raise AccessDenied("You can't moderate this audit: moderators are QA leads, or managers of another team, "
                           "and never the auditor or the worker whose case it is.")
    return audit


def _waiting_for(services: Services, turn: Turn) -> tuple[int, list[store.AuditRow]]:
    """The audits `may_moderate` allows this person, filtered in SQL before the list is cut to SHOWN."""
    person = turn.person
    if person.role in (Role.QA_LEAD, Role.ADMIN):
        excluded: frozenset[str] = frozenset()
    elif person.role is Role.MANAGER:
        excluded = frozenset(services.directory.managed_team_ids(person.user_id))
    else:
        return 0, []
    return moderation_store.moderation_queue(services.storage, person.user_id, excluded, limit=SHOWN)


def list_command(services: Services, turn: Turn, _args: str) -> list[Reply]:
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    total, waiting = _waiting_for(services, turn)
    agreed, decided = moderation_store.agreement_rate(services.storage)
    rate = f"Moderators agreed with {agreed} of {decided} grades so far." if decided else ""
    if not waiting:
        return [Reply(text="No submitted audits are waiting for you to moderate. " + rate)]
    lines = [f"• #{a.id} {checklist_of(services, a).title}, case {a.case_ref}, "
             f"graded {grade_label(a.overall_grade)} by {services.directory.label(a.auditor_id)}" for a in waiting]
    heading = "**Audits waiting for moderation**"
    if total > len(waiting):
        heading += f" (showing the oldest {len(waiting)} of {total})"
    return [Reply(text=heading + "\n" + "\n".join(lines), note=rate or None,
                  choices=tuple(Choice(f"Open #{a.id}", "audit.moderate_open", str(a.id)) for a in waiting))]


def on_open(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Opening makes the audit read-only for its auditor, so the moderator grades what they read."""
    audit = _checked(services, turn, value)
    try:
        moderation_store.open_moderation(services.storage, audit.id, turn.user_id, turn.now)
    except NotFound:
        raise UserError("I can't find that audit.") from None
    except Conflict as conflict:
        raise _not_open(conflict.current) from None
    return decision_screen(services, audit.id)


def _not_open(audit: store.AuditRow | None) -> StaleAction:
    """Why an audit could not be taken into moderation, as it stands now."""
    if audit is not None and audit.status == "in_moderation":
        return StaleAction("Another moderator has already opened this audit.")
    status = audit.status.replace("_", " ") if audit is not None else "gone"
    return StaleAction(f"This audit is {status}, so it is not waiting for moderation.")


def decision_screen(services: Services, audit_id: int) -> list[Reply]:
    """The audit as submitted, with the worker's reflections and any later changes: Agree or Disagree."""
    ctx = load(services, audit_id)
    audit = ctx.audit
    reflections = store.reflections_of(services.storage, audit.id)
    heading = "You are moderating this audit. Do you agree with the overall grade?"
    if reflections:
        heading += "\n**Worker's reflections:** " + " / ".join(r["text"] for r in reflections)
    changes = [r for r in store.revisions_of(services.storage, audit.id) if r["field"] != "status"]
    if changes:
        heading += (f"\n_The auditor made {len(changes)} change(s) after first submitting it; "
                    "this is the latest version._")
    value = str(audit.id)
    return [summary_reply(services, ctx, heading, choices=(
        Choice(f"Agree: {grade_label(audit.overall_grade)}", "audit.moderate_agree", value, "primary"),
        Choice("Disagree", "audit.moderate_disagree", value)))]


def on_agree(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit = _checked(services, turn, value)
    return _ask_reason(services, turn, audit, True, audit.overall_grade or "")


def on_disagree(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit = _checked(services, turn, value)
    choices = tuple(Choice(grade_label(g), "audit.moderate_grade", buttons.encode_id_and_key(audit.id, g))
                    for g in GRADES if g != audit.overall_grade)
    return [Reply(text="What grade would you give?", choices=choices, kind="question")]


def on_grade(services: Services, turn: Turn, value: str) -> list[Reply]:
    audit_id, grade_text = buttons.id_and_key(value, MODERATE_HINT)
    audit = _checked(services, turn, str(audit_id))
    try:
        grade = parse_grade(grade_text)
    except AnswerError as error:
        raise answer_error(error) from None
    return _ask_reason(services, turn, audit, grade == audit.overall_grade, grade)


def _ask_reason(services: Services, turn: Turn, audit: store.AuditRow, agrees: bool, grade: str) -> list[Reply]:
    if audit.status != "in_moderation":
        raise UserError("Open the audit first (from `/audit moderate`).")
    store.set_conversation(services.storage, turn.user_id,
                           waiting("moderation_reason", audit_id=audit.id, agrees=agrees, grade=grade), turn.now)
    return reason_prompt(agrees, grade)


def reason_prompt(agrees: bool, grade: str) -> list[Reply]:
    """Why: the moderator's reason, typed next."""
    return [Reply(text=f"You {'agree with' if agrees else 'would grade it'} **{grade_label(grade)}**. Why? A sentence "
                       "the auditor can learn from.", prompt="Type your reason.", kind="question")]


def reason(services: Services, turn: Turn, state: dict, text: str) -> list[Reply]:
    try:
        cleaned = parse_text(text, "reason")
    except AnswerError as error:
        raise answer_error(error) from None
    screen_text(cleaned, services.identifier_screen, "that reason")
    audit_id = int(state["audit_id"])
    try:
        moderation_store.decide_moderation(services.storage, audit_id, turn.user_id, bool(state["agrees"]),
                                           state["grade"], cleaned, turn.now, waiting={})
    except Conflict:
        raise StaleAction("This audit is not open for moderation by you any more, so nothing changed.") from None
    audit = store.get_audit(services.storage, audit_id)
    moderator = services.directory.label(turn.user_id)
    if state["agrees"]:
        verdict = f"{moderator} agreed with your grade (**{grade_label(state['grade'])}**)"
    else:
        yours = grade_label(audit.overall_grade if audit else None)
        verdict = f"{moderator} graded it **{grade_label(state['grade'])}**, where your grade was **{yours}**"
    told = Reply(to_user=audit.auditor_id if audit else None, kind="notice",
                 text=f"Your audit #{audit_id} has been moderated: {verdict}. Reason: {cleaned}",
                 choices=(Choice("Open the audit", "audit.view", str(audit_id)),
                          Choice("Accept", "audit.moderation_accept", str(audit_id), "primary"),
                          Choice("Respond", "audit.moderation_reply", str(audit_id))))
    if audit is None:
        return [Reply(text=f"Moderation of audit #{audit_id} saved."), told]
    outcome = readback.outcome_notices(services, audit, turn.user_id, f"{moderator} {_outcome(state)}")
    who = "the auditor, the worker and their manager have" if outcome else "the auditor has"
    return [Reply(text=f"Moderation of audit #{audit_id} saved, and {who} been told."), told, *outcome]


def _outcome(state: dict) -> str:
    grade = grade_label(state["grade"])
    return f"agreed with the grade (**{grade}**)" if state["agrees"] else f"graded it **{grade}**"
