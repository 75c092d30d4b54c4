"""`/audit kb link N <entry>` typed: the entry shown, and Yes or No, before anything is sent or written.

Trial 18 (medium): `kb link 11 online harm` wrote the wording into the entry's file, reloaded and sent the online
harm article to the asker at once, with no sight of the entry first and no undo. Slack's *Link to an entry* form
shows each entry's question as it is picked; typed, the QA lead now sees the entry's question, the start of its
answer, who gets it and where the wording goes, and links it with `yes` (or the button). The same checks as the link
run first, so a link that would be refused is refused before the question is asked.

Buttons: kb.unanswered.link_confirm / link_keep "<entry id>:<group number>".
"""

from __future__ import annotations

from bot.asking import follow_up
from bot.asking.unanswered import LINK_PICK, UnansweredDesk, entry_typed, shortened
from bot.asking.unanswered_input import STALE_HINT, TYPED_USAGE
from bot.core import buttons
from bot.core.replies import Choice, Reply, count_of
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError

LINK_CONFIRM, LINK_KEEP = "kb.unanswered.link_confirm", "kb.unanswered.link_keep"
ANSWER_SHOWN = 160  # characters of the entry's answer shown before the link


def ask(desk: UnansweredDesk, turn: Turn, rest: str) -> list[Reply]:
    """The typed link's Yes or No, with the entry it would send; refused as the link itself would be."""
    number, _, typed = rest.strip().partition(" ")
    key = buttons.typed_id(number.lstrip("#"))
    if key is None:
        raise UserError(f"Say which group with its number from `/audit kb unanswered`, like "
                        f"`/audit kb link 12{TYPED_USAGE['link']}`.")
    desk.link(turn, key, typed, dry_run=True)  # every refusal the link would give, before anything is asked
    group = desk.group(turn, key)
    entries = desk.service.current.kb.entries
    entry = entry_typed(entries, typed)
    if entry is None:  # the dry run above refuses it first, with suggestions: only a reload in between gets here
        raise UserError(f"No entry has the id `{typed.strip()}` now. {STALE_HINT}.")
    shown = shortened(" ".join(entry.answer.split()), ANSWER_SHOWN)
    people = count_of(len(group.askers), "person", "people")
    value = f"{entry.id}:{key}"  # the number typed: any of the group's questions finds it again
    written = desk.linked_wording(group)
    goes = ("It was a follow-up, so its wording is not added to the entry's alternatives."
            if follow_up.is_read_with(group.wording) else
            f"“{written}” becomes one of its alternatives in `{entry.file}`." if written else
            "Nothing is added to its alternatives: the wording has nothing to search on without its case reference.")
    return [confirmations.ask(desk.services, turn, Reply(
        kind="question",
        text=(f"Link #{key} to `{entry.id}`?\n**{entry.question}**\n>{shown}\nThe {people} who asked "
              f"(_{group.wording}_) will get this entry by DM. {goes}"),
        choices=(Choice("Yes, link it", LINK_CONFIRM, value, "primary"), Choice("No, not this one", LINK_KEEP,
                                                                              value))))]


def confirm(desk: UnansweredDesk, turn: Turn, value: str) -> list[Reply]:
    """Yes: linked as the form links it (checked again: the list or the entry may have changed meanwhile)."""
    entry_id, key = buttons.key_and_optional_id(value, STALE_HINT)
    if key is None:
        raise buttons.StaleButton(STALE_HINT)
    return desk.link(turn, key, entry_id)


def keep(value: str) -> list[Reply]:
    """No: nothing sent or written, and how to link another entry."""
    entry_id, key = buttons.key_and_optional_id(value, STALE_HINT)
    return [Reply(kind="notice", text=f"OK: #{key} is not linked to `{entry_id}`; nothing was sent or written. To "
                                      f"link another entry, type `/audit kb link {key} <entry id or words>`.")]


def picked(desk: UnansweredDesk, turn: Turn, value: str) -> list[Reply]:
    """An entry offered under *Link to an entry* where its form could not open: shown, then Yes or No, as typed."""
    entry_id, key = buttons.key_and_optional_id(value, STALE_HINT)
    if key is None:
        raise buttons.StaleButton(STALE_HINT)
    return ask(desk, turn, f"{key} {entry_id}")


def install(engine: Engine, desk: UnansweredDesk) -> None:
    """Register the typed link's Yes and No, and the entries offered for a link."""
    engine.add_action(LINK_PICK, lambda turn, value: picked(desk, turn, value))
    confirmations.add_answers(
        engine, desk.services,
        (LINK_CONFIRM, lambda turn, value: confirm(desk, turn, value)),
        (LINK_KEEP, lambda _turn, value: keep(value)))
