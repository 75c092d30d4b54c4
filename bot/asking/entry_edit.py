"""`/audit kb edit <id> <field>: <text>`: a QA lead changes an entry from chat, read back first, written on `yes`.

`kb edit <id>` only said which file held the entry: a QA lead in Slack, with no copy of the files, could not put a
sentence right. Now `kb edit <id> answer: <text>`, `question: <text>`, `add alternative: <text>`,
`remove alternative: <text>` or `review by: 31 March 2027` is checked exactly as `kb check` checks the folder (the
same loader, and the identifier screen every QA lead's text goes through) before anything is said back; a change
that would be refused is refused then, in `kb check`'s words, and nothing is kept. The change is shown (what the
field says now, and what it would say) and written only on `yes` (or *Yes, change it*): with the round-trip writer
(knowledge/kb_entry_edit.py: comments and order kept, the file's only difference that field, atomic), then
reloaded and recorded in the trail (which field of which entry: never the text).

Buttons: kb.edit_confirm / kb.edit_keep "<entry id>"; the change waits beside the conversation until then.
"""

from __future__ import annotations

import re
from datetime import date

from bot.asking import unanswered_also
from bot.asking.kb_check import content_checks
from bot.asking.known_moved import moved_said
from bot.asking.review_date import review_day
from bot.asking.unanswered import (
    QuestionGroup,
    UnansweredDesk,
    a_year_after,
    entry_typed,
    lacked,
    lacking_given,
    shortened,
)
from bot.core.policy import may_keep_knowledge
from bot.core.replies import Choice, Reply, agreeing, count_of
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage import audits as store
from bot.storage.trail import record_trail
from knowledge.dates import DateError, long_date, parse_full_date
from knowledge.entries import Entry
from knowledge.kb_entry_edit import EntryChange, edit_entry
from knowledge.kb_writer import WriteResult

EDIT_CONFIRM, EDIT_KEEP = "kb.edit_confirm", "kb.edit_keep"
KEPT = "entry_edit"  # beside the conversation: {"entry", "field", "text"} until Yes or No
FIELD = re.compile(r"\b(answer|question|(?:add|remove)\s+(?:an\s+)?alternative|review(?:[\s_-]*by)?)\s*:\s*",
                   re.IGNORECASE)
SAID = {"answer": "answer", "question": "question", "add_alternative": "alternatives",
        "remove_alternative": "alternatives", "review_by": "review date"}
USAGE = ("`/audit kb edit <entry id> answer: <text>`, `question: <text>`, `add alternative: <text>`, "
         "`remove alternative: <text>` or `review by: 31 March 2027`")
SHOWN = 300  # characters of an answer shown as it is now


def typed_change(typed: str) -> tuple[str, EntryChange] | None:
    """(the entry as typed, the change) for `<id> <field>: <text>`, or None when no field is named (`kb edit <id>`
    alone, which says where the entry is and how to change it)."""
    found = FIELD.search(typed)
    if found is None:
        return None
    word = " ".join(found.group(1).lower().replace("an ", "").split())
    name = {"add alternative": "add_alternative", "remove alternative": "remove_alternative"}.get(
        word, "review_by" if word.startswith("review") else word)
    return typed[:found.start()].strip(), EntryChange(name, typed[found.end():].strip())


def ask(desk: UnansweredDesk, turn: Turn, entry_typed_as: str, change: EntryChange) -> list[Reply]:
    """The change read back with Yes or No, once it passes every check the write makes; refused as the write
    would refuse it (in `kb check`'s words), nothing kept, otherwise."""
    entry = _entry(desk, turn, entry_typed_as)
    change = _read_change(change, turn.now.astimezone(desk.services.settings.timezone).date())
    result = edit_entry(desk.service.folder, entry.id, change,
                        content_checks(desk.services, since=desk.service.current.kb),
                        known=desk.service.current.kb, dry_run=True)
    _refuse(result)
    if result.unchanged:
        return [Reply(kind="notice", text=f"`{entry.id}` already says that: nothing to change.")]
    store.keep_aside(desk.services.storage, turn.user_id, KEPT,
                     {"entry": entry.id, "field": change.field, "text": change.text}, turn.now)
    return [confirmations.ask(desk.services, turn, Reply(
        kind="question", text=f"Change the {SAID[change.field]} of `{entry.id}` (_{entry.question}_)?\n"
                              f"{_before_after(entry, change)}\nIt is written to `{entry.file}` and reloaded.",
        choices=(Choice("Yes, change it", EDIT_CONFIRM, entry.id, "primary"),
                 Choice("No, leave it", EDIT_KEEP, entry.id))))]


def _entry(desk: UnansweredDesk, turn: Turn, typed: str) -> Entry:
    """The entry named, or refused with the nearest ids as `kb link` offers them (trial 48 F15: `kb edit
    lado-contact …` got no "did you mean `lado`?")."""
    entry = entry_typed(desk.service.current.kb.entries, typed) if typed else None
    if entry is None:
        options = [value for _, value in desk.entry_options(turn, typed)[:3]] if typed else []
        meant = ("Did you mean " + " or ".join(f"`{value}`" for value in options) + "? ") if options else ""
        raise UserError((f"No entry has the id `{typed}`. {meant}" if typed else "Say which entry first. ")
                        + f"Type {USAGE}; `/audit kb find <words>` lists entries with their ids.")
    return entry


