"""`/audit kb link N <entry>` typed: the entry shown, and Yes or No, before anything is sent or written.

Trial 18 (medium): `kb link 11 online harm` wrote the wording into the entry's file, reloaded and sent the online
harm article to the asker at once, with no sight of the entry first and no undo. Slack's *Link to an entry* form
shows each entry's question as it is picked; typed, the QA lead now sees the entry's question, the start of its
answer, who gets it and where the wording goes, and links it with `yes` (or the button). The same checks as the link
run first, so a link that would be refused is refused before the question is asked.

The wording shown is the one written: the askers' slips put right (bot.asking.link_wording), any correction the
search is not sure of left as typed and named. `kb link N <entry> | <wording>` writes the QA lead's own wording
instead, as typed (shown the same way first).

Buttons: kb.unanswered.link_confirm (link_confirm_own, with the QA lead's wording) / link_keep
"<entry id>:<group number>".
"""

from __future__ import annotations

from bot.asking import follow_up
from bot.asking.link_wording import doubts
from bot.asking.unanswered import LINK_PICK, QuestionGroup, UnansweredDesk, entry_typed, lacked, shortened
from bot.asking.unanswered_input import STALE_HINT, TYPED_USAGE
from bot.core import buttons
from bot.core.markup import emoji
from bot.core.replies import Choice, Reply, count_of
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import MEANT_ACTION
from bot.errors import UserError
from bot.storage import audits as store
from knowledge.entries import Entry
from knowledge.spelling import TOKEN, Corrected

LINK_CONFIRM, LINK_KEEP = "kb.unanswered.link_confirm", "kb.unanswered.link_keep"
LINK_CONFIRM_OWN = "kb.unanswered.link_confirm_own"  # Yes to a link with the QA lead's own wording
OWN_WORDING = "link_wording"  # beside the conversation: {"key", "entry", "wording"} typed after `|`, until Yes
ANSWER_SHOWN = 160  # characters of the entry's answer shown before the link


def ask(desk: UnansweredDesk, turn: Turn, rest: str) -> list[Reply]:
    """The typed link's Yes or No, with the entry it would send and the wording it would write; refused as the link
    itself would be. `kb link N <entry> | <wording>` writes the QA lead's own wording instead of the askers'."""
    number, _, typed = rest.strip().partition(" ")
    key = buttons.typed_id(number.lstrip("#"))
    if key is None:
        raise UserError(f"Say which group with its number from `/audit kb unanswered`, like "
                        f"`/audit kb link 12{TYPED_USAGE['link']}`.")
    typed, bar, own = typed.partition("|")
    wording = own.strip() if bar else None
    desk.group(turn, key)  # a closed question is said closed before any entry is offered
    near = _nearest(desk, turn, key, typed)
    if near is not None:
        return [near]
    desk.link(turn, key, typed, dry_run=True, wording=wording)  # every refusal the link would give, first
    group = desk.group(turn, key)
    entries = desk.service.current.kb.entries
    entry = entry_typed(entries, typed)
    if entry is None:  # the dry run above refuses it first, with suggestions: only a reload in between gets here
        raise UserError(f"No entry has the id `{typed.strip()}` now. {STALE_HINT}.")
    shown = shortened(" ".join(entry.answer.split()), ANSWER_SHOWN)
    had = group.picked(entry.id)  # trial 44 F19: they picked it from the suggestions already
    people = count_of(len(group.askers) - len(had), "person", "people")
    had_it = f" ({count_of(len(had), 'person', 'people')} already picked it, so won't get it again)" if had else ""
    value = f"{entry.id}:{key}"  # the number typed: any of the group's questions finds it again
    written = desk.linked_wording(group, wording)
    elsewhere = _points_elsewhere(desk, group, entry, written, wording is not None)
    store.keep_aside(desk.services.storage, turn.user_id, OWN_WORDING,
                     None if wording is None else {"key": key, "entry": entry.id, "wording": wording}, turn.now)
    return [confirmations.ask(desk.services, turn, Reply(
        kind="question",
        text=(f"Link #{key} to `{entry.id}`?\n**{entry.question}**\n>{shown}\nThe {people} who asked "
              f"(_{group.wording}_) will get this entry by DM{had_it}. "
              f"{_goes(group, entry, written, wording is not None, no_hint=bool(elsewhere))}"
              f"{elsewhere}{_lacks(desk, group, entry)}"),
        choices=(Choice("Yes, link it", LINK_CONFIRM if wording is None else LINK_CONFIRM_OWN, value, "primary"),
                 Choice("No, not this one", LINK_KEEP, value))),
        set_aside=f"Your link of #{key} to `{entry.id}` was not made: nothing was sent or written. To make it, type "
                  f"`/audit kb link {key} {entry.id}` again.")]


