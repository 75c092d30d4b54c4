"""`/audit kb learned` and its Reject buttons: QA leads see what the bot learned from use, and undo it.

Each learned wording is shown with its entry, who used (or linked) it and when, and which entry its words find
today when that is another (or none); Reject stops it being searched, is kept in the trail, and a later pick of
the same wording does not bring it back. Accept is refused, as Link to an entry is, for a wording another entry
already finds (bot.asking.shared_wording).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from functools import partial

from bot.asking import learning
from bot.core import buttons, policy
from bot.core.markup import bold, emoji, mention
from bot.core.replies import Choice, Reply, count_of
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import Finding, describe
from bot.storage import learned as store
from knowledge.dates import short_date
from knowledge.entries import Entry, wording_key

MAX_SHOWN = 15
HINT = "type `/audit kb learned` to see the learned wordings again"
RESTORE = "kb.learned.restore"
UNDO_WORDS = ("undo", "undo it", "undo that")  # typed straight after a Reject (`restore` alone lists cancelled audits)
HOW = {"picked": "picked from Did you mean… by", "linked": "linked by"}
TODAY_WITHOUT_ANSWER = {"ambiguous": "no entry outright (people get “Did you mean…”)",
                        "none": "no entry (people get “I don't know that yet”)"}


def learned_list(services: Services, turn: Turn) -> list[Reply]:
    """The active learned wordings, newest first, each with its entry, who and when, what it finds today when that
    is not its entry, and Accept (unless accepting it would be refused) and Reject buttons."""
    items = store.active(services.storage)
    if not items:
        return [none_waiting(services)]
    tz = services.settings.timezone
    entries = services.live_knowledge().current.kb.entries
    lines, choices, told = [], [], False
    for item in items[:MAX_SHOWN]:
        entry = entries.get(item.entry_id)
        where = f"`{item.entry_id}`" + (f" ({entry.question})" if entry else " (not in the knowledge base now)")
        held = learning.identifying(item.wording, services)
        done = entry is not None and already_written(entry, item.wording)
        lines.append(f"#{item.id} {shown(item, held)} → {where}: {HOW.get(item.source, item.source)} "
                     f"{mention(item.user_id)}, {_when(item.learned_at.astimezone(tz))}; "
                     + (f"done: {ALREADY}, so it finds its entry for everyone (accept takes it off this list, "
                        "writing nothing)" if done else trust(item)))
        if held:
            lines.append(f"   {emoji('warning')} It holds {describe(held)}, so it can't be accepted: reject it.")
            told = True
        note, acceptable = finds_today(services, item) if entry and not held else ("", not held)
        if note:
            lines.append(f"   {emoji('warning')} {note}")
            told = True
        if acceptable:
            choices.append(Choice(f"Accept wording #{item.id}", "kb.learned.accept", str(item.id), style="primary"))
        choices.append(Choice(f"Reject wording #{item.id}", "kb.learned.reject", str(item.id)))
    more = len(items) - MAX_SHOWN
    return [Reply(title="Learned wordings",
                  text=f"{count_of(len(items), 'wording')} learned from use, newest first; "
                       f"each now finds its entry{', except where said' if told else ''}:\n" + "\n".join(lines),
                  choices=tuple(choices),
                  note=(f"{more} more not shown. " if more > 0 else "")
                  + "Accept one to write it into its entry's alternatives in the knowledge-base files; "
                  "reject one that finds the wrong entry: it stops being searched (Undo brings it back). Or type "
                  f"`accept {items[0].id}` / `reject {items[0].id}` with the wording's number.")]


ALREADY = "already one of its alternatives in the knowledge-base files (written by a link or `kb edit`)"


def already_written(entry: Entry, wording: str) -> bool:
    """Whether a learned wording is already the entry's question or one of its alternatives in the files (trial 44
    F6: after `kb link 27 core-group-timescale` wrote it there, it was still listed as "one pick, not yet trusted",
    and Accept claimed to write it)."""
    return wording_key(wording) in {wording_key(text) for text in (entry.question, *entry.alternatives)}


def trust(item: store.Learned) -> str:
    """Whether a learned wording answers everyone (trusted) or only the person who picked it (trial 41: one tap on a
    wrong suggestion changed the answer for everyone): a QA lead's Accept or link trusts a pick."""
    if item.source == "linked":
        return "trusted"
    if item.trusted_by is not None:
        how = "linked" if item.trusted_how == "linked" else "also picked"
        return f"trusted: {how} by {mention(item.trusted_by)}"
    return ("one pick, not yet trusted (answered outright only for them; others see it first among "
            "“Did you mean…” until a second person picks it, or you accept it)")


