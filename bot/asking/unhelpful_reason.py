"""What was missing: the line typed after pressing Not helpful, kept with the vote for the QA leads.

Trial 18: after Not helpful a practitioner typed "it didnt tell me the actual date". It was searched as a new
question, put on the QA leads' list on its own, and passed on to them without the question it was about. Now
pressing Not helpful invites a line on what was missing and keeps the question beside the conversation (`KEY`) for
`WINDOW`. The next line typed is that reason when it reads as a remark rather than a question (`is_reason`): it is
kept with the vote (screened, as a question is), shown beside the question in `kb unanswered` and sent with it when
it is passed on. A question typed instead (most people ask again in other words) is searched as ever; so is anything
after a button press, a command or the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from bot.asking.said_back import wording_to_say
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import asks as store
from bot.storage import audits as conversations
from bot.storage.common import parse_utc, utc_text

KEY = "kb_unhelpful"  # the question whose answer this person just marked Not helpful, and when
WINDOW = timedelta(minutes=15)
MAX_REASON = 300  # longer lines are cut before they are stored
SEARCH_INSTEAD = "kb.reason_search"  # the button under a kept note: it was a question, search it
INVITATION = ("If you like, tell me in a line what was missing (for example _it didn't give the date_) and I'll "
              "pass it to the QA leads with your question, or ask again in other words.")

# A question asks again; "can't find the date in it" is a remark, so an apostrophe after the word is not a question
_QUESTION = re.compile(
    r"\?\s*$|^\W*(?:what['’]?s|(?:what|when|where|who|whom|whose|why|how|which|can|could|do|does|did|is|are|am|was|"
    r"were|should|shall|would|will|may|might|must|has|have|had|any|tell me|explain|define|show me|give me)\b(?!['’]))",
    re.IGNORECASE)
# How a remark about an answer opens; one opening like a question for the knowledge base ("no access visit", "not
# brought to appointments", "I need…") is not one
_REMARK = re.compile(
    r"^\W*(?:it|that|this|it['’]?s|that['’]?s|the answer|answer|too|wrong|missing|nope|outdated|out of date|"
    r"unclear|vague|(?:needed|wanted|expected|meant)\s+(?:the|a|an|to|it|more|something)|i asked (?:about|for)|"
    r"(?:did|does|was|is|had|has|would)(?:n['’]?t| not)|"
    r"(?:cannot|can['’]?t|could(?:n['’]?t| not))\s+(?:find|see|tell)|no\b[,.!]?\s*(?:it|that|this|the|i)|"
    r"not\s+(?:it|that|this|the (?:right|answer|date|one)|what|helpful|quite|really|enough|relevant|clear)|"
    r"i\s+(?:wanted|needed|expected|meant|was (?:after|looking|asking)|am looking|['’]?m looking|already knew)|"
    r"was (?:after|looking|asking))\b",
    re.IGNORECASE)


def is_reason(text: str, found_nothing: bool) -> bool:
    """Whether a line typed straight after Not helpful says what was missing rather than asking again: never when it
    reads as a question; when it opens as a remark about the answer, or the knowledge base finds nothing for it."""
    if _QUESTION.search(text):
        return False
    return found_nothing or _REMARK.search(text) is not None


LONG_LINE = 15  # words: a line longer than this, right after Not helpful, reads as a new question, not a note


def refused_closing(text: str) -> str:
    """How a refusal of a line typed straight after Not helpful (it held details that could identify someone) asks
    for it again. Trial 49 F14: a new question with a name and date of birth was told to type "what was missing from
    the answer, or your question in other words", which fits only a note. A line with a question mark, worded as a
    question or long is asked for as a question; any other, with both choices said plainly."""
    without = "without any details that could identify a child or family"
    if "?" in text or _QUESTION.search(text) or len(text.split()) > LONG_LINE:
        return f"Please ask your question again {without} (use a case reference such as CR-123456 if you need one)."
    return f"Please type it again {without}: either what the answer was missing, or your question in other words."


def invite(services: Services, turn: Turn, ask_id: int) -> None:
    """Wait, for `WINDOW`, for a line saying what was missing from the answer to question `ask_id`."""
    conversations.keep_aside(services.storage, turn.user_id, KEY, {"ask": ask_id, "at": utc_text(turn.now)},
                             turn.now)


def waiting_for(services: Services, turn: Turn) -> int | None:
    """The question whose Not-helpful reason this person's next typed line may be, within `WINDOW`."""
    kept = conversations.conversation(services.storage, turn.user_id).get(KEY)
    if not isinstance(kept, dict) or not isinstance(kept.get("ask"), int) or not isinstance(kept.get("at"), str):
        return None
    try:
        since = parse_utc(kept["at"])
    except ValueError:
        return None
    return kept["ask"] if timedelta(0) <= turn.now - since <= WINDOW else None


