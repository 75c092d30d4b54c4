"""Chasing an open action: `chase action 9` (or `chase 9`, `nudge action 9`, "remind sw s1 about action 18") sends its
owner a DM nudge from their manager, the auditor who set it, or an admin.

Trial 28: a manager found no way to chase an action: `chase action 9` got knowledge-base suggestions, and "can u
remind sw s1 about action 18" only showed the action, with nothing said about nobody being reminded. The nudge is
recorded (who, when: bot.storage.actions.chase_action, and the trail) and goes at most once a day per action, so an
owner is not pestered: a second chase that day is told when the first went. A done action is said to be done. Like
every DM the bot sends, the service returns the message to send and the handler (or the terminal) sends it. Out of
working hours the nudge is held until 08:00 on the next working day (trial 35; bot.audits.held_chase).
"""

from __future__ import annotations

import re
from datetime import datetime, time

from bot.audits import chase_asked, held_chase
from bot.audits.action_status import typed_id
from bot.audits.chase_nudge import NOT_FOUND, due_words, may_chase, nudge, working_morning
from bot.core.action_named import action_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.settings.people import Role
from bot.storage import actions as action_store
from bot.storage import held_chases
from bot.storage.reminders import away_on
from knowledge.dates import long_date, short_date

USAGE = "/audit chase <action number>"
TYPED = rf"(?:action\s+)?(?:{NUMBER})(?:\s+anyway)?"
# "nudge action 9", "remind sw s1 about action 18", "can u remind sw s1 about action 18", "please chase up action 9"
WORDED = re.compile(r"^\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+)?"
                    r"(?:chase|nudge|remind|prod|ping)\s+(?:up\s+)?(?:(?P<owner>\S.*?)\s+(?:about|re|on|for|of)\s+)?"
                    r"(?:action|#)\s*#?(?P<id>\d+)\s*(?:please|pls|thanks)?\s*[.!?]?\s*$", re.IGNORECASE)


def chase_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit chase 9` or `/audit chase action 9`: nudge the action's owner."""
    words = args.split()
    if words and words[0].lower() == "action":
        words = words[1:]
    anyway = len(words) == 2 and words[1].lower() == "anyway"  # chase while a request for more time waits
    if len(words) != 1 + anyway or not words[0].lstrip("#").isdigit():
        raise UserError(f"Tell me which action to chase by its number: `{USAGE}`, like `chase 9`.")
    return chase(services, turn, typed_id(words[0].lstrip("#")), None, anyway)


def chase(services: Services, turn: Turn, action_id: int, named: str | None, anyway: bool = False) -> list[Reply]:
    """The owner nudged by DM about the open action (once a day per action), and the chaser told so; out of working
    hours the nudge is held until the next working morning (bot.audits.held_chase). Who may chase, a done action, a
    chase already waiting and a second chase today are each said instead; so is the owner's request for more time
    while it waits, unless `anyway` (bot.audits.chase_asked)."""
    action = action_store.get_action(services.storage, action_id)
    if action is None or turn.person is None:
        raise UserError(NOT_FOUND)
    may_chase(services, turn.person, action, named)
    label = services.directory.label
    if action.done_at:
        return [Reply(text=f"{action_named(action, capital=True)} is done already (marked done on "
                           f"{short_date(action.done_at[:10])} "
                           f"by {label(action.done_by or action.owner_id)}): there is nothing to chase.")]
    if (waiting := held_chases.waiting(services.storage, [action.id]).get(action.id)) is not None:
        return [held_chase.already_waiting(services, turn, action, waiting)]
    local = turn.now.astimezone(services.settings.timezone)
    since = datetime.combine(local.date(), time(0), tzinfo=services.settings.timezone)
    last = action_store.last_chase(services.storage, action.id)
    if last is not None and last[1] >= since:
        return [_chased_today(services, action)]
    if not anyway and (first := chase_asked.asked_first(services, turn, action)) is not None:
        return [first]
    if (morning := working_morning(services, local, action.owner_id)) is not None:
        return held_chase.hold(services, turn, action, morning)
    if not action_store.chase_action(services.storage, action.id, turn.user_id, turn.now, since):
        return [_chased_today(services, action)]
    away = away_on(services.storage, local.date()).get(action.owner_id)
    away_said = f" They are away until {long_date(away[0])}, so they will see it then." if away else ""
    return [Reply(text=f"Sent: I've nudged {label(action.owner_id)} about {action_named(action)} "
                       f"({due_words(action, local.date())}).{away_said} An action is chased once a day at most."),
            nudge(services, action, turn.user_id, local)]


def _chased_today(services: Services, action: action_store.ActionRow) -> Reply:
    """A second chase of the same action today: when the first went, and by whom."""
    last = action_store.last_chase(services.storage, action.id)
    if last is None:  # done or removed meanwhile
        raise UserError(NOT_FOUND)
    who, when = last
    at = when.astimezone(services.settings.timezone)
    return Reply(kind="notice", text=f"{action_named(action, capital=True)} was chased today already "
                                     f"({services.directory.label(who)}, "
                                     f"{at:%H:%M}): its owner gets one nudge a day at most, so nothing was sent. "
                                     "Try again tomorrow.")


def worded(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A chase said in words ("remind sw s1 about action 18", "nudge action 9"); None for other text."""
    found = WORDED.match(text)
    if found is None:
        return None
    return chase(services, turn, typed_id(found.group("id")), found.group("owner"))


def install(engine: Engine, services: Services) -> None:
    """Register `/audit chase`, a chase said in words (before an action named in a question is shown), and taking
    back a held one (`withdraw chase 9`)."""
    engine.add_command("chase", lambda turn, args: chase_command(services, turn, args),
                       "nudge the owner of an open action by DM (their manager, the auditor or an admin; once a "
                       "day; out of hours, held until the next working morning)",
                       usage=USAGE, typed=TYPED, help_roles=[Role.MANAGER, Role.QA_LEAD, Role.ADMIN])
    engine.add_message_handler(lambda turn, text: worded(services, turn, text), priority=27)
    confirmations.add_answers(engine, services, (chase_asked.ANYWAY, lambda turn, value: chase(
        services, turn, typed_id(value), None, anyway=True)), (chase_asked.NOT_NOW, lambda turn, value:
                                                                chase_asked.not_chased(services, value)))
    engine.add_message_handler(lambda turn, text: held_chase.withdraw_worded(services, turn, text), priority=27)
