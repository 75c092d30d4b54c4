"""A QA lead's words about the unanswered list, read as what they are rather than noted on it (trial 28).

A QA lead's own instructions landed on the list they were about: `kooth is out of scope, its a local service -
dismiss that` got "I don't know that yet" and became a group of its own (and `kb dismiss 12` then closed it with the
question it was about, "2 questions"); `what questions have people asked that you couldnt answer` got suggestions and
was listed; `out of scope 10`, meant as `kb out-of-scope 10`, got the entries on core groups. From a QA lead or an
admin (those who keep the list), now:

- `out of scope 10`, `dismiss 10` (without `kb`): "Did you mean `/audit kb out-of-scope 10`?", as any command typed
  nearly right is answered (bot.engine.typed_commands), never run unasked: `yes` runs it (trial 39; and the other
  upkeep said in words, bot.asking.desk_words);
- `what questions couldn't you answer`, `unanswered questions`: `/audit kb unanswered`;
- an instruction to the bot about a question on the list (`dismiss that`, `X is out of scope`, `mark it out of
  scope`, `link that to …`): not noted, and told what to type instead, with the number of the one open question
  it names when there is one.

Anyone else's words go on to the knowledge base as before: a practitioner asking what the bot cannot answer is asking
a question it has an entry for.
"""

from __future__ import annotations

import re

from bot.asking import desk_words
from bot.asking.asked_plainly import plainly
from bot.asking.desk_words import closing_meant
from bot.asking.unanswered import QuestionGroup, UnansweredDesk, gist
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import MEANT_ACTION, did_you_mean

__all__ = ["closing_meant"]  # read here before it moved to bot.asking.desk_words

# After everything that waits for typed text (a QA lead's `restore 12` of a learned wording at 85), before the
# typed commands (87) and the knowledge base (90).
PRIORITY = 86
MAX_WORDS = 20

_COULDNT = (r"(?:(?:you|the\s+bot|it|u)\s+(?:couldnt|could\s+not|cant|cannot|didnt|did\s+not|dont|do\s+not|"
            r"wasnt\s+able\s+to|werent\s+able\s+to|failed\s+to|havent|have\s+not|had\s+no\s+answer\s+to)|"
            r"(?:couldnt|could\s+not|cant|didnt|did\s+not)\s+(?:you|the\s+bot|it|u)|"
            r"(?:did|could|can|do)\s+(?:you|the\s+bot|it|u)\s+not)\s+(?:answer(?:ed)?|know)")
LISTING = (
    re.compile(r"^(?:(?:what|which|show(?:\s+me)?|list|see|get|any|are\s+there(?:\s+any)?|whats(?:\s+(?:on|in))?|"
               r"what\s+is(?:\s+(?:on|in))?|what\s+are)\s+)?(?:(?:the|my|our|any)\s+)?unanswered(?:\s+(?:questions?|"
               r"list|queue|ones|asks))?(?:\s+(?:list|queue))?$"),
    re.compile(rf"^(?:(?:what|which|show(?:\s+me)?|list|any|are\s+there(?:\s+any)?)\s+)?(?:(?:the|any)\s+)?"
               rf"(?:questions?|things)\b.{{0,60}}\b{_COULDNT}(?:\s+\w+){{0,3}}$"),
    re.compile(rf"^(?:what|which)\s+(?:(?:questions?|things)\s+)?{_COULDNT}(?:\s+\w+){{0,3}}$"),
    re.compile(rf"^(?:what|which)\s+(?:have|has|did|do)\s+(?:people|staff|workers|users|they|anyone|someone|"
               rf"social\s+workers|colleagues)\s+asked\s+(?:that\s+|which\s+)?{_COULDNT}(?:\s+\w+){{0,3}}$"),
)

