"""An invented audit's rows for `audit-bot demo-data` (bot.digests.demo_data, bot.digests.demo_reaudits): answers
drawn for a grade, the questions the answers skip taken out, the reason a person gives for a grade other than the one
suggested, and the actions an audit gets; each audit is checked against the rules a person's audit must pass
(bot.core.audit_rules.submission_breaks) before it is stored, so invented data never shows what the bot forbids.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from bot.core.audit_rules import answers_hidden, submission_breaks, suggest_grade
from bot.core.calendar import add_working_days
from bot.digests.demo_notes import audit_notes, evidence_note, grade_reason_text, typed_answer
from bot.storage.common import utc_text
from knowledge.checklist_schema import GRADES, NOT_APPLICABLE, Answer, Checklist

ACTION_TEXTS = (
    "Update the chronology with the last three months' significant events",
    "Hold a direct-work session and record the child's own words",
    "Review the plan with the family so every action has an owner and a date",
    "Arrange the overdue statutory visit and record who was seen alone",
    "Add the health and education views to the assessment",
    "Book a supervision discussion on the drift in this plan",
)


def _answer(question: dict[str, Any], grade_rank: int, rng: random.Random, day: date) -> str:
    kind = question["type"]
    weakness = 0.06 + 0.14 * grade_rank  # weaker practice, more questions answered badly
    if kind == "yes_no":
        bad = question["flag_if"][0] if question["flag_if"] else "no"
        good = "yes" if bad == "no" else "no"
        if question["allow_na"] and rng.random() < 0.05:
            return "na"
        return bad if rng.random() < weakness else good
    if kind == "scale":
        shift = rng.choice((-1, 0, 0, 0, 1))
        return GRADES[min(3, max(0, grade_rank + shift))]
    if kind == "choice":
        options = question["options"] or ["Other"]
        flagged = [o for o in options if o in question["flag_if"]]
        if flagged and rng.random() < weakness:
            return rng.choice(flagged)
        return rng.choice([o for o in options if o not in question["flag_if"]] or options)
    if kind == "date":
        return (day - timedelta(days=rng.randint(5, 90))).isoformat()
    if kind == "number":
        return str(rng.randint(1, 6))
    return ""  # a typed answer: drawn by answer_rows from the audit's own stream (bot.digests.demo_notes)


# Questions added to the shipped checklists since the demo data's draws were settled: each draws from a generator of
# its own (seeded by the audit and the question), so adding one leaves every other invented answer, audit, action and
# moderation as it was (tests and trial notes name them). Trial 33 added the section 47 enquiries sampled.
OWN_DRAWS = frozenset({"enquiries-sampled"})


def answer_rows(questions: list[dict[str, Any]], grade_rank: int, rng: random.Random, day: date,
                 who: tuple[int, str, str]) -> list[tuple[Any, ...]]:
    """Answer rows (ANSWER_COLUMNS order) for `who` = (audit id, auditor, when). A grade carries its evidence note, as
    the bot asks for one after every grade; an immediate concern (`escalate_if`) is kept for audits graded
    Inadequate, as a child at risk that nobody is acting on is not good practice. A count that is a part of an earlier
    one (`at_most`) is never larger than it."""
    audit_id, auditor, when = who
    rows: list[tuple[Any, ...]] = []
    given: dict[str, str] = {}
    for question in questions:
        own = random.Random(f"{audit_id}:{question['id']}") if question["id"] in OWN_DRAWS else rng
        value = _answer(question, grade_rank, own, day)
        if question["type"] == "text":  # from the audit's own stream: no draw of the generator's is added
            value = typed_answer(question, str(audit_id))
        if question.get("at_most") in given:  # a part of an earlier count: never 5 late of 2 sampled (trial 30)
            value = str(min(int(value), int(given[question["at_most"]])))  # no draw more: other data stays as it was
        given[question["id"]] = value
        if value in question["escalate_if"] and GRADES[grade_rank] != "inadequate":
            value = next(o for o in ("no", "yes", *(question["options"] or ())) if o not in question["escalate_if"])
        flagged = value in question["flag_if"] or (
            question["type"] == "number" and float(value) >= question.get("flag_at_least", float("inf")))
        evidence = evidence_note(question, value, str(audit_id)) \
            if question["type"] == "scale" and value != NOT_APPLICABLE else None
        rows.append((audit_id, question["id"], value, int(flagged), auditor, when, evidence))
    return rows


def _answers(rows: list[tuple[Any, ...]]) -> dict[str, Answer]:
    return {row[1]: Answer(row[2], row[6]) for row in rows}


def asked(checklist: Checklist, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows of the questions the answers ask: a follow-up skipped by an earlier answer (no plan, so no
    question on the family's part in it) is taken out, as the conversation takes it out."""
    hidden = set(answers_hidden(checklist, _answers(rows)))
    return [row for row in rows if row[1] not in hidden]


def grade_reason(checklist: Checklist, rows: list[tuple[Any, ...]], grade: str, key: str) -> str | None:
    """The reason a person is asked for when their grade is not the one the answers suggest (one that fits the
    direction and the grade, drawn from the stream `key` names: the audit's own); None when it is."""
    suggested = suggest_grade(checklist, _answers(rows))
    return grade_reason_text(key, grade, suggested) if suggested is not None and suggested != grade else None


def check_rules(checklist: Checklist, rows: list[tuple[Any, ...]], grade: str, reason: str | None,
                actions: int) -> None:
    """Refuse to store an invented audit the bot would refuse to submit from a person: a bug in this module."""
    broken = submission_breaks(checklist, _answers(rows), grade, reason, actions)
    if broken:
        raise ValueError(f"demo audit of {checklist.id} breaks the audit rules: {'; '.join(broken)}")


def invented_actions(rng: random.Random, ids: tuple[int, int], count: int, day: date, today: date, tz: tzinfo,
                     people: tuple[str, str, str]) -> list[tuple[Any, ...]]:
    """`count` actions (insert_audits' order) numbered from `ids` = (first action id, audit id), for `people` =
    (owner: the worker, creator: the auditor, created at): each due 5 to 20 working days after `day`, and most of
    those already due done, as a team that acts on its audits does."""
    action_id, audit_id = ids
    owner, creator, created = people
    rows = []
    for offset in range(count):
        due = add_working_days(day, rng.randint(5, 20))
        done = due < today and rng.random() < 0.7
        done_at = datetime.combine(min(due, today), time(12), tzinfo=tz)
        rows.append((action_id + offset, audit_id, rng.choice(ACTION_TEXTS), owner, due.isoformat(), creator,
                     created, utc_text(done_at) if done else None, owner if done else None, None))
    return rows


def notes_of(key: str, grade: str, rows: list[tuple[Any, ...]]) -> tuple[str, str | None]:
    """(strengths, areas for development) of a submitted invented audit graded `grade` with answer `rows`, drawn from
    the stream `key` names (the audit's own): an area always where an answer was flagged, naming its theme."""
    return audit_notes(key, grade, [row[1] for row in rows if row[3]])
