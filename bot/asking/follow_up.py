"""A follow-up question read with the one before it: "how often after that?" after the return home interview answer.

Trial 18: asked straight after an answer, "how often after that?" was searched on its own and offered reflective
supervision, child protection visits and CIN plan reviews. A short question that points back ("that", "it", "what
about…") and that the knowledge base does not answer on its own is read with the subject of the same person's last
question, if they asked it within `WINDOW` and it found an entry: it is searched as that entry's question followed by
the follow-up, and stored so (`read_with`), so the QA leads see what "that" was. A follow-up's words mean something
only after the question before it, so they are never learned as an entry's wording (`is_read_with`). The asker
may say it was a new question: *Search it on its own* searches its own words (`alone`), as if nothing came before.

Trial 26: `im stuck` answered drift and delay, and in the next terminal session `which managers are behind this
month` was read with it: "this month" was taken as pointing back, and the last question counted though another session
had started since. A time said with "this" ("this month", "this week") points at no earlier answer, the window is
short, and in the terminal chat a question never follows one asked before its session began (`Sessions`).

Trial 48: `is PLO same as pre-proceedings`, straight after the answer on reviews of children in care, was read with
it ("same" was taken as pointing back) and told the review answer was "the closest I have". A question that names
what it compares ("X same as Y", "are X and Y the same") or asks whether something exists ("is there…") points
at nothing said before.

Trial 64: "famliy group conferance before PLO is it required", after the family network meeting answer, was read with
it ("it" was taken as pointing back). A topic named first and then asked about ("… is it required", "… do they have
to go") is what "it" or "they" means (`_FRONTED`), so the question is searched on its own.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import asks as store
from knowledge.entries import Entry

WINDOW = timedelta(minutes=10)
MAX_WORDS = 8  # longer questions say what they are about
MARK = " (following on from: "
_POINTS_BACK = re.compile(
    r"\b(?:that|this|it|its|they|them|those|these|then|there|same)\b|"
    r"^\W*(?:and|but|so|also|what about|how about|what if|and if|or)\b", re.IGNORECASE)


# "this month", "this week": a time from today, not a pointer to the answer before
_TIME_FROM_NOW = re.compile(r"\b(?:this|these)\s+(?:month|week|year|morning|afternoon|evening|quarter|term|days)\b",
                            re.IGNORECASE)
# words after "same as" that still mean the answer before: "the same as before", "same as for a review"
_BACK = r"(?:that|this|it|its|they|them|those|these|then|there|before|last|previous|earlier|above|for)\b"
# "is PLO same as pre-proceedings" compares the two things it names; "is there a form for …", "are there
# timescales" ask whether something exists: neither points back (trial 48)
_NOT_POINTING = re.compile(rf"\bsame(?=\s+as\s+(?!{_BACK})\w)|(?<=\bis )there\b|(?<=\bare )there\b|"
                           r"\bthere(?=(?:'s|\s+is|\s+are)\b)", re.IGNORECASE)
# "are PLO and pre-proceedings the same", "PLO vs pre-proceedings same thing?": two things named, then compared
_BOTH_NAMED = re.compile(r"(\w\s+(?:and|vs|v|versus)\s+(?:[\w'-]+\s+){1,4}?(?:the\s+)?)same\b", re.IGNORECASE)

# "famliy group conferance before PLO is it required": a topic named first, then a short question about it whose "it"
# (or "they") is that topic, not the answer before (trial 64 F6: read with the family network meeting answer). The
# topic is two words or more and opens with no question word: "why is it required", "how long is it" still point back.
_FRONTED = re.compile(r"^\W*(?P<topic>(?!(?:what|why|how|when|where|who|which|whose)\b)[\w'-]+(?:\s+[\w'-]+)+?)"
                      r"\s*[,;-]?\s+"
                      r"(?:is|are|was|does|do|did|can|should|must|will|would)\s+(?:it|they)\b(?P<ask>(?:\s+[\w'-]+){0,3})\W*$",
                      re.IGNORECASE)


def points_back(text: str) -> bool:
    """Whether a question is short and points back at something said before: a question that names its own topic
    and points at nothing is a new one, however short."""
    if len(text.split()) > MAX_WORDS:
        return False
    fronted = _FRONTED.match(text)
    if fronted is not None and not points_back(fronted["topic"]) and not points_back(fronted["ask"]):
        return False  # "fgc before PLO is it required": "it" is the FGC ("section 20 is it the same" still points)
    return _POINTS_BACK.search(_NOT_POINTING.sub(" ", _BOTH_NAMED.sub(r"\1 ", _TIME_FROM_NOW.sub(" ", text)))) \
        is not None


class Sessions:
    """When each person's terminal session began, as the engine's session start says (the first time for each
    person: a terminal chat is one process, and asks again what it waits for while it runs). Slack has no sessions:
    there the window alone decides."""

    def __init__(self) -> None:
        self._began: dict[str, datetime] = {}

    def began(self, turn: Turn) -> list[Reply]:
        """Note the session's start; says nothing."""
        self._began.setdefault(turn.user_id, turn.now)
        return []

    def since(self, turn: Turn) -> datetime:
        """The earliest time a question this person asked may be followed up: `WINDOW` ago, or their session's
        start if later."""
        began = self._began.get(turn.user_id)
        return max(turn.now - WINDOW, began) if began is not None else turn.now - WINDOW


def subject(services: Services, turn: Turn, entries: dict[str, Entry], text: str,
            since: datetime | None = None) -> Entry | None:
    """The entry this person's last question, asked since `since` (default: within `WINDOW`), found (answered or
    picked), when `text` points back at it; else None."""
    if not points_back(text):
        return None
    last = store.latest_ask(services.storage, turn.user_id, since or turn.now - WINDOW)
    if last is None or last.entry_id is None:
        return None
    return entries.get(last.entry_id)


def read_with(question: str, about: Entry) -> str:
    """The follow-up as stored and shown to the QA leads: its words, then the question it follows."""
    return f"{question}{MARK}{about.question})"


def is_read_with(query: str) -> bool:
    """Whether a stored question is a follow-up read with the question before it."""
    return MARK in query


def alone(query: str) -> str:
    """A stored follow-up's own words, without the question it was read with."""
    return query.split(MARK, 1)[0]