def stop_waiting(services: Services, turn: Turn) -> None:
    """Anything typed next is a question again."""
    conversations.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)


def keep(services: Services, turn: Turn, ask_id: int, reason: str,
         pass_on: Callable[[store.Ask], list[Reply]] | None = None) -> list[Reply]:
    """Keep a screened `reason` with this person's Not helpful vote on question `ask_id`, and say where it went: on
    the QA leads' list with the question, and, for the asker's own question not yet passed on, to the QA leads with
    it through `pass_on` (the deliveries): the note is the request (trial 46 F19: it took a second press)."""
    stop_waiting(services, turn)
    ask = store.get_ask(services.storage, ask_id)
    if ask is None or not store.note_reason(services.storage, ask_id, turn.user_id, reason[:MAX_REASON]):
        return [Reply(text="I couldn't find the answer you marked Not helpful any more, so I haven't noted that. "
                           "Ask your question again if you still need it.")]
    wording = wording_to_say(services, ask.query)
    about = f" (_{' '.join(wording.split())}_)" if wording is not None else ""
    instead = Choice("No, it was a new question: search it", SEARCH_INSTEAD, str(ask_id))
    if ask.user_id != turn.user_id or ask.escalated_at is not None:
        return [Reply(text=f"Thanks: I've noted that with the question{about} on the QA leads' list.",
                      choices=(instead,))]
    if pass_on is not None:
        return [*pass_on(ask), Reply(text=f"Thanks: I've passed your question{about} and your note to the QA leads. "
                                          "They will reply to you.", choices=(instead,))]
    return [Reply(text=f"Thanks: I've noted that with your question{about} on the QA leads' list. To have them "
                       "reply to you, press Pass my question to the QA leads.",
                  choices=(Choice("Pass my question to the QA leads", "kb.escalate", str(ask_id), style="primary"),
                           instead))]


def taken_back(services: Services, turn: Turn, ask_id: int) -> str | None:
    """`SEARCH_INSTEAD`: the line kept as what was missing was a new question (a remark and a question in keywords
    can read alike: "needed the fostering regs timescale"); the note is taken off the vote and returned, to be
    searched. None when this person has no note on it any more."""
    return store.take_reason(services.storage, ask_id, turn.user_id)


def said_with(services: Services, ask_id: int) -> str:
    """The reasons given for question `ask_id`, as lines to add where it is passed on ("" when none, or none may be
    said back)."""
    reasons = [said for reason in store.reasons_for(services.storage, ask_id)
               if (said := wording_to_say(services, reason)) is not None]
    return "".join(f"\nWhat was missing, they said: _{' '.join(reason.split())}_" for reason in reasons[-2:])


def drop_on_press(services: Services, turn: Turn,
                  typed_text: str | None) -> Callable[[list[Reply]], list[Reply]] | None:
    """A button pressed or an `/audit` command: the next line typed is a question again."""
    if typed_text is None:
        stop_waiting(services, turn)
    return None
