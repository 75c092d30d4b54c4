"""A worker asking for an action to be changed or removed (trial 41): `remove action 107` and `action 107 is a
duplicate of 106, can it be removed` typed by its owner, `i dont agree with action 141, there is no drift`.

Only the auditor changes an audit's actions, so the trial's worker was told "Only the person who did this audit can
change it", naming no one and no next step, or given knowledge-base entries. Now she is told who did the audit and
asked whether to send them her request; on Yes the auditor gets it by DM, with her words (screened for identifiers,
bot.privacy) and the command that removes or changes the action, and the request is kept in the trail. Buttons:
action_change.send / action_change.keep "<action id>"; her words wait beside the conversation until she answers.
"""

from __future__ import annotations

import re

from bot.audits import lifecycle
from bot.core import buttons
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.owner_manager import auditor_or_manager
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.trail import record_trail

SEND, KEEP = "action_change.send", "action_change.keep"
KEY = "action_change_asked"  # beside the conversation: {"action": 107, "remove": true, "reason": "…"}
_NO = r"(?:do\s*n['\u2019]?t|dont|do\s+not)"
# "action 107 is a duplicate of 106, can it be removed", "can action 107 be removed", "action 107 should be removed",
# "please remove action 107, it's a duplicate", "i dont agree with action 141, there is no drift",
# "i disagree with action 141", "action 141 is wrong"
REMOVAL = re.compile(r"^(?=.*\b(?:remov|delet|duplicat|not\s+needed|unnecessary|get\s+rid))"
                     r".*?\baction\s*#?(?P<id>\d{1,9})\b", re.IGNORECASE)
DISAGREED = re.compile(rf"^(?=.*\b(?:{_NO}\s+agree|disagree|not\s+fair|unfair|is\s+wrong|isn['\u2019]?t\s+right|"
                       r"isnt\s+right|not\s+right|challenge|dispute))"
                       r".*?\baction\s*#?(?P<id>\d{1,9})\b", re.IGNORECASE)
# the command alone: its words carry no reason
BARE = re.compile(r"^\s*(?:please\s+|pls\s+)?(?:remove|delete)\s+(?:action\s*)?#?\d{1,9}\s*[.!]?\s*$", re.IGNORECASE)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A request to remove or change an action, typed by its owner or the worker of its case who may not change it
    themselves: who can, and whether to send it to them; None for other text and for anyone else."""
    if (removal := REMOVAL.match(text)) is not None:
        return offer(services, turn, int(removal.group("id")), True, text)
    if (disagreed := DISAGREED.match(text)) is not None:
        return offer(services, turn, int(disagreed.group("id")), False, text)
    return None


def offer(services: Services, turn: Turn, action_id: int, remove: bool, text: str) -> list[Reply] | None:
    """"Only X, who did audit #111, can remove action 107. Send them your request?", Yes or No; None when the action
    is none of the person's or they may change it themselves (the commands then answer)."""
    action = action_store.get_action(services.storage, action_id)
    if action is None or turn.user_id not in _askers(services, action):
        return None
    audit = store.get_audit(services.storage, action.audit_id)
    if audit is None or lifecycle.action_refusal(audit, turn.user_id) is None:
        return None
    found = auditor_or_manager(services, action.auditor_id, turn.user_id)
    if found is None:
        raise UserError(f"There is nobody I can send a request about action {action.id} to: ask a QA lead. Nothing "
                        "was sent.")
    reason = "" if BARE.match(text) else screen_text(" ".join(text.split()), services.identifier_screen,
                                                       "that request")
    store.keep_aside(services.storage, turn.user_id, KEY,
                     {"action": action.id, "remove": remove, "reason": reason, "to": found[0]}, turn.now)
    who = services.directory.label(found[0])
    did = (f"{who} did audit #{audit.id}" if found[1] == "auditor"
           else f"its auditor has left, so {who}, your manager, answers for it")
    verb = "remove or change" if remove else "change or remove"
    said = f" with your words: “{reason}”" if reason else ""
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"Only the person who did the audit can {verb} its actions: {did} "
                              f"({audit.case_ref}). Send {who} your request about action {action.id}{said}?\n"
                              f"_{action.description}_",
        choices=(Choice(f"Yes, send it to {who}", SEND, str(action.id), "primary"),
                 Choice("No, don't send it", KEEP, str(action.id)))))]


def _askers(services: Services, action: action_store.ActionRow) -> set[str]:
    """Who may ask for the action to change: its owner and the worker of its case."""
    audit = store.get_audit(services.storage, action.audit_id)
    return {action.owner_id} | ({audit.worker_id} if audit is not None and audit.worker_id else set())


def on_send(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes: the request sent to the auditor (or the manager answering for them), the person told who has it."""
    action_id = buttons.record_id(value, "type your request again")
    kept = store.conversation(services.storage, turn.user_id).get(KEY)
    action = action_store.get_action(services.storage, action_id)
    if action is None or not isinstance(kept, dict) or kept.get("action") != action_id:
        raise UserError(f"That request about action {action_id} is no longer waiting: type it again. Nothing was "
                        "sent.")
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    to, reason, remove = str(kept["to"]), str(kept.get("reason") or ""), bool(kept.get("remove"))
    record_trail(services.storage, turn.user_id, "action.change_asked",
                 {"action": action.id, "told": to, "remove": remove, "reason": reason or None}, at=turn.now)
    by, who = services.directory.label(turn.user_id), services.directory.label(to)
    asks = "asks you to remove" if remove else "disagrees with"
    words = f" Their words: “{reason}”." if reason else " (No reason given.)"
    how = (f"To remove it, type `/audit edit {action.audit_id} remove action {action.id}`; to change it, "
           f"`action {action.id} due <date>` or `action {action.id} owner <name>`." if to == action.auditor_id else
           "Its auditor has left: agree with them what should happen, and a QA lead can help.")
    return [Reply(text=f"Sent to {who}: your request about {action_named(action)}. It stays on your list until they "
                       "change it, and you are told if they do."),
            Reply(to_user=to, kind="notice",
                  text=f"{by} {asks} action {action.id} ({audit_and_case(action.audit_id, action.case_ref)}): "
                       f"_{action.description}_.{words} {how}")]


def on_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """No: nothing sent."""
    action = action_store.get_action(services.storage, buttons.record_id(value, "type your request again"))
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    named = action_named(action) if action is not None else "the action"
    return [Reply(kind="notice", text=f"OK: nothing was sent, and {named} stays as it is.")]


def install(engine: Engine, services: Services) -> None:
    """The Yes and No of "Send them your request?", pressed or typed."""
    confirmations.add_answers(engine, services, (SEND, lambda turn, value: on_send(services, turn, value)),
                              (KEEP, lambda turn, value: on_keep(services, turn, value)))
