"""How someone feels, said before or instead of a question (trial 43, findings 10 and 11).

A new worker typed `hiya im new started 2 weeks ago in the south team and honestly a bit overwhelmed, how often do i
visit a cin kid`: the opening stopped the question matching (the bare question found its entry), and nothing was
said about being overwhelmed. `im so tired today and i have 3 visits and a core group` was offered core groups and
young carers. Now:

- a message that only says how the person feels (tired, stressed, overwhelmed) gets a short kind reply and the
  entry on workload (the ASYE caseload and workload entry), and is not logged as a question for the QA leads;
- a social opening (a greeting, "i'm new", "started 2 weeks ago", "sorry to bother you", "quick one", "a bit
  overwhelmed") before a question is taken off before the search, and where it said the person is new, stressed or
  overwhelmed, one kind line and the same entry follow the answer.

An opening is taken off only when every clause of it is social, so "hiya, the mum refused entry, what do i do"
keeps what the mum did.
"""

from __future__ import annotations

import re

from bot.core.replies import Choice, Reply
from knowledge.smalltalk import normalise

WORKLOAD_ENTRY = "asye-caseload-and-workload"
_DEGREE = r"(?:(?:so+|really|very|a\s+bit|a\s+little|bit|quite|honestly|just|completely|totally|absolutely|" \
          r"pretty|super|proper|well|that|a\s+wee\s+bit|kind\s+of|kinda|sort\s+of)\s+)*"
_MOOD = (r"(?:tired|exhausted|knackered|shattered|stressed(?:\s+out)?|overwhelmed|drained|burnt\s+out|burned\s+out|"
         r"burning\s+out|swamped|drowning|snowed\s+under|struggling|frazzled|anxious|worn\s+out|run\s+down|"
         r"fed\s+up|nervous|worried|out\s+of\s+my\s+depth|all\s+over\s+the\s+place)")
# "im so tired today", "i am feeling a bit overwhelmed", "feeling stressed", "honestly a bit overwhelmed"
FEELING = re.compile(rf"\b(?:(?:i\s+am|im|i\s+feel|i\s+m|feeling|i\s+am\s+feeling|im\s+feeling)\s+{_DEGREE}{_MOOD}|"
                     rf"(?:a\s+bit|bit|so+|really|honestly)\s+{_DEGREE}{_MOOD})\b")
# the person new in post: "im new", "new here", "just started", "started 2 weeks ago", "first week"; "started" only
# with the person as its subject: "placement started last month, when must the social worker visit?" asks a question
NEW = re.compile(r"\b(?:i\s*m\s+new|im\s+new|i\s+am\s+new|new\s+here|new\s+starter|new\s+to\s+(?:the\s+|this\s+)?"
                 r"(?:team|job|role|council|authority)|"
                 r"(?:^|\bi\s+|\bive\s+|\bi\s+have\s+|\bonly\s+)(?:just\s+)?started\s+(?:here\s+)?(?:(?:a|one|two|three|\d+)\s+"
                 r"(?:days?|weeks?|months?)\s+ago|last\s+(?:week|month)|this\s+week|on\s+monday)|just\s+started|"
                 r"(?:my\s+)?first\s+(?:day|week|month)|newly\s+qualified|nqsw|in\s+my\s+asye)\b")
# the other social words an opening holds: greetings, apologies, "quick one"
_SOCIAL = re.compile(r"\b(?:hi+|hiya|hey+|hello|morning|afternoon|evening|sorry|apologies|quick\s+(?:one|q|question)|"
                     r"silly\s+question|bother(?:ing)?|loads\s+of\s+questions|lots\s+of\s+questions|hope\s+(?:you|u)|"
                     r"(?:im|i\s+am)\s+(?:a\s+)?(?:social\s+worker|sw|asye))\b")
# what starts the question after the opening
_ASKING = re.compile(r"(?:how|what|whats|when|where|which|who|why|is|are|can|could|should|do|does|did|will|would|"
                     r"any|if|whens|wheres|hows|is\s+it|tell\s+me|i\s+need\s+to\s+know)\b", re.IGNORECASE)
# where a clause of the opening ends: a pause, or "and"/"but"/"so" between clauses
_BREAK = re.compile(r"\s*[,.;:!?\u2013\u2014]+\s*|\s+-+\s+|\s+(?:and|but|so)\s+", re.IGNORECASE)


def only_feelings(text: str) -> bool:
    """Whether `text` says how the person feels and asks nothing: "im so tired today and i have 3 visits and a core
    group". A question in it ("…, how do i ask for fewer cases?") goes to the knowledge base instead."""
    if "?" in text or not FEELING.search(normalise(text)):
        return False
    return not any(_ASKING.match(clause) for clause in _clauses(text) if clause)


def _clauses(text: str) -> list[str]:
    return [clause.strip() for clause in _BREAK.split(text.strip())]


def opening_and_question(text: str) -> tuple[str, str]:
    """(the social opening, the question after it): "hiya im new …, how often do i visit a cin kid" -> ("hiya im new
    …", "how often do i visit a cin kid"). The opening is empty, and the text returned whole, unless every clause
    before the question is social (a greeting, being new, an apology, a feeling)."""
    for found in _BREAK.finditer(text):
        rest = text[found.end():]
        if not _ASKING.match(rest):
            continue
        opening = text[:found.start()]
        if opening.strip() and not _ASKING.match(opening.strip()) and \
                all(_social(clause) for clause in _clauses(opening)):
            return opening.strip(), rest.strip()
        return "", text  # the first question starts here, after words that are not only social
    return "", text


def _social(clause: str) -> bool:
    """Whether a clause of an opening is social: a greeting, an apology, being new, a feeling."""
    said = normalise(clause)
    return not said or bool(_SOCIAL.search(said) or NEW.search(said) or FEELING.search(said)
                            or said in {"honestly", "tbh", "right", "ok", "okay", "so", "um", "erm"})


def unsettled(opening: str) -> bool:
    """Whether an opening says the person is new, stressed or overwhelmed: worth a kind line after the answer."""
    said = normalise(opening)
    return bool(FEELING.search(said) or NEW.search(said))


def _offer(question: str | None) -> tuple[Choice, ...]:
    """The workload entry as a button, by its question, when the knowledge base has it."""
    return (Choice(question, "kb.show", WORKLOAD_ENTRY),) if question else ()


def feelings_reply(workload: str | None) -> Reply:
    """A kind reply to "im so tired today": not a practice question, so nothing is logged for the QA leads."""
    return Reply(text="That sounds like a lot to carry today. Take the breaks you can between visits, and if your "
                      "workload often feels like this, say so in supervision: a caseload that is too much is for your "
                      "manager to act on, not a failing on your part. I'm here for any practice or audit question.",
                 choices=_offer(workload))


def kind_line(opening: str, workload: str | None) -> Reply:
    """Said after the answer to a question that opened with being new or overwhelmed."""
    felt = "Feeling like that is very common" if FEELING.search(normalise(opening)) else \
        "The first weeks in a new team are a lot to take in"
    return Reply(text=f"{felt}. Talk to your manager or ASYE assessor in supervision about how it is going; your "
                      "workload is theirs to get right with you, and no question is too small to ask here.",
                 choices=_offer(workload))
