"""Small talk typed where the audit wants words of its own: one rule for every such step.

`good morning` typed at the strengths became the strengths, `thanks` the areas for development and `perfect thanks`
an action, each shown to the worker and the moderator as if it said something about the case. Words of the chat are
recognised as the knowledge base recognises them (knowledge/smalltalk.yaml, the list the QA leads keep), the rule a
reflection already used (bot.audits.reflection_wait), so a phrase added there is refused here too. Ordinary notes that
only start with such a word ("good rapport with the family", "thanks to the IRO's challenge the plan moved") are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from bot.audits.note_labels import without_label
from bot.core.services import Services
from bot.errors import UserError
from knowledge.problems import KnowledgeBaseError

NOT_AN_ACTION = "That isn't an action, so nothing was saved."
# What small talk typed as each note is told: that nothing was saved, and what to write instead; REFUSED_AS_NOTE
# adds how the step goes on without it, and an edit (`/audit edit 12 strengths thanks`) where to type the new text.
WANTED: Mapping[str, str] = MappingProxyType({
    "strengths": "That isn't a strength of the practice, so nothing was saved. Write what is working well for the "
                 "child on this case",
    "development": "That isn't an area for development, so nothing was saved. Write what would make the biggest "
                   "difference for the child",
    "actions": f"{NOT_AN_ACTION} Write what needs to happen for the child",
})
REFUSED_AS_NOTE: Mapping[str, str] = MappingProxyType({
    "strengths": f"{WANTED['strengths']}, or `skip` to leave the strengths out.",
    "development": f"{WANTED['development']}, or `skip` to leave the areas for development out.",
    "actions": f"{WANTED['actions']}.",
})


def small_talk(services: Services, text: str) -> bool:
    """"ok", "thanks", "good morning": words of the chat, not a note, an action or a reflection on the audit."""
    try:
        live = services.live_knowledge().current
    except KnowledgeBaseError:
        return False
    return live.kb.smalltalk.match(" ".join(text.split())) is not None


def refuse(services: Services, text: str, said: str) -> None:
    """UserError `said` (what the step wants instead) when `text` is small talk, so nothing is stored."""
    if small_talk(services, text):
        raise UserError(said)


def refuse_as_note(services: Services, step: str, text: str, then: str = "") -> None:
    """Small talk typed as the strengths, the areas for development or an action (`step`), with or without the step's
    own label (`Strengths: thanks`), refused with what the step wants (REFUSED_AS_NOTE) and `then`, how else to go
    on."""
    refuse(services, without_label(text, step), f"{REFUSED_AS_NOTE[step]}{then}")


def refuse_as_edit(services: Services, audit_id: int, field: str, text: str) -> None:
    """Small talk as the new text of `/audit edit 12 strengths …` (`field`, strengths or development) is refused as the
    step refuses it, so `thanks` never replaces a note the worker and the moderator read."""
    kept = {"strengths": "the strengths are", "development": "the areas for development are"}[field]
    said = f"{WANTED[field]} after `/audit edit {audit_id} {field}`; {kept} unchanged."
    refuse(services, without_label(text, field), said)
