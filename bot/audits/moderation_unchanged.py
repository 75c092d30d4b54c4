"""Backing out of a re-opened moderation: `cancel` (or `keep it as RI`, `keep my decision`) after `change moderation
28` (bot.audits.moderation_change) keeps the earlier decision exactly as it was.

Trial 27: `cancel` at the re-opened decision said the audit "stays yours to moderate, and read-only for its auditor…
another moderator may take it over", as for an audit never decided, and its auditor's `/audit show` said both "graded
it RI" and "being moderated…". Now the re-opening is closed (bot.storage.moderation.close_reopening): the audit is
moderated again under its earlier decision, with the auditor's response to it if any, the moderator is told plainly
"Moderation of #28 unchanged: …", and the auditor, who was told it was being changed, is told it was not. `pause`
still steps out and leaves it open for the moderator to decide later.
"""

from __future__ import annotations

from typing import Any

from bot.audits.core import grade_label
from bot.audits.decision_words import kept_decision
from bot.audits.grade_words import read_grade_and_note
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from bot.storage import readback as readback_store
from bot.storage.common import parse_utc
from bot.storage.errors import Conflict
from knowledge.dates import long_date


def decision_said(earlier: dict[str, Any]) -> str:
    """"agreed with the auditor's grade, Inadequate" or "graded it Requires improvement to be good"."""
    grade = grade_label(earlier.get("grade"))
    return f"agreed with the auditor's grade, {grade}" if earlier.get("agrees") else f"graded it {grade}"


def decided_on(services: Services, earlier: dict[str, Any]) -> str:
    """The local day a decision was made, as people read it: 'Saturday 5 December 2026'."""
    return long_date(parse_utc(earlier["decided_at"]).astimezone(services.settings.timezone).date())


def reopened(services: Services, user_id: str, audit_id: int) -> dict[str, Any] | None:
    """The earlier decision, when this person holds the audit's moderation re-opened to change it; else None (a
    first moderation, or one they do not hold)."""
    held = moderation_store.current_moderation(services.storage, audit_id)
    if held is None or held.moderator_id != user_id:
        return None
    return readback_store.latest_moderation(services.storage, audit_id)


def kept(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply] | None:
    """`keep it as RI`, `no wait keep my decision` typed at any step of a re-opened moderation (at Agree / Disagree,
    or at "Why?" after `actually agree`): the earlier decision kept as it was, when no grade or its grade is named.
    None for other text, another grade (bot.audits.moderation_decision reads it) or a first moderation."""
    named = kept_decision(text)
    earlier = reopened(services, turn.user_id, audit_id) if named is not None else None
    if earlier is None:
        return None
    said = read_grade_and_note(named) if named else None
    if named and (said is None or said[0] != earlier.get("grade")):
        return None
    return keep(services, turn, audit_id)


def keep(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    """Close the re-opening undecided: the earlier decision stands as it was, and the auditor is told so."""
    store.set_conversation(services.storage, turn.user_id, {}, turn.now)
    try:
        earlier = moderation_store.close_reopening(services.storage, audit_id, turn.user_id, turn.now)
    except Conflict:
        raise StaleAction(f"You are not changing the moderation of audit #{audit_id} now, so nothing changed.") \
            from None
    audit = store.get_audit(services.storage, audit_id)
    day = decided_on(services, earlier)
    said = Reply(kind="notice", text=f"Moderation of #{audit_id} unchanged: {grade_label(earlier.get('grade'))} (your "
                                     f"decision of {day}). It is moderated again as it was, and I've told the "
                                     f"auditor. To change it after all, type `change moderation {audit_id}`.")
    if audit is None:
        return [said]
    told = Reply(to_user=audit.auditor_id, kind="notice",
                 text=f"{services.directory.label(turn.user_id)} kept their moderation of your audit #{audit_id} as it "
                      f"was: on {day} they {decision_said(earlier)}. It is no longer being moderated.",
                 choices=(Choice("Open the audit", "audit.view", str(audit_id)),))
    return [said, told]
