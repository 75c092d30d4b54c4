"""The values on a request for more time's buttons, and the reply to one pressed after its request was replaced.

Session 38: *Say no* carried only the action's number, so an old button pressed while a newer request waited on the
same action answered the newer one; *Approve the new date* only checked the day. Each request is numbered on its
action (bot.storage.more_time, m360) and both buttons carry that number: `<action>:<request>` for *Say no*,
`<action>:<ISO date>:<request>` for *Approve the new date*. A button whose number is not the latest request's says
that request was already answered or replaced, and what waits now, and changes nothing. Values from buttons sent
before the numbering (`<action>`, `<action>:<ISO date>`) are read as before.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from bot.core import buttons, more_time_said
from bot.core.action_named import action_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from knowledge.dates import short_date

HINT = "type `my actions` to see the requests for more time that wait for you"


class Pressed(NamedTuple):
    """What a button names: its action, the day it gives ("" for *Say no*), and its request's number (None on a
    button sent before requests were numbered)."""

    action_id: int
    day: str
    request: int | None


def give_value(action_id: int, until: date, request: int | None) -> str:
    """*Approve the new date*'s value."""
    day = f"{action_id}:{until.isoformat()}"
    return day if request is None else f"{day}:{request}"


def refuse_value(action_id: int, request: int | None) -> str:
    """*Say no*'s value."""
    return str(action_id) if request is None else buttons.encode_id_and_key(action_id, str(request))


def read_give(value: str) -> Pressed | None:
    """*Approve the new date*'s value read; None for one sent before requests were numbered (read as before)."""
    parts = value.split(":")
    if len(parts) != 3:
        return None
    return Pressed(buttons.record_id(parts[0], HINT), parts[1], buttons.record_id(parts[2], HINT))


def read_refuse(value: str) -> Pressed | None:
    """*Say no*'s value read; None for one sent before requests were numbered (read as before)."""
    number, separator, request = value.partition(":")
    if not separator:
        return None
    return Pressed(buttons.record_id(number, HINT), "", buttons.record_id(request, HINT))


def replaced(services: Services, pressed: Pressed) -> list[Reply] | None:
    """The reply to a button whose request is not the action's latest: answered or replaced, nothing changed, and
    the request that waits now named (or that none does); None when the button is the latest request's."""
    action = action_store.get_action(services.storage, pressed.action_id)
    asked = requests.latest(services.storage, pressed.action_id) if action is not None else None
    if action is None or asked is None or asked.number == pressed.request:
        return None
    stays = f"Nothing changed: it stays due {short_date(action.due_date)}."
    said = (f"That button is from an earlier request for more time on {action_named(action)}, which was already "
            "answered or replaced.")
    if more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        return [Reply(kind="notice", text=f"{said} No request waits for an answer on it now. {stays}")]
    owner = services.directory.label(action.owner_id)
    when = short_date(asked.at.astimezone(services.settings.timezone).date(), year=False)
    wants = f"asks for {short_date(asked.until)}" if asked.until else "names no day"
    typed = (f"`action {action.id} due {date.fromisoformat(asked.until).day}/{date.fromisoformat(asked.until).month}`"
             if asked.until else f"`action {action.id} due <date>`")
    return [Reply(kind="notice", text=f"{said} {owner}'s request waiting now, sent {when}, {wants}: use its buttons, "
                                      f"or type {typed} to give it or `no more time on action {action.id}` to say no. "
                                      f"{stays}")]
