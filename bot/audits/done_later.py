"""`done 138 - advocate offered on 8/12, …` typed the day before 8/12: asked once before it is marked done.

Trial 55 (finding 19) marked action 138 done on Monday 7 December with "advocate offered on 8/12, she said maybe
later" as its note, and the digest listed it done with a day still to come. A note whose date, read plainly by the
bot's date reader (knowledge.dates.dates_in: `8/12`, `8 December`, `tomorrow`; a weekday alone is read as gone by),
falls after today asks "Your note gives Tuesday 8 December 2026, which is after today: mark action 138 done now
anyway?", with the same Yes and No as "Mark action #7 done for …?" (bot.audits.action_status). Yes marks it done
with its note; No keeps it open and says how to mark it done once it has happened. Nothing is guessed: a note with no
date, or only days gone, is marked done at once as before.
"""

from __future__ import annotations

from datetime import date

from bot.audits import done_note
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import audits as store
from knowledge.dates import dates_in, long_date

LATER = "done_later"  # beside the note kept for the question: it was asked for a date after today


def later_day(services: Services, turn: Turn, note: str) -> date | None:
    """The first day the note gives that is after today (local), or None."""
    today = turn.now.astimezone(services.settings.timezone).date()
    return next((day for day in dates_in(note, today) if day > today), None)


def ask(services: Services, turn: Turn, action_id: int, note: str, day: date, also_yes: tuple[str, ...],
        also_no: tuple[str, ...]) -> list[Reply]:
    """The question, the note kept beside it until it is answered (its Yes marks the action done with it)."""
    done_note.keep_for_answer(services, turn, action_id, note)
    store.keep_aside(services.storage, turn.user_id, LATER, action_id, turn.now)
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"Your note gives {long_date(day)}, which is after today: mark action {action_id} done "
                              "now anyway?",
        choices=(Choice("Yes, mark it done", "actions.done_confirm", str(action_id), "primary"),
                 Choice("No, keep it open", "actions.done_keep", str(action_id)))), also_yes, also_no,
        set_aside=f"Action {action_id} was not marked done: to mark it, type `done {action_id}` once it has happened.")]


def kept_said(services: Services, turn: Turn, action_id: int) -> str:
    """After No: how to mark it done later, when the question was this one (else "")."""
    asked = store.conversation(services.storage, turn.user_id).get(LATER)
    if asked is None:
        return ""
    store.keep_aside(services.storage, turn.user_id, LATER, None, turn.now)
    return (f" To mark it done once it has happened, type `done {action_id}` then, with your note."
            if asked == action_id else "")


def forget(services: Services, turn: Turn) -> None:
    """Yes answered: the question is over."""
    if store.conversation(services.storage, turn.user_id).get(LATER) is not None:
        store.keep_aside(services.storage, turn.user_id, LATER, None, turn.now)
