"""A question typed during an audit without a "?", read from how it opens (trial 31).

At a yes/no question a newly qualified worker typed `hang on whats the timescale for an icpc again` and was told to
answer yes or no; after `start audit`, `actually no sorry just a question, when is the core group due after icpc`
was "not a checklist". Both were answered aside, the audit waiting, once they ended with "?". Here a question is
read from its opening as well: words that announce one (`hang on`, `quick question`, `just a question`, `can i ask`)
and a question's first words (`whats`, `when is`, `how do i`) once a few words of hesitation (`actually no sorry`)
are set aside.

Two strengths, as the step wants:
- `opens_as_question`, where a choice, a number, a date or a reference is wanted: the step's own reading goes first,
  so a line read here is one that answered nothing.
- `announced_question`, where free text is wanted (an evidence note, a written answer): only a question announced
  as one. A note may well start with a question's words ("when is the next review is unclear") and is kept as the
  answer it is.
"""

from __future__ import annotations

import re
from enum import Enum

# A question's first words: the knowledge base's kind of question. "do", "is", "are" and the like start questions
# too, but only on their own (`looks_like_question`); here they follow hesitation, where they read as one.
QUESTION_OPENINGS = re.compile(
    r"(?:what(?:'|\u2019)?s|wats|what|when(?:'|\u2019)?s|when|how|who|why|where|which|can|could|do|does|should|"
    r"is|are|will|would|whens|hows)\b(?!['\u2019]t)", re.IGNORECASE)  # "can't tell from the file" is no question
# Hesitation before a question, set aside: "actually no sorry", "oh wait", "um", "ok so".
_HESITATION = (r"(?:actually|sorry|soz|no|nope|ok|okay|oh|um+|erm+|hmm+|uh+|so|wait|right|one\s+sec|one\s+second|"
               r"hang\s+on|hold\s+on|just\s+checking)\b")
# Words that say a question is coming: "quick question", "just a question", "can i ask", "before i answer". A bare
# "question" counts only before a pause or a question's first words: "question 12 was hard" is a note.
_QUESTION_NOUN = (r"(?:(?:just\s+)?(?:a\s+)?(?:quick|random|small|side|silly)?\s*(?:question|qn)\b"
                  r"(?:\s+(?:first|though)\b)?)")
_ASKING = (r"(?:can\s+i\s+(?:just\s+)?ask(?:\s+(?:something|a\s+question|you\s+something))?|i\s+have\s+a\s+question|"
           r"before\s+i\s+answer(?:\s+that)?|not\s+an\s+answer)\b")
_PAUSE = r"[\s,.:;!\u2013\u2014-]*"
_STOP = r"\s*[,.:;!\u2013\u2014-]"
_LEAD = re.compile(rf"^\s*(?:(?:{_HESITATION}|{_QUESTION_NOUN}|{_ASKING}){_PAUSE}\s*)+", re.IGNORECASE)
_HESITANT = rf"^\s*(?:{_HESITATION}{_PAUSE}\s*)*"
_ANNOUNCED = re.compile(rf"{_HESITANT}(?:{_ASKING}{_PAUSE}\s*\S|"
                        rf"{_QUESTION_NOUN}(?:{_STOP}|\s+(?={QUESTION_OPENINGS.pattern})))", re.IGNORECASE)
# "hang on", "hold on", "wait": a question announced only when a question's first words follow
_HOLD_ON = re.compile(rf"{_HESITANT}(?:hang\s+on|hold\s+on|wait)\b", re.IGNORECASE)
_MOST_WORDS = 40  # a question typed aside is a line, not a paragraph of notes


def question_part(text: str) -> str:
    """`text` without the hesitation and announcing words before the question: "actually no sorry just a question,
    when is the core group due" -> "when is the core group due"."""
    lead = _LEAD.match(text)
    return text[lead.end():] if lead else text.strip()


def opens_as_question(text: str) -> bool:
    """Whether `text`, typed where a choice or a reference is wanted, opens as a question: announced as one, or
    starting with a question's first words once hesitation is set aside (`hang on whats…`, `sorry, when is…`)."""
    if len(text.split()) > _MOST_WORDS:
        return False
    rest = question_part(text)
    return announced_question(text) or (rest != text.strip() and QUESTION_OPENINGS.match(rest) is not None)


def announced_question(text: str) -> bool:
    """Whether `text` says it is a question (`quick question, …`, `just a question, when is…`), or holds the step
    for one (`hang on whats the timescale…`): a question wherever it is typed, even where a note is wanted."""
    if len(text.split()) > _MOST_WORDS:
        return False
    if _ANNOUNCED.match(text) is not None:
        return True
    held = _HOLD_ON.match(text)
    return held is not None and QUESTION_OPENINGS.match(question_part(text)) is not None


# A question's shape without its "?" (trial 41: `what counts as seen alone for a toddler` and `how do i evidence voice
# of child` were stored as evidence notes): a question's word and what follows it in a question, or a verb first and
# who it asks about.
_WH_SHAPED = re.compile(
    r"^\s*(?:what(?:'|\u2019)?s|wats|what|which|who|when|where|why|how)\s+(?P<verb>is|are|do|does|did|should|would|"
    r"could|can|counts?|means?|happens?|if|much|many|often|long|soon|quickly|far|i|we|to|else|about)\b(?!['\u2019]t)",
    re.IGNORECASE)
