"""An action typed when no action is being added (trial 53, F14): a QA lead, just after saving a moderation, typed
`book a home visit to see the child alone - sw s1 by 11/12`. It went to the knowledge base ("Did you mean…
interpreter / left home alone / seen alone") and onto the QA leads' unanswered list.

A line is read as an action when it starts with a verb an action starts with (`book`, `arrange`, `update`…) and ends
with who owns it or when it is due: `- sw s1 by 11/12`, `by next fri`, `owner the worker`, `due 18/12`. It is then
said that no action is being added, with how one is added, and nothing is stored or logged. A question, `when is the
ICPC due by 11/12?`, starts with no such verb and goes to the knowledge base as before.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply

# The verbs an action's sentence starts with in the trials' actions; words that start questions are not among them.
_VERBS = (r"arrange|book|complete|update|review|share|send|visit|hold|convene|write|refer|make|ensure|undertake|ring|"
          r"call|phone|contact|discuss|record|add|upload|request|invite|agree|liaise|escalate|schedule|organi[sz]e|"
          r"obtain|seek|draft|prepare|set\s+up|see|speak|meet|complete|gather|consult|re-?refer|progress|start|"
          r"explore|clarify|confirm|provide|offer|follow\s+up|apply|finali[sz]e|table")
_DAY = r"(?:\d{1,2}(?:[/.]\d{1,2}(?:[/.]\d{2,4})?|(?:st|nd|rd|th)?\s+[a-z]{3,9})|(?:next\s+|this\s+)?[a-z]{3,9}day|" \
       r"(?:next\s+|this\s+)?(?:mon|tue|wed|thu|fri)|tomorrow|end\s+of\s+[a-z ]{3,12}|in\s+\d{1,2}\s+(?:days|weeks?))"
# Who owns it or when it is due, at the end: "- sw s1 by 11/12", "by 11/12", "owner: the worker", "due 18/12"
_TAIL = (rf"(?:\s[-–—]+\s*[\w ().']{{1,30}}?)?\s+(?:by|before|due(?:\s+by)?)\s+{_DAY}"
         rf"|[\s,;–—-]+(?:owner|owned\s+by|assigned\s+to)\b\s*[:=]?\s*[\w ()']{{1,30}}")
ACTION_SHAPED = re.compile(rf"^\s*(?:{_VERBS})\b[^?]{{6,300}}?(?:{_TAIL})\s*[.!]?\s*$", re.IGNORECASE)
NOT_ADDING = ("No action is being added now, so I haven't stored that or passed it on. An action is added by its "
              "audit's auditor: at the actions step of the audit, or, once it is submitted, by reopening it with "
              "`/audit edit N` (N the audit's number) until a moderator opens it. To ask for one as a moderator, "
              "say so in your moderation's reason, or tell the auditor.")


def typed(text: str) -> list[Reply] | None:
    """"No action is being added now" for a line shaped as an action with its owner or due date, typed when no
    audit or moderation is waiting for one; None for any other line (a question goes to the knowledge base)."""
    if ACTION_SHAPED.match(text) is None:
        return None
    return [Reply(kind="notice", text=NOT_ADDING)]
