"""The audit conversation as an explicit, pure state machine: where an audit stands and where it goes next.

States, in order:

    choose_checklist -> case_reference -> worker -> question:<id> [-> evidence:<id> after a scale answer]
    -> ... -> review -> overall_grade [-> grade_reason when the suggested grade is changed]
    -> strengths -> development -> actions [-> action_owner -> action_due -> actions] -> submit
    and, from any state, paused (resume returns to the same step) or cancelled.

Nothing here talks to Slack or the database: features store the step text (`Step.key`) with a
compare-and-set, and render whatever step this module says comes next. That keeps every rule testable.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from bot.audits.grade_words import read_grade
from bot.audits.hedged_answers import hedged, unsure, vague_note
from bot.audits.note_labels import without_label
from bot.audits.option_words import matching_options
from bot.audits.question_opening import opens_as_question
from bot.audits.yes_no_words import thumb, yes_or_no
from bot.core.audit_rules import Answers, missing_answers, needs_evidence, visible_questions
from bot.core.sentences import MIN_SENTENCE_CHARS, in_a_sentence, says_something
from knowledge.checklist_schema import GRADE_LABELS, GRADES, NO_DATE, NOT_APPLICABLE, Answer, Checklist, Question
from knowledge.dates import (
    DateError,
    Tense,
    check_tense,
    day_off,
    give_or_keep,
    kept_anyway,
    long_date,
    month_alone,
    parse_day,
)

FLOW_STEPS = ("choose_checklist", "case_reference", "worker", "question", "evidence", "review", "overall_grade",
              "grade_reason", "strengths", "development", "actions", "action_owner", "action_due", "submit")
END_STATES = ("paused", "cancelled")
TYPED_STEPS = frozenset({"case_reference", "evidence", "grade_reason", "strengths", "development", "actions",
                         "action_owner", "action_due"})
OPTIONAL_TYPED_STEPS = frozenset({"strengths", "development"})
MAX_TEXT_CHARS = 2000
MIN_EVIDENCE_CHARS = MIN_SENTENCE_CHARS  # a note someone else weighs is a sentence (bot.core.sentences)


class AnswerError(ValueError):
    """A typed or pressed answer that does not fit the question; the message says what to write instead."""


@dataclass(frozen=True)
class Step:
    """Where an audit stands: a state name, and the question for question and evidence steps."""

    name: str
    question_id: str | None = None

    @property
    def key(self) -> str:
        """The text stored in audits.step, e.g. 'question:assessment-timely'."""
        return f"{self.name}:{self.question_id}" if self.question_id else self.name

    @classmethod
    def parse(cls, key: str) -> Step:
        name, _, question_id = key.partition(":")
        if name not in FLOW_STEPS:
            raise ValueError(f"unknown audit step {key!r}")
        return cls(name, question_id or None)

    @property
    def wants_text(self) -> bool:
        """Whether the step is answered by typing rather than by pressing a button."""
        return self.name in TYPED_STEPS


# -- which questions are asked -----------------------------------------------------------------------------

# -- moving through the states -----------------------------------------------------------------------------

def first_question_step(checklist: Checklist, answers: Answers) -> Step:
    visible = visible_questions(checklist, answers)
    return Step("question", visible[0].id) if visible else Step("review")


def _question_after(checklist: Checklist, answers: Answers, question_id: str) -> Step:
    position = checklist.position(question_id)
    for question in visible_questions(checklist, answers):
        if checklist.position(question.id) > position:
            return Step("question", question.id)
    return Step("review")


def _back_to_review(checklist: Checklist, answers: Answers, after: str, asked: Collection[str] | None) -> Step:
    """After a change made from the review: the first question the change left wanting (a required one unanswered,
    a grade without its note) or brought in unasked (an optional follow-up after `after` that was not among the
    questions `asked` when the auditor left the review), else the review."""
    missing = set(missing_answers(checklist, answers))
    position = checklist.position(after)
    for question in visible_questions(checklist, answers):
        brought_in = (asked is not None and question.id not in asked and question.id not in answers
                      and checklist.position(question.id) > position)
        if question.id in missing or brought_in:
            return Step("question", question.id)
    return Step("review")


def next_step(checklist: Checklist, answers: Answers, current: Step, grade_changed: bool = False,
              revisiting: bool = False, asked: Collection[str] | None = None) -> Step:
    """The step after `current`, once it has been answered (or skipped).

    A scale answer is followed by its evidence note; show_if is read from `answers`, so a question that an
    earlier answer hides is passed over; a changed overall grade needs a reason before strengths. When the
    auditor jumped from the review to change one answer (`revisiting`), the flow goes back to the review,
    unless the change brought in questions not asked yet: those come first, as on a first pass, required ones
    with no answer and optional ones that were not among the questions the review showed (`asked`, when known).
    """
    name = current.name
    if name == "choose_checklist":
        return Step("case_reference")
    if name == "case_reference":
        return Step("worker")
    if name == "worker":
        return first_question_step(checklist, answers)
    if name == "question":
        question = checklist.question(current.question_id or "")
        answer = answers.get(question.id)
        if needs_evidence(question, answer):
            return Step("evidence", question.id)
        if revisiting:
            return _back_to_review(checklist, answers, question.id, asked)
        return _question_after(checklist, answers, question.id)
    if name == "evidence":
        if revisiting:
            return _back_to_review(checklist, answers, current.question_id or "", asked)
        return _question_after(checklist, answers, current.question_id or "")
    if name == "overall_grade":
        return Step("grade_reason") if grade_changed else Step("strengths")
    if name == "action_owner":
        return Step("action_due")
    if name == "action_due":
        return Step("actions")
    following = {"review": "overall_grade", "grade_reason": "strengths", "strengths": "development",
                 "development": "actions", "actions": "submit"}
    if name in following:
        return Step(following[name])
    raise ValueError(f"no step follows {current.key!r}")


def previous_step(checklist: Checklist, answers: Answers, current: Step) -> Step | None:
    """Where Back goes from `current`; None when there is nothing to go back to (the case is fixed)."""
    name = current.name
    if name in ("choose_checklist", "worker"):
        return None
    if name == "case_reference":
        return Step("choose_checklist")
    if name in ("question", "evidence", "review"):
        visible = visible_questions(checklist, answers)
        if name == "evidence":
            return Step("question", current.question_id)
        if name == "review":
            return Step("question", visible[-1].id) if visible else Step("worker")
        position = checklist.position(current.question_id or "")
        before = [q for q in visible if checklist.position(q.id) < position]
        return Step("question", before[-1].id) if before else Step("worker")
    backwards = {"overall_grade": "review", "grade_reason": "overall_grade", "strengths": "overall_grade",
                 "development": "strengths", "actions": "development", "action_owner": "actions",
                 "action_due": "action_owner", "submit": "actions"}
    return Step(backwards[name])


def can_skip(checklist: Checklist, current: Step) -> bool:
    """Only optional questions and the optional typed notes may be skipped."""
    if current.name == "question":
        return not checklist.question(current.question_id or "").required
    return current.name in OPTIONAL_TYPED_STEPS


def gone_past(checklist: Checklist, current: Step, question_id: str) -> bool:
    """Whether an audit standing at `current` has gone past the question, on its way through the questions: an
    optional question left unanswered is then skipped, and before that only not answered yet (a trial's draft paused
    at question 8 listed question 12, never reached, as skipped). From the review on, every question was passed."""
    if current.name in ("choose_checklist", "case_reference", "worker"):
        return False
    if current.name not in ("question", "evidence"):
        return True
    return checklist.position(question_id) < checklist.position(current.question_id or "")


# -- judgements drawn from the answers ---------------------------------------------------------------------

def flags(checklist: Checklist, answers: Answers) -> list[tuple[Question, Answer]]:
    """Answers that the checklist marks as worth a second look (flag_if), in question order."""
    return [(q, answers[q.id]) for q in visible_questions(checklist, answers)
            if q.id in answers and q.flags(answers[q.id].value)]


def is_flagged(question: Question, value: str) -> bool:
    """flag_if answers, and number answers at or over flag_at_least."""
    return question.flags(value)


# -- parsing what people type or press ---------------------------------------------------------------------

_NA = {"na", "n/a", "not applicable", "n.a.", "not relevant"}
# At a date question, there being no date (trial 59, F8): stored as NO_DATE, "Never / not known"
_NO_DATE_WORDS = _NA | {"never", "never done", "not done", "never been done", "not ever", "not known", "unknown",
                        "no date", "none", "no", "nope", "not recorded", "no record", "never happened"}
# ... and the ways auditors say the file holds none (trial 60, F29): `not on file`, `none recorded`, `date not known`
_NO_DATE_SAID = re.compile(r"(?:(?:the\s+)?date\s+)?(?:not|none|nothing|no\s+date|never)\s+(?:recorded|on\s+(?:the\s+)?"
                           r"(?:file|system|records?)|found|available|known|given)(?:\s+on\s+(?:the\s+)?(?:file|system))?"
                           r"|(?:i\s+)?(?:don'?t|do\s+not)\s+know|n/?k|unclear|no\s+record(?:\s+of\s+(?:it|one|a\s+date))?"
                           r"|(?:i\s+)?(?:can'?t|cannot)\s+find(?:\s+(?:it|one|a\s+date))?")
# A grade's shorthand typed alone, which no answer in words is ("good" or "outstanding" may be)
_GRADE_SHORTHAND = re.compile(r"r\.?\s?i\.?|rit|req(?:uires)?\.?\s+imp(?:rovement)?(?:\s+to\s+be\s+good)?|"
                              r"inadequate|requires\s+improvement")
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
# A count is stored in 0-9 only: "١" (Arabic-Indic one) is refused and asked again, as option numbers are (fix81d),
# while `is_bare_number` still treats any script's digits as a number where words are wanted.
_COUNT = re.compile(_NUMBER.pattern, re.ASCII)


def no_date_said(typed: str) -> bool:
    """Whether `typed`, at a date question, says there is no date: `never`, `not known`, `not recorded`, `not on
    file`, `none recorded` (stored as NO_DATE, "Never / not known")."""
    said = " ".join(typed.lower().replace("\u2019", "'").split()).rstrip(".! ")
    return said in _NO_DATE_WORDS or _NO_DATE_SAID.fullmatch(said) is not None


def parse_answer(question: Question, text: str, today: dt.date | None = None) -> str:
    """Turn what a person typed or pressed into the stored answer, or raise AnswerError saying what fits.

    `today` (from the injected clock) lets dates be written as people say them ("last Friday", "15 January")
    and refuses a future date unless the checklist says `allow_future: true`.
    """
    raw = (text or "").strip()
    lowered = " ".join(raw.lower().split())
    kind = question.type
    if kind == "yes_no":
        said = yes_or_no(lowered) or thumb(raw)  # "yes.", "No!", "yeah", "yse", `👍` (bot.audits.yes_no_words)
        if said is not None:
            return said
        if lowered in _NA and question.allow_na:
            return "na"
        hedge = hedged(question, raw)  # "not really" alone (bot.audits.hedged_answers); with words after, a note
        if hedge is not None and hedge[1] is None:
            return hedge[0]
        raise AnswerError(_not_yes_or_no(question, raw))
    if kind == "scale":
        grade = read_grade(lowered)
        if grade is not None:
            return grade
        if lowered in _NA and question.allow_na:
            return NOT_APPLICABLE
        also = " or Not applicable" if question.allow_na else ""
        raise AnswerError("Please give a grade: " + ", ".join(GRADE_LABELS[g] for g in GRADES)
                          + f"{also} (or press one of the buttons).")
    if kind == "choice":
        return _choice(question.options, raw)
    if kind == "date":
        return NO_DATE if no_date_said(lowered) else _dated(question, raw, today)
    if kind == "number":
        return counted(number_in_sentence(raw), question.decimals)
    leave = "." if question.required else ", or `skip` (or press Skip) to leave it out: it is optional."
    if _GRADE_SHORTHAND.fullmatch(lowered):  # trial 19: `ri`, meant for the next grade, was kept as the answer
        raise AnswerError(f"“{raw}” reads as a grade, but this question asks for words, so nothing was saved. "
                          f"Type your answer in words{leave}")
    if yes_or_no(lowered) is not None:  # trial 21: `yes`, typed quickly through the questions, was kept unsaid
        raise AnswerError(f"“{raw}” answers yes or no, but this question asks for words, so nothing was saved. "
                          f"Type your answer in words{leave}")
    return parse_words(raw, "answer", f"Type your answer in words{leave}")


def _not_yes_or_no(question: Question, raw: str) -> str:
    """Why a yes/no question's typed answer was not stored: which answers it takes, and, for `dunno`, `not sure` or
    `tbc` (bot.audits.hedged_answers.unsure), what to do when the file does not say (trial 29)."""
    options = "yes, no or not applicable" if question.allow_na else "yes or no"
    if not question.allow_na and " ".join(raw.lower().split()) in _NA:  # trial 55 (F16): `N/A` where none is offered
        return "This question has no 'not applicable': answer yes or no (add a note to explain, like `no, <why>`)."
    said = unsure(raw)
    if said is None:
        return f"Please answer {options} (or press one of the buttons)."
    later = ("or type `skip` to leave it out: it is optional" if not question.required
             else "to check the file first, type `pause` and come back to it")
    return (f"“{said}” isn't an answer I can store, so nothing was saved. Give the answer the file "
            f"supports, with a note on what is unclear (`yes, …` or `no, …`); {later}.")


def _dated(question: Question, raw: str, today: dt.date | None) -> str:
    """A date question's answer stored as an ISO date; a line that is no date at all is told of `never` / `not
    known` too, the answer where there is none (trial 59, F8: a manager could only invent a date or pause)."""
    try:
        return _date_answer(question, raw, today).isoformat()
    except AnswerError as error:
        if str(error).startswith("I could not read"):
            raise AnswerError(f"{error} If there is no date, type `never` or `not known`.") from None
        raise


def _date_answer(question: Question, raw: str, today: dt.date | None) -> dt.date:
    """The date a date question's answer names: when something happened, by default; with `allow_future`, a planned
    date ("When is the next review planned?"), which from today on is queried when it falls on a weekend or a bank
    holiday, as a campaign's deadline is (knowledge.dates.day_off: the working day to give instead, or `<date>
    anyway` to keep it); it was taken without a word. A day something happened on is taken as it is: children are
    seen at weekends too."""
    if not question.allow_future:
        return _day_or_month(raw, today, "past")
    typed, kept = kept_anyway(raw)
    day = _day_or_month(typed, today, "any")
    off = None if kept or today is None or day < today else day_off(day, today)
    if off is None:
        return day
    raise AnswerError(f"{long_date(day)} is {off.what}, so I haven't stored it: {give_or_keep(off)}.")


def _day_or_month(typed: str, today: dt.date | None, tense: Tense) -> dt.date:
    """A date question's day, where a month alone (`march`, `last march`) is its 1st (trial 59, F14), said back so
    (bot.audits.questions.month_said); anything else as every date is read (`parse_date`)."""
    try:
        month = month_alone(typed, today, tense) if today is not None else None
        if month is not None and today is not None:
            return check_tense(month, today, tense)
    except DateError as error:
        raise AnswerError(str(error)) from None
    return parse_date(typed, today, tense)


def _choice(options: tuple[str, ...], raw: str) -> str:
    """The one option `raw` means (bot.audits.option_words); when it could mean several, say which and ask."""
    found = matching_options(options, raw)
    if len(found) == 1:
        return found[0]
    if found:
        could = " or ".join(f"{options.index(o) + 1}. {o}" for o in found)
        raise AnswerError(f"That fits more than one option: {could}. Type the number of the one you mean (or more "
                          "of its words).")
    listed = "; ".join(f"{i}. {o}" for i, o in enumerate(options, 1))
    raise AnswerError(f"Please pick one of the options by its number or words: {listed}.")


def parse_text(text: str, what: str = "answer") -> str:
    """Free text: something must be written, and it must fit a Slack message."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise AnswerError(f"Please type your {what}; it can't be empty.")
    if len(cleaned) > MAX_TEXT_CHARS:
        raise AnswerError(f"That is {len(cleaned):,} characters; please keep your {what} under {MAX_TEXT_CHARS:,} "
                          "(a short summary is enough, the case file holds the detail).")
    return cleaned


def is_bare_number(text: str) -> bool:
    """A number on its own (`2`, `#2`, `2.`, `2)`, and any number a number question takes: `-1`, `2.5`, `1,200`): an
    option read off a numbered menu, not words anyone can act on. The one rule wherever words are wanted: a text
    answer, the strengths and areas for development, a reflection, an action's text (bot.audits.action_fields)."""
    return _NUMBER.match(text.strip().lstrip("#").rstrip(".)").strip()) is not None