def shown(item: store.Learned, held: list[Finding]) -> str:
    """A learned wording as quoted to a QA lead: not its words when they hold what the screen refuses."""
    return f"(wording not shown: it holds {describe(held)})" if held else f"_{item.wording}_"


def none_waiting(services: Services) -> Reply:
    """No wording waits for review: what became of those learned so far, or that none was learned yet. Trial 12:
    after accepting the only wording, "has learned no wordings yet" read as if the accept was lost."""
    how = ("When someone picks an entry from **Did you mean…** and does not mark it Not helpful, the words they "
           "asked in are listed here and find that entry: outright for them, and for everyone once a second person "
           "picks it or you accept it.")
    dealt = store.dealt_with(services.storage)
    said = [f"{dealt['accepted']} accepted (written into its entry's alternatives)" if dealt["accepted"] == 1 else
            f"{dealt['accepted']} accepted (written into their entries' alternatives)",
            f"{dealt['rejected']} rejected", f"{dealt['withdrawn']} withdrawn after Not helpful",
            f"{dealt['screened']} withdrawn by the identifier screen"]
    said = [part for part, count in zip(said, dealt.values(), strict=True) if count]
    if not said:
        return Reply(title="Learned wordings", text=f"The knowledge base has learned no wordings yet. {how}")
    listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    return Reply(title="Learned wordings", text=f"No learned wordings wait for your review: {listed} so far. {how}")


def finds_today(services: Services, item: store.Learned) -> tuple[str, bool]:
    """What asking in a learned wording finds today when that is not its own entry ("" when it is), and whether
    Accept may be offered: not for a wording another entry already finds, which the same rule as Link to an
    entry refuses. A user trial: a wording another entry had come to answer was listed as finding its own, and
    accepting it left the question answered by neither."""
    search = services.live_knowledge().current.search
    if search.wording_entry(item.wording) == item.entry_id:  # it repeats its entry's wording: answered with it
        return "", True
    result = search.search(item.wording)
    today = result.answer.entry_id if result.outcome == "answer" and result.answer else None
    if today == item.entry_id:
        return "", True
    said = f"`{today}` ({result.answer.question})" if today and result.answer else \
        TODAY_WITHOUT_ANSWER.get(result.outcome, TODAY_WITHOUT_ANSWER["none"])
    found = learning.found_elsewhere(services, item)
    if found is None:
        if result.outcome == "ambiguous" and not item.trusted:  # as its line says: "Did you mean…" till trusted
            return "", True
        return f"Asked in these words today, it finds {said}, not `{item.entry_id}`.", True
    also = "" if today == found.entry.id else f" (asked in these words today, it finds {said})"
    return (f"This wording {found.finds_neither(item.entry_id)}{also}, so it can't be accepted: reject it, or "
            f"{found.undo}."), False


Decide = Callable[[Services, int, str, datetime], "store.Learned | None"]


def _decide(services: Services, turn: Turn, value: str, verb: str, decide: Decide) -> store.Learned | None:
    """The shared part of Accept and Reject: who may, which wording (a bad value is a stale button), then do it."""
    if not policy.may_keep_knowledge(turn.person):
        raise UserError(f"Only QA leads and admins can {verb} a learned wording.")
    return decide(services, buttons.record_id(value, HINT), turn.user_id, turn.now)


