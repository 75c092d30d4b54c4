"""A worker disagreeing with the audit of their case (trial 41): `appeal 132`, `challenge my grade on 132`,
`disagree 132`, `i dont think thats fair, the visits were on time`.

The trial's worker was offered knowledge-base entries on learning-disabled parents and s7 reports, or told to type
`/audit reflect 12` (a number that was not hers). The existing way to disagree is to talk to the auditor and add a
reflection, which the auditor is told of and the moderator reads: she is now told that, for the audit she named (or,
naming none, the latest audit of her case), with its auditor's name and the command with its right number. Her
reason, when she gave one, is put in that command; nothing is saved until she types it. Lines about an action
(`i dont agree with action 141`) are bot.audits.action_change_asked's.
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.audits import reflection_said
from bot.audits.core import grade_label
from bot.audits.grade_words import read_grade
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from bot.storage import readback as readback_store
from bot.storage.common import parse_utc

PRIORITY = 27  # after an audit or a moderation waiting for typed text, before the knowledge base
_ON = r"(?:\s+(?:with|against|on|of|for|to))?(?:\s+(?:the|my|our))?(?:\s+(?:grade|grading|audit|outcome|rating))?"
# `appeal 132`, `challenge my grade on 132`, `dispute the grade of audit 132`, `disagree with audit 132`
# Trial 52: `i dont agree with the grade on 139, the plan was reviewed …` (the worker's own, not yet moderated) was
# routed to the auditor's `respond` and refused.
_NOT_AGREE = r"i\s+(?:do\s*n['\u2019]?t|dont|do\s+not)\s+agree"
NAMED = re.compile(rf"^\s*(?:i\s+(?:want\s+to|would\s+like\s+to|wanna)\s+|can\s+i\s+|how\s+do\s+i\s+)?"
                   rf"(?:appeal|challenge|dispute|contest|disagree|query|{_NOT_AGREE}){_ON}(?:\s+(?:on|of|for))?"
                   r"(?:\s+(?:audit|case\s+audit))?\s*#?(?P<id>\d{1,6})\b\s*[-,.:;!?]*\s*(?P<why>.*)$", re.IGNORECASE)
# `i dont think thats fair, the visits were on time`, `that's not fair`, `i disagree with my grade`: naming no audit
# and no action
_UNFAIR = (r"(?:i\s+(?:do\s*n['\u2019]?t|dont|do\s+not)\s+(?:think\s+)?(?:that['\u2019]?s|thats|that\s+is|this\s+is|"
           r"its|it['\u2019]?s|it\s+is|it\s+was|that\s+was)\s+(?:very\s+|really\s+)?fair|"
           r"(?:that['\u2019]?s|thats|that\s+is|this\s+is|its|it['\u2019]?s|it\s+is|it\s+was)\s+(?:not|n['\u2019]?t)\s+"
           r"(?:very\s+|really\s+)?fair|(?:that['\u2019]?s|thats|this\s+is|its|it['\u2019]?s)\s+unfair|"
           r"i\s+(?:do\s*n['\u2019]?t|dont|do\s+not)\s+agree(?:\s+with\s+(?:my|the|this|that)\s+(?:grade|audit))?|"
           r"i\s+disagree(?:\s+with\s+(?:my|the|this|that)\s+(?:grade|audit))?)")
# the words end the line or a clause ("its not fair on the child …", "i dont agree with the threshold …" are not
# about an audit)
UNNAMED = re.compile(rf"^\s*(?:(?:hmm+|well|sorry|but|tbh|honestly)[\s,]+)*{_UNFAIR}\s*(?:$|[-,.:;!?\u2013\u2014]+\s*"
                     r"(?P<why>.*)$)", re.IGNORECASE)
# Trial 43: `i dont agree with this, the child was seen alone at school …, can i challenge it` got the entry on
# challenging another agency. "This", "it" or a challenge with no audit named is read as the audit of the person's case
# only when one was submitted lately (RECENT_DAYS): said long after, it is more likely about something else.
_THIS = (r"(?:i\s+(?:do\s*n['\u2019]?t|dont|do\s+not)\s+agree|i\s+disagree)\s+with\s+(?:this|that|it)(?:\s+(?:at\s+all|"
         r"tbh|honestly))?|(?:can|could|may|how\s+do|how\s+can)\s+i\s+(?:challenge|appeal|dispute|contest)\s+"
         r"(?:it|this|that|the\s+grade|my\s+grade|the\s+audit|this\s+audit|this\s+grade)")
UNNAMED_THIS = re.compile(rf"^\s*(?:(?:hmm+|well|sorry|but|tbh|honestly)[\s,]+)*(?:{_THIS})\s*[?]?\s*"
                          r"(?:$|[-,.:;!?\u2013\u2014]+\s*(?P<why>.*)$)", re.IGNORECASE)
RECENT_DAYS = 30
# "…, can i challenge it" at the end of a reason: not part of it
_ASKS_AT_END = re.compile(r"[\s,.;:!-]*(?:so\s+|and\s+)?(?:can|could|may|how\s+do|how\s+can)\s+i\s+(?:challenge|appeal|"
                          r"dispute|contest)\b.*$", re.IGNORECASE)
_ACTION = re.compile(r"\baction\b", re.IGNORECASE)
ENTRY = "disagree-with-audit-grade"  # the knowledge base's whole answer, a press away (trial 52 F3)
ENTRY_QUESTION = "What can I do if I disagree with the grade?"
LOW = ("inadequate", "requires_improvement")  # the grades a worker most often disagrees with
# Trial 56 F9: `why does it say outstanding for permanence when the notes say 3 moves…` asked by the worker of the
# case got knowledge-base suggestions. "Why does it say / why did i get / why is it" with a grade named questions the
# audit of her case; "why does every grade need an evidence note" names no grade and stays a knowledge question.
_GRADE = (r"(?P<grade>outstanding|good(?!\s+(?:practice|idea|enough|to|for\s+(?:the\s+)?(?:child|family)))|"
          r"requires?\s+improvement(?:\s+to\s+be\s+good)?|req\s+imp|ri|inadequate)")
QUESTIONED = re.compile(r"^\s*(?:(?:hmm+|sorry|but|so|ok)[\s,]+)*why\s+(?:does|did|do|is|was|has|have)\s+(?:it|i|my|"
                        r"this|that|the\s+audit|audit|they|the\s+auditor|she|he|my\s+(?:case|audit|grade))\b"
                        rf"(?:\s+(?!why\b)[\w'\u2019#-]+){{0,4}}?\s+{_GRADE}\b(?P<why>.*)$", re.IGNORECASE)


def asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """How to disagree with the audit of one's case, for the audit named or the latest; None for other text, for an
    audit that is not of the person's case, and for someone with no audit of their case (the knowledge base answers)."""
    if turn.person is None or _ACTION.search(text):
        return None
    if (named := NAMED.match(text)) is not None:
        audit = store.get_audit(services.storage, int(named.group("id")))
        if audit is None or audit.worker_id != turn.user_id or audit.submitted_at is None:
            return None
        return _offered(services, turn, audit, _reason(services, named.group("why")))
    if (questioned := QUESTIONED.match(text)) is not None:
        return _questioned(services, turn, questioned.group("grade"))
    recent = False
    if (unfair := UNNAMED.match(text)) is not None or (recent := (unfair := UNNAMED_THIS.match(text)) is not None):
        mine = _audits_of_my_cases(services, turn)
        if recent:
            since = turn.now - timedelta(days=RECENT_DAYS)
            mine = [audit for audit in mine if audit.submitted_at and parse_utc(audit.submitted_at) >= since]
        if not mine:
            return None
        # "that's not fair" is said of a low grade, rarely of an Outstanding: the latest below Good, if any
        meant = next((audit for audit in mine if audit.grade_of_record in LOW), mine[0])
        which = "the latest audit of your case" + (" graded below Good" if meant is not mine[0] else "")
        why = _reason(services, unfair.group("why") or "")
        return _offered(services, turn, meant, why, others=len(mine) - 1, which=which)
    return None