def parse_words(text: str, what: str, asked: str) -> str:
    """Free text that is words, never a number on its own: a trial typed `2` for "#2) Back" at an optional text
    question, and the worker read "2" as the answer. Where options are numbered (the terminal chat) a bare number picks
    one before it gets here (`Reply.numbers_pick`); elsewhere (Slack) it is refused: "A number on its own can't be your
    <what>, so nothing was saved. <asked>"."""
    cleaned = parse_text(text, what)
    if is_bare_number(cleaned):
        raise AnswerError(f"A number on its own can't be your {what}, so nothing was saved. {asked}")
    return cleaned


def parse_evidence(text: str) -> str:
    """The 'why this grade' note: a grade without a reason cannot be moderated. Shown as "Evidence: …", so a label
    "evidence:" typed before it is dropped (bot.audits.note_labels). A vague one (`ok i guess`, `all good`:
    bot.audits.hedged_answers.vague_note) says nothing a moderator can weigh, so it is refused too (trial 48)."""
    if vague_note(without_label(text, "evidence")):
        raise AnswerError(f"“{' '.join(text.split())}” says how it felt, not what you saw on the file, so nothing was "
                          "saved. " + in_a_sentence(EVIDENCE_ASKED))
    return parse_sentence(without_label(text, "evidence"), "evidence note", EVIDENCE_ASKED)


