"""A note typed at the strengths or the areas for development under the other heading's label.

A user trial typed `strengths: use age appropriate tools like three houses` at "Areas for development…", and the
submitted audit read "Areas for development: strengths: use age appropriate tools…" (trial 12, F6): the label stayed
in the note, under the heading it does not name. The label says where the auditor means the note to go, as a grade
typed at the start of a changed grade's reason does, so the note is filed under the heading it names, without the
label, and the auditor is told so, with how to put it back; the step they were at is asked again, as nothing was
given for it. Under the strengths, what is there already stays (the step is behind them) and the note is added to it;
for the areas for development, still to come, the note is what that step will show as noted already. An edit of a
submitted audit, `/audit edit 12 development strengths: …`, is filed the same way (it kept the label in the areas for
development), added to the strengths, and said so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from bot.audits import lifecycle
from bot.audits.core import Ctx
from bot.audits.flow import parse_words
from bot.audits.note_labels import other_heading, without_label
from bot.audits.screens import advance_and_render
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.privacy.screen import screen_text
from bot.storage import audits as store

NOTES_ASKED: Mapping[str, str] = MappingProxyType({"strengths": "the strengths",
                                                   "development": "the areas for development"})
_HEADINGS: Mapping[str, str] = MappingProxyType({"strengths": "Strengths", "development": "Areas for development"})


def finishing_note(name: str, text: str) -> str:
    """The strengths or the areas for development: words the worker reads in their summary, never a bare number, and
    without a label repeating the heading they are shown under ("Strengths: strengths: …")."""
    asked = NOTES_ASKED[name]
    return parse_words(without_label(text, name), f"note on {asked}",
                       f"Type {asked} in words, or `skip` (or press Skip) to leave them out.")


def filed_under_its_label(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """A note at the strengths or the areas for development that starts with the other heading's label, filed under
    that heading and said so, then the step again; None for any other text, which the step takes as its own note."""
    labelled = other_heading(text, ctx.step.name)
    if labelled is None:
        return None
    other, rest = labelled
    note = screen_text(finishing_note(other, rest), services.identifier_screen, "that note")
    undo = ("`back` goes to the strengths, to change them" if other == "strengths" else
            "at the areas for development, new text replaces it")
    told = Reply(kind="notice", text=(
        f"{_filed_said(other, note)} If it belongs to {NOTES_ASKED[ctx.step.name]}, type it here without the label "
        f"({undo})."))
    move = store.Move(step=ctx.step.key, fields={other: added_to(getattr(ctx.audit, other), note)})
    return advance_and_render(services, turn, ctx, ctx.version, move, before=[told])


def edited_under_its_label(services: Services, turn: Turn, audit_id: int, field: str,
                           text: str) -> list[Reply] | None:
    """`/audit edit 12 development strengths: …`: the note added to the heading its label names, without the label,
    as the guided steps file it, and said so; the heading edited is unchanged. None for text without the other
    heading's label (or a field with no neighbour, the grade's reason), which the edit stores as typed."""
    labelled = other_heading(text, field)
    if labelled is None:
        return None
    other, rest = labelled
    note = screen_text(finishing_note(other, rest), services.identifier_screen, "that note")
    lifecycle.add_to_note(services.storage, audit_id, turn.user_id, other, lambda had: added_to(had, note), turn.now)
    return [Reply(text=(f"{_filed_said(other, note, f' of audit #{audit_id}')} {NOTES_ASKED[field].capitalize()} "
                        f"are unchanged. If it belongs there, type `/audit edit {audit_id} {field}` and the text "
                        f"without the label; `/audit edit {audit_id} {other}` changes {NOTES_ASKED[other]} back. The "
                        "earlier version is kept as a revision."))]


# "add: reviews to be held on time", "also …": more for the heading, not instead of it (trial 20: `edit 137
# development add: …` replaced the areas for development, and the text read "add: reviews…")
ADDING = re.compile(r"^\s*(?:add(?:ing)?|also|plus|append|and)\b\s*[:,-]?\s*(?=\S)", re.IGNORECASE)


def edited_by_adding(services: Services, turn: Turn, audit_id: int, field: str, text: str) -> list[Reply] | None:
    """`/audit edit 12 development add: reviews to be held on time`: the note added after what the heading holds,
    without the word, and said so; None for text not opening so, which the edit stores instead."""
    adding = ADDING.match(text)
    if adding is None or field not in NOTES_ASKED:
        return None
    note = screen_text(finishing_note(field, text[adding.end():]), services.identifier_screen, "that note")
    lifecycle.add_to_note(services.storage, audit_id, turn.user_id, field, lambda had: added_to(had, note), turn.now)
    return [Reply(text=f"Audit #{audit_id}: added to {NOTES_ASKED[field]}: “{note}”. What was there stays; the "
                       "earlier version is kept as a revision.")]


def _filed_said(other: str, note: str, where: str = "") -> str:
    return f"That starts with **{_HEADINGS[other]}**, so I've added it to {NOTES_ASKED[other]}{where}: “{note}”."


def added_to(had: str | None, note: str) -> str:
    """What a heading holds with `note` added after what it held already, if anything."""
    return f"{had}{' ' if had.rstrip().endswith(('.', '!', '?')) else '; '}{note}" if had else note
