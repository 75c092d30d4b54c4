"""Removing an unanswered question's text because it identifies someone: a QA lead's "Remove (identifies someone)"
on a group of `/audit kb unanswered`, or `/audit kb remove N` (N a group's number, or any stored question's number,
answered or closed already). Dismiss only closes a question and keeps its text; this replaces the text of every
question in the group, and of the wordings learned from them, with "[removed by <name> on 3 Dec 2026: may identify
a child]" (bot.storage.redaction), after a Yes, since it cannot be undone. The trail keeps who and which, never
the text.

Buttons: kb.unanswered.remove / remove_confirm / remove_keep "<question id>".
"""

from __future__ import annotations

from bot.asking.unanswered import REMOVE, STALE_HINT, UnansweredDesk
from bot.core import buttons
from bot.core.policy import may_keep_knowledge
from bot.core.replies import Choice, Reply
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.privacy.removal import is_removed, removal_marker
from bot.storage import asks as ask_store
from bot.storage import redaction as redaction_store
from knowledge.dates import short_date

REMOVE_CONFIRM, REMOVE_KEEP = "kb.unanswered.remove_confirm", "kb.unanswered.remove_keep"


def _questions(desk: UnansweredDesk, turn: Turn, key: int) -> list[tuple[int, str]]:
    """The questions `key` names (its open group, or that one stored question), each with its wording."""
    if not may_keep_knowledge(turn.person):
        raise AccessDenied("Removing a question's text is for QA leads and admins. Ask them if one could identify "
                           "someone.")
    for group in desk.open_groups(turn.now):
        if any(ask.ask_id == key for ask in group.asks):
            return [(ask.ask_id, ask.query) for ask in group.asks]
    ask = ask_store.get_ask(desk.services.storage, key)
    if ask is None:
        raise UserError(f"There is no question #{key}; type `/audit kb unanswered` to see the list.")
    if is_removed(ask.query):
        raise StaleAction(f"The text of #{key} was already removed: it reads “{ask.query}”. Nothing changed.")
    return [(ask.id, ask.query)]


def ask(desk: UnansweredDesk, turn: Turn, key: int) -> list[Reply]:
    """Yes or No, with every wording that goes shown (a group's too: a trial QA lead saw one of three), since the
    text is gone for good once removed."""
    questions = _questions(desk, turn, key)
    marker = _marker(desk, turn)
    if len(questions) == 1:
        said = (f"Remove the text of question #{key} for good?\n“{questions[0][1]}”\nIt will read “{marker}” and "
                "leave the list.")
    else:
        wordings = "\n".join(f"• #{ask_id}: “{wording}”" for ask_id, wording in questions)
        said = (f"Remove the text of these {len(questions)} questions (#{key} and those worded like it) for good?\n"
                f"{wordings}\nEach will read “{marker}” and leave the list.")
    value = buttons.encode_record(key)
    return [confirmations.ask(desk.services, turn, Reply(
        kind="question", text=f"{said} This cannot be undone.",
        choices=(Choice("Yes, remove it", REMOVE_CONFIRM, value, "danger"), Choice("No, keep it", REMOVE_KEEP,
                                                                                   value))),
        not_yet=confirmations.REMOVAL_NOT_YET)]


def _marker(desk: UnansweredDesk, turn: Turn) -> str:
    day = short_date(turn.now.astimezone(desk.services.settings.timezone).date())
    return removal_marker(desk.services.directory.label(turn.user_id), day)


def confirm(desk: UnansweredDesk, turn: Turn, key: int) -> list[Reply]:
    """Yes: the texts replaced, the questions closed, the trail told which (never what)."""
    ids = [ask_id for ask_id, _ in _questions(desk, turn, key)]
    removed = redaction_store.redact_asks(desk.services.storage, ids, _marker(desk, turn), turn.user_id, turn.now,
                                          {"group": key})
    if not removed:
        raise StaleAction(f"The text of #{key} was already removed. Nothing changed.")
    which = f"question #{key}" if removed == 1 else f"{removed} questions (#{key} and those worded like it)"
    return [Reply(text=f"Removed the text of {which}: it is no longer stored, and the removal is in the "
                       "trail without it. Messages Slack already showed are not changed: delete them in Slack if "
                       "they hold it.")]


def install(engine: Engine, desk: UnansweredDesk) -> None:
    """Register the Remove button and its Yes and No."""
    engine.add_action(REMOVE, lambda turn, value: ask(desk, turn, buttons.record_id(value, STALE_HINT)))
    confirmations.add_answers(
        engine, desk.services,
        (REMOVE_CONFIRM, lambda turn, value: confirm(desk, turn, buttons.record_id(value, STALE_HINT))),
        (REMOVE_KEEP, lambda turn, value: [Reply(kind="notice", text=f"OK: #{buttons.record_id(value, STALE_HINT)} "
                                                                     "is kept as it is. Nothing was removed.")]))
