"""An earlier answer changed in the auditor's own words: "change my answer to q3", "change q3", "actualy i need to
change my answer to q3, …".

Trial 26 typed these at a grade question (question 9) and was told "Please give a grade", with no word of `back` or
of `change 3` at the review. Typed at a question or its evidence note, they now go to that question, and once it is
answered the audit comes back to where they were typed (bot.audits.answer_resume); typed where the answers are
listed (the review, the overall grade, the actions, "Ready to submit?") they do what `change 3` does there.
"""

from __future__ import annotations

import re

from bot.audits import questions as audits_questions
from bot.audits.core import Ctx, load
from bot.audits.flow import Step
from bot.audits.numbering import labels_hint, question_by_label, question_label
from bot.audits.screens import advance_and_render
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

_CHANGE = r"(?:change|chnage|chang|edit|amend|correct|redo|go\s+back\s+to|back\s+to)"
# A question's number, marked as one: 'q3', 'question 3', 'my answer to 3', 'the answer for q 3', 'answer 3'.
_MARKED = (r"(?:(?:my|the|your)\s+)?(?:(?:answers?|ans)(?:\s+(?:to|for|on|at|of))?\s+)?"
           r"(?:question|qu|qn|q)\s*(?:no\.?\s*|number\s*)?#?"
           r"|(?:(?:my|the)\s+)?(?:answers?|ans)(?:\s+(?:to|for|on|at|of))?\s+#?")
# A few words may come first ('actualy i need to', 'sorry can i', 'i want to'), and anything after the number.
CHANGE_ASKED = re.compile(rf"^\s*(?:[\w']+[\s,]+){{0,6}}?{_CHANGE}\s+(?:{_MARKED})(?P<label>\d{{1,3}}[a-z]?)"
                          r"(?![\w/:])(?:[\s,.;:!?)–-].*)?$", re.IGNORECASE | re.DOTALL)
# The new answer said with the number (trial 27: "actually q5 should be no" was "Please answer yes, no or not
# applicable", and the next line went on the question waiting): the question is asked again, to be answered there.
# Trial 29 typed it at the review as "actually q5 shud be n/a shes 11 and talks fine": text-speak is read too, and
# where the answers are listed the new answer (`said`, with any note after it) is given to the question at once.
_SHOULD = r"(?:should|shud|shld|shuld|shoud|sould|shd)"
_BECOME = (rf"(?:{_SHOULD}\s+(?:be|b|have\s+been|hav\s+been|of\s+been|'?ve\s+been|say)"
           r"|(?:is|was)\s+(?:actually|meant\s+to\s+be|supposed\s+to\s+be))")
SHOULD_BE = re.compile(rf"^\s*(?:[\w']+[\s,]+){{0,4}}?(?:{_MARKED})(?P<label>\d{{1,3}}[a-z]?)\s+"
                       rf"(?:{_BECOME}\b[\s:=-]*(?P<said>.*?)|(?:is|was)\s+wrong\b.*?)\s*$",
                       re.IGNORECASE | re.DOTALL)

# Trial 32 typed `change 10 to no` at the review and was told to type `change 10`; `q10 no` and `10 should be no` mean
# the same. With no `q` before it, the number must start the line and the new answer must be one of the plain
# answers, so an action's `change 1 to fri` or a note's "visits every 10 should be weekly" is not read as one.
_PLAIN = (r"(?:yes|y|no|n|n/?a|not\s+applicable|outstanding|good|ri|requires\s+improvement|inadequate|\d{1,3})"
          r"(?![\w/])")
_OPENING = r"^\s*(?:(?:actually|sorry|oops|oh|wait|so|no|ok|okay)[\s,]+){0,3}"
_LABEL = r"(?P<label>\d{1,3}[a-z]?)"
_FLAGS = re.IGNORECASE | re.DOTALL
CHANGE_TO = re.compile(rf"{_OPENING}(?:please\s+)?{_CHANGE}\s+(?:(?:{_MARKED}){_LABEL}\s+(?:to|as|=)\s+(?P<said>.+?)"
                       rf"|{_LABEL.replace('label', 'bare')}\s+(?:to|as|=)\s+(?P<plain>{_PLAIN}.*?))\s*$", _FLAGS)
NUMBER_SHOULD_BE = re.compile(rf"{_OPENING}(?:{_MARKED})?{_LABEL}\s+{_BECOME}\b[\s:=-]*(?P<said>{_PLAIN}.*?)\s*$",
                              _FLAGS)