_VERB_FIRST = re.compile(r"^\s*(?:can|could|should|shall|do|does|would|will|must|is|are)\s+(?:i|we|you|u|the|a|an|"
                         r"it|this|that|they|there|managers?|workers?|auditors?|moderators?|toddlers?|babies|children|"
                         r"a\s+child|my|our)\b", re.IGNORECASE)
# "when is the next review is unclear", "what is recorded is good": a second verb after a question's words makes a note
_SECOND_VERB = re.compile(r"\b(?:is|are|was|were|isnt|wasnt|arent|werent|seems?|looks?)\b", re.IGNORECASE)
_MOST_SHAPED_WORDS = 25


def shaped_as_question(text: str) -> bool:
    """Whether `text`, typed where a note is wanted, is a question without its "?": opening with a question's word
    and what follows one in a question (`what counts as…`, `how do i…`), or a verb then who it asks about (`can i…`,
    `should the…`). A note that starts so and goes on with its own verb (`when is the next review is unclear`) is a
    note; so is a long one."""
    if len(text.split()) > _MOST_SHAPED_WORDS:
        return False
    shaped = _WH_SHAPED.match(text) or _VERB_FIRST.match(text)
    if shaped is None:
        return False
    return _SECOND_VERB.search(text[shaped.end():]) is None


class Asked(Enum):
    """How surely a line typed where an answer or a note is wanted reads as a question for the bot (trial 60, F28)."""

    SURE = "sure"    # answered as a question, the audit waiting, as with "?"
    MAYBE = "maybe"  # asked: answer it, or keep it as the note?


# A question in the person's own voice anywhere in a line, its verb before its "i" or "we" (`…, do i need to do
# anything`, `what should i do`, `who do i tell`): a note about a case never puts them so. `so do i`, `nor can we`
# are not questions.
_AUX = r"(?:do|does|did|should|shall|can|could|would|will|must|am|have)"
_OWN_QUESTION = re.compile(rf"\b(?P<aux>{_AUX})\s+(?:i|we)\b(?!['\u2019])", re.IGNORECASE)
_NOT_ASKING = re.compile(r"\b(?:so|nor|neither|as|than|then)\s*$", re.IGNORECASE)
_ASKS_THE_BOT = re.compile(r"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:tell|explain|help|advise|remind|clarify|"
                           r"confirm|check|say)\b", re.IGNORECASE)
# Words just before a question that report someone else's (`the child asked can i go home`, `mum said "can we…`):
# a note of their words.
_REPORTED = re.compile(r"\b(?:said|says|saying|asked|asks|asking|told|tells|stated|states|reported|reports|"
                       r"explained|wrote|writes|wondered|wonders|quote[sd]?|replied|replies)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”‘]")
_REPORTED_WORDS = 3  # how near a reporting word must stand before the question
# The last part of a line after a comma, a dash or a stop, where a question follows what it is about.
_CLAUSE_BREAK = re.compile(r"[,;:.!\u2013\u2014]|\s-\s")
# `who is 4`, `where she is happy`: after a comma these words start a note's own clause unless a question's subject
# follows them
_RELATIVE = re.compile(r"^\s*(?:who|which|where|when|whose)\s+(?:is|are|was|were|does|do|did)\s+"
                       r"(?!(?:i|we|the|this|that|a|an|it|my|our|they|he|she|mum|dad)\b)", re.IGNORECASE)
_MOST_SURE_WORDS = 40  # a longer line is evidence that may hold a question: asked, never taken as one


def asked_in_line(text: str) -> Asked | None:
    """How surely `text`, with no "?", is a question for the bot: SURE when it holds a question in the person's own
    voice (`a child is staying with a family friend …, do i need to do anything`, `…, what should i do`), MAYBE when
    such a question is reported (`the child asked can i go home`), the line is long, or its last part is shaped as a
    question (`…, is this private fostering`); None for a note, even one holding a question's word (`explored how
    dad supports the children`, `seen with his sister, who is 4`)."""
    line = " ".join((text or "").split())
    own = next((found for found in _OWN_QUESTION.finditer(line)
                if not _NOT_ASKING.search(line[:found.start()])), None)
    asks_bot = _ASKS_THE_BOT.search(line)
    first = min((found.start() for found in (own, asks_bot) if found is not None), default=None)
    if first is not None:
        before = line[:first]
        reported = (_REPORTED.search(" ".join(before.split()[-_REPORTED_WORDS:])) is not None
                    or _QUOTED.search(before) is not None)
        sure = not reported and len(line.split()) <= _MOST_SURE_WORDS
        return Asked.SURE if sure else Asked.MAYBE
    last = _CLAUSE_BREAK.split(line.rstrip(" .!"))[-1].strip()
    if last != line.strip(" .!") and shaped_as_question(last) and not _RELATIVE.match(last):
        return Asked.MAYBE
    return None
