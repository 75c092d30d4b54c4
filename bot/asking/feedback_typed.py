"""Helpful or Not helpful said in words, about the answer just given (trial 31).

A newly qualified worker typed `was that helpful? yes it was` under an answer and got "Did you mean… What if the bot
cannot answer my question?": the words were searched as a question. Said straight after an answer (`that was
helpful`, `yes it helped`, `not helpful`, `that didn't help`, and `yes it was` or `no` after the question "was that
helpful?"), they press the answer's Helpful or Not helpful, as its buttons would, for the latest answer this person
was given (within `offered.OPEN_FOR`). With no answer to mark, they are told so, never searched.

Trial 51 F15: `Not helpful` under "I'm not sure which of these you mean… Did you mean…" was told "I haven't given you
an answer just now to mark", a dead end. Said of suggestions none of which was picked, it is their own *None of these:
ask the QA leads*: the question is passed to the QA leads, and the asker is told so.
"""

from __future__ import annotations

import re

from bot.asking import offered
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import asks as store

NONE_OF_THESE = "None of these: ask the QA leads"  # the suggestions' own last option (bot.asking.feature)
PRIORITY = 86  # after every step waiting (a note is that note) and an open option's words, before the search (90)
_YES = r"(?:yes|yeah|yep|yup|ye|yh)"
_NO = r"(?:no|nope|nah)"
_IT = r"(?:it|that|this)"
_WASNT = rf"(?:{_IT}\s+(?:wasnt|wasn't|wasn\u2019t|was\s+not|isnt|isn't|isn\u2019t|is\s+not)|not|un)"
_POLITE = r"(?:thanks|thank\s+you|cheers|ta|ok|okay|great|brilliant|lovely)"
# "was that helpful?", as the worker asks it back of themselves before saying
_ASKED = rf"(?:(?:was|is|were)\s+{_IT}\s+(?:any\s+)?(?:helpful|useful|any\s+help)\s*\??)"
_HELPED = (rf"(?:{_YES}[\s,.!-]*)?(?:{_IT}\s+(?:was|is)\s+|{_IT}(?:'|\u2019)?s\s+)?(?:(?:very|really|super|so|v)\s+)?"
           rf"(?:helpful|useful)|(?:{_YES}[\s,.!-]*)?{_IT}\s+(?:helped|did\s+help)(?:\s+(?:a\s+lot|loads|thanks))?")
_NOT_HELPED = (rf"(?:{_NO}[\s,.!-]*)?(?:{_WASNT}\s*(?:very\s+|really\s+|that\s+)?(?:helpful|useful)|"
               rf"{_IT}\s+(?:didnt|didn't|didn\u2019t|did\s+not)\s+help)")
_END = rf"(?:[\s,.!-]*{_POLITE})?[\s.!]*$"
_START = rf"^\s*(?:{_POLITE}[\s,.!-]*)?(?:{_ASKED}[\s,.!-]*)?"
HELPFUL = re.compile(rf"{_START}(?:{_HELPED}){_END}", re.IGNORECASE)
NOT_HELPFUL = re.compile(rf"{_START}(?:{_NOT_HELPED}){_END}", re.IGNORECASE)
# After "was that helpful?" only: `yes it was`, `yes`, `no it wasnt`, `no`
_AFTER_ASKED_YES = re.compile(rf"^\s*{_ASKED}[\s,.!-]*{_YES}(?:[\s,.!-]*{_IT}\s+(?:was|did))?{_END}", re.IGNORECASE)
_AFTER_ASKED_NO = re.compile(rf"^\s*{_ASKED}[\s,.!-]*{_NO}(?:[\s,.!-]*{_IT}\s+(?:wasnt|wasn't|wasn\u2019t|was\s+not|"
                             r"didnt|didn't|didn\u2019t|did\s+not))?" + _END, re.IGNORECASE)


def vote_said(text: str) -> str | None:
    """"1" for Helpful said in words, "0" for Not helpful, None for anything else."""
    if NOT_HELPFUL.match(text) or _AFTER_ASKED_NO.match(text):
        return "0"
    if HELPFUL.match(text) or _AFTER_ASKED_YES.match(text):
        return "1"
    return None


def typed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The latest answer's Helpful or Not helpful pressed, as its button would be, when `text` says which; None for
    other text."""
    vote = vote_said(text)
    if vote is None:
        return None
    last = store.latest_ask(services.storage, turn.user_id, turn.now - offered.OPEN_FOR)
    if vote == "0" and last is not None and last.outcome == "ambiguous" and last.entry_id is None:
        return [Reply(kind="notice", text=f"“Not helpful” under the suggestions is taken as **{NONE_OF_THESE}**."),
                *engine.run_action(turn, "kb.escalate", str(last.id))]
    if last is None or last.entry_id is None:
        if re.match(rf"\s*{_POLITE}\b", text, re.IGNORECASE):
            return None  # "thanks, really helpful" with no answer to mark: small talk, thanked
        return [Reply(text="Thanks for saying. I haven't given you an answer just now to mark: Helpful and Not helpful "
                           "come under each answer, to press (or type `helpful` or `not helpful` straight after it).")]
    return engine.run_action(turn, store.FEEDBACK_OPTION, f"{last.id}:{vote}")


def install(engine: Engine, services: Services) -> None:
    """Read Helpful or Not helpful said in words, before the knowledge base searches them."""
    engine.add_message_handler(lambda turn, text: typed(engine, services, turn, text), priority=PRIORITY)
