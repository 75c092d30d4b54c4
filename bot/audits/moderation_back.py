"""A change of mind typed while a moderator writes their reason or an Inadequate's action: going back, never the text.

Trial 30: `moderate 45` / `agree` / a reason, then at "What must happen for the child?" `hang on, actually i think its
RI not inadequate` was taken as the action and the owner asked for it ("Who owns this action? hang on, actually…");
`oops wrong one, undo that` too. Such a line ("hang on", "hold on", "oops", "undo that", "wrong one", "go back",
"scratch that", "actually … not …") goes back: at the action's text to Agree / Disagree, at the owner to the action's
text, at the due date to the owner. One that names a grade ("its RI not inadequate") goes back to the decision with
that grade taken (agreeing when it is the auditor's), and its reason is asked again. Nothing was saved meanwhile.
At "Why?" the same is done for a change of mind read by bot.audits.moderation_mind (trial 33).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from bot.audits import moderation
from bot.audits.core import grade_label, waiting
from bot.audits.grade_over_other import moderators_grade
from bot.audits.moderation_mind import changed_mind
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

MAX_WORDS = 14  # a going-back line is short; a long one is an action that happens to contain the words
_ANYWHERE = re.compile(r"\b(?:hang\s+on|hold\s+on|undo\s+(?:that|it|this)|wrong\s+(?:one|audit|grade|decision|button)|"
                       r"scratch\s+that|my\s+mistake|not\s+what\s+i\s+meant)\b", re.IGNORECASE)
_STARTS = re.compile(r"^\s*(?:oops|whoops|oopsie|wait|no\s+wait|undo)\b", re.IGNORECASE)
# "go back", "can i go back to the grade": never "Go back to the school for the teacher's views", an action
_GO_BACK = re.compile(r"^\s*(?:please\s+|can\s+i\s+|let\s+me\s+)?(?:go|take\s+me|step)\s+back(?:\s+(?:a\s+step|to\s+"
                      r"(?:the\s+|my\s+)?(?:decision|grade|previous\s+(?:step|question)|last\s+(?:step|question)|"
                      r"start|agree|disagree)))?\s*(?:please)?\s*[?.!]?\s*$", re.IGNORECASE)
_ACTUALLY_NOT = re.compile(r"^\s*(?:\S+\s+){0,3}?actually\b.*\bnot\b", re.IGNORECASE | re.DOTALL)
_LEAD = re.compile(r"^\s*(?:(?:hang\s+on|hold\s+on|oops|whoops|oopsie|wait|no|sorry|actually|ok|okay|um+|hmm+|"
                   r"wrong\s+one|undo\s+that|scratch\s+that)\b[\s,.!;:-]*)+", re.IGNORECASE)


def going_back(text: str) -> bool:
    """Whether a short line says the moderator wants to go back (see the module). Pure."""
    if len((text or "").split()) > MAX_WORDS:
        return False
    return bool(_ANYWHERE.search(text) or _STARTS.match(text) or _GO_BACK.match(text) or _ACTUALLY_NOT.match(text))


def grade_named(text: str) -> str | None:
    """The grade a going-back line names ("actually i think its RI not inadequate" is RI), or None."""
    said = moderators_grade(_LEAD.sub("", text, count=1))
    return said[0] if said is not None else None


def went_back(services: Services, turn: Turn, audit_id: int, text: str,
              step_back: Callable[[], list[Reply]] | None = None) -> list[Reply] | None:
    """Go back for a going-back line: a step (`step_back`, at the owner or the due date) or, at the action's text or
    when a grade is named, to the decision; None for other text."""
    if not going_back(text):
        return None
    grade = grade_named(text)
    if grade is None and step_back is not None:
        return step_back()  # says itself that nothing is stored yet
    if grade is None:
        return moderation.step_out(services, turn, audit_id, "back")
    return _taken(services, turn, audit_id, grade)


def changed_at_why(services: Services, turn: Turn, state: Mapping[str, Any], text: str) -> list[Reply] | None:
    """A change of mind at "Why?" (bot.audits.moderation_mind; trial 33): back to the decision, with the decision or
    grade it names taken; one naming the decision already made is told so and the reason asked again. Nothing is
    saved or sent. None for a reason."""
    mind = changed_mind(text)
    if mind is None:
        return None
    audit_id = int(state["audit_id"])
    audit = store.get_audit(services.storage, audit_id)
    grade = mind.grade or (audit.overall_grade if mind.word == "agree" and audit is not None else None)
    if mind.word == "disagree" and mind.grade is None:
        told = Reply(kind="notice", text=f"Nothing is saved yet: back to your decision on audit #{audit_id}. "
                                         "Choose the grade you would give, or type `agree`.")
        return [told, *moderation.on_disagree(services, turn, str(audit_id))]
    if grade is None:
        return moderation.step_out(services, turn, audit_id, "back")
    if grade == state.get("grade"):
        raise UserError(moderation.decided_already(dict(state)))
    return _taken(services, turn, audit_id, grade)


def _taken(services: Services, turn: Turn, audit_id: int, grade: str) -> list[Reply]:
    """Back to the decision with `grade` taken: agreeing when it is the auditor's, else that grade, its reason asked."""
    audit = store.get_audit(services.storage, audit_id)
    taken = Reply(kind="notice", text=f"Nothing is saved yet: back to your decision on audit #{audit_id}, taken as "
                                      f"**{grade_label(grade)}**.")
    if audit is None or grade == audit.overall_grade:
        return [taken, *moderation.on_agree(services, turn, str(audit_id))]
    asked = moderation.on_disagree(services, turn, str(audit_id))
    return [taken, *(moderation.typed_grade(services, turn, audit_id, grade_label(grade)) or asked)]


def back_from_why(services: Services, turn: Turn, state: Mapping[str, Any]) -> list[Reply]:
    """`back` or `undo` at "Why?" (fix44d): one step back. After Disagree that is the grade question, with the grade
    picked named so it can be changed; after Agree it is Agree / Disagree. Nothing was saved."""
    audit_id = int(state["audit_id"])
    if state.get("agrees") or not state.get("grade"):
        return moderation.step_out(services, turn, audit_id, "back")
    audit = store.get_audit(services.storage, audit_id)
    if audit is None:
        return moderation.step_out(services, turn, audit_id, "back")
    store.set_conversation(services.storage, turn.user_id, waiting("moderation_grade", audit_id=audit_id), turn.now)
    told = Reply(kind="notice", text=f"Nothing is saved yet: back to the grade for audit #{audit_id}. You picked "
                                     f"**{grade_label(str(state['grade']))}**: pick it again or another.")
    return [told, *moderation.grade_question(audit)]
