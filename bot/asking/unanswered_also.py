"""Groups an entry change takes off the unanswered list, told to the QA lead with one word to send the entry.

Trial 44 F5: `kb new 10 …` made an entry that also answered #20's wording, and #20 left the list with its asker
never told. F7: `kb edit delegated-authority …` changed an entry marked Not helpful in #19, and its asker heard
nothing. A group leaves the list by itself once the knowledge base answers it (bot.asking.unanswered), so after a
new entry, a link or an edit the groups that left are named, with how many people asked, and *Send it to them*
(or `send` typed next) DMs them the entry and closes them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.core import buttons
from bot.core.policy import may_keep_knowledge
from bot.core.replies import Choice, Reply, count_of
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage.asks import sent_entry

if TYPE_CHECKING:
    from bot.asking.unanswered import QuestionGroup, UnansweredDesk

SEND = "kb.unanswered.send_entry"
WORDS = ("send", "send it", "send them", "tell them", "send it to them")
HINT = "type `/audit kb unanswered` for the current list"


def left(desk: UnansweredDesk, before: list[QuestionGroup], now: datetime, closed: int | None = None
         ) -> list[QuestionGroup]:
    """The groups of `before` no longer on the list (other than the one the QA lead closed)."""
    still = {group.key for group in desk.open_groups(now)}
    return [group for group in before if group.key not in still and group.key != closed]


def finding(desk: UnansweredDesk, groups: list[QuestionGroup], entry_id: str) -> list[QuestionGroup]:
    """Those of `groups` whose wording now finds `entry_id` outright."""
    search = desk.service.current.search
    found = []
    for group in groups:
        result = search.search(group.wording)
        if result.outcome == "answer" and result.answer is not None and result.answer.entry_id == entry_id:
            found.append(group)
    return found


def offer(desk: UnansweredDesk, turn: Turn, groups: list[QuestionGroup], entry_id: str, why: str,
          updated: bool = False, whys: dict[int, str] | None = None) -> list[Reply]:
    """The groups `why` ("is answered by your new entry too"; a group's own in `whys`, by its number) named, each
    with its askers, and one button (or `send` typed next) sending them `entry_id`. Nothing when there are none."""
    if not groups:
        return []
    lines = [f"#{group.key} “{group.wording}” {(whys or {}).get(group.key, why)}: "
             f"{count_of(len(group.askers), 'person', 'people')}, not told." for group in groups]
    value = f"{entry_id}:{','.join(str(group.key) for group in groups)}{':updated' if updated else ''}"
    return [confirmations.offer(desk.services, turn, Reply(
        kind="question", text="\n".join(lines),
        choices=(Choice("Send it to them", SEND, value, "primary"),),
        note=f"Type `send` (or press Send it to them) to DM them `{entry_id}` and close "
             f"{'it' if len(groups) == 1 else 'them'}; otherwise they are not told."), words=WORDS)]


def send(desk: UnansweredDesk, turn: Turn, value: str) -> list[Reply]:
    """*Send it to them*: each named group's askers get the entry by DM, and the group closes."""
    if not may_keep_knowledge(turn.person):
        raise UserError("Unanswered questions are kept by QA leads and admins.")
    entry_id, _, rest = value.partition(":")
    keys, _, updated = rest.partition(":")
    opening = "A QA lead has updated the answer to" if updated else "A QA lead found the answer to"
    entry = desk.service.current.kb.entries.get(entry_id)
    if entry is None:
        raise UserError(f"`{entry_id}` is not in the knowledge base now, so nothing was sent; {HINT}.")
    said = []
    found = {key: desk.unclosed(turn.now, key)
             for key in (buttons.record_id(part, HINT) for part in keys.split(",") if part)}
    everyone = [asker for group in found.values() if group for asker in group.askers]
    # sent it with the new entry or the link already, this question named in it (trial 50, #9): not sent again
    sent = sent_entry(desk.services.storage, everyone, entry_id) if not updated else frozenset()
    groups: dict[str, list[QuestionGroup]] = {}  # each person's groups: one DM naming all their questions
    for key, group in found.items():
        if group is None:
            said.append(f"#{key} was already closed")
            continue
        askers = [asker for asker in group.askers if asker not in group.picked(entry_id)]
        had = [asker for asker in askers if asker in sent]
        for asker in askers:
            if asker not in sent:
                groups.setdefault(asker, []).append(group)
        desk.close_group(turn, group, "linked", entry_id, {"people": len(askers)})
        already = f" ({count_of(len(had), 'person', 'people')} had it already)" if had else ""
        said.append(f"sent `{entry_id}` to {count_of(len(askers) - len(had), 'person', 'people')} of #{key}"
                    f"{already}; it is closed")
    replies = [desk.entry_dm(asker, mine[0], entry, opening, also=mine[1:]) for asker, mine in groups.items()]
    text = "; ".join(said)
    return [*replies, Reply(text=text[:1].upper() + text[1:] + ".")]


def install(engine: Engine, desk: UnansweredDesk) -> None:
    """Register *Send it to them*, answered by its button or `send` typed next."""
    confirmations.add_answers(engine, desk.services, (SEND, lambda turn, value: send(desk, turn, value)))