EVIDENCE_ASKED = "why you gave this grade, for example what you saw in the plan or the visits"


def parse_reason(text: str) -> str:
    """Why the overall grade differs from the one the answers suggest: the moderator weighs it, so a sentence."""
    return parse_sentence(text, "reason", "why you chose a different grade from the suggested one, for example "
                                          "what the answers do not show")


REFLECTION_ASKED = "Write a sentence or two: what you agree with in the audit, and what you would do next."


def parse_reflection(text: str) -> str:
    """The worker's reflections on the audit of their case, sent to the auditor and kept with the audit: a number on
    its own (a trial user's `2`, read as a menu pick where none is offered) or a word or two says nothing anyone can
    act on, so it takes at least as much as an evidence note."""
    cleaned = parse_text(text, "reflections")
    if is_bare_number(cleaned):
        raise AnswerError(f"A number on its own isn't a reflection, and there are no options to pick here, so nothing "
                          f"was saved. {REFLECTION_ASKED}")
    if len(cleaned) < MIN_EVIDENCE_CHARS:
        raise AnswerError(f"That is too short to be a reflection, so nothing was saved. {REFLECTION_ASKED}")
    return cleaned


def parse_sentence(text: str, what: str, asked: str) -> str:
    """Free text that must say something: at least MIN_EVIDENCE_CHARS, else "Please say in a sentence <asked>". For a
    note someone else weighs, and for any text that cannot be changed once stored (a moderation's reason)."""
    cleaned = parse_text(text, what)
    if not says_something(cleaned):
        raise AnswerError(in_a_sentence(asked))
    return cleaned


