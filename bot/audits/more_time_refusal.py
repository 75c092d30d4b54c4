"""The reason for saying no to more time on an action (bot.audits.more_time_answer): typed with the no
(`no more time on action 110 - needs doing before the review`), or asked for once after *Say no*.

Fix 34: *Say no* took no reason, so the worker learnt only "no". Now the button asks why, as the next line typed
(`skip` says no without one, `cancel` leaves the request unanswered), and the worker's message carries the reason,
screened for identifiers like any free text (bot.privacy). A whole command typed instead runs, and the no is not sent
(the reply says so), as after a button pressed or an `/audit` command; the request's buttons still answer it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.audits import more_time_answer, more_time_buttons
from bot.audits.action_status import typed_id
from bot.core.action_named import action_named
from bot.core.replies import Reply, error
from bot.core.services import Services
from bot.engine.near_miss import is_command_line
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import typed_command
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import more_time as requests

KEY = "more_time_refusing"  # the action whose no waits for its reason, beside the conversation
REQUEST = "more_time_refusing_request"  # and the number of the request *Say no* was pressed for (m360)
PRIORITY = 13  # after `help` (10) and a typed *Answer* (12); before a Yes-or-No (15) or an audit's step (20)
SKIP = re.compile(r"^\s*(?:skip|no\s+reason|none|n/a|pass|-)\s*[.!]?\s*$", re.IGNORECASE)
CANCEL = re.compile(r"^\s*(?:cancel|stop|never\s*mind|leave\s+it|not\s+now)\s*[.!]?\s*$", re.IGNORECASE)
# "no - needs doing before the review": the no said again before the reason
SAID_NO = re.compile(r"^\s*(?:no|nope|say\s+no|sorry)\s*(?:[,:;.–—-]\s*|\s+(?=because|as|since))", re.IGNORECASE)


def waiting_for(services: Services, user_id: str) -> int | None:
    """The action whose no this person's next typed line gives the reason for, if they pressed *Say no*."""
    key = store.conversation(services.storage, user_id).get(KEY)
    return key if isinstance(key, int) and not isinstance(key, bool) else None


def _stop_waiting(services: Services, turn: Turn) -> None:
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    store.keep_aside(services.storage, turn.user_id, REQUEST, None, turn.now)


def on_refuse(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Say no*: checked as the no itself is (who may answer, the action still open), then the reason asked for."""
    action_id = typed_id(value)
    action, _, _ = more_time_answer.answerable(services, turn, action_id)
    store.keep_aside(services.storage, turn.user_id, KEY, action.id, turn.now)
    asked = requests.latest(services.storage, action.id)
    store.keep_aside(services.storage, turn.user_id, REQUEST, asked.number if asked else None, turn.now)
    owner = services.directory.label(action.owner_id)
    return [Reply(text=f"Why no? Type the reason in a line and I'll send it to {owner} with your answer, so they "
                       f"know what to do (for example _needs doing before the review_), or `skip` to say no "
                       "without one.", prompt=f"Why no more time on {action_named(action)}",
                  note=f"`cancel` leaves action {action.id}'s request unanswered.")]


def typed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The line typed after *Say no*: the reason, sent with the no; `skip` says no without one; `cancel` sends
    nothing; a whole command runs and the no is not sent. None when no reason is waited for."""
    action_id = waiting_for(services, turn.user_id)
    if action_id is None:
        return None
    if CANCEL.match(text):
        _stop_waiting(services, turn)
        action = action_store.get_action(services.storage, action_id)
        named = action_named(action) if action is not None else f"action {action_id}"
        return [Reply(text=f"OK, nothing was sent: the request for more time on {named} is still unanswered, and "
                           "its buttons still answer it.")]
    if is_command_line(text, engine.typed_shapes):
        _stop_waiting(services, turn)
        action = action_store.get_action(services.storage, action_id)
        named = action_named(action) if action is not None else f"action {action_id}"
        note = Reply(kind="notice", text=f"I took that as a command, so your no to more time on {named} "
                                         f"was not sent: type `no more time on action {action_id} - <why>` to send "
                                         "it.")
        return [note, *(typed_command(engine, turn, text) or [])]
    reason = None if SKIP.match(text) else SAID_NO.sub("", text).strip() or None
    if reason is not None:
        try:
            screen_text(reason, services.identifier_screen, "that reason")
        except UserError as refused:  # asked again, as a form stays open with the mistake beside it
            return [error(f"{refused} Type the reason again, `skip` to say no without one, or `cancel`.")]
    replaced = _replaced_meanwhile(services, turn, action_id)
    _stop_waiting(services, turn)  # the request answered, or (done, removed meanwhile) not to be answered
    return replaced or more_time_answer.refuse(services, turn, action_id, reason)


def _replaced_meanwhile(services: Services, turn: Turn, action_id: int) -> list[Reply] | None:
    """The owner withdrew the request and made another while the reason was typed: the no is not sent to the new
    one (session 38), as an old *Say no* pressed would not be; None when it is still the one pressed for."""
    number = store.conversation(services.storage, turn.user_id).get(REQUEST)
    if not isinstance(number, int) or isinstance(number, bool):
        return None
    return more_time_buttons.replaced(services, more_time_buttons.Pressed(action_id, "", number))


def drop_on_press(services: Services, turn: Turn,
                  typed_text: str | None) -> Callable[[list[Reply]], list[Reply]] | None:
    """Before a button press or an `/audit` command: the reason is no longer waited for (*Say no* asks again)."""
    if typed_text is None and waiting_for(services, turn.user_id) is not None:
        _stop_waiting(services, turn)
    return None


def install(engine: Engine, services: Services) -> None:
    """Register the reason typed after *Say no*, and its end on any button or command."""
    engine.add_message_handler(lambda turn, text: typed(engine, services, turn, text), priority=PRIORITY)
    engine.add_turn_watch(lambda turn, typed_text: drop_on_press(services, turn, typed_text))
