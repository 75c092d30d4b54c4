"""Chasing an open action: `chase action 9` (or `chase 9`, `nudge action 9`, "remind sw s1 about action 18") sends its
owner a DM nudge from their manager, the auditor who set it, or an admin.

Trial 28: a manager found no way to chase an action: `chase action 9` got knowledge-base suggestions, and "can u
remind sw s1 about action 18" only showed the action, with nothing said about nobody being reminded. The nudge is
recorded (who, when: bot.storage.actions.chase_action, and the trail) and goes at most once a day per action, so an
owner is not pestered: a second chase that day is told when the first went. A done action is said to be done. Like
every DM the bot sends, the service returns the message to send and the handler (or the terminal) sends it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.audits.action_status import typed_id
from bot.core import policy
from bot.core.calendar import is_working_day, next_working_day
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.settings.people import Person
from bot.storage import actions as action_store
from bot.storage.reminders import away_on
from knowledge.dates import long_date, short_date, time_on_day

USAGE = "/audit chase <action number>"
NOT_FOUND = "I can't find that action: `/audit actions team` lists your teams' open ones, with their numbers."
TYPED = rf"(?:action\s+)?(?:{NUMBER})"
# "nudge action 9", "remind sw s1 about action 18", "can u remind sw s1 about action 18", "please chase up action 9"
WORDED = re.compile(r"^\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+)?"
                    r"(?:chase|nudge|remind|prod|ping)\s+(?:up\s+)?(?:(?P<owner>\S.*?)\s+(?:about|re|on|for|of)\s+)?"
                    r"(?:action|#)\s*#?(?P<id>\d+)\s*(?:please|pls|thanks)?\s*[.!?]?\s*$", re.IGNORECASE)


def chase_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit chase 9` or `/audit chase action 9`: nudge the action's owner."""
    words = args.split()
    if words and words[0].lower() == "action":
        words = words[1:]
    if len(words) != 1 or not words[0].lstrip("#").isdigit():
        raise UserError(f"Tell me which action to chase by its number: `{USAGE}`, like `chase 9`.")
    return chase(services, turn, typed_id(words[0].lstrip("#")), None)


def chase(services: Services, turn: Turn, action_id: int, named: str | None) -> list[Reply]:
    """The owner nudged by DM about the open action (once a day per action), and the chaser told so; who may chase,
    a done action, and a second chase today each said instead."""
    action = action_store.get_action(services.storage, action_id)
    if action is None or turn.person is None:
        raise UserError(NOT_FOUND)
    _check(services, turn.person, action, named)
    label = services.directory.label
    if action.done_at:
        return [Reply(text=f"Action {action.id} is done already (marked done on {short_date(action.done_at[:10])} "
                           f"by {label(action.done_by or action.owner_id)}): there is nothing to chase.")]
    local = turn.now.astimezone(services.settings.timezone)
    since = datetime.combine(local.date(), time(0), tzinfo=services.settings.timezone)
    if not action_store.chase_action(services.storage, action.id, turn.user_id, turn.now, since):
        return [_chased_today(services, action.id)]
    today = local.date().isoformat()
    due = f"due {short_date(action.due_date)}" + (", overdue" if action.due_date < today else "")
    by = label(turn.user_id)
    away = away_on(services.storage, local.date()).get(action.owner_id)
    away_said = f" They are away until {long_date(away[0])}, so they will see it then." if away else ""
    morning = working_morning(services, local)
    late_said = (f" It is out of working hours, so it may not be read until {time_on_day(morning)}." if morning
                 else "")
    late_dm = (f" (Sent out of working hours: it can wait until {time_on_day(morning)}.)" if morning else "")
    return [Reply(text=f"Sent: I've nudged {label(action.owner_id)} about action {action.id} ({due}).{away_said}"
                       f"{late_said} An action is chased once a day at most."),
            Reply(to_user=action.owner_id, kind="notice",
                  text=f"{by} asks about action {action.id}: _{action.description}_ "
                       f"({audit_and_case(action.audit_id, action.case_ref)}), {due}. If it is done, press Done (or "
                       f"type `done {action.id}`); if it needs longer, ask for more time: type `extend action "
                       f"{action.id} to` and the date you need, like `{_extend_example(action, local.date())}`."
                       f"{late_dm}",
                  choices=(Choice(f"Done: action {action.id}", "actions.done", str(action.id)),))]


