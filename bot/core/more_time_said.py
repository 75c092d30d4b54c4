"""Where an owner's request for more time on an action stands, in words: beside the action in `my actions`, on
Home and on the action's card, and as the answer to "did i get more time on 147?" (trial 34: the request was
invisible once sent, and the question went to the knowledge base).

Here, not in bot.audits, because the actions are listed by three sibling features (bot.audits, bot.digests,
bot.asking), which may not import each other.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.services import Services
from bot.storage import more_time as store
from bot.storage.actions import ActionRow, get_action
from knowledge.dates import short_date

WAITING, GIVEN, REFUSED, WITHDRAWN = "waiting", "given", "refused", "withdrawn"


def state_of(asked: store.Asked, due_now: str) -> str:
    """Where the request stands: withdrawn by its owner; given (the due date is no longer the one it had when asked,
    however it was changed); said no to; else waiting for an answer."""
    if asked.withdrawn_at is not None:
        return WITHDRAWN
    if due_now != asked.due_then:
        return GIVEN
    return REFUSED if asked.refused_at is not None else WAITING


def _day(services: Services, moment: datetime) -> str:
    return short_date(moment.astimezone(services.settings.timezone).date(), year=False)


def note(services: Services, asked: store.Asked, due_now: str) -> str | None:
    """A few words beside the action in a list: "more time asked to 18 Dec, waiting for Team manager (South)", or
    the answer; None once it was withdrawn or given (the list shows the new date)."""
    state, who = state_of(asked, due_now), services.directory.label(asked.asked)
    until = f" to {short_date(asked.until, year=False)}" if asked.until else ""
    if state == WAITING:
        return f"more time asked{until}, waiting for {who}"
    if state == REFUSED and asked.refused_at is not None:
        return f"{services.directory.label(asked.refused_by or asked.asked)} said no to more time on " \
               f"{_day(services, asked.refused_at)}"
    return None


def notes_for(services: Services, actions: list[ActionRow]) -> dict[int, str]:
    """The note of each of these actions that has one, by action."""
    asked = store.latest_of(services.storage, [action.id for action in actions])
    due = {action.id: action.due_date for action in actions}
    return {action_id: said for action_id, request in asked.items()
            if (said := note(services, request, due[action_id])) is not None}


def answer(services: Services, action: ActionRow) -> str:
    """"did i get more time on 147?": where the latest request stands, or how to ask when none was."""
    asked = store.latest(services.storage, action.id)
    due = short_date(action.due_date)
    if asked is None:
        return (f"You haven't asked for more time on {action_named(action)}; it is due {due}. To ask, type `extend "
                f"action {action.id} to <date>, <reason>`.")
    state, who = state_of(asked, action.due_date), services.directory.label(asked.asked)
    until = f" until {short_date(asked.until)}" if asked.until else ""
    when = _day(services, asked.at)
    if state == WAITING:
        return (f"Not yet: you asked {who} for more time on {action_named(action)}{until} on {when}, and they haven't "
                f"answered. It stays due {due} until they do; to take the request back, type `withdraw {action.id}`.")
    if state == GIVEN:
        return (f"Yes: {action_named(action)} is now due {due} (it was due {short_date(asked.due_then)} when you asked "
                f"on {when}).")
    if state == REFUSED:
        return (f"No: {services.directory.label(asked.refused_by or asked.asked)} said no to more time on "
                f"{action_named(action)}, so it stays due {due}.")
    return (f"You withdrew your request for more time on {action_named(action)}, so nobody was left to answer it; it "
            f"is due {due}. To ask again, type `extend action {action.id} to <date>, <reason>`.")


def waiting_for_you(services: Services, user_id: str) -> list[tuple[ActionRow, store.Asked]]:
    """The open actions whose owner's request for more time waits for this person's answer, with the request."""
    found = []
    for asked in store.waiting_for(services.storage, user_id):
        action = get_action(services.storage, asked.action_id)
        if action is not None:
            found.append((action, asked))
    return found


def waiting_lines(services: Services, waiting: list[tuple[ActionRow, store.Asked]]) -> list[str]:
    """One line a request: "Action 18, _Book a supervision…_ (audit #149, CR-…): Social worker S1 asks until 11 Dec
    (due 9 Dec), asked 6 Dec". Home, `/audit reminders` and the answer in words share them."""
    lines = []
    for action, asked in waiting:
        until = f"until {short_date(asked.until, year=False)}" if asked.until else "for more time (no date given)"
        lines.append(f"Action {action.id}, _{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)}"
                     f"): {services.directory.label(action.owner_id)} asks {until} (due "
                     f"{short_date(action.due_date, year=False)}), asked {_day(services, asked.at)}")
    return lines


def waiting_heading(count: int) -> str:
    """"Waiting for your answer: 3 requests for more time"."""
    return f"Waiting for your answer: {count} request{'s' if count != 1 else ''} for more time"


HOW_TO_ANSWER = ("To give one, type `action <number> due <date>`; to say no, `no more time on <number>`, with your "
                 "reason after a dash if you like.")