MARKED_ANSWER = re.compile(rf"{_OPENING}(?:q|question)\s*{_LABEL}\s*[:=,-]?\s+(?P<said>{_PLAIN}.*?)\s*$", _FLAGS)
# The one reader of a new answer said with its number: the first of these that matches the text.
SAID_CHANGES = (SHOULD_BE, CHANGE_TO, NUMBER_SHOULD_BE, MARKED_ANSWER)


def _said_change(text: str) -> tuple[str, str | None] | None:
    """(the question's number, the new answer said with it or None) when the text says an answer changes."""
    said = text.replace("\u2019", "'")
    for pattern in SAID_CHANGES:
        if (found := pattern.match(said)) is not None:
            groups = found.groupdict()
            answer = groups.get("said") or groups.get("plain")
            return (groups.get("label") or groups["bare"]).lower(), (answer.strip() or None) if answer else None
    return None


def asked_label(text: str) -> str | None:
    """The question's number an answer is to be changed for ('3', '2a'), or None."""
    if (change := _said_change(text)) is not None:
        return change[0]
    if (found := CHANGE_ASKED.match(text.replace("\u2019", "'"))) is not None:
        return found.group("label").lower()
    bare = audits_questions.CHANGE_WORDS.match(text)  # `change 3`, `go to q3`
    return None if bare is None else bare.group(1).lower()


def said_answer(text: str) -> str | None:
    """The new answer said with the question's number ("n/a shes 11 and talks fine" in "actually q5 shud be n/a shes
    11 and talks fine"), or None when none is said ("q5 is wrong", "change q5")."""
    change = _said_change(text)
    return None if change is None else change[1]


def _answered(services: Services, turn: Turn, audit_id: int, label: str, said: str,
              jumped: list[Reply]) -> list[Reply]:
    """Question `label`, just jumped to from the review (or a step after it), answered with the words said with its
    number, as if typed there (a note after the answer is kept as its note); the audit then comes back to where
    they were typed. Words that are no answer to it leave the question asked, saying so."""
    at_question = load(services, audit_id)
    notice = Reply(kind="notice", text=f"Changing your answer to question {label}.")
    try:
        answered = audits_questions.typed(services, turn, at_question, said)
    except UserError as error:
        return [*jumped, Reply(kind="error", text=f"I couldn't read that as an answer to question {label}: "
                                                  f"{error}")]
    return [notice, *answered] if answered else jumped


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """The question asked for, where the text asks to change an earlier answer; else None (read as before)."""
    label = asked_label(text)
    if label is None:
        return None
    if ctx.step.name in audits_questions.CHANGE_FROM:
        jumped = audits_questions.change_from_review(services, turn, ctx, label)
        said = said_answer(text)
        return _answered(services, turn, ctx.audit.id, label, said, jumped) if said else jumped
    if ctx.step.name not in ("question", "evidence"):
        return None
    return _jump(services, turn, ctx, label)


def _jump(services: Services, turn: Turn, ctx: Ctx, label: str) -> list[Reply]:
    """To question `label` from the question (or note) waiting, to come back here once it is answered."""
    question = question_by_label(ctx.checklist, ctx.answers, label)
    if question is None:
        raise UserError(f"There is no question {label} in this audit: {labels_hint(ctx.checklist, ctx.answers)}. "
                        "Type `change` and one of those numbers, for example `change 2`.")
    here = ctx.step.question_id or ""
    here_label = question_label(ctx.checklist, here)
    if question.id == here and ctx.step.name == "evidence":  # `change 21` at its own "Why this grade?" (trial 56)
        return advance_and_render(services, turn, ctx, ctx.version, store.Move(
            step=Step("question", here).key, press=f"change:{label}"), before=[Reply(
                kind="notice", text=f"Changing the grade for question {label}: pick the new one, then say why.")])
    if question.id == here:
        raise UserError(f"Question {label} is the one waiting now: answer it here, or type `back` to go to the one "
                        "before.")
    if ctx.checklist.position(question.id) > ctx.checklist.position(here):
        raise UserError(f"Question {label} comes later: answer question {here_label} first. At the review, once "
                        "all the questions are answered, `change` and a number changes any answer.")
    move = store.Move(step=Step("question", question.id).key, state={"resume_at": ctx.step.key},
                      press=f"change:{label}")
    notice = Reply(kind="notice", text=f"Changing your answer to question {label}. Once it is answered, I'll come "
                                       f"back to question {here_label}.")
    return advance_and_render(services, turn, ctx, ctx.version, move, before=[notice])