_QUESTION_START = re.compile(r"^(?:what|which|why|how|is|are|does|do|can|could|should|would|when|where|who|whats)\b")
_IT = r"(?:that|it|this|them|those|these|the\s+(?:last\s+)?(?:one|ones|question|questions))"
INSTRUCTION = (
    re.compile(r"\b(?:dismiss|close|bin|delete|drop)\s+(?:all|every\s*one|everything)(?:\s+of)?(?:\s+(?:these|them|"
               r"those|the\s+(?:questions|ones)))?\b"),  # trial 39: "dismiss all of these, they were all me"
    re.compile(rf"\b(?:dismiss|close|bin|delete|drop)\s+{_IT}(?:\s+(?:as|for|please|off|now)\b.*)?$"),
    re.compile(rf"\bmark\s+{_IT}\s+(?:as\s+)?(?:out\s+of\s+scope|dismissed|done|closed)\b"),
    re.compile(rf"\b(?:link|answer)\s+{_IT}\s+(?:to|with)\b"),
)
# "kooth is out of scope", "thats out of scope for us": a statement, never a question ("is kooth out of scope?")
STATED = re.compile(r"\b(?:is|are|its|thats|s|theyre)\s+(?:out\s+of\s+scope|not\s+(?:in\s+scope|for\s+us|ours|"
                    r"something\s+we\s+cover))\b")
# words of the instruction itself, not of the question it is about
OWN_WORDS = frozenset(gist("dismiss close mark link answer out of scope local service national that it this "
                           "them those these question one please thanks bin delete drop done for us our not "
                           "cover kb list unanswered").split())


def asks_for_listing(text: str) -> bool:
    """Whether `text` asks for the questions the bot could not answer."""
    said = plainly(text)
    return len(said.split()) <= MAX_WORDS and any(shape.match(said) for shape in LISTING)


def is_instruction(text: str) -> bool:
    """Whether `text` tells the bot what to do with a question on the unanswered list ("dismiss that", "kooth is out
    of scope, its a local service"), rather than asking one."""
    said = plainly(text)
    if not said or len(said.split()) > MAX_WORDS:
        return False
    if any(shape.search(said) for shape in INSTRUCTION):
        return True
    return STATED.search(said) is not None and _QUESTION_START.match(said) is None and not text.rstrip().endswith("?")


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """What a QA lead's or admin's words about the unanswered list mean; None for anyone else's, or other words."""
    command = engine.commands.get("kb")
    if command is None or not command.allowed(turn.person) or services.knowledge is None:
        return None
    meant = desk_words.closing_meant(text) or desk_words.learned_meant(text) or \
        desk_words.link_meant(UnansweredDesk(services, services.knowledge), turn, text)
    if isinstance(meant, str):
        return [Reply(kind="notice", text=meant)]
    if meant is not None:  # trial 39: `yes` to it said "There's no question waiting for a yes"
        offered = did_you_mean(meant, turn, yes_runs=True)
        return [confirmations.meant(services, turn, offered, MEANT_ACTION, f"{meant.name} {meant.rest}")]
    if asks_for_listing(text):
        return engine.dispatch_command(turn, "kb", "unanswered")
    if is_instruction(text):
        return [instead(UnansweredDesk(services, services.knowledge), turn, text)]
    return None


def instead(desk: UnansweredDesk, turn: Turn, text: str) -> Reply:
    """What to type instead of an instruction, with the number of the one open question it names, if any."""
    named = named_group(desk.open_groups(turn.now), text)
    number = str(named.key) if named is not None else "N"
    which = (f" The open question it seems to be about is #{named.key}, _{named.wording}_."
             if named is not None else " N is the question's number in `/audit kb unanswered`.")
    return Reply(kind="notice", title="Unanswered questions",
                 text="That reads as an instruction about the unanswered list, so I haven't added it to the list. "
                      f"To close a question, type `/audit kb out-of-scope {number}` (not one for the knowledge base) "
                      f"or `/audit kb dismiss {number}` (closed without an answer); `/audit kb link {number} <entry "
                      f"id>` sends an entry.{which}")


def named_group(groups: list[QuestionGroup], text: str) -> QuestionGroup | None:
    """The one open group that shares a content word with `text` besides the instruction's own ("kooth"), or None."""
    words = set(gist(text).split()) - OWN_WORDS
    if not words:
        return None
    found = [group for group in groups if words & set(gist(group.wording).split())]
    return found[0] if len(found) == 1 else None


def install(engine: Engine, services: Services) -> None:
    """Register the QA leads' words about the unanswered list, before the typed commands and the knowledge base."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
