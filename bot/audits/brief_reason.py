"""A grade's reason of a few words that does not say why: asked for once more, then kept.

Trial 51 (finding 11): at "Why a different grade?" after `requires improvment`, `no` was refused but `targeted early
help` (three words, the answer to a later question) was stored as the reason the moderator weighs. A reason of
fewer than five words with no verb, negation or judging word in it (`plan lacks dates`, `visits overdue` and `no
contingency plan` say why; `targeted early help` names a thing) is asked for once more, in the words of the refusal;
a second reply is kept whatever it is, so nobody is asked twice.
"""

from __future__ import annotations

import re

from bot.audits.core import Ctx
from bot.audits.flow import parse_reason
from bot.audits.screens import advance_and_render
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

ASKED_KEY = "brief_reason_asked"
FEW_WORDS = 5
# Words that say why on their own: verbs a reason leads with, negations and judgements.
_WHY_TEXT = """
is are was were be been being has have had does do did doesnt dont didnt isnt wasnt arent werent hasnt havent cant
wont not no never nothing none without lacks lack lacking lacked missing misses missed needs need needed shows show
showed shown remains remain continues gives give says say left stays stay drifted drifting slipped lapsed stopped
because since too only poor weak late overdue unclear out outdated incomplete limited insufficient inconsistent
inadequate absent gap gaps drift delay delays delayed concern concerns concerned worry worries risk risks unsafe
unseen unmet ignored fails failed failing unsigned unrecorded uneven patchy vague generic
"""
_WHY_WORDS = frozenset(_WHY_TEXT.split())
_WORD = re.compile(r"[a-z']+")


def says_why(text: str) -> bool:
    """Whether a reason says why: five words or more, or a shorter one with a word of `_WHY_WORDS`, a word ending in
    `n't`, or a past form after its first word (`visits lapsed`; a leading `targeted` describes, it does not say)."""
    words = _WORD.findall((text or "").lower().replace("\u2019", "'"))
    if len(words) >= FEW_WORDS:
        return True
    if any(word.replace("'", "") in _WHY_WORDS or word.endswith("n't") for word in words):
        return True
    return any(word.endswith("ed") and len(word) > 3 for word in words[1:])


def ask_again(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At the grade's reason, a reason that does not say why, asked about for the first time: the step asked again,
    naming what was typed; else None (the reason is taken as typed)."""
    if ctx.step.name != "grade_reason" or ctx.audit.state.get(ASKED_KEY) or says_why(text):
        return None
    parse_reason(text)  # a reply too short to be a sentence at all has its own refusal
    told = Reply(kind="error", text=f"“{' '.join(text.split())}” doesn't say why, so I haven't stored it yet. Please "
                                    "say in a sentence why you chose a different grade from the suggested one, for "
                                    "example what the answers do not show. To keep it as it is, type it again.")
    move = store.Move(step=ctx.step.key, state={ASKED_KEY: True})
    return advance_and_render(services, turn, ctx, ctx.version, move, before=[told])


# A grade's evidence note at "Why this grade?" (trial 52, finding 2: `targeted early help`, the answer to a later
# question, was kept as the only evidence for Requires improvement): asked for once more under the same rule, where
# the words that say what was seen also count, a good grade's evidence being as short as `clear plan with dates`.
# Trial 57 (F18): `health fine` was taken (at a second try) where `visits fine` and `stable home` were refused: a word
# judging what was seen (fine, stable, settled, safe) counts too, so the three are taken alike.
NOTE_ASKED_KEY = "brief_note_asked"
_SEEN_TEXT = """
good clear clearly strong well regular regularly consistent consistently timely detailed thorough evident robust
effective appropriate sound excellent great outstanding positive progress current seen visible weekly fortnightly
monthly every all each both up date dated agreed signed engaged engages attends attend attended
fine ok okay stable settled safe secure happy thriving adequate suitable sufficient reasonable improving
"""
_SEEN_WORDS = frozenset(_SEEN_TEXT.split())
# Trial 58 (F19): a council wants evidence for Good or better, so a note of one or two words that only judge
# (`visits fine`, `reviews fine`, `health fine`, `stable home`) is asked for once more, all alike.
_JUDGED_TEXT = """
fine ok okay good great excellent positive sound well stable settled safe secure happy thriving adequate suitable
sufficient reasonable
"""
_JUDGING = frozenset(_JUDGED_TEXT.split())
JUDGED_ONLY_WORDS = 2
GOOD_OR_BETTER = frozenset({"good", "outstanding"})


def note_says_what(text: str) -> bool:
    """Whether a grade's evidence note says what was seen: as `says_why`, or with a number or a word that describes
    the practice seen (`clear plan with dates`, `visits every 2 weeks`)."""
    words = _WORD.findall((text or "").lower())
    return says_why(text) or any(ch.isdigit() for ch in text) or any(word in _SEEN_WORDS for word in words)


def only_judges(text: str) -> bool:
    """Whether a note is one or two words judging what was seen and saying nothing of it (`visits fine`, `ok`):
    no number, no word saying why, none describing the practice seen (`clear plan` and `regular visits` say)."""
    words = _WORD.findall((text or "").lower())
    if not 0 < len(words) <= JUDGED_ONLY_WORDS or any(ch.isdigit() for ch in text) or says_why(text):
        return False
    return any(word in _JUDGING for word in words) and not any(word in _SEEN_WORDS - _JUDGING for word in words)


def ask_note_again(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At "Why this grade?", a note that says nothing of what was seen, typed for the first time at this question:
    the step asked again, naming what was typed and the grade; else None (the note is kept as typed)."""
    question_id = ctx.step.question_id or ""
    graded = ctx.answers.get(question_id)
    question = ctx.checklist.question(question_id) if graded is not None else None
    asked = ctx.audit.state.get(NOTE_ASKED_KEY) or []
    if question is None or question.type != "scale" or question_id in asked:
        return None
    judged = graded is not None and graded.value in GOOD_OR_BETTER and only_judges(text)
    if note_says_what(text) and not judged:
        return None
    label = question.answer_label(graded.value) if graded is not None else ""
    told = Reply(kind="error", text=f"“{' '.join(text.split())}” doesn't say what you saw on the file, so I haven't "
                                    f"stored it yet. Please say in a sentence what supports **{label}**, for example "
                                    "what the plan or the visits show or lack. To keep it as it is, type it again.")
    move = store.Move(step=ctx.step.key, state={NOTE_ASKED_KEY: [*asked, question_id]})
    return advance_and_render(services, turn, ctx, ctx.version, move, before=[told])
