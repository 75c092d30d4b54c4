"""An opened, undecided moderation as people see it: who holds it, since when, and from when another moderator may
take it over (the rule is bot.audits.lifecycle's).

Opening a moderation makes the audit read-only for its auditor, so a moderator who opens one and walks away must be
able to get back to it, and others must see who has it and, after a while, be able to take it over. `/audit moderate`
(bot.audits.moderation) and `/audit show` (bot.audits.readback) both say it; this module words it once.
"""

from __future__ import annotations

from datetime import datetime

from bot.audits import lifecycle
from bot.audits.core import grade_label
from bot.core import policy
from bot.core.replies import Choice
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import moderation as moderation_store
from bot.storage.audits import AuditRow
from bot.storage.moderation import HeldModeration
from knowledge.dates import long_date


def decision_choices(audit: AuditRow) -> tuple[Choice, ...]:
    """Agree or Disagree: what the moderator holding the audit decides."""
    value = str(audit.id)
    return (Choice(f"Agree: {grade_label(audit.overall_grade)}", "audit.moderate_agree", value, "primary"),
            Choice("Disagree", "audit.moderate_disagree", value))


def day(services: Services, moment: datetime) -> str:
    """A stored moment as a local day people read: 'Wednesday 2 December 2026'."""
    return long_date(moment.astimezone(services.settings.timezone).date())


def holds(services: Services, user_id: str, audit_id: int) -> bool:
    """Whether this person still holds the audit's moderation undecided (nobody took it over, nothing decided)."""
    held = moderation_store.current_moderation(services.storage, audit_id)
    return held is not None and held.moderator_id == user_id


def may_take_over(services: Services, held: HeldModeration, now: datetime) -> bool:
    return lifecycle.may_take_over(held.opened_at, now, services.settings.timezone)


def held_text(services: Services, held: HeldModeration, now: datetime) -> str:
    """'being moderated by X since <day>', and when (or that) another moderator may take it over."""
    text = f"being moderated by {services.directory.label(held.moderator_id)} since {day(services, held.opened_at)}"
    if may_take_over(services, held, now):
        return text + ", not decided yet, so another moderator may take it over"
    takeover = lifecycle.takeover_day(held.opened_at, services.settings.timezone)
    return text + f"; if it is still undecided on {long_date(takeover)}, another moderator may take it over"


def left_held(services: Services, held: HeldModeration, now: datetime, kept: bool = False) -> str:
    """What a moderator who steps out of their decision (`pause`, `cancel`) is told: nothing is saved (with `kept`,
    their decision so far is kept as a draft, bot.audits.moderation_draft, but nothing is decided or sent), the audit
    stays theirs (and read-only for its auditor) until they decide or another moderator takes it over, and how to
    come back."""
    audit_id = held.audit_id
    if may_take_over(services, held, now):
        others = "another moderator may take it over now, as it has waited so long"
    else:
        takeover = lifecycle.takeover_day(held.opened_at, services.settings.timezone)
        others = f"if it is still undecided on {long_date(takeover)}, another moderator may take it over"
    nothing = "Nothing is decided or sent yet" if kept else "Nothing is saved"
    return (f"{nothing}: audit #{audit_id} stays yours to moderate, and read-only for its auditor, until you "
            f"decide ({others}). To carry on, press Continue or type `/audit moderate {audit_id}`; to let it go "
            f"back to the queue, editable by its auditor, type `stop moderating {audit_id}`.")


def take_over_choice(audit_id: int) -> Choice:
    return Choice(f"Take over #{audit_id}", "audit.moderate_open", str(audit_id))


def show_part(services: Services, turn: Turn, audit: AuditRow) -> tuple[str, tuple[Choice, ...]]:
    """For `/audit show`: who holds an audit's moderation; Agree/Disagree for the holder, Take over for a moderator
    who may take it over now. Nothing for an audit not in moderation."""
    held = moderation_store.current_moderation(services.storage, audit.id) if audit.status == "in_moderation" else None
    if held is None:
        return "", ()
    if held.moderator_id == turn.user_id:
        return (f"**Moderation:** you opened this audit for moderation on {day(services, held.opened_at)} and it "
                "waits for your decision. Do you agree with the overall grade?", decision_choices(audit))
    text = "**Moderation:** " + held_text(services, held, turn.now) + "."
    if may_take_over(services, held, turn.now) and policy.may_moderate(services.directory, turn.person, audit):
        return text, (take_over_choice(audit.id),)
    return text, ()
