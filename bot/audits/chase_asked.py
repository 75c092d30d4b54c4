"""A chase while the owner's request for more time waits (trial 36, M9): `chase 141` when the action shows "more time
asked to 20 Dec, waiting for QA lead" sent the nudge at once, telling the owner to "ask for more time" she had
asked for already, and the chaser was never told. Now the chaser is told of the request first and asked whether to
chase anyway (yes / no, bot.engine.confirmations); a chaser who may answer the request is shown its answers instead,
with a button to chase anyway. A chase said anyway goes (or is held) as any other (bot.audits.action_chase)."""

from __future__ import annotations

from datetime import date

from bot.audits import more_time_answer
from bot.audits.chase_nudge import request_days, waiting_request
from bot.core import buttons, more_time_said
from bot.core.action_named import action_named
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.storage import actions as action_store

ANYWAY = "chase.anyway"  # not "actions.": no step of the audit conversation owns them
NOT_NOW = "chase.not"


def asked_first(services: Services, turn: Turn, action: action_store.ActionRow) -> Reply | None:
    """The question put before chasing an action whose owner's request for more time waits; None when none waits."""
    asked = waiting_request(services, action)
    if asked is None:
        return None
    label = services.directory.label
    until, on = request_days(services, asked)
    anyway = Choice("Chase anyway", ANYWAY, str(action.id), "primary")
    if may_answer(services, turn, action.id):
        until_day = None if asked.until is None else date.fromisoformat(asked.until)
        return Reply(kind="question", text=f"{label(action.owner_id)} asked for more time on {action_named(action)}"
                                           f"{until} on {on}; it waits "
                                           f"for your answer, so answer it rather than chase. "
                                           f"{more_time_answer.typed_answers(action.id, until_day)} To chase anyway, "
                                           f"type `chase {action.id} anyway`. Nothing was sent.",
                     choices=(*more_time_answer.choices(action.id, until_day, asked.number), anyway))
    return confirmations.ask(services, turn, Reply(
        kind="question", text=f"{label(action.owner_id)} asked for more time on {action_named(action)}{until} on "
                              f"{on}; it waits for "
                              f"{more_time_said.asked_of(services, asked)}. Chase anyway? yes / no",
        choices=(anyway, Choice("Don't chase", NOT_NOW, str(action.id)))), ("chase anyway",), ("dont chase",))


def may_answer(services: Services, turn: Turn, action_id: int) -> bool:
    """Whether the chaser may give or refuse the request (bot.audits.more_time_answer.answerable)."""
    try:
        more_time_answer.answerable(services, turn, action_id)
    except (UserError, AccessDenied):
        return False
    return True


def not_chased(services: Services, value: str) -> list[Reply]:
    """*Don't chase* (or `no`): nothing sent, and said so, with who the request still waits for."""
    action_id = buttons.record_id(value)  # a copied or mangled value gets the stale-button reply
    action = action_store.get_action(services.storage, action_id)
    asked = waiting_request(services, action) if action is not None else None
    waits = f" Its request for more time still waits for {more_time_said.asked_of(services, asked)}." if asked else ""
    named = action_named(action, capital=True) if action is not None else f"Action {action_id}"
    return [Reply(kind="notice", text=f"{named} was not chased: nothing was sent.{waits}")]
