"""`withdraw my reflection on 149` (trial 43): a worker takes back one of her own reflections, at any time.

`undo` takes back only the reflection just saved (bot.audits.reflection_undo); an earlier one, with a name in it,
stayed, and "i need to delete my reflection on 149, it has a name in it" got knowledge-base suggestions. Now the
words (withdraw, delete, remove, take back; "reflection on N") list her reflections on that audit, numbered and shown
only by their first words with any identifier masked, and ask which; the one picked is removed for good, and the
trail says who withdrew which reflection from which audit and when, never the text. When she said it has a name in
it, she is told the name is gone with it. The auditor, told when it was added, is told it was withdrawn.

Buttons: reflection.withdraw_one "<reflection id>:<named>" (outside the audit conversation table); its number typed
under the list (`2`, `withdraw the second one`) presses it, in Slack too (bot.audits.reflection_withdraw_typed).
"""

from __future__ import annotations

import re

from bot.audits import reflection_withdraw_typed
from bot.core import buttons
from bot.core.cut_short import first_words
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import StaleAction
from bot.privacy.screen import find_identifiers, masked
from bot.storage import audits as store
from bot.storage.redaction import scrub

PICK = "reflection.withdraw_one"
PRIORITY = 27  # after an audit's own step (20): a reflection typed while auditing is never read here
_ASKING = (r"(?:i\s+(?:need|want|would\s+like|wanna)\s+to\s+|(?:can|could|may)\s+i\s+(?:please\s+)?|"
           r"how\s+(?:do|can)\s+i\s+|please\s+|pls\s+|plz\s+)?")
WITHDRAW_WORDS = re.compile(
    r"^\s*(?:(?:oh|ok|okay|sorry|hi|hiya|um|hmm)[\s,.!]+)*" + _ASKING
    + r"(?:withdraw|delete|remove|take\s+back|take\s+down|retract|get\s+rid\s+of)\s+(?:my\s+|the\s+|a\s+|one\s+of\s+"
    r"my\s+)?(?:own\s+)?reflections?\s+(?:on|from|for|about|in|to)\s+(?:the\s+)?(?:audit\s+)?#?(?P<audit>\d{1,9})\b"
    r"(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
NAME_SAID = re.compile(r"\b(?:names?|named|identif\w*|surname|dob|date\s+of\s+birth|address)\b", re.IGNORECASE)
FIRST_WORDS = 6


def opening(services: Services, text: str) -> str:
    """A reflection as the list shows it: its first words, any identifier in them masked, so the list never repeats
    the name the worker wants gone."""
    shown, more = first_words(text, FIRST_WORDS)
    for found in find_identifiers(shown, services.identifier_screen):
        shown = shown.replace(found.words, masked(found.words))
    return f"“{shown}{more}”"


def asked(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Her reflections on the audit named, numbered, and the question which to withdraw; None for other words."""
    found = WITHDRAW_WORDS.match(text)
    if found is None:
        return None
    audit_id, named = int(found["audit"]), NAME_SAID.search(found["rest"]) is not None
    mine = [r for r in store.reflections_of(services.storage, audit_id) if r["worker_id"] == turn.user_id]
    if not mine:
        return [Reply(kind="notice", text=f"You have no reflections on audit #{audit_id} to withdraw. Only your own "
                      "can be withdrawn; to remove another text, `redact` it or tell your QA lead which one.")]
    lines = [f"{number}) {opening(services, str(row['text']))}" for number, row in enumerate(mine, 1)]
    choices = tuple(Choice(f"Withdraw {number}", PICK, f"{row['id']}:{'name' if named else ''}")
                    for number, row in enumerate(mine, 1))
    reflection_withdraw_typed.keep(services, turn, audit_id, [choice.value for choice in choices])  # `2` typed next
    return [Reply(text=f"Your reflections on audit #{audit_id}:\n" + "\n".join(lines)
                  + "\nWhich one should I withdraw? Press its button or type its number. It is removed for good; "
                    "nothing else changes.", choices=choices)]


def on_pick(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Remove the reflection picked for good: said to her (with the name gone, when she said there was one) and to
    the auditor."""
    number, _, named = value.partition(":")
    withdrawn = store.withdraw_reflection(services.storage, buttons.record_id(number), turn.user_id, turn.now)
    if withdrawn is None:
        raise StaleAction("That reflection has already been withdrawn. Nothing else was changed.")
    scrub(services.storage, [str(withdrawn["text"])])  # no copy left in the database file's unused space
    audit_id = int(withdrawn["audit_id"])
    gone = " It is gone for good, and the name in it with it: it is no longer stored." if named else \
        " It is gone for good."
    mine = Reply(text=f"Withdrawn: your reflection {opening(services, str(withdrawn['text']))} is no longer on audit "
                      f"#{audit_id}.{gone}")
    audit = store.get_audit(services.storage, audit_id)
    if audit is None or audit.auditor_id == turn.user_id:
        return [mine]
    return [mine, Reply(text=f"{services.directory.label(turn.user_id)} withdrew one of the reflections they added to "
                             f"audit #{audit_id}.", to_user=audit.auditor_id)]


def install(engine: Engine, services: Services) -> None:
    """Register the words that list her reflections, and the button that withdraws the one picked."""
    engine.add_message_handler(lambda turn, text: asked(services, turn, text), priority=PRIORITY)
    engine.add_action(PICK, lambda turn, value: on_pick(services, turn, value))
    engine.add_message_handler(lambda turn, text: reflection_withdraw_typed.picked(services, turn, text, on_pick),
                               priority=reflection_withdraw_typed.PRIORITY)  # `2` typed under the list, in Slack too
    engine.add_turn_watch(lambda turn, _typed: reflection_withdraw_typed.forget_unless_shown(services, turn, PICK))
