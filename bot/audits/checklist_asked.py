"""What an audit of a case will ask, asked in words: the checklist's questions (`/audit checklist NAME`).

Trial 27: "what would an audit of my case ask? its a cp case", "what will the auditor look at on my neglect case" and
"what questions does the neglect audit ask" got the knowledge base's "Did you mean…" or its note on looking over your
own case, never the checklist that holds the questions. Such a question is read here, before the knowledge base:
an opening of its own ("what would", "what questions does"), an audit or auditor, what it does ("ask", "look at",
"look for", "check", "cover"), and nothing else but words naming the case or the checklist ("on my neglect case",
"its a cp case"). Trial 31: the auditor may be named the everyday way ("what will my manager check on my neglect
case"), or said before the question ("my TM is auditing my neglect case next week, what will she look at").
The checklist named is shown as `checklist NAME` shows it (a typo forgiven as there); with none
named, the checklists are listed with how to read one. Any other word left over ("what does the auditor check when
the child is unsafe", "what do the daily audit reminders cover") is a question for the knowledge base, as is a
question of what an audit should look for ("what should an auditor look for about …"): nothing is said back from it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.audits.checklist_preview import PRIORITY, checklists_named, preview
from bot.audits.core import knowledge_base
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError

_OPENING = re.compile(r"\b(?:what|which)\s+(?:(?:questions|things|areas|bits)\s+)?"
                      r"(?:would|will|does|do|might|could|is\s+going\s+to|are\s+going\s+to)\s+(?P<rest>.+)$")
_AUDIT = r"(?:audit|audits|auditor|auditors|auditing|audited)"
# Who audits, said the everyday way (trial 31: "what will my manager look at", "my TM is auditing my neglect case
# next week, what will she look at"): with no audit named, the question must be about a case.
_WHO = r"(?:manager|managers|tm|team\s+manager|qa|qa\s+lead|moderator|she|he|they)"
_DOES = r"(?:ask|asks|ask\s+about|look\s+at|look\s+for|check|check\s+for|cover|focus\s+on|want\s+to\s+see|be\s+asking)"
_SHAPE = re.compile(rf"^(?P<before>.*?)\b(?P<who>{_AUDIT}|{_WHO})\b(?P<mid>.*?)\b{_DOES}\b(?P<after>.*)$")
# Words that say whose case or what kind of audit, and name no checklist: "of my case", "its a cp case", "the qa audit".
_FILLER = frozenset({"a", "an", "the", "my", "our", "this", "that", "of", "on", "for", "in", "with", "me", "us",
                     "case", "cases", "file", "its", "it", "is", "about", "qa", "be", "going", "to",
                     "when", "they", "do", "checklist", "audit", "audits",
                     # who audits and when, said before the question (trial 31)
                     "tm", "manager", "team", "she", "he", "lead", "auditor", "auditing", "audited", "doing", "will",
                     "next", "week", "wk", "month", "tomorrow", "today", "soon", "monday", "tuesday", "wednesday",
                     "thursday", "friday", "so", "and", "being", "getting", "has", "was"})
_MOST_LEFT = 6  # words left after the frame: more is a question of its own
OWN_CASE_ENTRY = "own-case-before-supervision"  # "How can I look over my own case before supervision…?"


def checklist_meant(text: str) -> str | None:
    """The words naming a checklist in a question about what an audit asks ("" when it names none), or None when
    the text is not such a question. What was said before the question counts when it says an audit is coming
    ("my TM is auditing my neglect case next week, what will she look at")."""
    said = " ".join(re.sub(r"[?.!,;:()\"]", " ", text.replace("\u2019", "'").replace("'", "").lower()).split())
    opening = _OPENING.search(said)
    shape = _SHAPE.match(opening.group("rest")) if opening else None
    if opening is None or shape is None:
        return None
    lead = said[:opening.start()].split()
    lead_audits = any(re.fullmatch(_AUDIT, word) for word in lead)
    if lead and not lead_audits:
        return None  # "the plan drifted, what will the auditor look at": a question of its own
    if not (lead_audits or re.fullmatch(_AUDIT, shape.group("who")) or {"case", "file"} & set(said.split())):
        return None  # "what will my manager look at in supervision": a practice question
    words = [*lead, *(word for part in ("before", "mid", "after") for word in shape.group(part).split())]
    left = [word for word in words if word not in _FILLER]
    return " ".join(left) if len(left) <= _MOST_LEFT else None


def asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The checklist an audit of the case would use, or the list of them; None for other text."""
    name = checklist_meant(text)
    if name is None or (name and not checklists_named(services, name)):
        return None
    if name:
        return preview(services, name)
    listed = preview(services, "")
    return [Reply(kind="notice", text="What an audit asks depends on its checklist: each question comes with what good "
                                      "looks like."), *listed[:-1], replace(listed[-1], choices=_own_case(services))]


def _own_case(services: Services) -> tuple[Choice, ...]:
    """The knowledge base's entry on reading your own case as an auditor would, which the same words found before
    (trial 27), offered beside the checklists; none when the knowledge base lacks it."""
    try:
        entry = knowledge_base(services).entries.get(OWN_CASE_ENTRY)
    except UserError:
        return ()
    return (Choice(entry.question, "kb.show", entry.id),) if entry is not None else ()


def install(engine: Engine, services: Services) -> None:
    """Register what an audit will ask, asked in words, before the knowledge base."""
    engine.add_message_handler(lambda turn, text: asked(services, turn, text), priority=PRIORITY)
