"""A disagreement typed with its reason but no grade the bot can read: the reason is kept and only the grade asked.

Trial 24: a QA lead typed `i disagree, this is inadequate - 7 months on a plan, actions rolled over…` at Agree /
Disagree and was told only "Please choose a grade", with what they had typed lost. The grade's own words are read by
bot.audits.grade_words; when the line has no grade at its front (`disagree, the plan has drifted for months`), the
rest is the reason: checked and screened as any reason, kept in the wait for "What grade would you give?", and used
when the grade is pressed or typed on its own, so it is never asked for twice. A grade typed with a new reason takes
that reason instead. bot.audits.moderation says what follows.
"""

from __future__ import annotations

from bot.audits.flow import MIN_EVIDENCE_CHARS, AnswerError, parse_text
from bot.audits.grade_words import without_grade_phrase
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.privacy.screen import screen_text
from bot.storage import audits as store

GRADE_STATE = "moderation_grade"


def as_reason(services: Services, text: str) -> str | None:
    """`text` as the reason it would be stored as (cleaned, screened: a child's name is refused here), or None when
    it is too short to be a reason, so the grade is asked for as before."""
    try:
        cleaned = parse_text(without_grade_phrase(text), "reason")
    except AnswerError:
        return None
    if len(cleaned) < MIN_EVIDENCE_CHARS:
        return None
    screen_text(cleaned, services.identifier_screen, "that reason")
    return cleaned


def kept_reason(services: Services, turn: Turn, audit_id: int) -> str | None:
    """The reason kept while the bot waits for this moderator's grade on this audit, if one was."""
    waiting = store.conversation(services.storage, turn.user_id)
    if waiting.get("awaiting") != GRADE_STATE or str(waiting.get("audit_id")) != str(audit_id):
        return None
    reason = waiting.get("reason")
    return str(reason) if reason else None


def kept_notice(reason: str) -> Reply:
    """Said before the grade question: what was kept, so the moderator knows not to type it again."""
    return Reply(kind="notice", text=f"I've kept your reason: “{reason}”. Now choose the grade you would give, and "
                                     "the moderation goes on with that reason (`back` starts the decision again).")


def taken_notice(grade_label: str) -> Reply:
    """Said when the grade is chosen: it goes with the reason typed before."""
    return Reply(kind="notice", text=f"Got it: **{grade_label}**, with the reason you gave.")