def _questioned(services: Services, turn: Turn, said: str) -> list[Reply] | None:
    """A worker asking why the audit of her case gives a grade: how to disagree with the audit whose grade or answers
    carry it (else the newest); None with no audit of her case, where the knowledge base answers."""
    mine = _audits_of_my_cases(services, turn)
    if not mine:
        return None
    grade = read_grade(said) or said.lower()
    carrying = [audit for audit in mine if audit.grade_of_record == grade
                or grade in {answer.value for answer in store.answers_of(services.storage, audit.id).values()}]
    meant = carrying[0] if carrying else mine[0]
    which = (f"the latest audit of your case with {grade_label(grade)} in it" if carrying
             else "the latest audit of your case")
    return _offered(services, turn, meant, "", others=max(len(mine) - 1, 1), which=which)


def _offered(services: Services, turn: Turn, audit: store.AuditRow, reason: str, others: int = 0,
             which: str = "") -> list[Reply]:
    """How to disagree; with a reason given, that reason offered as the worker's reflection, one press to add it."""
    replies = how_to_disagree(services, audit, reason, others=others, which=which)
    if not reason:
        return replies
    return [reflection_said.offered(services, turn, replies[0], audit.id, reason), *replies[1:]]


def _reason(services: Services, why: str) -> str:
    """The reason typed after the words disagreeing, without a leading joining word ("as", "because"), to be said
    back in the command; empty when it holds an identifier (bot.privacy), which is never said back."""
    reason = re.sub(r"^(?:as|because|cos|coz|since)\s+", "", why.strip(), flags=re.IGNORECASE).strip(" .")
    reason = _ASKS_AT_END.sub("", reason).strip(" .,")
    try:
        return screen_text(reason, services.identifier_screen, "that reason") if reason else ""
    except UserError:
        return ""


