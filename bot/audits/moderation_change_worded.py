"""A moderator's request to change their decision, in the words people use: put as `change moderation 5` is read.

Trial 28: a QA lead typed `oops i need to change my moderation on 5, wrong reason` and got the knowledge base's "Can
I change an audit after I have submitted it?", though `i need to change my moderation on 5` worked. What people
put around the request is taken off or put plainly here: a slip's lead-in ("oops", "sorry", "actually", "ah",
"whoops", "my bad"), "the moderation I did on 5", and "I made a mistake moderating 5" (or "…in my moderation of
#5"). What follows the audit's number (", wrong reason", "- I put the wrong grade") stays, as before.

The request put plainly goes to bot.audits.moderation_change, as if typed that way; text this leaves as it was is
left to that module's own handler.
"""

from __future__ import annotations

import re

from bot.audits import moderation_change
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn

_SLIP = re.compile(r"^\s*(?:(?:oops|oopsie|whoops|sorry|soz|actually|ah|argh|ugh|damn|hmm+|um+|wait|no\s+wait|"
                   r"hang\s+on|my\s+bad)\b[\s,.!:;-]*)+", re.IGNORECASE)
# "the moderation i did on 5": the words saying whose it is, between "moderation" and "on 5"
_WHOSE = re.compile(r"\bmoderation(?:\s+decision)?\s+(?:that\s+)?i(?:['’]ve|\s+have)?\s+(?:did|done|made|gave|wrote|"
                    r"put)(?=\s)", re.IGNORECASE)
# "i made a mistake moderating 5", "made a mistake in my moderation of #5"; never "…moderating 3 audits", "…2 days ago"
_MISTAKE = re.compile(r"^\s*(?:i\s+(?:have\s+|['’]ve\s+)?|i['’]ve\s+)?(?:made|make|did)\s+(?:a\s+)?(?:mistake|error|"
                      r"slip|mess)\s+(?:(?:in|on|with|when|while)\s+)?(?:moderating|(?:my|the)\s+moderation\s+"
                      r"(?:of|on|for))\s+(?P<rest>(?:audit\s+)?#?\d+\b(?!\s+(?:days?|weeks?|months?|audits?|cases?|times?|of)\b)"
                      r".*)$", re.IGNORECASE | re.DOTALL)


def as_change_request(text: str) -> str:
    """`text` with a slip's lead-in taken off and "the moderation I did on 5" or "made a mistake moderating 5" put
    as `change moderation 5` (what follows the number kept); other text comes back as it was, but for the lead-in."""
    said = _SLIP.sub("", text or "", count=1)
    mistake = _MISTAKE.match(said)
    if mistake is not None:
        return f"change moderation {mistake.group('rest')}"
    return _WHOSE.sub("moderation", said, count=1)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A request to change a moderation put in everyday words, as `change moderation 5` would be; None for text
    this reads no differently (`change moderation 5` itself, and everything else)."""
    plain = as_change_request(text)
    return None if plain == text else moderation_change.typed(services, turn, plain)


def install(engine: Engine, services: Services) -> None:
    """Register the everyday wording, beside `change moderation 5`'s own."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=moderation_change.PRIORITY)