# Typed text starting with one of these, at a step that wants a choice, is a question for the knowledge base.
QUESTION_WORDS = frozenset({"what", "whats", "what's", "when", "how", "who", "why", "where", "which", "can", "do",
                            "does", "should", "is", "are"})


def looks_like_question(text: str) -> bool:
    """Text typed where a choice or a reference is wanted that is really a question for the knowledge base: it ends
    with "?", starts with a question's word, or opens as a question after a few words of hesitation (`hang on whats
    the timescale for an icpc again`, trial 31: bot.audits.question_opening)."""
    words = text.split(maxsplit=1)
    return (text.rstrip().endswith("?") or (bool(words) and words[0].lower() in QUESTION_WORDS)
            or opens_as_question(text))


def parse_date(text: str, today: dt.date | None = None, tense: Tense = "any", what: str = "date") -> dt.date:
    """A date as written in England (day before month: 12/03/2026, 12 March, last Friday, in two weeks).

    With `today`, a past-only (`tense="past"`) or future-only date is checked against it; without, only full
    dates with a year are read, so nothing depends on the wall clock.
    """
    try:
        day = parse_day(text, today, tense)
        return check_tense(day, today, tense, what) if today is not None else day
    except DateError as error:
        raise AnswerError(str(error)) from None


# "abt 7 mnths", "approx 7", "~7 wks" (trial 28: "abt" was refused where "about" was read)
_ROUGHLY = re.compile(r"^(?:about|abt|around|arnd|approx(?:imately)?\.?|apx\.?|appx\.?|roughly|circa|ca?\.|~)\s*",
                      re.IGNORECASE)