# What the QA lead's own answer would give the asker, by the kind of fact the entry lacks (knowledge/specific_ask.py)
_GIVE = {"rate": "the rate or amount", "form": "the form", "contact": "the contact details",
         "write-up": "the timescale", "deadline": "the timescale"}


def _lacks(desk: UnansweredDesk, group: QuestionGroup, entry: Entry) -> str:
    """Trial 48 F11: the group is listed because `entry` lacks the fact asked for; the link would send it without
    it, so the confirmation says so (the lacks check run again on the entry as it is now) and how to answer instead."""
    kind = lacked(group, entry, desk.service.current.search.spelling)
    if kind is None:
        return ""
    without = kind.named.removeprefix("a ").removeprefix("an ")
    return (f"\n{emoji('warning')} `{entry.id}` gives no {without}: the asker will get it without one. To give them "
            f"{_GIVE.get(kind.key, 'it')}, use `/audit kb answer {group.key} <your answer>`.")


def _nearest(desk: UnansweredDesk, turn: Turn, key: int, typed: str) -> Reply | None:
    """For an id that names no entry, the nearest entry offered, linked (shown first) by a typed `yes` (trial 39:
    `kb link 28 kooth` got "did you mean `kooth-…`?", and `yes` then said "no question waiting for a yes")."""
    if not typed.strip() or entry_typed(desk.service.current.kb.entries, typed) is not None:
        return None
    options = [value for _, value in desk.entry_options(turn, typed)[:3]]
    if not options:
        return None  # refused by the link itself, saying how to find one
    entries = desk.service.current.kb.entries
    others = "".join(f"; or `{value}` ({shortened(entries[value].question)})" for value in options[1:])
    offered = Reply(kind="notice", text=f"No entry has the id `{typed.strip()}`. Did you mean `{options[0]}` "
                                        f"({shortened(entries[options[0]].question)})? Type `yes` to see it before "
                                        f"it is linked{others}: type `/audit kb link {key} <id>` for another.")
    return confirmations.meant(desk.services, turn, offered, MEANT_ACTION, f"kb link {key} {options[0]}")


def _goes(group: QuestionGroup, entry: Entry, written: Corrected, own: bool, no_hint: bool = False) -> str:
    """Where the wording goes, as the link will write it, with the typos put right and any left as typed. The
    `| <wording>` way is named here unless the QA lead typed their own, or (`no_hint`) the warning that the wording
    points elsewhere names it (fix53e: one reply had both)."""
    if follow_up.is_read_with(group.wording) and not own:
        return "It was a follow-up, so its wording is not added to the entry's alternatives."
    if not written.text:
        return "Nothing is added to its alternatives: the wording has nothing to search on without its case reference."
    fixed = "" if own else typos_put_right(group, written)
    other = "" if own or no_hint else (
        f" To write other words, type `/audit kb link {group.key} {entry.id} | <wording>`.")
    return f"“{written.text}” becomes one of its alternatives in `{entry.file}`{fixed}.{doubts(written)}{other}"


STRONG = 0.8  # another entry scoring this share of the wording's best match or more: the wording points to it too
ELSEWHERE_SHOWN = 2


def _points_elsewhere(desk: UnansweredDesk, group: QuestionGroup, entry: Entry, written: Corrected, own: bool
                      ) -> str:
    """Trial 50 (#12): `kb link 20 connected-person-temporary-approval` wrote "nan wants to look after the kids long
    term, connected person assessment or sgo? whats the timescale for a reg 24" as one of its alternatives, its SGO
    half then pulling SGO questions there. The entries the wording points to as strongly (the search's matches within
    STRONG of its best) are named, with the way to write a shorter wording, or ""."""
    if own or not written.text:
        return ""
    result = desk.service.current.search.search(written.text)
    ranked = sorted([*([result.answer] if result.answer else []), *result.suggestions], key=lambda m: -m.score)
    if not ranked:
        return ""
    others = [match.entry_id for match in ranked
              if match.entry_id != entry.id and match.score >= STRONG * ranked[0].score][:ELSEWHERE_SHOWN]
    if not others:
        return ""
    named = " and ".join(f"`{other}`" for other in others)
    return (f"\n{emoji('warning')} This wording also points to {named}: written whole, later questions about "
            f"{'it' if len(others) == 1 else 'them'} may come to `{entry.id}`. To add only the words about this "
            f"entry, type `/audit kb link {group.key} {entry.id} | <shorter wording>`.")


