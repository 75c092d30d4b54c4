"""A date typed where an action's new owner goes (fix52e, fix53d): `give action 2 to 15/1` and, trial 50, the command
form `action 2 owner 15/1`, which was still "I don't know that person" (or "I don't know “15/1”" with three people
offered). Both now say the date is not a person, read it back, and give the due-date command to type instead, with
the way to hand the action over as it was asked (`hand action 2 to` in words, `action 2 owner` as a command)."""

from __future__ import annotations

from datetime import date

from bot.audits import action_owners
from bot.audits.action_fields import action_due
from bot.audits.flow import AnswerError
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage.audits import AuditRow
from knowledge.dates import DateError, long_date, parse_day


def date_instead(services: Services, turn: Turn, audit: AuditRow, action: action_store.ActionRow,
                 who: str, as_command: bool = False) -> Reply | None:
    """`give action 2 to 15/1` (or, `as_command`, `action 2 owner 15/1`): the "person" is nobody of the case's and
    reads as a date, so the due-date command is given, with the date read back (or why it can't be the due date);
    None when `who` is someone or no date."""
    try:
        action_owners.resolve(services, audit, who, turn.user_id)
        return None
    except UserError:
        pass
    today = turn.now.astimezone(services.settings.timezone).date()
    try:
        parse_day(who, today, "any")
    except DateError:
        return None
    now_due = long_date(date.fromisoformat(action.due_date))
    command = f"`action {action.id} due {who}`"
    try:
        read = f"reads as a date, {long_date(action_due(services, turn, who))}, not a person"
    except AnswerError as error:
        read = f"reads as a date, not a person ({error})"
    hand = f"`action {action.id} owner`" if as_command else f"`hand action {action.id} to`"
    return Reply(text=f"“{who}” {read}, so nothing changed. To make it the due date of action {action.id} "
                      f"(_{action.description}_, due {now_due} now), type {command}. To give the action to someone, "
                      f"type {hand} and their name.")
