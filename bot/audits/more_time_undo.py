"""`undo` straight after a request for more time (trial 43): the request just sent is withdrawn.

"can i have more time on action 150 until end of jan" then `undo` went to the knowledge base as a question. As after
`reflect` (bot.audits.reflection_undo), the reply saying who was asked offers *Withdraw* and `undo` (typed next); the
request is withdrawn as `withdraw 150` withdraws it (bot.audits.more_time_withdraw): the one asked, told of it when it
was sent, is told it was withdrawn, and a request already answered is said to be, with how to ask again.
"""

from __future__ import annotations

from bot.audits import more_time_withdraw
from bot.audits.action_status import typed_id
from bot.audits.done_note import UNDO_WORDS
from bot.core import more_time_said
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import StaleAction
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from knowledge.dates import short_date

WITHDRAW = "more_time.withdraw"
# "sent it by mistake" is not among them: bot.audits.more_time_withdraw reads it, of a request sent in the last hour
WORDS = (*UNDO_WORDS, "withdraw", "withdraw it", "withdraw that", "withdraw my request", "cancel it", "cancel that",
         "take it back")


def offered(services: Services, turn: Turn, sent: Reply, action_id: int, number: int) -> Reply:
    """The reply saying who was asked, with *Withdraw* and `undo` (typed next) offered to take the request back."""
    reply = Reply(text=f"{sent.text} Sent by mistake? Type `undo` (or press Withdraw), or `withdraw {action_id}` "
                       "later.",
                  choices=(Choice("Withdraw", WITHDRAW, f"{action_id}:{number}"),))
    return confirmations.offer(services, turn, reply, WORDS, keep_on_question=False)  # straight after only


def on_withdraw(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Withdraw the request this button (or `undo`) was offered for: as `withdraw N` does, unless a later request
    replaced it, which is said with the words that withdraw the one waiting now."""
    number, _, asked_number = value.partition(":")
    action = action_store.get_action(services.storage, typed_id(number)) if number.isdigit() else None
    if action is None or action.owner_id != turn.user_id:
        raise StaleAction("That request for more time is not one of yours to withdraw. Nothing was withdrawn.")
    asked = requests.latest(services.storage, action.id)
    if asked is not None and asked_number.isdigit() and asked.number not in (None, int(asked_number)) \
            and more_time_said.state_of(asked, action.due_date) == more_time_said.WAITING:
        until = f" until {short_date(asked.until)}" if asked.until else ""
        raise StaleAction(f"That button is from an earlier request for more time on action {action.id}, which your "
                          f"later one{until} replaced. To withdraw the one waiting now, type `withdraw {action.id}`. "
                          "Nothing was withdrawn.")
    return more_time_withdraw.withdraw(services, turn, action)


def install(engine: Engine, services: Services) -> None:
    """Register *Withdraw* (and `undo` typed, through bot.engine.confirmations)."""
    engine.add_action(WITHDRAW, lambda turn, value: on_withdraw(services, turn, value))