def typos_put_right(group: QuestionGroup, written: Corrected) -> str:
    """Which of the askers' words the wording written puts right, in brackets, or "" (knowledge/spelling.py)."""
    typed = TOKEN.findall(group.wording)
    fixed = [(before, after) for before, after in zip(typed, TOKEN.findall(written.text), strict=False)
             if before != after]
    if not fixed or len(typed) != len(TOKEN.findall(written.text)):
        return ""
    return " (typos put right: " + ", ".join(f"_{before}_ as _{after}_" for before, after in fixed) + ")"


def confirm(desk: UnansweredDesk, turn: Turn, value: str, own: bool = False) -> list[Reply]:
    """Yes: linked as the form links it (checked again: the list or the entry may have changed meanwhile), with the
    QA lead's own wording when they typed one (`own`: kept aside by `ask` until then)."""
    entry_id, key = buttons.key_and_optional_id(value, STALE_HINT)
    if key is None:
        raise buttons.StaleButton(STALE_HINT)
    if not own:
        return desk.link(turn, key, entry_id)
    kept = store.conversation(desk.services.storage, turn.user_id).get(OWN_WORDING) or {}
    if kept.get("key") != key or kept.get("entry") != entry_id:  # another link typed since: this one is gone
        raise buttons.StaleButton(f"Type `/audit kb link {key} {entry_id} | <wording>` again: that wording is no "
                                  "longer kept. Nothing was sent or written.")
    replies = desk.link(turn, key, entry_id, wording=kept["wording"])
    store.keep_aside(desk.services.storage, turn.user_id, OWN_WORDING, None, turn.now)
    return replies


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


def picked_up(desk: UnansweredDesk, turn: Turn) -> list[Reply]:
    """What a terminal chat started again shows while a typed link waits for its `yes`: the link shown and asked
    again, checked afresh (trial 62 F3: the link, like a `kb answer` read back, was lost with the session); when it
    would now be refused, said not made and why."""
    asked = store.conversation(desk.services.storage, turn.user_id).get(confirmations.KEY)
    yes = asked.get("yes") if isinstance(asked, dict) else None
    if not yes or yes[0] not in (LINK_CONFIRM, LINK_CONFIRM_OWN):
        return []
    entry_id, key = buttons.key_and_optional_id(str(yes[1]), STALE_HINT)
    kept = store.conversation(desk.services.storage, turn.user_id).get(OWN_WORDING) or {}
    own = f" | {kept['wording']}" if yes[0] == LINK_CONFIRM_OWN and kept.get("key") == key else ""
    try:
        asked_again = ask(desk, turn, f"{key} {entry_id}{own}")
    except UserError as refused:
        store.keep_aside(desk.services.storage, turn.user_id, confirmations.KEY, None, turn.now)
        return [Reply(kind="notice", text=f"Your link of #{key} to `{entry_id}` was not made: {refused}")]
    return [Reply(kind="notice", text=f"Picking up where you left off: #{key} is not linked yet."), *asked_again]


def install(engine: Engine, desk: UnansweredDesk) -> None:
    """Register the typed link's Yes and No, the entries offered for a link, and the link asked again in a terminal
    chat started again."""
    engine.add_action(LINK_PICK, lambda turn, value: picked(desk, turn, value))
    engine.add_session_start(lambda turn: picked_up(desk, turn))
    confirmations.add_answers(
        engine, desk.services,
        (LINK_CONFIRM, lambda turn, value: confirm(desk, turn, value)),
        (LINK_CONFIRM_OWN, lambda turn, value: confirm(desk, turn, value, own=True)),
        (LINK_KEEP, lambda _turn, value: keep(value)))
