"""An owner taking back a request for more time (`withdraw 34`, `cancel my request on 34`, "sent it by mistake"),
and asking where one stands ("did i get more time on 147?").

Trial 34: a request sent by mistake could not be taken back, and `cancel my request for more time on action 34,
sent it by mistake` sent a second one. Now the request is marked withdrawn (bot.storage.more_time), the one asked is
told, and their buttons then say so when pressed (`answer_withdrawn`) instead of giving the date or saying no. The
question "did i get more time" went to the knowledge base; it is answered from the request (bot.core.more_time_said).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.audits import more_time_answer, more_time_buttons, more_time_refusal
from bot.audits.action_status import typed_id
from bot.core import more_time_said
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from knowledge.dates import short_date

_NUMBER = r"(?:action\s+)?#?(?P<id>\d{1,9})\b"
_TAKE_BACK = r"(?:withdraw|cancel|take\s+back|retract|undo|scrap|ignore)"
_REQUEST = r"(?:request|ask|asking|more\s+time|extra\s+time|extension)"
_POLITE = r"^\s*(?:(?:please|pls|can\s+you|can\s+i|i\s+want\s+to|i(?:'|\u2019)?d\s+like\s+to)\s+)?"
# `withdraw 34`, `withdraw action 34`, `withdraw my request on 34`, `cancel my request for more time on action 34`
WITHDRAW_NUMBERED = (re.compile(rf"{_POLITE}withdraw\s+{_NUMBER}", re.IGNORECASE),
                     re.compile(rf"{_POLITE}{_TAKE_BACK}\b(?=.*\b{_REQUEST}\b).*?\b(?:on|for|re)\s+{_NUMBER}",
                                re.IGNORECASE | re.DOTALL))
# `withdraw my request`, `cancel that extension`: the one request that waits, when there is exactly one
WITHDRAW = re.compile(rf"{_POLITE}{_TAKE_BACK}\s+(?:my\s+|the\s+|that\s+)?{_REQUEST}\b", re.IGNORECASE)
# "sent it by mistake", "sorry, asked that by accident": the one request that waits, when there is exactly one
MISTAKE = re.compile(r"\b(?:sent|asked|did|pressed)\s+(?:it|that|this|the\s+request)?\s*(?:by\s+(?:mistake|accident)|"
                     r"in\s+error)\b", re.IGNORECASE)
JUST_SENT = timedelta(hours=1)
# "did i get more time on 147?", "has my manager answered my extension on action 147", "any news on more time for 147"
_STATUS = (rf"^\s*(?:(?:did|have|has)\s+(?:i|my\s+\w+|they|she|he)\s+(?:get|got|been|given|give|answered|"
           rf"replied|said)|any\s+(?:news|word|answer|reply)|is\s+(?:my|the)\s+{_REQUEST}|what\s+happened)"
           rf"\b.*\b{_REQUEST}\b")
STATUS = re.compile(rf"{_STATUS}.*?\b(?:on|for|re)\s+{_NUMBER}\s*[?.!]*\s*$", re.IGNORECASE | re.DOTALL)
# "did i get my extension?", "has my manager answered my request?": about the requests they made, when there are any
STATUS_UNNAMED = re.compile(rf"{_STATUS}[^\d]*$", re.IGNORECASE | re.DOTALL)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Withdraw words, or the question where a request stands; None for other text (a number alone that is no action
    of theirs included)."""
    if (status := STATUS.match(text)) is not None:
        action = _own(services, turn, status.group("id"))
        return None if action is None else [Reply(text=more_time_said.answer(services, action))]
    if STATUS_UNNAMED.match(text) is not None:
        return _all_asked(services, turn)
    for numbered in WITHDRAW_NUMBERED:
        if (found := numbered.match(text)) is not None:
            action = _own(services, turn, found.group("id"))
            return None if action is None else withdraw(services, turn, action)
    mistake = MISTAKE.search(text) is not None and not any(c.isdigit() for c in text)
    if WITHDRAW.match(text) is not None or mistake:
        waiting = requests.pending_of(services.storage, turn.user_id)
        if WITHDRAW.match(text) is None:  # "sent it by mistake" is of a request just sent, not of one long waiting
            waiting = [asked for asked in waiting if turn.now - asked.at <= JUST_SENT]
        if len(waiting) == 1:
            action = action_store.get_action(services.storage, waiting[0].action_id)
            return None if action is None else withdraw(services, turn, action)
        if waiting:
            named = ", ".join(f"`withdraw {asked.action_id}`" for asked in waiting)
            return [Reply(kind="notice", text=f"You have {len(waiting)} requests for more time waiting. Which one "
                                              f"should I withdraw? Type {named}.")]
    return None


def _all_asked(services: Services, turn: Turn) -> list[Reply] | None:
    """Where each of the owner's open actions with a request stands; None when they asked for none (the words are
    then a question, for the knowledge base)."""
    actions = action_store.open_actions_of(services.storage, turn.user_id)
    asked = requests.latest_of(services.storage, [action.id for action in actions])
    said = [more_time_said.answer(services, action) for action in actions if action.id in asked]
    return [Reply(text="\n".join(said))] if said else None


def _own(services: Services, turn: Turn, digits: str) -> action_store.ActionRow | None:
    """The action of that number when it is the one typing's own; None otherwise."""
    action = action_store.get_action(services.storage, typed_id(digits))
    return action if action is not None and action.owner_id == turn.user_id else None


