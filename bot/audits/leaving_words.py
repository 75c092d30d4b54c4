"""Leaving words typed inside an audit: `got to go`, `brb`, `will finish later`, `can i pause this`.

Trial 32: a manager on her phone typed `sorry got to go will finish later` at "Why this grade?" and it was saved as
the grade's evidence; at a yes/no question the same words were told "Please answer yes, no…", and `can i pause this`
was answered by the knowledge base. Only the exact word `pause` paused. Such words at any step of an audit are a
pause (bot.audits.start.pause, which says how to resume), never an answer, a note or an action.

A line counts when it starts with leaving words (after "sorry", "ok", "right" and the like), whatever follows them:
"got to go" later in a sentence ("mum said she had got to go to court") is evidence, not a leaving. A few phrases
nobody writes as evidence ("will finish later", "pick this up later") count wherever they are.

The same words while a moderator writes their decision (Agree / Disagree, the grade, "Why?", an action) pause the
moderation as `pause` does (trials 33 and 35), never its reason.

Pure: bot.audits.conversation reads it before a step's own reader.
"""

from __future__ import annotations

import re

_FILLER = (r"(?:(?:sorry|soz|ok|okay|right|oops|argh|ugh|um+|hmm+|oh|ah|so|sry|apologies|hi|hey|hang\s+on|hold\s+on|"
           r"wait|one\s+sec|1\s+sec)\b[\s,.!:;-]*)*")
# "pause my reminders" is time away (bot.reminders), never the audit's pause.
_NOT_REMINDERS = r"(?!.*\b(?:reminders?|nudges?|notifications?|digests?|chasers?|messages)\b)"
_STARTS = (r"(?:i(?:'?ve| have)?\s+)?(?:got|gotta)\s+(?:to\s+)?(?:go|run|dash|leave|stop|pause)\b",
           r"(?:i\s+)?(?:have|need)\s+to\s+(?:go|run|dash|leave|pause)\b(?!\s*\w)",
           r"gtg\b", r"g2g\b", r"brb\b", r"be\s+right\s+back\b", r"back\s+(?:soon|later|in\s+a\s+(?:bit|min))\b",
           rf"pause\b(?!\s+(?:in|on|of|between|during|to|from)\b){_NOT_REMINDERS}",
           rf"(?:can|could|may)\s+i\s+(?:pause|stop|save)\b{_NOT_REMINDERS}",
           # trial 35: `can i do this later` at a moderation's "Why?" was saved as the reason
           r"(?:can|could|may)\s+i\s+(?:do|finish|complete)\s+(?:this|it|the\s+rest)\s+(?:later|tomorrow)\b",
           r"(?:can|could|may)\s+i\s+come\s+back\s+to\s+(?:this|it)\b",
           r"(?:i'?ll\s+|i\s+will\s+|will\s+)?(?:stop|leave\s+it|leave\s+this)\s+(?:here\s+)?(?:for\s+now|there)\b",
           r"save\s+(?:and|&|n)\s+(?:exit|quit|close|leave)\b", r"save\s+(?:it\s+|this\s+)?for\s+later\b",
           r"(?:i'?ll\s+|ill\s+|i\s+will\s+|will\s+)?(?:finish|complete)\s+(?:this\s+|it\s+|the\s+rest\s+)?"
           r"(?:later|tomorrow)\b",
           r"(?:i'?ll\s+|ill\s+|i\s+will\s+|will\s+)?(?:pick|carry)\s+(?:this|it)\s+(?:up|on)\s+later\b",
           r"(?:i'?ll\s+|ill\s+|i\s+will\s+|will\s+)?come\s+back\s+to\s+(?:this|it)\b",
           r"(?:i'?m\s+|im\s+)?(?:called|pulled)\s+away\b",
           # trial 36: `can we stop here, back after lunch` went onto the QA leads' list mid-audit
           r"(?:(?:can|could|shall)\s+(?:we|i)\s+|let'?s\s+|lets\s+)(?:stop|pause|leave\s+it)\s+(?:here|there|now|"
           r"for\s+(?:now|today|a\s+bit))\b")
_LEAVING_START = re.compile(rf"^\s*{_FILLER}(?:{'|'.join(_STARTS)})", re.IGNORECASE)
# Trial 43: `hang on phone call, pause` at a yes/no question was told to answer yes or no. A pause asked for last, after
# a comma or dash that ends the reason for it, is leaving: `phone call - pause`, `sorry, duty call, pause please`.
_LEAVING_END = re.compile(r"\S\s*[,;:\-–—]+\s*(?:(?:so|just|then|ok|okay|pls|please)\s+)?"
                          r"(?:pause|stop\s+(?:here|for\s+now))(?:\s+(?:this|it|the)(?:\s+audit)?)?"
                          r"(?:\s+(?:please|pls|thanks))?[\s.!?]*$", re.IGNORECASE)
_LEAVING_ANYWHERE = re.compile(r"\b(?:(?:will|i'?ll|ill)\s+finish\s+(?:this\s+|it\s+|the\s+audit\s+)?later"
                               r"|pick\s+(?:this|it)\s+up\s+later)",
                               re.IGNORECASE)


def leaving(text: str) -> bool:
    """Whether `text` says its writer is leaving the audit for now, to be paused rather than stored."""
    said = (text or "").replace("\u2019", "'")
    return bool(_LEAVING_START.match(said) or _LEAVING_ANYWHERE.search(said) or _LEAVING_END.search(said))
