"""The auditor told when an action they set is marked done, and when it is reopened the same day (fix 37).

An auditor set actions and heard nothing more: they learned an action was done only by looking. Now whoever marks it
done (its owner, or a manager for them) sends the auditor a short DM: the action's number and case, what it was, the
done note (screened when it was typed, bot.audits.done_note) and who marked it, with Reopen. When the auditor has left
(no longer in teams.yaml) the owner's team manager is told instead, as for "not mine" (bot.core.owner_manager); an
admin is not sent every done action. Nothing is sent when the one told marked it done themselves. An `undo` (or any
reopen) the same day, by someone else, sends them a short "reopened" line, so a done they were told of is not left
standing.
"""

from __future__ import annotations

from datetime import datetime

from bot.audits.reopened_overdue import due_near
from bot.core.markup import audit_and_case
from bot.core.owner_manager import auditor_or_manager
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage.actions import ActionRow
from bot.storage.common import parse_utc


def told_of_done(services: Services, action: ActionRow, done_by: str) -> str | None:
    """Who is told that `done_by` marked the action done: its auditor, or the owner's team manager when the auditor
    has left (or set it for themselves); None when that is `done_by` themselves, or there is nobody."""
    found = auditor_or_manager(services, action.auditor_id, action.owner_id)
    if found is None or found[1] == "admin" or found[0] == done_by or action.auditor_id == done_by:
        return None
    return found[0]


def done_notice(services: Services, turn: Turn, action: ActionRow, note: str | None) -> list[Reply]:
    """The DM to the auditor (or manager) when the action is marked done by someone else; nothing otherwise."""
    told = told_of_done(services, action, turn.user_id)
    if told is None:
        return []
    by = services.directory.label(turn.user_id)
    whose = "" if action.owner_id == turn.user_id else f" for {services.directory.label(action.owner_id)}"
    noted = f" Note: “{note}”." if note else ""
    why = "" if told == action.auditor_id else \
        f" (you are told as team manager: its auditor, {services.directory.label(action.auditor_id)}, has left)"
    return [Reply(to_user=told, kind="notice", choices=(Choice("Reopen", "actions.reopen", str(action.id)),),
                  text=f"{by} marked action {action.id} done{whose}: _{action.description}_ "
                       f"({audit_and_case(action.audit_id, action.case_ref)}).{noted}{why} If it isn't finished, "
                       f"press Reopen (or type `reopen action {action.id}`).")]


def reopened_notice(services: Services, turn: Turn, action: ActionRow, already: set[str]) -> list[Reply]:
    """A short line to whoever was told the action was done, when it is reopened the same day by someone else
    (`action` as it was before the reopen); nothing when they reopened it, are told already (`already`), or it was
    done on an earlier day."""
    if not action.done_at or not action.done_by or not _same_day(services, parse_utc(action.done_at), turn.now):
        return []
    told = told_of_done(services, action, action.done_by)
    if told is None or told == turn.user_id or told in already:
        return []
    return [Reply(to_user=told, kind="notice",
                  text=f"{services.directory.label(turn.user_id)} reopened action {action.id} "
                       f"({audit_and_case(action.audit_id, action.case_ref)}), marked done earlier today: it is open "
                       f"again, due {due_near(services, turn, action)}.")]


def _same_day(services: Services, done_at: datetime, now: datetime) -> bool:
    zone = services.settings.timezone
    return done_at.astimezone(zone).date() == now.astimezone(zone).date()