def _read_change(change: EntryChange, today: date) -> EntryChange:
    """The change with its text read: given at all, and a review date in a form no one misreads (as `kb new` reads
    it) and not past, kept as YYYY-MM-DD."""
    if not change.text:
        raise UserError(f"Write the new {SAID[change.field]} after the colon, like {USAGE}. Nothing was changed.")
    if change.field != "review_by":
        return change
    try:
        day, _ = review_day(change.text, today)  # `next friday`, `yesterday` read too (trial 50, #11)
    except DateError as unread:
        raise UserError(f"{unread} Nothing was changed.") from None
    if day < today:
        raise UserError(f"The review date {change.text} is already past: give a date ahead, such as "
                        f"{long_date(a_year_after(today))}. Nothing was changed.")
    return EntryChange("review_by", day.isoformat())


def _refuse(result: WriteResult) -> None:
    """Nothing is written when anything is wrong: every problem, with its file and line, as `kb check` lists it."""
    if result.problems:
        lines = "\n".join(f"• `{problem.file}{f':{problem.line}' if problem.line else ''}` — {problem.message}"
                          for problem in result.problems)
        raise UserError(f"Nothing was changed: fix this and send it again.\n{lines}")


def _before_after(entry: Entry, change: EntryChange) -> str:
    """What the field says now and what it would say."""
    if change.field == "answer":
        return f"Now:\n>{shortened(' '.join(entry.answer.split()), SHOWN)}\nNew:\n>{change.text}"
    if change.field == "question":
        return f"Now: _{entry.question}_\nNew: _{' '.join(change.text.split())}_"
    if change.field == "review_by":
        now = long_date(entry.review_by) if entry.review_by else "none set"
        return f"Now: {now}\nNew: {long_date(parse_full_date(change.text))}"
    verb = "Add" if change.field == "add_alternative" else "Take away"
    having = count_of(len(entry.alternatives), "alternative")
    return f"{verb} the alternative _{' '.join(change.text.split())}_ (it has {having} now)."


def confirm(desk: UnansweredDesk, turn: Turn, entry_id: str) -> list[Reply]:
    """Yes: the change kept by `ask` written (checked again: the entry may have changed meanwhile), reloaded and
    recorded in the trail."""
    if not may_keep_knowledge(turn.person):
        raise UserError("Entries are changed by the QA leads and admins. Nothing was changed.")
    kept = store.conversation(desk.services.storage, turn.user_id).get(KEPT) or {}
    if kept.get("entry") != entry_id:
        raise UserError(f"That change is no longer kept: type `/audit kb edit {entry_id} …` again. Nothing was "
                        "changed.")
    change = EntryChange(str(kept["field"]), str(kept["text"]))
    listed = desk.open_groups(turn.now)
    unhelpful = [group for group in listed if entry_id in group.unhelpful_entries]
    with desk.service.edit_lock:
        result = edit_entry(desk.service.folder, entry_id, change, content_checks(desk.services),
                            known=desk.service.current.kb)
        _refuse(result)
        store.keep_aside(desk.services.storage, turn.user_id, KEPT, None, turn.now)
        if result.unchanged:
            return [Reply(kind="notice", text=f"`{entry_id}` already says that: nothing to change.")]
        reload = desk.service.reload(told=False)
    record_trail(desk.services.storage, turn.user_id, "kb.edit",
                 {"entry": entry_id, "file": result.file, "field": change.field, "reloaded": reload.ok}, at=turn.now)
    live = f"{count_of(reload.entries, 'entry', 'entries')} {agreeing(reload.entries, 'is', 'are')} live"
    given = _given(desk, listed, entry_id)
    told = unanswered_also.offer(desk, turn, [*unanswered_also.left(desk, unhelpful, turn.now), *given], entry_id,
                                 f"was marked Not helpful on `{entry_id}`, which you have now changed", updated=True,
                                 whys={group.key: why for group, why in given.items()})
    return [Reply(text=f"Changed the {SAID[change.field]} of `{entry_id}` in `{result.file}` and reloaded: {live}."
                       + moved_said(reload)),
            *told]


def _given(desk: UnansweredDesk, listed: list[QuestionGroup], entry_id: str) -> dict[QuestionGroup, str]:
    """The listed groups answered by `entry_id` without a fact it now gives (trial 48 F4: the lacks check run again
    on the changed answer), each with why it is named. They stay listed until sent or closed: an edit tells no one."""
    live = desk.service.current
    entry = live.kb.entries.get(entry_id)
    if entry is None:
        return {}
    given = {group: lacking_given(group, entry, live.search.spelling) for group in listed}
    return {group: f"lacked {kind.named} on `{entry_id}`, which now gives it" for group, kind in given.items()
            if kind is not None and lacked(group, entry, live.search.spelling) is None}


def keep(desk: UnansweredDesk, turn: Turn, entry_id: str) -> list[Reply]:
    """No: nothing written, and the change no longer kept."""
    store.keep_aside(desk.services.storage, turn.user_id, KEPT, None, turn.now)
    return [Reply(kind="notice", text=f"OK: `{entry_id}` is unchanged; nothing was written.")]


def install(engine: Engine, desk: UnansweredDesk) -> None:
    """Register the change's Yes and No."""
    confirmations.add_answers(engine, desk.services,
                              (EDIT_CONFIRM, lambda turn, value: confirm(desk, turn, value)),
                              (EDIT_KEEP, lambda turn, value: keep(desk, turn, value)))
