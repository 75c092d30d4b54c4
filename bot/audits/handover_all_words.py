"""How people ask to hand all of one worker's actions to someone: `hand over C1's actions to N1`, "hand over all of
C1's actions to me", "reassign all the open actions of social worker c1 to sw n1", and, the worker named before,
"social worker C1 has left, how do i hand over all her actions to the new worker" (trial 62, F8: both plain wordings
got "I'm not sure which of these you mean"). One action by its number is bot.audits.action_handover's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.audits.action_handover import VERB, who_said

_ACTIONS = r"(?:open\s+|outstanding\s+|remaining\s+|current\s+)?actions(?!\s*#?\s*\d)"
_ALL = r"(?:all\s+(?:of\s+)?)?(?:the\s+)?"
_TO = r"(?:(?:over|on|across)\s+)?to\s+(?P<who>\S.*)"
_START = r"(?:^|[\s,.;:!?(])"
_POSSESSIVE = r"(?:'s|’s|s'|'|’|(?<=\d)s)"  # `C1s actions`, the apostrophe left out
_PRONOUN = r"(?:her|his|their|them|(?:a|an|one|this|the|my)\s+[\w-]+(?:'s|’s|s'))"
SHAPES = (
    # "hand over C1's actions to N1", "hand C1's actions over to me", "hand over all of sw c1's actions to N1"
    re.compile(rf"{_START}{VERB}\s+{_ALL}(?P<worker>[^,;?!]+?){_POSSESSIVE}\s+{_ACTIONS}(?:\s+{_TO})?$",
               re.IGNORECASE | re.DOTALL),
    # "hand over all the actions of C1 to N1", "transfer the open actions from sw c1 to me"
    re.compile(rf"{_START}{VERB}\s+{_ALL}{_ACTIONS}\s+(?:of|from|owned\s+by|belonging\s+to)\s+"
               rf"(?P<worker>[^,;?!]+?)(?:\s+{_TO})?$", re.IGNORECASE | re.DOTALL),
)
# "hand over all her actions (to …)": the worker is said elsewhere in the line, or not at all
BY_PRONOUN = re.compile(rf"{_START}{VERB}\s+(?:over\s+)?{_ALL}(?:{_PRONOUN}\s+|every\s+|)(?:{_ACTIONS})\b"
                        rf"(?:\s+(?:of|from)\s+(?:a|the|my)\s+\w+)?(?:\s+(?:over|on|across))?(?:\s+to\s+(?P<who>\S.*))?",
                        re.IGNORECASE | re.DOTALL)
# "social worker C1 has left, …", "C1 left last week and …": who has gone
LEFT_SAID = re.compile(r"^(?:(?:so|ok|hi|right)[\s,]+)?(?P<worker>[^,;?!]+?)\s+(?:has\s+|have\s+|had\s+|'s\s+|just\s+)*"
                       r"(?:left|gone|moved\s+on|resigned|leaving)\b", re.IGNORECASE)
_MOST_WORDS = 6  # a worker's name is a few words; more is a sentence


# A new owner not yet known, said in a question: "… to the new worker", "to someone else", "to a colleague"
VAGUE = re.compile(r"^(?:(?:the|a|an|my|our)\s+(?:new|other|another|next)\b.*|(?:someone|somebody|anyone|another|"
                   r"a\s+colleague|a\s+new\b|whoever|them|him|her)\b.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class AllAsked:
    """All of a worker's actions asked to be handed over: the worker and the new owner as typed (either may be
    empty: a pronoun, "the new worker" not yet known)."""

    worker: str
    who: str


def said(text: str) -> AllAsked | None:
    """`hand over C1's actions to N1` -> AllAsked("C1", "N1"); a line asking how, with the worker named before it
    ("C1 has left, how do i hand over all her actions") -> AllAsked("C1", "…"); None for any other line."""
    line = " ".join((text or "").split())
    for shape in SHAPES:
        if (found := shape.search(line)) is not None and len(found.group("worker").split()) <= _MOST_WORDS:
            return AllAsked(found.group("worker").strip(), _who(found.group("who")))
    if (asked := BY_PRONOUN.search(line)) is None:
        return None
    left = LEFT_SAID.match(line[:asked.start()])
    worker = left.group("worker").strip() if left and len(left.group("worker").split()) <= _MOST_WORDS else ""
    return AllAsked(worker, _who(asked.group("who")))


def _who(rest: str | None) -> str:
    """The new owner as typed; empty when not said or not yet known ("the new worker")."""
    who = who_said(rest or "")
    return "" if VAGUE.match(who) else who