def not_done(services: Services, learned_id: int, verb: str) -> Reply:
    """Why a wording could not be accepted, rejected or restored, in words: no such number ("There is no learned
    wording #99", as `kb dismiss 999` says of a question), or what became of it (trial 8: a number that never
    existed was told "no longer learned (already accepted, rejected or withdrawn)")."""
    item = store.get(services.storage, learned_id)
    number = f"Wording #{learned_id}"
    if item is None:
        said = (f"{number} was already accepted: it is one of its entry's alternatives in the knowledge-base files"
                if store.was_accepted(services.storage, learned_id) else f"There is no learned wording #{learned_id}")
    elif item.status == "active":
        said = (f"{number} is not rejected: it already finds `{item.entry_id}`" if verb == "restore" else
                f"{number} was changed by someone else just now")
    elif item.rejected_why == "qa_lead":
        said = {"reject": f"{number} is already rejected (type `/audit kb restore {learned_id}` to undo that)",
                "accept": f"{number} was rejected: restore it first with `/audit kb restore {learned_id}` if it "
                          "should be accepted",
                "restore": f"{number} cannot be restored: the same wording finds `{item.entry_id}` again, learned "
                           "since"}[verb]
    elif item.rejected_why == "screen":
        said = f"{number} was withdrawn by the identifier screen (it may identify a child), so it can't be {verb}d" \
            if verb != "reject" else f"{number} was already withdrawn by the identifier screen"
    else:
        said = f"{number} was withdrawn when its answer was marked Not helpful, so it can't be {verb}d" \
            if verb != "reject" else f"{number} was already withdrawn when its answer was marked Not helpful"
    return Reply(text=f"{said}; {HINT}.")


def _screened(services: Services, reason: str) -> str:
    """The QA lead's reason as it may be kept: nothing when the identifier screen finds anything in it."""
    return reason if reason and not services.identifier_screen.find(reason) else ""


def _reason_said(reason: str, kept: str) -> str:
    """What became of the words typed after the wording's number (none typed: nothing said)."""
    return "" if not reason else f" Your reason, _{kept}_, is kept in the trail." if kept else \
        " Your reason was not kept: it may identify a child or family."


def reject_action(services: Services, turn: Turn, value: str, reason: str = "") -> list[Reply]:
    """`kb.learned.reject`: value is the learned wording's id; `reason`, what the QA lead typed after the number
    (`reject 3 wrong entry`), kept in the trail unless the identifier screen refuses it."""
    kept = _screened(services, reason)
    rejected = _decide(services, turn, value, "reject", partial(learning.reject, reason=kept))
    if rejected is None:
        return [not_done(services, buttons.record_id(value, HINT), "reject")]
    said = _reason_said(reason, kept)
    return [confirmations.offer(services, turn, Reply(
        text=f"Rejected #{rejected.id}: {_quoted(services, rejected)} no longer finds `{rejected.entry_id}`, and "
             f"will not be learned again from a pick.{said}",
        choices=(Choice(f"Undo: restore #{rejected.id}", RESTORE, str(rejected.id)),),
        note=f"Rejected by mistake? Type `undo`, press Undo, or type `/audit kb restore {rejected.id}`."),
        words=UNDO_WORDS)]


def restore_action(services: Services, turn: Turn, value: str, reason: str = "") -> list[Reply]:
    """`kb.learned.restore`: undo a Reject; the wording is searched again. `reason` (`restore 3 my mistake`) is kept
    in the trail as a reject's is."""
    kept = _screened(services, reason)
    restored = _decide(services, turn, value, "restore", partial(learning.restore, reason=kept))
    if restored is None:
        return [not_done(services, buttons.record_id(value, HINT), "restore")]
    return [Reply(text=f"Restored #{restored.id}: {_quoted(services, restored)} finds `{restored.entry_id}` again."
                       f"{_reason_said(reason, kept)}")]


def _quoted(services: Services, item: store.Learned) -> str:
    held = learning.identifying(item.wording, services)
    return "the wording" if held else bold(item.wording)


