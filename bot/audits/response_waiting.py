"""Moderations waiting for the auditor's response (Accept or Respond, once): on Home, and listed by `respond` alone.

Trial 28: a manager found #111 and #120 waiting only by opening audits from `list mine`: neither Home nor `my
reminders` said so, and `respond` alone gave the how-to article. Which are waiting is bot.storage.readback
(`awaiting_response`); `/audit reminders` says it too (bot.reminders.preview).
"""

from __future__ import annotations

from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.people import Person
from bot.storage import readback as readback_store

SHOWN = 5  # View buttons on Home and under `respond`; every number is named in the text
HOW = ("Open one and press **Accept** or **Respond**, or type `/audit respond {id} accept` or "
       "`/audit respond {id} <your reply>`: you can respond once.")


def waiting_text(audit_ids: list[int]) -> str:
    """'Moderations waiting for your response: #111, #120', the words Home, `respond` and the reminders share."""
    return "Moderations waiting for your response: " + ", ".join(f"#{audit_id}" for audit_id in audit_ids)


def home_section(services: Services, person: Person) -> list[Reply]:
    """Home's list of the person's moderations waiting for their response, with a View button each; none, nothing."""
    waiting = readback_store.awaiting_response(services.storage, person.user_id)
    if not waiting:
        return []
    return [Reply(title="Moderations waiting for your response", text=f"{waiting_text(waiting)}.",
                  note=HOW.format(id=waiting[0]), choices=_views(waiting))]


def respond_alone(services: Services, turn: Turn) -> list[Reply]:
    """`respond` (or `/audit respond`) with no audit: the moderations waiting for this person's response and how to
    respond, or that none is waiting."""
    waiting = readback_store.awaiting_response(services.storage, turn.user_id)
    if not waiting:
        return [Reply(kind="notice", text="No moderation is waiting for your response. When one of your audits is "
                                          "moderated, you can respond once: `/audit respond <audit number> accept` "
                                          "or `/audit respond <audit number> <your reply>`.")]
    return [Reply(text=f"{waiting_text(waiting)}. {HOW.format(id=waiting[0])}", choices=_views(waiting))]


def _views(waiting: list[int]) -> tuple[Choice, ...]:
    return tuple(Choice(f"View #{audit_id}", "audit.view", str(audit_id)) for audit_id in waiting[:SHOWN])


def install(engine: Engine, services: Services) -> None:
    """Register Home's section of moderations waiting for the auditor's response."""
    engine.add_home_section("response_waiting", lambda person: home_section(services, person), priority=11)