_UNIT = re.compile(r"(?:(?<=\d)\s*|\s+)[a-z]+\.?$", re.IGNORECASE)  # a unit: "7 mnths", "7mths", "3 wks"
# "none", "no", "nil", "zero", "none at all", "no contacts": a count of 0 (trial 26: "none" and "no" were refused
# with "Please type a number", where a count of nothing is the answer people give); "never" to "how many times" too
# (trial 48), said back as none (bot.audits.questions.none_said)
_NONE = re.compile(r"^(?:none(?:\s+at\s+all|\s+of\s+them)?|no|nil|zero|nothing|nought|not\s+any|no\s+one|nobody"
                   r"|never(?:\s+before)?)"
                   r"[.!]*$", re.IGNORECASE)
_NONE_COUNTED = re.compile(r"^(?:none|nil|zero)$", re.IGNORECASE)  # "zero visits"; never "no idea"
# A count in words (trial 29: "two", "once" and "twice" got "Please type a number"); none from twenty, whose "twenty
# one" would lose its unit-like last word
NUMBER_WORDS = {word: str(value) for value, word in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"))} | {"once": "1", "twice": "2"}


def parse_number(text: str) -> str:
    """A number such as 3, 12.5 or 1,200, stored without thousands separators. "about 14" and "14 months" are 14:
    the question says what is counted, and people answer as they would say it; "none", "no" or "zero visits" is 0
    ("no idea" is not a number), and a count up to nineteen may be written in words ("two", "once", "twice")."""
    said = (text or "").strip()
    raw = _UNIT.sub("", _ROUGHLY.sub("", said))
    if _NONE.match(said) or _NONE_COUNTED.match(raw):
        return "0"
    if (worded := NUMBER_WORDS.get(" ".join(raw.lower().split()))) is not None:
        return worded  # "two", "about three months", "twice"
    if not _COUNT.match(raw):
        raise AnswerError("Please type a number, such as 3.")
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise AnswerError("Please type a number, such as 3.") from None
    normalised = value.normalize()
    text_value = format(normalised, "f")
    return text_value if "." in text_value else str(int(normalised))


# Trial 43: `about 14 months i think` got "Please type a number". One number in a sentence is that number; none, two
# (`3 or 4`, `14 months but 2 late`), a date (`12/03`) or a bound (`more than 14`, `not 14`) is still asked again.
# not GCP2, s47, Q4 (fix68d); 0-9 only, as a count is (_COUNT), and not next to any script's digit ("0٠")
A_NUMBER = re.compile(r"(?<![\d.,/:\-–A-Za-z])[0-9]+(?:[.,][0-9]+)*(?![\d/:\-–]|[.,]\d)")
_NOTED = re.compile(r"[(),;:]|\s[-–—]")
BOUND_BEFORE = re.compile(r"\b(?:not|no|never|over|under|than|least|most|nearly|almost|upto|to|or|and)\s*$",
                           re.IGNORECASE)


def number_in_sentence(text: str) -> str:
    """As `parse_number`, and else the one number a sentence holds (`about 14 months i think` is 14)."""
    try:
        return parse_number(text)
    except AnswerError:
        found = list(A_NUMBER.finditer(text or ""))
        if len(found) != 1 or BOUND_BEFORE.search(text[:found[0].start()]) or _NOTED.search(text):
            raise  # a note after a count (`2 (late)`) is bot.audits.number_note's, which says when it is too short
        return parse_number(found[0].group(0))


def counted(value: str, decimals: bool = False) -> str:
    """A number answer as a checklist question means it: every one counts something (times, months, contacts),
    so it is never below zero, and it is whole unless the question says `decimals: true`."""
    if value.startswith("-"):
        raise AnswerError(f"{value} is below zero, and this question counts something: type 0 or more, such as 3.")
    if "." in value and not decimals:
        raise AnswerError(f"{value} is not a whole number, and this question counts something: type a whole "
                          "number, such as 3 (round to the nearest one).")
    return value


def parse_grade(text: str) -> str:
    """An overall or moderation grade, typed or pressed: its name, a short form or a small typo of its name
    (bot/audits/grade_words.py), never a guess between two grades or a negated one ("not good")."""
    lowered = " ".join((text or "").strip().lower().split())
    if lowered in GRADES:
        return lowered
    grade = read_grade(lowered)
    if grade is not None:
        return grade
    raise AnswerError("Please choose a grade: " + ", ".join(GRADE_LABELS[g] for g in GRADES) + ".")
