"""A worker asking for the audit of their case in their own words, routed to the list that shows it (trial 41).

A social worker typed `hiya, just had my case audited, where can i see it` and `what did the auditor say about my
case` (knowledge-base options), `my audtis` and `my actons` (menus: `my audits` and `my actions` list them), and `can
i see the audit for cr687096` (the entry on who can see an audit). None is a practice question: each is a list the
person may read, and a list only reads, so it runs at once.

- The worker's own case said audited, or the auditor's words on it asked for: `list mine` (their audits and their
  cases').
- `my audits` or `my actions` with a word one letter off (`audtis`, `actons`): read as typed right, by the same
  one-letter reading as every near miss of a single word (bot.engine.near_miss.one_off), and said so.
- An audit asked to be seen, with a case reference: `list case <reference>`, the audits of that case the person may
  read (the reference is checked as every typed one is, so an identifier is refused, never listed).
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.near_miss import one_off
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import check_case_reference
from knowledge.smalltalk import normalise

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)

_SEE = r"(?:see|read|view|find|look\s+at|get|open|check|access)"
# "just had my case audited, where can i see it", "my case was audited last week - how do i read it"
_CASE_AUDITED = re.compile(r"\bmy\s+(?:case|cases|family|familys)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|"
                           r"got\s+|just\s+got\s+|been\s+)?(?:just\s+)?(?:audited|audit\s+done)\b")
_AFTER_IT = re.compile(rf"\b(?:where|{_SEE}|feedback|result|results|outcome)\b")
# "what did the auditor say about my case", "what did my audit say", "wheres the feedback from my audit"
_AUDITOR_SAID = re.compile(r"^(?:what|wat|wot)\s+(?:did|has|have)\s+(?:the|my)\s+(?:auditor|audit|manager|tm)\s+"
                           r"(?:say|said|think|thought|write|written|put|find|found|give|given)\b"
                           r"(?:\s+(?:about|on|of|for)\s+(?:my\s+(?:case|audit|work)|it))?$")
_FEEDBACK = re.compile(rf"^(?:where\s+(?:is|s|can\s+i\s+{_SEE})|how\s+(?:do|can)\s+i\s+{_SEE})\s+(?:the\s+|my\s+)?"
                       r"(?:audit\s+)?(?:feedback|audit|audits)\s+(?:from|of|on|for)\s+my\s+(?:case|cases|audit)$")
# "can i see the audit for cr687096", "show me the audits on CR-123456", "where is the audit of cr 123456"
_CASE_AUDIT = re.compile(rf"^(?:(?:can|could|may)\s+i\s+(?:please\s+)?{_SEE}|{_SEE}|show(?:\s+me)?|where\s+(?:is|are|s)"
                         rf"|i\s+(?:want|need|would\s+like|d\s+like)\s+to\s+{_SEE})\s+(?:the\s+|my\s+)?"
                         r"(?:audits?|audit\s+feedback|feedback)\s+(?:for|of|on|about)\s+(?:case\s+)?"
                         r"(?P<ref>[a-z]{2,4}\s*-?\s*\d{4,10})(?:\s+(?:please|pls|thanks))?$")
# `my audits`, `show my actions`: the words bot.audits.feature.LIST_MINE and LIST_ACTIONS read, one of them mistyped
_MY_WORD = re.compile(r"^(?P<lead>(?:(?:show|list|see|view|get)\s+(?:me\s+)?)?(?:all\s+)?my\s+)(?P<word>[a-z]{5,9})$")
_LISTED_AS = {"audits": "mine", "actions": ""}


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The list these words ask for, run; None for any other line."""
    said = plainly(text)
    if (_CASE_AUDITED.search(said) and _AFTER_IT.search(said)) or _AUDITOR_SAID.match(said) or \
            _FEEDBACK.match(said):
        return engine.dispatch_command(turn, "list", "mine")
    if (mistyped := _MY_WORD.match(said)) is not None:
        return _mistyped(engine, turn, mistyped.group("lead"), mistyped.group("word"))
    if (case := _CASE_AUDIT.match(said) or _CASE_AUDIT.match(normalise(text))) is not None:  # "show me the audit…"
        return _case_listed(engine, services, turn, case.group("ref"))
    return None


def _mistyped(engine: Engine, turn: Turn, lead: str, word: str) -> list[Reply] | None:
    """`my audtis` as `my audits`, said so above the list; None for a word no nearer one than another."""
    meant = one_off(word, _LISTED_AS)
    if meant is None:
        return None
    told = Reply(kind="notice", text=f"Reading that as `{lead}{meant}`:")
    command = "list" if meant == "audits" else "actions"
    return [told, *engine.dispatch_command(turn, command, _LISTED_AS[meant])]


def _case_listed(engine: Engine, services: Services, turn: Turn, typed: str) -> list[Reply] | None:
    """The audits of the case the person may read (`list case`); None for words that are no case reference."""
    try:
        reference = check_case_reference(typed, services.settings.case_reference_pattern, services.identifier_screen)
    except UserError:
        return None
    return engine.dispatch_command(turn, "list", f"case {reference}")


def install(engine: Engine, services: Services) -> None:
    """Register a worker's words for their audits, before the knowledge base answers them."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