def withdraw(services: Services, turn: Turn, action: action_store.ActionRow) -> list[Reply]:
    """Mark the waiting request withdrawn, tell the one asked, and confirm it to the owner; a request already
    answered, or none, is said to be so."""
    asked = requests.latest(services.storage, action.id)
    state = None if asked is None else more_time_said.state_of(asked, action.due_date)
    if asked is not None and state in (more_time_said.GIVEN, more_time_said.REFUSED) and not action.done_at:
        raise UserError(_decided(services, action, asked, state))
    if asked is None or state != more_time_said.WAITING or action.done_at:
        raise UserError(f"Nothing was withdrawn: no request for more time waits on action {action.id}. "
                        f"{more_time_said.answer(services, action)}")
    requests.withdraw(services.storage, action.id, turn.user_id, turn.now)
    due, who = short_date(action.due_date), more_time_said.asked_of(services, asked)
    where = audit_and_case(action.audit_id, action.case_ref)
    return [Reply(text=f"I've withdrawn your request for more time on {action_named(action)} and told {who}. It "
                       f"stays due {due}."),
            *(Reply(to_user=sent_to, kind="notice",
                    text=f"{services.directory.label(turn.user_id)} withdrew their request for more time on action "
                         f"{action.id}, _{action.description}_ ({where}), so there is nothing to answer: it stays "
                         f"due {due}.") for sent_to in asked.sent_to)]


def _decided(services: Services, action: action_store.ActionRow, asked: requests.Asked, state: str) -> str:
    """Why a request already answered is not withdrawn: what the answer was, and how to ask again (trial 43)."""
    who = services.directory.label(asked.refused_by or asked.asked)
    named = action_named(action)
    if state == more_time_said.GIVEN:
        answered = (f"your request for more time on {named} is answered already: it is now due "
                    f"{short_date(action.due_date)}, not {short_date(asked.due_then)}")
    else:
        when = short_date((asked.refused_at or asked.at).astimezone(services.settings.timezone).date(), year=False)
        answered = (f"{who} said no to your request for more time on {named} on {when}, so it stays due "
                    f"{short_date(action.due_date)}")
    return (f"Nothing was withdrawn: {answered}. To ask again, type `extend action {action.id} to <date>, "
            "<reason>`.")


def answer_withdrawn(services: Services, action_id: int) -> list[Reply] | None:
    """*Approve the new date* or *Say no* pressed (or `no more time on action 34` typed) on a request its owner
    withdrew: said so, nothing changed; None when the latest request was not withdrawn (the answer goes ahead)."""
    action = action_store.get_action(services.storage, action_id)
    asked = requests.latest(services.storage, action_id) if action is not None else None
    if action is None or asked is None or asked.withdrawn_at is None:
        return None
    when = short_date(asked.withdrawn_at.astimezone(services.settings.timezone).date(), year=False)
    return [Reply(kind="notice", text=f"{services.directory.label(action.owner_id)} withdrew this request for more "
                                      f"time on action {action.id} on {when}, so nothing changed: it stays due "
                                      f"{short_date(action.due_date)}.")]


def on_give(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Approve the new date*, unless its request was withdrawn, or the button is an earlier request's
    (bot.audits.more_time_buttons; bot.audits.more_time_answer.on_give)."""
    if (pressed := more_time_buttons.read_give(value)) is not None:
        if (said := more_time_buttons.replaced(services, pressed)) is not None:
            return said
        value = f"{pressed.action_id}:{pressed.day}"
    number, _, day = value.partition(":")
    said = answer_withdrawn(services, typed_id(number)) if number.isdigit() else None
    # a numbered button is its request's (`replaced` checked it), whatever day it gives: the day offered once the day
    # asked for has passed (trial 60 F10) is not the day asked for
    if said is None and number.isdigit() and pressed is None:
        said = _earlier_button(services, typed_id(number), day)
    return said if said is not None else more_time_answer.on_give(services, turn, value)


def _earlier_button(services: Services, action_id: int, day: str) -> list[Reply] | None:
    """*Approve the new date* from an earlier request (withdrawn, or answered) pressed while a later one, for another
    day, waits (fix 37: the old button gave the withdrawn request's date): said so, nothing changed; None when the
    button's day is the waiting request's, or none waits."""
    action = action_store.get_action(services.storage, action_id)
    asked = requests.latest(services.storage, action_id) if action is not None else None
    if action is None or asked is None or asked.until == day or \
            more_time_said.state_of(asked, action.due_date) != more_time_said.WAITING:
        return None
    now_asked = f"asks for {short_date(asked.until)}" if asked.until else "names no day"
    typed = f"{date.fromisoformat(asked.until).day}/{date.fromisoformat(asked.until).month}" if asked.until \
        else "<date>"
    return [Reply(kind="notice", text=f"That button is from an earlier request for more time on "
                                      f"{action_named(action)}. "
                                      f"{services.directory.label(action.owner_id)}'s request waiting now "
                                      f"{now_asked}: use its buttons, or type `action {action.id} due {typed}`. "
                                      f"Nothing changed: it stays due {short_date(action.due_date)}.")]


def on_refuse(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Say no*, unless its request was withdrawn or is not the latest (bot.audits.more_time_buttons): then the
    reason is not asked for (bot.audits.more_time_refusal)."""
    if (pressed := more_time_buttons.read_refuse(value)) is not None:
        if (said := more_time_buttons.replaced(services, pressed)) is not None:
            return said
        value = str(pressed.action_id)
    said = answer_withdrawn(services, typed_id(value)) if value.isdigit() else None
    return said if said is not None else more_time_refusal.on_refuse(services, turn, value)


def refused_typed(services: Services, text: str) -> list[Reply] | None:
    """`no more time on action 34` typed on a withdrawn request: said so; None otherwise."""
    refused = more_time_answer.refused_said(services, text)
    return None if refused is None else answer_withdrawn(services, refused[0])