def accept_action(services: Services, turn: Turn, value: str, reason: str = "") -> list[Reply]:
    """`kb.learned.accept`: value is the learned wording's id; the wording moves into the YAML. `reason` (`accept 3
    right entry`) is kept in the trail as a reject's is."""
    item = store.get(services.storage, buttons.record_id(value, HINT))
    entry = services.live_knowledge().current.kb.entries.get(item.entry_id) if item else None
    written_before = entry is not None and item is not None and already_written(entry, item.wording)
    kept = _screened(services, reason)
    accepted = _decide(services, turn, value, "accept", partial(learning.accept, reason=kept))
    if accepted is None:
        return [not_done(services, buttons.record_id(value, HINT), "accept")]
    said = _reason_said(reason, kept)
    if written_before:
        return [Reply(text=f"Wording #{accepted.id}, {bold(accepted.wording)}, was already one of the alternatives of "
                           f"`{accepted.entry_id}` in the knowledge-base files (written by a link or `kb edit`): "
                           f"nothing was written, and it leaves the learned list.{said}")]
    return [Reply(text=f"Accepted: {bold(accepted.wording)} is now one of the alternatives of `{accepted.entry_id}` "
                       f"in the knowledge-base files, and the knowledge base was reloaded.{said}")]


TYPED = {"accept": accept_action, "reject": reject_action, "restore": restore_action}
TYPED_WORDING = re.compile(r"(accept|reject|restore)\s+(?:wording\s+)?#?(\d+)", re.IGNORECASE)
# "reject 1 wrong entry", "reject 3 - thats wrong": run as `reject 1` is, the reason kept (trial 51, F22: it was
# offered as "Did you mean `kb reject 1`?", the reason dropped); not "reject 3 and 4". `accept 3 <reason>` and
# `restore 3 <reason>` the same (trial 52, fix57b: they still got "Did you mean")
WITH_REASON = re.compile(r"(?P<word>accept|reject|restore)\s+(?:wording\s+)?#?(?P<number>\d{1,9})\s*[-:,–—]?\s+"
                         r"(?!(?:and\s+|&\s*|,\s*)?#?\d)(?P<reason>\S.*)", re.IGNORECASE | re.DOTALL)


def with_reason(text: str) -> tuple[str, int, str] | None:
    """("accept", 3, "right entry") for `accept 3 - right entry`; None when the text is not a verb, one number and
    words (two numbers, `reject 3 and 4`, are not one with a reason)."""
    found = WITH_REASON.fullmatch(text.strip())
    number = buttons.typed_id(found.group("number")) if found is not None else None
    if found is None or number is None:
        return None
    return found.group("word").lower(), number, " ".join(found.group("reason").split())


def typed(services: Services, turn: Turn, word: str, rest: str) -> list[Reply]:
    """`/audit kb accept 12`, `reject 12`, `restore 12`: the wording's number from `/audit kb learned`."""
    reasoned = with_reason(f"{word} {rest.strip()}")
    if reasoned is not None:  # `/audit kb reject 3 wrong entry`: the reason kept, as typed without `/audit kb`
        verb, number, reason = reasoned
        return TYPED[verb](services, turn, str(number), reason)
    alone = buttons.typed_id(rest.strip().lstrip("#"))
    if alone is None:
        raise UserError(f"Say which wording with its number from `/audit kb learned`, like `/audit kb {word} 12`.")
    return TYPED[word](services, turn, str(alone))


def typed_message(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`accept 12` / `reject 12` typed in a DM or the terminal by a QA lead or admin, as after `kb learned`;
    anyone else's words (and anything more) go on to be asked as a question."""
    found = TYPED_WORDING.fullmatch(text.strip())
    if not policy.may_keep_knowledge(turn.person):
        return None
    if found is None and (reasoned := with_reason(text)) is not None:
        verb, number, reason = reasoned
        return TYPED[verb](services, turn, str(number), reason)
    if found is None:
        return None
    return typed(services, turn, found.group(1).lower(), found.group(2))


def install(engine: Engine, services: Services) -> None:
    engine.add_action("kb.learned.accept", lambda turn, value: accept_action(services, turn, value))
    engine.add_action("kb.learned.reject", lambda turn, value: reject_action(services, turn, value))
    confirmations.add_answers(engine, services, (RESTORE, lambda turn, value: restore_action(services, turn, value)))
    engine.add_message_handler(lambda turn, text: typed_message(services, turn, text), priority=85)
    engine.add_typed_shortcut(TYPED_WORDING)  # `accept 12 thanks` is `accept 12`


def _when(local: datetime) -> str:
    """When a wording was learned, as the bot writes a date in a list: '4 Jun 2027 10:00', never '04 Jun'."""
    return f"{short_date(local.date())} {local:%H:%M}"
