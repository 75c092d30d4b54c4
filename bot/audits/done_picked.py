"""*Done: action 150* picked by its number in the terminal chat: asked first, `yes` marking it done.

Trial 41 (M10): a manager typed `home`, then `4`, as they had before, when it had been *Full digest*; after they
submitted an audit, Home had gained *Done: action 150* at 4, and the action was marked done with no question. A
number is easier to type by mistake than a button is to press, so the terminal chat sends a picked *Done* here
(bot.terminal.chat), which asks "Mark action 150 done?" with the Yes and No a manager marking a worker's action
gets (bot.audits.action_status: its Yes records it, with undo, and tells the owner). In Slack the button stays one tap.
"""

from __future__ import annotations

from bot.audits import action_status
from bot.core import buttons
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import StaleAction
from bot.storage import actions as action_store
from knowledge.dates import short_date

DONE = "actions.done"  # the button a picked number would press
ASKED = "home.done_picked"  # what the terminal chat presses instead


def on_picked(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The owner is asked first; anyone else goes the button's own way, which already asks them."""
    action = action_store.get_action(services.storage, buttons.record_id(value))
    if action is None or action.owner_id != turn.user_id:
        return action_status.on_done(services, turn, value)
    if action.done_at:
        raise StaleAction("That action is already marked done.")
    where = f"_{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)})"
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"Mark action {action.id} done?\n{where}, due {short_date(action.due_date)}",
        choices=(Choice("Yes", "actions.done_confirm", str(action.id), "primary"),
                 Choice("No", "actions.done_keep", str(action.id)))), action_status.ALSO_YES, action_status.ALSO_NO,
        set_aside=f"Action {action.id} was not marked done: to mark it, type `done {action.id}`.")]


def install(engine: Engine, services: Services) -> None:
    """Register the picked *Done*'s question."""
    engine.add_action(ASKED, lambda turn, value: on_picked(services, turn, value))


