"""Who is behind on their audits, asked in words: "whos behind on their audits this month", "who hasnt done their
audits", "managers behind target", "how do i see which managers are behind on audits?", "who did what last month".

Trial 26: a head of service asked all five and got "not sure" suggestions ("who hasnt done their audits" offered the
entries on a child found unsafe and a child seen alone); only `auditors` and "who has done what this month" worked.
Each is `/audit auditors` over the period said (this month unless another is), with its role check: every auditor's
count against their monthly target, team by team.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.core.replies import Reply
from bot.engine.routing import Engine, Turn

_PERIOD = r"(?:\s+(?:for\s+|in\s+)?(?P<period>(?:this|last)\s+(?:month|week))(?:\s+so\s+far)?)?"
_HOW_DO_I = (r"(?:(?:how\s+(?:do|can|would|could)\s+i|where\s+(?:do|can)\s+i|can\s+i|i\s+(?:want|need)\s+to)\s+"
             r"(?:see|find(?:\s+out)?|check|tell|know|get|look\s+up|spot)\s+)?")
_WHO = (r"(?:who(?:s|\s+is|\s+are)?|which\s+(?:of\s+(?:my|the|our)\s+)?(?:team\s+)?"
        r"(?:managers?|auditors?|people|staff|workers?|teams?|services?)(?:\s+(?:is|are))?)")
_TARGET = r"(?:(?:monthly\s+)?(?:audit\s+)?(?:targets?|expectations?|quotas?))"
_AUDITS = rf"(?:audits?|{_TARGET}|audit\s+quota|numbers)"
_ON_AUDITS = rf"(?:\s+(?:on|with|against)\s+(?:their\s+|the\s+|our\s+|his\s+|her\s+)?{_AUDITS})?"
# "behind on audits", "behind target", "below their target", "under expectation", "falling behind the audit target"
_BEHIND = (rf"(?:falling\s+|getting\s+|running\s+)?(?:behind{_ON_AUDITS}|(?:behind|below|under)\s+"
           rf"(?:their\s+|the\s+|our\s+|its\s+)?{_TARGET}(?:\s+(?:on|for|with)\s+(?:their\s+|the\s+)?audits?)?)")
ASKED = (
    re.compile(rf"^{_HOW_DO_I}{_WHO}\s+{_BEHIND}{_PERIOD}$"),
    re.compile(rf"^{_HOW_DO_I}who\s+(?:hasnt|has\s+not|havent|have\s+not|didnt|did\s+not|hasn\s+t|isnt|is\s+not)\s+"
               rf"(?:done|completed|finished|met|hit|reached|submitted|meeting|hitting|doing)\s+"
               rf"(?:their\s+|any\s+|all\s+their\s+|the(?:ir)?\s+monthly\s+|enough\s+)?{_AUDITS}{_PERIOD}$"),
    re.compile(rf"^{_HOW_DO_I}(?:team\s+)?(?:managers?|auditors?|teams?)\s+(?:who\s+are\s+|that\s+are\s+)?"
               rf"(?:{_BEHIND}|behind\s+(?:on\s+)?(?:their\s+|the\s+)?{_AUDITS}){_PERIOD}$"),
    re.compile(rf"^{_HOW_DO_I}{_WHO}\s+(?:not\s+)?(?:meeting|hitting|on\s+track\s+(?:with|for))\s+"
               rf"(?:their\s+|the\s+)?{_AUDITS}{_PERIOD}$"),
    re.compile(rf"^{_HOW_DO_I}who\s+did\s+(?:what|how\s+many(?:\s+audits)?){_PERIOD}$"),
    # "how are we doing against audit targets across the service" (trial 62 F9: a Did you mean of how-to entries)
    re.compile(rf"^how\s+(?:are|is|s)\s+(?:we|the\s+service|the\s+teams|our\s+teams|each\s+team|every\s+team|"
               rf"everyone|my\s+teams)\s+(?:doing|getting\s+on|performing|tracking|going)\s+(?:against|on|with|"
               rf"for)\s+(?:our\s+|the\s+|their\s+)?{_TARGET}(?:\s+(?:across|in|for)\s+(?:the\s+|all\s+(?:the\s+)?)?"
               rf"(?:service|whole\s+service|teams?))?{_PERIOD}$"),
)


def asked_period(text: str) -> str | None:
    """The period a question about who is behind asks after ('this month' when it says none), or None when the text
    asks something else."""
    said = plainly(text)
    for shape in ASKED:
        found = shape.match(said)
        if found is not None:
            return " ".join((found.group("period") or "this month").split())
    return None


def routed(engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit auditors` for the period asked, with its role check; None for anything else."""
    period = asked_period(text)
    if period is None:
        return None
    return engine.dispatch_command(turn, "auditors", period)


def install(engine: Engine) -> None:
    """Register who is behind asked in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: routed(engine, turn, text), priority=27)