def _audits_of_my_cases(services: Services, turn: Turn) -> list[store.AuditRow]:
    """The submitted audits of the person's cases, newest first."""
    _total, audits = readback_store.readable_audits(services.storage, people=[turn.user_id], limit=20)
    return [audit for audit in audits if audit.worker_id == turn.user_id]


def how_to_disagree(services: Services, audit: store.AuditRow, reason: str = "", others: int = 0,
                    which: str = "") -> list[Reply]:
    """The way a worker disagrees with the audit of their case: talk to its auditor, named, and add a reflection with
    the right number (and their reason, when given, in the command); once moderated, who to raise it with. `which`
    says how the audit was chosen when the person named none and has `others`."""
    auditor = services.directory.label(audit.auditor_id)
    where = audit_and_case(audit.id, audit.case_ref)
    grade = grade_label(audit.grade_of_record)
    command = f"/audit reflect {audit.id} <your view>"
    said = (f"If you mean audit #{audit.id} ({audit.case_ref}, {which}), " if others else
            f"To disagree with audit #{audit.id} ({audit.case_ref}), ")
    lines = [f"{said}graded {grade} by {auditor}: you can say so.",
             f"• Talk to {auditor} first: point to what may have been missed and where it is on the file. "
             + ("The audit has been moderated, so its grade now stands: if you still disagree, raise it in "
                "supervision, with your service manager or with a QA lead." if audit.moderated_at else
                f"Until a moderator opens the audit, {auditor} can change the grade, and you are told."),
             f"• Add your view as a reflection: type `{command}` (roles and the case reference, never names). "
             f"{auditor} is told, and the moderator reads it before deciding. Nothing is saved until you do."]
    if reason:  # the reason is offered as the reflection, one press to add it (bot.audits.reflection_said)
        lines.pop()
    if others:
        lines.append("Another audit? `/audit list mine` lists the audits of your cases, with their numbers.")
    return [Reply(title=f"Disagreeing with {where}", text="\n".join(lines),
                  choices=(Choice("Add my reflections", "audit.reflect", str(audit.id)),
                           Choice(ENTRY_QUESTION, "kb.show", ENTRY)))]


def install(engine: Engine, services: Services) -> None:
    """Read a worker's disagreement with the audit of their case before the knowledge base."""
    engine.add_message_handler(lambda turn, text: asked(services, turn, text), priority=PRIORITY)
    reflection_said.install(engine, services)  # *Add as reflection* (trial 52 F3)
