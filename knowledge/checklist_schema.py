"""Audit checklists in the knowledge folder: parsed, validated and frozen into a hashable snapshot.

A checklist is the conversation graph of an audit, written by the QA lead in YAML. It is checked the way
entries are (every problem at once, with file, line and what to do), because a mistake found mid-audit
wastes a manager's hour. Every audit stores the JSON snapshot and its hash, so editing the YAML later
never changes an audit already started or finished.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from knowledge.checklist_texts import ChecklistText, texts_as_written
from knowledge.dates import long_date
from knowledge.fields import ID_PATTERN, did_you_mean, suggested_id, type_name
from knowledge.problems import EntryIds, Problem

QUESTION_TYPES = ("yes_no", "scale", "choice", "text", "date", "number")
GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
GRADE_LABELS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement to be good",
    "inadequate": "Inadequate",
}
YES_NO_LABELS = {"yes": "Yes", "no": "No", "na": "Not applicable"}
NOT_APPLICABLE = "na"
# A date question's answer when there is no date: `never`, `not known`, `no date`, `n/a` (trial 59, F8: a manager
# could only invent a date or pause). Stored as this word, said as its label; `flag_if: [never]` flags it.
NO_DATE = "never"
NO_DATE_LABEL = "Never / not known"
CHECKLIST_FIELDS = ("id", "title", "description", "period", "sections", "suits")
SECTION_FIELDS = ("id", "title", "questions")
QUESTION_FIELDS = ("id", "text", "type", "required", "allow_na", "options", "guidance", "show_if", "flag_if",
                   "escalate_if", "allow_future", "descriptors", "flag_at_least", "decimals", "at_most",
                   "na_doubted_by", "grows_with_time")
# A number question whose answer grows between audits of the same case whatever the practice (trial 60 F18: "weeks
# in pre-proceedings 2 → 14 (worse)"): a `duration` (weeks in pre-proceedings, months on the current plan) or a
# running `total` (plans before this one, re-referrals since closure). `/audit compare` reads such an answer against
# its flag, never as better or worse. Said by `grows_with_time:` in the YAML, or read from the question's words
# where it is not said (a snapshot stored before the field existed): "how many weeks has … been", "how long has …
# been", "how many times has … been … before / since / ever".
GROWTH_KINDS = ("duration", "total")
_DURATION_WORDS = re.compile(r"\bhow\s+(?:many\s+(?:full\s+|complete\s+|whole\s+)?(?:days|weeks|months|years)|long)"
                             r"\s+(?:has|have)\b.*\bbeen\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"\bhow\s+many\s+times\s+(?:has|have)\b.*\bbeen\b"
                          r".*\b(?:before|ever|since|so\s+far|in\s+total)\b", re.IGNORECASE)
# Wider words a checklist's author may use for the same (fix74c C2): not read as growth unsaid, as a stored answer's
# meaning must not change, but `kb check` warns a number question that has them and says nothing (`growth_unsaid`).
_DURATION_LIKE = re.compile(r"\bhow\s+long\b|\b(?:days|weeks|months|years)\s+(?:since|so\s+far|to\s+date|open|"
                            r"in\s+care|looked\s+after|on\s+(?:the\s+|a\s+|this\s+)?(?:current\s+)?plan)\b",
                            re.IGNORECASE)
_TOTAL_LIKE = re.compile(r"\bhow\s+many\b.*\b(?:since|so\s+far|to\s+date|ever)\b", re.IGNORECASE)
# What the finish step of every audit asks (bot/audits/finish.py): a checklist must not ask it again.
FINISH_QUESTION_IDS = {
    "overall-grade": "an overall grade", "overall-judgement": "an overall grade", "overall-rating": "an overall grade",
    "strengths": "strengths", "practice-strengths": "strengths", "main-strengths": "strengths",
    "areas-for-development": "areas for development", "development": "areas for development",
    "development-areas": "areas for development",
    "actions": "actions", "actions-needed": "actions", "audit-actions": "actions", "next-actions": "actions",
}
FINISH_QUESTION_TEXTS = (
    (re.compile(r"\boverall (grade|judgement|judgment|rating)\b", re.I), "an overall grade"),
    (re.compile(r"\b(main|key) strengths\b|\bstrengths of (the )?practice\b|\bwhat are the strengths\b", re.I),
     "strengths"),
    (re.compile(r"\bareas? (for|of) development\b|\bareas? for improvement\b", re.I), "areas for development"),
    (re.compile(r"\bwhat actions (are|were) (needed|required|agreed)\b|\bactions? (are )?needed,? by whom\b",
                re.I), "actions"),
)
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_OPTION_CHARS = 75  # a Slack button label holds 75 characters


@dataclass(frozen=True)
class ShowIf:
    """Ask a question only when an earlier question got a given answer."""

    question: str
    equals: str


@dataclass(frozen=True)
class Question:
    """One step of an audit."""

    id: str
    text: str
    type: str
    required: bool = True
    allow_na: bool = False
    options: tuple[str, ...] = ()
    guidance: str | None = None
    show_if: ShowIf | None = None
    flag_if: tuple[str, ...] = ()
    escalate_if: tuple[str, ...] = ()
    allow_future: bool = False  # date questions: may the answer be after today (a planned date)?
    descriptors: tuple[tuple[str, str], ...] = ()
    flag_at_least: float | None = None
    decimals: bool = False  # number questions: may the answer have a fraction (12.5 hours)? Counts may not.
    at_most: str | None = None  # number questions: the earlier count this one is a part of (contacts sampled)
    # allow_na questions: earlier yes/no questions whose No (or a note with drift words) makes N/A here doubtful
    na_doubted_by: tuple[str, ...] = ()
    # number questions: "duration" or "total" (GROWTH_KINDS), "" when the checklist says it does not grow with time,
    # None when it says nothing (then the words decide: `growth`)
    grows_with_time: str | None = None

    @property
    def growth(self) -> str:
        """'duration', 'total' or '': whether this answer grows with time between audits of one case, as the
        checklist says or, where it says nothing, as the question's words read (growth_in_words)."""
        if self.type != "number":
            return ""
        return self.grows_with_time if self.grows_with_time is not None else growth_in_words(self.text)

    @property
    def answer_keys(self) -> tuple[str, ...]:
        """The answers a button can give; empty for typed questions (text, date, number)."""
        return answer_keys(self.type, self.allow_na, self.options)

    def answer_label(self, value: str) -> str:
        """How a stored answer reads to a person."""
        if self.type == "yes_no":
            return YES_NO_LABELS.get(value, value)
        if self.type == "scale":
            return GRADE_LABELS.get(value, YES_NO_LABELS.get(value, value))
        if self.type == "date":
            if value == NO_DATE:
                return NO_DATE_LABEL
            try:
                return long_date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        return value

    def descriptors_text(self) -> str:
        """What each grade looks like for this question, one line per grade, for grading consistently."""
        return "\n".join(f"• *{GRADE_LABELS[grade]}*: {text}" for grade, text in self.descriptors)

    def flags(self, value: str) -> bool:
        """Whether this answer is worth a second look: listed in flag_if, or a number at or over flag_at_least."""
        if value in self.flag_if:
            return True
        if self.type == "number" and self.flag_at_least is not None:
            try:
                return float(value) >= self.flag_at_least
            except ValueError:
                return False
        return False

    def to_content(self) -> dict[str, Any]:
        content = {
            "id": self.id, "text": self.text, "type": self.type, "required": self.required,
            "allow_na": self.allow_na, "options": list(self.options), "guidance": self.guidance,
            "show_if": {"question": self.show_if.question, "equals": self.show_if.equals} if self.show_if else None,
            "flag_if": list(self.flag_if), "escalate_if": list(self.escalate_if),
        }
        if self.allow_future:  # only when set, so snapshots (and hashes) of existing checklists stay the same
            content["allow_future"] = True
        if self.descriptors:  # only when set, so snapshots of older checklists keep their hashes
            content["descriptors"] = dict(self.descriptors)
        if self.flag_at_least is not None:
            content["flag_at_least"] = self.flag_at_least
        if self.decimals:
            content["decimals"] = True
        if self.at_most:
            content["at_most"] = self.at_most
        if self.na_doubted_by:
            content["na_doubted_by"] = list(self.na_doubted_by)
        if self.grows_with_time is not None:  # only when said, so older snapshots keep their hashes
            content["grows_with_time"] = self.grows_with_time or False
        return content