def working_morning(services: Services, local: datetime) -> datetime | None:
    """When working hours next start, if `local` is outside them (before or after quiet_hours, a weekend or a bank
    holiday); None inside them. Trial 35: a chase at 23:00 on a Saturday reached the worker with nothing said; the
    chase still goes at once (no held-DM queue exists), but both sides are told it came out of hours."""
    start, end = services.settings.quiet_hours
    tz = services.settings.timezone
    if is_working_day(local.date()) and start <= local.time() < end:
        return None
    day = local.date() if is_working_day(local.date()) and local.time() < start else next_working_day(local.date())
    return datetime.combine(day, start, tzinfo=tz)


def _extend_example(action: action_store.ActionRow, today: date) -> str:
    """`extend action 18 to 18/12`: a weekday a week after its due date (or after today, when that has passed), as
    the chased owner may type it (trial 32: the chase said nothing of how to ask for more time)."""
    later = max(date.fromisoformat(action.due_date), today) + timedelta(days=7)
    later += timedelta(days=max(0, 7 - later.weekday()) if later.weekday() >= 5 else 0)  # a weekend's: the Monday
    return f"extend action {action.id} to {later:%d/%m}"


def _check(services: Services, person: Person, action: action_store.ActionRow, named: str | None) -> None:
    """Who may chase: a manager of the owner, the auditor who set it, or an admin (never the owner); a person named
    in "remind X about action 9" must be its owner."""
    if action.owner_id == person.user_id:
        raise UserError(f"Action {action.id} is yours: `/audit actions` lists your open actions.")
    if person.user_id != action.auditor_id and not policy.may_complete_for_others(services.directory, person,
                                                                                  action.owner_id):
        raise AccessDenied(f"Only {services.directory.label(action.owner_id)}'s manager, the auditor who set action "
                           f"{action.id}, or an admin can chase it.")
    if named is not None:
        meant = services.directory.named(named)
        if meant is not None and meant != action.owner_id:
            raise UserError(f"Action {action.id} is {services.directory.label(action.owner_id)}'s, not "
                            f"{services.directory.label(meant)}'s: I nudge an action's owner. Nothing was sent.")


def _chased_today(services: Services, action_id: int) -> Reply:
    """A second chase of the same action today: when the first went, and by whom."""
    last = action_store.last_chase(services.storage, action_id)
    if last is None:  # done or removed meanwhile
        raise UserError(NOT_FOUND)
    who, when = last
    at = when.astimezone(services.settings.timezone)
    return Reply(kind="notice", text=f"Action {action_id} was chased today already ({services.directory.label(who)}, "
                                     f"{at:%H:%M}): its owner gets one nudge a day at most, so nothing was sent. "
                                     "Try again tomorrow.")


def worded(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A chase said in words ("remind sw s1 about action 18", "nudge action 9"); None for other text."""
    found = WORDED.match(text)
    if found is None:
        return None
    return chase(services, turn, typed_id(found.group("id")), found.group("owner"))


def install(engine: Engine, services: Services) -> None:
    """Register `/audit chase` and a chase said in words (before an action named in a question is shown)."""
    engine.add_command("chase", lambda turn, args: chase_command(services, turn, args),
                       "nudge the owner of an open action by DM (their manager, the auditor or an admin; once a day)",
                       usage=USAGE, typed=TYPED)
    engine.add_message_handler(lambda turn, text: worded(services, turn, text), priority=27)
