"""Auditing supervision you gave yourself: said plainly as the worker is picked, and answered when asked.

Trial 36 (M11): a team manager typed `start audit supervision`, the case and `sw s1`, her own team's worker, and the
audit started with no word; `hang on im the supervisor on this case, can i audit my own supervision?` got "I don't
know that yet" and went on the QA leads' list. A supervision audit judges the oversight the worker's manager gave,
so the manager of the worker's team auditing it is marking her own work, as nobody auditing their own case
(bot.audits.own_case) forbids for casework. The teams list is what the bot knows of who supervises: a checklist about
supervision, and an auditor who manages the team of the worker picked, get the plain word and the offer to cancel
(*Yes, cancel* / *No, keep it*, as `cancel` asks), nothing refused, since a manager may cover a colleague's
supervision. Asked in words at any time (`can i audit my own supervision?`, `im the supervisor on this case`), the
answer says the same, before the knowledge base, and nothing typed is noted for the QA leads.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.people import Person
from knowledge.checklist_schema import Checklist

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
_SUPERVISION = re.compile(r"supervis", re.IGNORECASE)
_ASKED = re.compile(
    r"\baudit(?:ing)?\s+(?:my\s+own|mine|my|me\s+on\s+my)\s+(?:own\s+)?supervision"
    r"|\baudit(?:ing)?\s+(?:the\s+)?supervision\s+(?:that\s+)?i\s+(?:gave|give|did|do|provided|provide|led|lead|ran)\b"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:the|their|her|his|also\s+the)\s+(?:case\s+)?supervisor\b"
    r"|\bi\s+(?:supervise|supervised|am\s+supervising)\s+(?:this|the|that|them|her|him|s1|sw)\b", re.IGNORECASE)
NOT_INDEPENDENT = ("Auditing supervision you gave yourself is not independent: a supervision audit judges the "
                   "oversight on the case, and that was yours.")


def about_supervision(checklist: Checklist) -> bool:
    """Whether the checklist audits supervision and management oversight (by its id or title)."""
    return bool(_SUPERVISION.search(checklist.id) or _SUPERVISION.search(checklist.title))


def supervises(services: Services, auditor: Person | None, worker: str) -> bool:
    """Whether the teams list makes the auditor the worker's supervisor: a manager of a team the worker is in."""
    person = services.directory.person(worker)
    if auditor is None or person is None:
        return False
    return any(auditor.user_id in services.directory.teams[team].manager_ids
               for team in person.team_ids if team in services.directory.teams)


def warning(services: Services, auditor: Person | None, checklist: Checklist, worker: str, audit_id: int) -> \
        Reply | None:
    """The plain word before the offer to cancel, when the auditor supervises the worker of a supervision audit."""
    if not about_supervision(checklist) or not supervises(services, auditor, worker):
        return None
    return Reply(kind="notice", text=f"You manage {services.directory.label(worker)}'s team, so the supervision "
                                      f"audit #{audit_id} looks at is likely to be yours. {NOT_INDEPENDENT} Ask "
                                      "another manager, a QA lead or an admin to audit it. Cancel this audit?")


def answer(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The plain answer to `can i audit my own supervision?`; None for anything else. What else the line holds is
    never said back or stored (it may name a child)."""
    if _ASKED.search(text or "") is None:
        return None
    return [Reply(text=f"No. {NOT_INDEPENDENT} As nobody audits their own case, ask another manager, a QA lead or an "
                       "admin to audit supervision you gave. If you have started one, type `cancel` to cancel it; "
                       "to look over your own supervision practice, `checklist supervision` shows what the audit "
                       "asks and what good looks like. Nothing you typed was stored.")]


def install(engine: Engine, services: Services) -> None:
    """Register the question, before the knowledge base answers it."""
    engine.add_message_handler(lambda turn, text: answer(services, turn, text), priority=PRIORITY)