@dataclass(frozen=True)
class Section:
    """A titled group of questions; progress is counted in sections and questions."""

    id: str
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Checklist:
    """An audit checklist as used: its sections in order and the hash of its content."""

    id: str
    title: str
    file: str
    line: int
    description: str = ""
    sections: tuple[Section, ...] = ()
    period: str = ""
    content_hash: str = ""
    # The kinds of team it suits, as words a team's name or id holds ("children in care", "leaving care"), from the
    # optional `suits:` line; empty: any team. A campaign for another team is created with a warning
    # (bot.campaigns.team_fit). Not part of the content or its hash, so stored snapshots keep theirs.
    suits: tuple[str, ...] = field(default=(), compare=False)
    # Its texts as written, each at its own line, for `kb check`'s screen (knowledge.checklist_texts); none in a
    # stored snapshot. Not part of the content or its hash.
    texts: tuple[ChecklistText, ...] = field(default=(), compare=False, repr=False)
    # What `kb check` warns of in it without refusing it (a number question whose words read like a time so far
    # and that says nothing of `grows_with_time`); none in a stored snapshot. Not part of the content or its hash.
    warnings: tuple[Problem, ...] = field(default=(), compare=False, repr=False)
    _index: dict[str, tuple[int, Question]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        for question in self.questions():
            self._index.setdefault(question.id, (len(self._index), question))
        if not self.content_hash and self.sections:
            object.__setattr__(self, "content_hash", content_hash(self.to_content()))

    def questions(self) -> list[Question]:
        """Every question in the order it is asked."""
        return [q for section in self.sections for q in section.questions]

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError for an id that is not in this checklist."""
        return self._index[question_id][1]

    def position(self, question_id: str) -> int:
        """Where the question comes in the checklist (0 first)."""
        return self._index[question_id][0]

    def section_of(self, question_id: str) -> Section:
        for section in self.sections:
            if any(q.id == question_id for q in section.questions):
                return section
        raise KeyError(question_id)

    def to_content(self) -> dict[str, Any]:
        """The JSON snapshot stored in checklist_versions (the shape every feature reads)."""
        content: dict[str, Any] = {
            "id": self.id, "title": self.title, "description": self.description,
            "sections": [
                {"id": s.id, "title": s.title, "questions": [q.to_content() for q in s.questions]}
                for s in self.sections
            ],
        }
        if self.period:
            content["period"] = self.period
        return content

    @classmethod
    def from_content(cls, content: dict[str, Any], file: str = "(stored snapshot)") -> Checklist:
        """Rebuild the checklist an audit was started with, from its stored snapshot."""
        sections = tuple(
            Section(id=s["id"], title=s["title"], questions=tuple(
                Question(
                    id=q["id"], text=q["text"], type=q["type"], required=bool(q.get("required", True)),
                    allow_na=bool(q.get("allow_na", False)), options=tuple(q.get("options") or ()),
                    guidance=q.get("guidance"),
                    show_if=ShowIf(q["show_if"]["question"], q["show_if"]["equals"]) if q.get("show_if") else None,
                    flag_if=tuple(q.get("flag_if") or ()), escalate_if=tuple(q.get("escalate_if") or ()),
                    allow_future=bool(q.get("allow_future", False)),
                    descriptors=tuple((g, q["descriptors"][g]) for g in GRADES if g in (q.get("descriptors") or {})),
                    flag_at_least=q.get("flag_at_least"), decimals=bool(q.get("decimals", False)),
                    at_most=q.get("at_most"), na_doubted_by=tuple(q.get("na_doubted_by") or ()),
                    grows_with_time=None if q.get("grows_with_time") is None else (q["grows_with_time"] or ""),
                ) for q in s["questions"]))
            for s in content["sections"]
        )
        return cls(id=content["id"], title=content["title"], file=file, line=1,
                   description=content.get("description") or "", sections=sections,
                   period=content.get("period") or "")


def growth_in_words(text: str) -> str:
    """'duration' for "How many weeks has the child been in pre-proceedings?", 'total' for "How many times has this
    child been on a plan … before this one?", else '': what a number question's words say of its answer growing
    with time, for a question whose checklist does not say (`grows_with_time:`)."""
    if _DURATION_WORDS.search(text):
        return "duration"
    return "total" if _TOTAL_WORDS.search(text) else ""


def growth_unsaid(text: str) -> str:
    """'duration' or 'total' when a number question's words read like a time so far ("how many weeks since the
    referral", "days open", "months in care", "how long") or a count to date ("how many … since closure"), for
    `kb check` to warn a question that says nothing (`grows_with_time:`); else ''."""
    if growth := growth_in_words(text):
        return growth
    if _DURATION_LIKE.search(text):
        return "duration"
    return "total" if _TOTAL_LIKE.search(text) else ""


def answer_keys(question_type: str, allow_na: bool, options: tuple[str, ...]) -> tuple[str, ...]:
    """Valid stored answers for a button question type."""
    if question_type == "yes_no":
        return ("yes", "no", "na") if allow_na else ("yes", "no")
    if question_type == "scale":
        return (*GRADES, NOT_APPLICABLE) if allow_na else GRADES
    if question_type == "choice":
        return options
    return ()


def content_hash(content: dict[str, Any]) -> str:
    """sha256 of the canonical JSON snapshot: equal content, equal hash, whatever the file layout."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# -- validation -------------------------------------------------------------------------------------------

Report = Callable[[Any, str | None, str], None]


def _line(mapping: Any, key: str | None) -> int | None:
    if key is not None and key in getattr(mapping, "key_lines", {}):
        return mapping.key_lines[key]
    return getattr(mapping, "line", None)


class _Checker:
    """Collects problems for one file; `report(mapping, key, message)` points at the key's line."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # what loads but should be checked: each checklist keeps its own
        self.checklist = ""  # "checklist 'neglect'": the one being checked, for a warning to name

    def report(self, mapping: Any, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, _line(mapping, key), message))

    def warn(self, mapping: Any, key: str | None, message: str) -> None:
        self.warnings.append(Problem(self.file, _line(mapping, key), message))

    def unknown_keys(self, raw: dict, known: tuple[str, ...], label: str) -> None:
        for key in raw:
            if key not in known:
                self.report(raw, key, f"{label} has an unknown field `{key}`{did_you_mean(str(key), known)}; "
                                      f"known fields are: {', '.join(known)}.")

    def text(self, raw: dict, key: str, label: str, required: bool = True) -> str | None:
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.report(raw, key if key in raw else None, f"{label} has no {key}: add a `{key}:` line.")
            return None
        if not isinstance(value, str):
            self.report(raw, key, f"{label} has a `{key}:` that is {type_name(value)}, not text; put it in quotes.")
            return None
        return value.strip()

    def ident(self, raw: dict, label: str, seen: dict[str, int | None]) -> str | None:
        value = self.text(raw, "id", label)
        if value is None:
            return None
        if not ID_PATTERN.fullmatch(value):
            self.report(raw, "id", f"{label} has an id that is not lower-case words joined by hyphens; "
                                   f"write it like `id: {suggested_id(value)}`.")
            return None
        if value in seen:
            self.report(raw, "id", f"{label}: id '{value}' is used twice in this checklist (first at line "
                                   f"{seen[value]}); rename one of them.")
            return None
        seen[value] = _line(raw, "id")
        return value

    def flag(self, raw: dict, key: str, label: str, default: bool) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self.report(raw, key, f"{label} has `{key}: {value}`; write `{key}: true` or `{key}: false`.")
            return default
        return value


def parse_checklists(items: Any, file: str,
                     entry_ids: set[str] | EntryIds) -> tuple[list[Checklist], list[Problem]]:
    """Check every checklist under one file's `checklists:` key, collecting all problems instead of stopping.

    `entry_ids` are the knowledge entries, so guidance written as an entry id is checked to exist.
    """
    if not isinstance(entry_ids, EntryIds):
        entry_ids = EntryIds(set(entry_ids))
    checker = _Checker(file)
    if items is None:
        return [], [Problem(file, None, "`checklists:` is empty; add checklists under it or remove the key.")]
    if not isinstance(items, list):
        return [], [Problem(file, getattr(items, "line", None),
                            "`checklists:` must be a list of checklists, each starting with `- id:`; "
                            f"found {type_name(items)}.")]
    found: list[Checklist] = []
    item_lines = getattr(items, "item_lines", [])
    for index, raw in enumerate(items):
        if not isinstance(raw, dict):
            line = item_lines[index] if index < len(item_lines) else None
            checker.problems.append(Problem(file, line, f"checklist {index + 1} must be a mapping starting "
                                                        f"with `- id:`; found {type_name(raw)}."))
            continue
        before = len(checker.problems)
        checklist = _parse_checklist(raw, index, checker, entry_ids)
        if checklist is not None and len(checker.problems) == before:
            found.append(checklist)
    return found, checker.problems


def _parse_checklist(raw: dict, index: int, checker: _Checker, entry_ids: EntryIds) -> Checklist | None:
    raw_id = raw.get("id")
    label = f"checklist '{raw_id}'" if isinstance(raw_id, str) and raw_id.strip() else f"checklist {index + 1}"
    checker.checklist, warned = label, len(checker.warnings)
    checker.unknown_keys(raw, CHECKLIST_FIELDS, label)
    checklist_id = checker.ident(raw, label, {})
    title = checker.text(raw, "title", label)
    description = checker.text(raw, "description", label, required=False) or ""
    period = checker.text(raw, "period", label, required=False)
    if period is None and (raw.get("period") is None or isinstance(raw.get("period"), str)):
        checker.report(raw, "period" if "period" in raw else None,
                       f"{label} has no period: add a `period:` line saying what stretch of the case the audit "
                       'looks at, like `period: "the last 6 months"`.')
    sections_raw = raw.get("sections")
    sections: list[Section] = []
    if not isinstance(sections_raw, list) or not sections_raw:
        checker.report(raw, "sections" if "sections" in raw else None,
                       f"{label} needs `sections:`, a list of sections each with id, title and questions.")
    else:
        section_ids: dict[str, int | None] = {}
        question_ids: dict[str, int | None] = {}
        earlier: dict[str, Question] = {}
        for number, section_raw in enumerate(sections_raw):
            section = _parse_section(section_raw, number, label, checker, entry_ids, section_ids,
                                     question_ids, earlier, sections_raw)
            if section is not None:
                sections.append(section)
    suits = _suits(raw, label, checker)
    if checklist_id is None or title is None or not sections or period is None:
        return None
    return Checklist(id=checklist_id, title=title, file=checker.file, line=getattr(raw, "line", 1),
                     description=description, sections=tuple(sections), period=period, suits=suits,
                     texts=tuple(texts_as_written([raw], checker.file)), warnings=tuple(checker.warnings[warned:]))


def _suits(raw: dict, label: str, checker: _Checker) -> tuple[str, ...]:
    """The optional `suits:` list: the kinds of team the checklist is for, each a few words a team's name holds."""
    value = raw.get("suits")
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        checker.report(raw, "suits", f"{label} has a `suits:` that is not a list of kinds of team; write it like "
                                     "`suits: [children in care, leaving care]` (words a suitable team's name holds), "
                                     "or leave it out for a checklist that suits any team.")
        return ()
    return tuple(" ".join(v.lower().split()) for v in value)


def _parse_section(raw: Any, number: int, owner: str, checker: _Checker, entry_ids: EntryIds,
                   section_ids: dict[str, int | None], question_ids: dict[str, int | None],
                   earlier: dict[str, Question], parent: Any) -> Section | None:
    if not isinstance(raw, dict):
        checker.report(parent, None, f"section {number + 1} of {owner} must be a mapping with id, title and "
                                     f"questions; found {type_name(raw)}.")
        return None
    label = f"section {number + 1} of {owner}"
    checker.unknown_keys(raw, SECTION_FIELDS, label)
    section_id = checker.ident(raw, label, section_ids)
    title = checker.text(raw, "title", label)
    questions_raw = raw.get("questions")
    questions: list[Question] = []
    if not isinstance(questions_raw, list) or not questions_raw:
        checker.report(raw, "questions" if "questions" in raw else None,
                       f"{label} needs `questions:`, a list of questions each with id, text and type.")
    else:
        for q_number, q_raw in enumerate(questions_raw):
            if not isinstance(q_raw, dict):
                checker.report(raw, "questions", f"question {q_number + 1} in {label} must be a mapping "
                                                 f"starting with `- id:`; found {type_name(q_raw)}.")
                continue
            question = _parse_question(q_raw, q_number, label, checker, entry_ids, question_ids, earlier)
            if question is not None:
                questions.append(question)
                earlier[question.id] = question
    if section_id is None or title is None or not questions:
        return None
    return Section(id=section_id, title=title, questions=tuple(questions))


def _parse_question(raw: dict, number: int, section_label: str, checker: _Checker, entry_ids: EntryIds,
                    question_ids: dict[str, int | None], earlier: dict[str, Question]) -> Question | None:
    raw_id = raw.get("id")
    label = f"question '{raw_id}'" if isinstance(raw_id, str) and raw_id.strip() \
        else f"question {number + 1} in {section_label}"
    before = len(checker.problems)
    checker.unknown_keys(raw, QUESTION_FIELDS, label)
    question_id = checker.ident(raw, label, question_ids)
    text = checker.text(raw, "text", label)
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        hint = did_you_mean(str(qtype), QUESTION_TYPES) if qtype is not None else ""
        checker.report(raw, "type" if "type" in raw else None,
                       f"{label} has {'type ' + repr(qtype) if qtype is not None else 'no type'}{hint}; "
                       f"use one of: {', '.join(QUESTION_TYPES)}.")
        qtype = None
    required = checker.flag(raw, "required", label, True)
    allow_na = checker.flag(raw, "allow_na", label, False)
    if allow_na and qtype not in (None, "yes_no", "scale"):
        checker.report(raw, "allow_na", f"{label}: `allow_na` only works on yes_no and scale questions; remove it "
                                        "(for other types, make the question `required: false`).")
    allow_future = checker.flag(raw, "allow_future", label, False)
    if allow_future and qtype not in (None, "date"):
        checker.report(raw, "allow_future", f"{label}: `allow_future` only works on date questions; remove it.")
    decimals = checker.flag(raw, "decimals", label, False)
    if decimals and qtype not in (None, "number"):
        checker.report(raw, "decimals", f"{label}: `decimals` only works on number questions; remove it.")
    _finish_question(raw, question_id, label, checker)
    descriptors = _descriptors(raw, qtype, label, checker)
    flag_at_least = _flag_at_least(raw, qtype, label, checker)
    refused = frozenset(question_ids) - set(earlier) - {question_id or ""}  # earlier ones with problems of their own
    at_most = _at_most(raw, qtype, label, checker, earlier, refused)
    na_doubted_by = _na_doubted_by(raw, allow_na, label, checker, earlier, refused)
    grows_with_time = _grows_with_time(raw, qtype, label, checker)
    options_before = len(checker.problems)
    options = _options(raw, qtype, label, checker)
    answers_known = len(checker.problems) == options_before  # flag_if / escalate_if wait on a sound options list
    guidance = checker.text(raw, "guidance", label, required=False)
    if guidance is not None and ID_PATTERN.fullmatch(guidance) and entry_ids.missing(guidance):
        checker.report(raw, "guidance", f"{label} points its guidance at entry '{guidance}', but no knowledge "
                                        f"entry has that id{did_you_mean(guidance, entry_ids.known)}; fix the id "
                                        "or write the guidance as text.")
    keys = answer_keys(qtype, allow_na, options) if qtype else None
    show_if = _show_if(raw, label, checker, earlier, refused)
    flag_keys = (NO_DATE,) if qtype == "date" else keys  # a date question may flag "never / not known" (trial 59)
    answer_type = qtype if answers_known else None  # broken options: check the lists' shape only (trial 63 F2)
    flag_if = _answer_list(raw, "flag_if", answer_type, flag_keys if answers_known else None, label, checker)
    escalate_if = _answer_list(raw, "escalate_if", answer_type, keys if answers_known else None, label, checker)
    if len(checker.problems) > before or question_id is None or text is None or qtype is None:
        return None
    return Question(id=question_id, text=text, type=qtype, required=required, allow_na=allow_na,
                    options=options, guidance=guidance, show_if=show_if, flag_if=flag_if,
                    escalate_if=escalate_if, allow_future=allow_future, descriptors=descriptors,
                    flag_at_least=flag_at_least, decimals=decimals, at_most=at_most, na_doubted_by=na_doubted_by,
                    grows_with_time=grows_with_time)


def _finish_question(raw: dict, question_id: str | None, label: str, checker: _Checker) -> None:
    """Refuse a question the finish step already asks: each thing is asked once in an audit."""
    what = FINISH_QUESTION_IDS.get(question_id or "")
    key = "id"
    if what is None and isinstance(raw.get("text"), str):
        what = next((name for pattern, name in FINISH_QUESTION_TEXTS if pattern.search(raw["text"])), None)
        key = "text"
    if what is not None:
        checker.report(raw, key, f"{label} asks for {what}, which the finish step of every audit asks (the overall "
                                 "grade suggested from the section grades, strengths, areas for development and "
                                 "actions with owners and due dates); remove this question from the checklist.")


def _descriptors(raw: dict, qtype: str | None, label: str, checker: _Checker) -> tuple[tuple[str, str], ...]:
    """Scale questions say what each grade looks like, so different auditors grade alike."""
    value = raw.get("descriptors")
    example = ("`descriptors:` with a sentence for each of " + ", ".join(f"`{g}`" for g in GRADES))
    if qtype != "scale":
        if value is not None and qtype is not None:
            checker.report(raw, "descriptors", f"{label}: `descriptors` only works on scale questions; remove it.")
        return ()
    if value is None:
        checker.report(raw, None, f"{label} is a scale question without descriptors: add {example}, saying what "
                                  "that grade looks like for this question.")
        return ()
    if not isinstance(value, dict):
        checker.report(raw, "descriptors", f"{label}: `descriptors` must be a mapping, {example}; found "
                                           f"{type_name(value)}.")
        return ()
    found: list[tuple[str, str]] = []
    for key in value:
        if key not in GRADES:
            checker.report(value, key, f"{label}: descriptor `{key}` is not a grade{did_you_mean(str(key), GRADES)}; "
                                       f"use exactly: {', '.join(GRADES)}.")
    for grade in GRADES:
        text = value.get(grade)
        if grade not in value:
            checker.report(raw, "descriptors", f"{label}: `descriptors` has no `{grade}:`; add a sentence on what "
                                               f"{GRADE_LABELS[grade]} looks like for this question.")
        elif not isinstance(text, str) or not text.strip():
            checker.report(value, grade, f"{label}: descriptor `{grade}` is {type_name(text)}; write a sentence on "
                                         f"what {GRADE_LABELS[grade]} looks like.")
        else:
            found.append((grade, " ".join(text.split())))
    return tuple(found) if len(found) == len(GRADES) else ()


def _flag_at_least(raw: dict, qtype: str | None, label: str, checker: _Checker) -> float | None:
    """`flag_at_least: 3` on a number question flags answers of 3 or more."""
    if "flag_at_least" not in raw:
        return None
    value = raw["flag_at_least"]
    if qtype is not None and qtype != "number":
        checker.report(raw, "flag_at_least", f"{label}: `flag_at_least` only works on number questions; remove "
                                             "it or use `flag_if` for this type.")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        checker.report(raw, "flag_at_least", f"{label}: `flag_at_least` must be a number, like `flag_at_least: "
                                             f"3`; found {type_name(value)}.")
        return None
    return value


def _grows_with_time(raw: dict, qtype: str | None, label: str, checker: _Checker) -> str | None:
    """`grows_with_time: duration` (weeks in pre-proceedings), `total` (plans before this one) or `false` on a number
    question: whether its answer grows between audits of one case whatever the practice (GROWTH_KINDS)."""
    if "grows_with_time" not in raw:
        _growth_unsaid(raw, qtype, label, checker)
        return None
    value = raw["grows_with_time"]
    if qtype is not None and qtype != "number":
        checker.report(raw, "grows_with_time", f"{label}: `grows_with_time` only works on number questions; "
                                               "remove it.")
        return None
    if value is not False and value not in GROWTH_KINDS:
        checker.report(raw, "grows_with_time", f"{label} has `grows_with_time: {value}`; write `grows_with_time: "
                                               "duration` (a time so far, such as weeks in pre-proceedings), "
                                               "`grows_with_time: total` (a running count, such as plans before this "
                                               "one) or `grows_with_time: false`.")
        return None
    return value or ""


def _growth_unsaid(raw: dict, qtype: str | None, label: str, checker: _Checker) -> None:
    """Warn of a number question whose words read like a time so far or a count to date and that does not say
    `grows_with_time:` (fix74c C2): `/audit compare` would call its growth better or worse, or its meaning rest on
    words read (growth_in_words)."""
    text = raw.get("text")
    if qtype != "number" or not isinstance(text, str):
        return
    if growth := growth_unsaid(text):
        said = "a time so far" if growth == "duration" else "a count to date"
        checker.warn(raw, "text", f"{checker.checklist}, {label} (“{' '.join(text.split())}”) reads like {said} but "
                                  "does not say whether its answer grows with time, so `/audit compare` may call a "
                                  f"later, larger answer worse: add the line `grows_with_time: {growth}` under it "
                                  "(or `grows_with_time: false` if the answer does not grow between audits).")


def _na_doubted_by(raw: dict, allow_na: bool, label: str, checker: _Checker, earlier: dict[str, Question],
                   refused: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """`na_doubted_by: [plan-specific, support-offered]` on an allow_na question (was escalation considered?): the
    earlier yes/no questions whose No, like a note with drift words, makes "not applicable" here doubtful, so the
    audit asks once whether to keep it (bot.audits.na_doubt)."""
    if "na_doubted_by" not in raw:
        return ()
    value = raw["na_doubted_by"]
    if not allow_na:
        checker.report(raw, "na_doubted_by", f"{label}: `na_doubted_by` only works with `allow_na: true`; remove it.")
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        checker.report(raw, "na_doubted_by", f"{label}: `na_doubted_by` must list earlier yes/no question ids, like "
                                             f"`na_doubted_by: [plan-specific]`; found {type_name(value)}.")
        return ()
    for target in value:
        if target in refused:
            continue
        if target not in earlier or earlier[target].type != "yes_no":
            checker.report(raw, "na_doubted_by", f"{label}: `na_doubted_by` names '{target}', which is not an earlier "
                                                 f"yes/no question in this checklist"
                                                 f"{did_you_mean(target, list(earlier))}.")
            return ()
    return tuple(value)


def _at_most(raw: dict, qtype: str | None, label: str, checker: _Checker,
             earlier: dict[str, Question], refused: frozenset[str] = frozenset()) -> str | None:
    """`at_most: contacts-sampled` on a count that is a part of an earlier count (contacts with a late decision, of
    the contacts sampled): an answer above the earlier one is refused, so no audit says 5 of 2 contacts were late.
    One naming an earlier question `refused` for its own problem is not reported again (trial 48)."""
    if "at_most" not in raw:
        return None
    value = raw["at_most"]
    example = "like `at_most: contacts-sampled`"
    if qtype is not None and qtype != "number":
        checker.report(raw, "at_most", f"{label}: `at_most` only works on number questions; remove it.")
        return None
    if not isinstance(value, str) or not value.strip():
        checker.report(raw, "at_most", f"{label}: `at_most` must name an earlier number question by its id, "
                                       f"{example}; found {type_name(value)}.")
        return None
    target = earlier.get(value.strip())
    if target is None and value.strip() in refused:
        return None  # that question's own problem is reported: "not an earlier question" would send authors astray
    if target is None:
        checker.report(raw, "at_most", f"{label}: `at_most` points at '{value}', which is not an earlier question in "
                                       f"this checklist{did_you_mean(value, earlier)}; a count can only be bounded by "
                                       "one asked before it.")
        return None
    if target.type != "number":
        checker.report(raw, "at_most", f"{label}: `at_most` points at '{target.id}', a {target.type} question; it "
                                       "must name an earlier number question (the count this one is a part of).")
        return None
    return target.id


def _options(raw: dict, qtype: str | None, label: str, checker: _Checker) -> tuple[str, ...]:
    """A choice question's answers. Whatever is wrong with them is said in ONE problem, so an author fixes the list
    in one go (trial 63 F2); a question whose type is itself wrong says nothing here (the type problem comes first)."""
    value = raw.get("options")
    if qtype != "choice":
        if value is not None and qtype is not None:
            checker.report(raw, "options", f"{label}: `options` only works on choice questions; remove it "
                                           "or set `type: choice`.")
        return ()
    if not isinstance(value, list):
        checker.report(raw, "options" if "options" in raw else None, _options_not_a_list(value, label))
        return ()
    options, faults = _option_faults(value, label)
    if faults:
        checker.report(raw, "options", f"{label} {'; and '.join(faults)}.")
    return tuple(options)


def _options_not_a_list(value: Any, label: str) -> str:
    """`options: None, One, Two or more` is one line of text to YAML, not a list: say so and show the list form."""
    needs = f"{label} is a choice question and needs `options:`, a list of {MIN_OPTIONS} to {MAX_OPTIONS} answers"
    if isinstance(value, str) and "," in value:
        parts = [part.strip() for part in value.strip().strip("[]").split(",") if part.strip()]
        return (f"{needs}; `options:` is one line of text, not a list: write it as a list, "
                f"`options: [{', '.join(parts)}]`, or one `- ` line for each answer.")
    return f"{needs}, like `options: [Yes, Partly, No]` or one `- ` line for each answer."


def _option_faults(value: list, label: str) -> tuple[list[str], list[str]]:
    """The usable options of a list, and what is wrong with the rest (each fault as a clause of one sentence)."""
    options: list[str] = []
    faults: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            faults.append(f"has an option that is {type_name(item)}: write each option as text (in quotes if it "
                          "is yes/no or a number)")
        elif item.strip() in options:
            faults.append(f"lists option '{item.strip()}' twice: keep one")
        elif len(item.strip()) > MAX_OPTION_CHARS:
            faults.append(f"has an option of {len(item.strip())} characters: a Slack button shows at most "
                          f"{MAX_OPTION_CHARS}, so shorten it")
        else:
            options.append(item.strip())
    if not MIN_OPTIONS <= len(value) <= MAX_OPTIONS:
        faults.append(f"has {len(value)} options: a choice needs {MIN_OPTIONS} to {MAX_OPTIONS} so they fit as "
                      "buttons")
    return options, faults


def _as_answer_text(value: Any) -> str | None:
    """YAML reads unquoted yes/no as true/false: accept them as the answers the author meant."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _show_if(raw: dict, label: str, checker: _Checker, earlier: dict[str, Question],
             refused: frozenset[str] = frozenset()) -> ShowIf | None:
    """`show_if: {question: …, equals: …}`, checked against the earlier questions; one naming an earlier question
    `refused` for its own problem (`type: yes_or_no`) is not reported again as "not an earlier question" (trial 48)."""
    value = raw.get("show_if")
    if value is None:
        return None
    example = '`show_if: {question: child-in-care, equals: "yes"}`'
    if not isinstance(value, dict) or set(value) != {"question", "equals"}:
        checker.report(raw, "show_if", f"{label}: `show_if` must name an earlier question and an answer, like "
                                       f"{example}.")
        return None
    target, equals = value.get("question"), _as_answer_text(value.get("equals"))
    if isinstance(target, str) and target in refused:
        return None
    if not isinstance(target, str) or target not in earlier:
        checker.report(raw, "show_if", f"{label}: `show_if` points at '{target}', which is not an earlier question "
                                       f"in this checklist{did_you_mean(str(target), earlier)}; a question can only "
                                       "depend on one asked before it.")
        return None
    keys = earlier[target].answer_keys
    if not keys:
        checker.report(raw, "show_if", f"{label}: `show_if` depends on '{target}', a {earlier[target].type} "
                                       "question; only yes_no, scale and choice answers can be compared.")
        return None
    if equals not in keys:
        checker.report(raw, "show_if", f"{label}: `show_if` waits for '{equals}', which '{target}' can never be "
                                       f"answered; use one of: {', '.join(keys)}.")
        return None
    return ShowIf(question=target, equals=equals)


def _answer_list(raw: dict, key: str, qtype: str | None, keys: tuple[str, ...] | None, label: str,
                 checker: _Checker) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if qtype is not None and not keys:
        checker.report(raw, key, f"{label}: `{key}` only works on yes_no, scale and choice questions; remove it.")
        return ()
    if not isinstance(value, list) or not value:
        checker.report(raw, key, f"{label}: `{key}` must be a list of answers, like `{key}: [\"no\"]`.")
        return ()
    answers: list[str] = []
    for item in value:
        text = _as_answer_text(item)
        if keys is not None and text not in keys:
            checker.report(raw, key, f"{label}: `{key}` lists '{item}', which is not a possible answer; use "
                                     f"one of: {', '.join(keys)}.")
        elif text is not None and text not in answers:
            answers.append(text)
    return tuple(answers)


@dataclass(frozen=True)
class Answer:
    """A stored answer: the value and, for scale questions, the evidence note."""

    value: str
    evidence: str | None = None
