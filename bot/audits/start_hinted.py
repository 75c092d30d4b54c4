"""An audit asked for with hints but no case reference: "i want to audit one of s1's cin cases", "can i audit a
neglect case for social worker s1" (trial 43, finding 30: all 18 checklists were shown, nothing picked). The
checklist the words name is picked (read as the picker reads a name: `cin` is Child in need), or, when several fit,
they lead the list; a worker named and known is said back, to be asked about after the case reference, as the worker
step always asks it. A line naming a case reference is bot.audits.start_in_words'.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.audits import start as audits_start
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError

PRIORITY = 25  # before the figures asked in words (26), which took "audit one of s1s cin cases" for the picker

SAID = re.compile(r"^(?:(?:can|could|may)\s+i\s+|i\s+(?:want|need|would\s+like|d\s+like)\s+to\s+|i\s+wanna\s+|"
                  r"let\s*'?s\s+)?(?:audit|(?:do|start)\s+an?\s+audit\s+(?:on|of))\s+(?:one\s+of\s+|an?\s+|some\s+of\s+)?"
                  r"(?:(?P<whose>[a-z0-9][a-z0-9 ]{0,30}?)\s*(?:'s|s'|\u2019s)\s+)?"
                  r"(?:(?P<kind>[a-z0-9][a-z0-9 ]{0,40}?)\s+)?"
                  r"cases?(?:\s+(?:for|of|with)\s+(?:the\s+)?(?P<who>(?:social\s+worker|sw|worker)?\s*[a-z0-9][a-z0-9 ]"
                  r"{0,30}?))?$")
_POLITE = re.compile(r"^(?:hi|hiya|hello|hey|morning)\b[\s,!]*|[\s,]+(?:please|pls|thanks|thank\s+you|ta)$")
_SHORT_ROLE = re.compile(r"^\s*sw\b")


def routed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The audit started with the checklist and worker the line hints at; None for any other line."""
    typed = _POLITE.sub("", " ".join(text.lower().replace("\u2019", "'").split()).strip(" .!?"))
    said = SAID.match(typed) or SAID.match(plainly(text))  # plainly drops the apostrophe of "s1's"
    if said is None:
        return None
    who = said.group("whose") or said.group("who")
    worker = _worker(services, turn, who) if who else None
    replies = _checklist(services, turn, said.group("kind") or "")
    if worker is None:
        return replies
    note = Reply(kind="notice", text=f"A case of **{worker}**: I'll ask whose case it is after the case reference, "
                                     f"so you can pick them then.")
    return [note, *replies]


def _worker(services: Services, turn: Turn, who: str) -> str | None:
    """The name of the one worker `who` ("s1", "social worker s1", "sw s1") names, or None."""
    said = _SHORT_ROLE.sub("social worker", " ".join(who.split()))
    for typed in (said, f"social worker {said}"):
        try:
            named = audits_start.worker_named(services, turn, typed)
        except UserError:  # fits several: not known well enough to say back
            return None
        if named is not None:
            return services.directory.label(named)
    return None


def _checklist(services: Services, turn: Turn, kind: str) -> list[Reply]:
    """The checklist `kind` names, picked; several it fits, first in the list; none, the whole list."""
    kind = re.sub(r"\b(?:audit|my|the|our)\b", " ", kind).strip()
    available = audits_start.checklists(services)
    found = audits_start.matching_checklists(available, kind, audits_start.synonyms(services)) if kind else []
    if len(found) == 1:
        return audits_start.start(services, turn, found[0])
    replies = audits_start.start(services, turn, "")
    if not found:
        return replies
    first = tuple(Choice(available[c].title, "audit.start", c) for c in found)
    rest = tuple(choice for choice in audits_start.checklist_choices(services) if choice.value not in found)
    fits = ", ".join(f"**{available[c].title}**" for c in found)
    return [Reply(kind="question", text=f"These fit “{kind}”: {fits}. Pick one, or another checklist below:",
                  choices=first + rest)]


def install(engine: Engine, services: Services) -> None:
    """Register an audit asked for with hints, before the shortcuts and the knowledge base."""
    engine.add_message_handler(lambda turn, text: routed(services, turn, text), priority=PRIORITY)
