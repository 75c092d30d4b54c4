"""Each thing asked once: checklists hold the practice questions, the finish step the judgement; schema additions."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from bot.audits.flow import Answer, AnswerError, Step, next_step, parse_answer, parse_number
from bot.composition import build_engine, build_services
from bot.core.audit_rules import missing_answers, suggest_grade
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import Settings
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.schema import MIGRATIONS
from bot.terminal.render import TerminalView
from knowledge.checklist_schema import Checklist, Question, Section
from tests.audit_driver import next_input
from tests.integration.test_audit_terminal import terminal_sender
from tests.support.mini_checklist import MINI_HEAD, parsed


def problems_of(questions: str) -> list[str]:
    return [str(p) for p in parsed(MINI_HEAD + questions, "c.yaml")[1]]


@pytest.mark.parametrize(("question", "what"), [
    ("          - id: overall-grade\n            text: Grade?\n            type: text\n", "an overall grade"),
    ("          - id: judgement\n            text: What is your overall judgement of practice?\n"
     "            type: text\n", "an overall grade"),
    ("          - id: strengths\n            text: Anything good?\n            type: text\n", "strengths"),
    ("          - id: good-bits\n            text: What are the main strengths of practice?\n            type: text\n",
     "strengths"),
    ("          - id: to-improve\n            text: What are the areas for development?\n            type: text\n",
     "areas for development"),
    ("          - id: todo\n            text: What actions are needed, by whom and by when?\n            type: text\n",
     "actions"),
])
def test_kb_check_refuses_a_question_the_finish_step_asks(question: str, what: str) -> None:
    [problem] = problems_of(question)
    assert problem.startswith("c.yaml:9:") or problem.startswith("c.yaml:10:")
    assert f"asks for {what}, which the finish step of every audit asks" in problem
    assert "remove this question" in problem


def test_practice_questions_that_mention_strengths_are_not_refused() -> None:
    assert problems_of("          - id: assessment\n            text: Does the assessment weigh the family's needs "
                       "and strengths?\n            type: yes_no\n            guidance: Look at it.\n") == []


NUMBER = Question("moves", "Moves?", "number", flag_at_least=3)


@given(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
def test_a_number_is_flagged_exactly_when_it_reaches_flag_at_least(number: Decimal) -> None:
    stored = parse_number(str(number))
    assert NUMBER.flags(stored) == (number >= 3)


GRADED = Question("quality", "Quality?", "scale", allow_na=True,
                  descriptors=(("outstanding", "A."), ("good", "B."), ("requires_improvement", "C."),
                               ("inadequate", "D.")))
OTHER = Question("other", "Other?", "scale")
MINI = Checklist(id="mini", title="Mini", file="x", line=1, period="the last year",
                 sections=(Section("one", "One", (GRADED, OTHER)),))


def test_not_applicable_on_a_scale_question_needs_no_evidence_and_does_not_count_in_the_suggestion() -> None:
    assert GRADED.answer_keys[-1] == "na" and OTHER.answer_keys[-1] == "inadequate"
    assert parse_answer(GRADED, "n/a") == "na"
    answers = {"quality": Answer("na"), "other": Answer("good", "seen on file")}
    assert next_step(MINI, answers, Step("question", "quality")) == Step("question", "other")
    assert missing_answers(MINI, answers) == []
    assert suggest_grade(MINI, answers) == "good"
    assert GRADED.answer_label("na") == "Not applicable"


def test_descriptors_and_period_survive_the_snapshot() -> None:
    again = Checklist.from_content(json.loads(json.dumps(MINI.to_content())))
    assert again.period == "the last year"
    assert again.question("quality").descriptors == GRADED.descriptors
    assert again.content_hash == MINI.content_hash


# -- through the bot -----------------------------------------------------------------------------------------

AUDITOR = "U0QALEAD1"          # a QA lead, who may audit any team's case and has no manager of their own
WORKER = "U0PRAS001"           # a worker in South: their manager is U0MGRS001


def drive(send, first, grade: str, worker: str | None = None, keep_notes: bool = False) -> list:
    """Answer every step like the shared driver, but type the worker, pick `grade` and keep migrated notes."""
    replies, state, seen = first, {}, []
    for _ in range(300):
        seen += replies
        mine = [r for r in replies if r.is_for_requester]
        last = next((r for r in reversed(mine) if r.choices or r.prompt), None)
        actions = {c.action: c for c in (last.choices if last else ())}
        if worker and "audit.worker" in actions:
            replies = send("type", worker)
            continue
        if "audit.grade" in actions:
            choice = next(c for c in last.choices if c.action == "audit.grade" and c.value.endswith(f":{grade}"))
            replies = send("press", f"audit.grade|{choice.value}")
            continue
        if keep_notes and last is not None and last.prompt and last.prompt.startswith(("Type the strengths",
                                                                                       "Type the areas")):
            replies = send("type", "skip")
            continue
        if keep_notes:
            state["action_added"] = True
        step = next_input(replies, state)
        if step is None:
            return seen
        replies = send(*step)
    raise AssertionError("the audit never finished")


def test_an_inadequate_overall_grade_alerts_the_escalation_people_and_the_workers_manager(
        engine: Engine, services: Services) -> None:
    send = terminal_sender(engine, TerminalView(), AUDITOR)
    seen = drive(send, send("type", "/audit start early-help-spot"), "inadequate", worker=WORKER)
    asked = [r for r in seen if "This sends an urgent alert now to Team manager (South). Send it?" in r.text]
    assert asked, "the Inadequate grade is confirmed before it alerts (the driver presses Send the alert)"
    alerts = [r for r in seen if r.to_user and "Inadequate overall grade on audit #" in r.text]
    assert sorted(r.to_user for r in alerts) == ["U0MGRS001"]
    assert any("alerted" in r.text and "Inadequate grade" in r.text for r in seen if r.is_for_requester)
    [audit] = services.storage.db.query("SELECT * FROM audits")
    assert audit["overall_grade"] == "inadequate" and audit["status"] == "submitted"


def test_a_good_overall_grade_alerts_nobody(engine: Engine, services: Services) -> None:
    send = terminal_sender(engine, TerminalView(), AUDITOR)
    seen = drive(send, send("type", "/audit start early-help-spot"), "good", worker=WORKER)
    assert not [r for r in seen if r.to_user and "Inadequate overall grade" in r.text]


def test_the_period_is_shown_at_the_start_and_descriptors_with_each_grade_question(engine: Engine) -> None:
    view = TerminalView()
    send = terminal_sender(engine, view, AUDITOR)
    first = send("type", "/audit start case-audit")
    assert "Period audited: the last 6 months" in first[0].text
    seen = drive(send, first, "good")
    graded = [r for r in seen if r.kind == "question" and "How would you grade the quality of planning" in r.text]
    assert graded and "Requires improvement to be good*: A plan exists but is generic" in graded[0].text
    summaries = [r for r in seen if r.fields and any(label == "Period" for label, _ in r.fields)]
    assert summaries


OLD_CONTENT = {
    "id": "old-audit", "title": "Old audit", "description": "",
    "sections": [
        {"id": "practice", "title": "Practice", "questions": [
            {"id": "immediate-concern", "text": "Immediate concern?", "type": "yes_no", "required": True,
             "allow_na": False, "options": [], "guidance": None, "show_if": None, "flag_if": ["yes"],
             "escalate_if": ["yes"]},
            {"id": "plan-quality", "text": "How good is the plan?", "type": "scale", "required": True,
             "allow_na": False, "options": [], "guidance": None, "show_if": None, "flag_if": [], "escalate_if": []},
        ]},
        {"id": "overall", "title": "Overall judgement", "questions": [
            {"id": "strengths", "text": "Strengths?", "type": "text", "required": False, "allow_na": False,
             "options": [], "guidance": None, "show_if": None, "flag_if": [], "escalate_if": []},
            {"id": "areas-for-development", "text": "Development?", "type": "text", "required": False,
             "allow_na": False, "options": [], "guidance": None, "show_if": None, "flag_if": [], "escalate_if": []},
            {"id": "actions", "text": "Actions?", "type": "text", "required": False, "allow_na": False,
             "options": [], "guidance": None, "show_if": None, "flag_if": [], "escalate_if": []},
            {"id": "overall-grade", "text": "Overall grade?", "type": "scale", "required": True, "allow_na": False,
             "options": [], "guidance": None, "show_if": None, "flag_if": [], "escalate_if": ["inadequate"]},
        ]},
    ],
}
STAMP = "2026-11-02T10:00:00+00:00"


def old_shape(path: str) -> None:
    """A database from before m150, holding a draft and a submitted audit that answered the old questions."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m150_checklists_finish_fields")
    db.execute("INSERT INTO checklist_versions VALUES ('oldhash', 'old-audit', 'Old audit', ?, ?)",
               [json.dumps(OLD_CONTENT), STAMP])
    for audit_id, status, step in ((1, "draft", "evidence:overall-grade"), (2, "submitted", "submit")):
        db.execute("INSERT INTO audits (id, checklist_id, checklist_hash, case_ref, auditor_id, worker_id, team_id, "
                   "status, step, overall_grade, started_at, updated_at, submitted_at) VALUES "
                   "(?, 'old-audit', 'oldhash', 'CR-100001', ?, ?, 'north-assessment', ?, ?, ?, ?, ?, ?)",
                   [audit_id, "U0MGRN001", "U0PRAN001", status, step, "good" if status == "submitted" else None,
                    STAMP, STAMP, STAMP if status == "submitted" else None])
        for qid, value, evidence in (("immediate-concern", "no", None), ("plan-quality", "good", "Clear plan."),
                                     ("strengths", "Warm direct work with the child.", None),
                                     ("areas-for-development", "Chronology needs updating.", None),
                                     ("actions", "Update the chronology.", None),
                                     ("overall-grade", "requires_improvement", None)):
            db.execute("INSERT INTO answers VALUES (?, ?, ?, ?, 0, 'U0MGRN001', ?)",
                       [audit_id, qid, value, evidence, STAMP])
    db.conn.commit()
    db.conn.close()


def test_the_migration_moves_old_answers_onto_the_finish_fields_and_the_old_draft_finishes(
        settings: Settings) -> None:
    old_shape(str(settings.database))
    services = build_services(settings)  # applies m150
    try:
        draft, submitted = store.get_audit(services.storage, 1), store.get_audit(services.storage, 2)
        assert (draft.overall_grade, draft.strengths, draft.development) == (
            "requires_improvement", "Warm direct work with the child.", "Chronology needs updating.")
        assert draft.step == "review" and draft.checklist_hash != "oldhash"
        snapshot = store.checklist_version(services.storage, draft.checklist_hash)
        assert [q.id for q in snapshot.questions()] == ["immediate-concern", "plan-quality"]
        assert submitted.overall_grade == "good"  # a field already filled is never overwritten
        assert submitted.strengths == "Warm direct work with the child." and submitted.checklist_hash == "oldhash"
        [action] = action_store.actions_of_audit(services.storage, 1)
        assert (action.description, action.owner_id, action.due_date) == (
            "Update the chronology.", "U0PRAN001", "2026-11-30")

        send = terminal_sender(build_engine(services), TerminalView(), "U0MGRN001")
        first = send("type", "/audit resume 1")
        seen = drive(send, first, "requires_improvement", keep_notes=True)
        assert any("Noted already: Warm direct work" in r.text for r in seen)
        finished = store.get_audit(services.storage, 1)
        assert finished.status == "submitted" and finished.overall_grade == "requires_improvement"
        assert finished.strengths == "Warm direct work with the child."
        assert finished.development == "Chronology needs updating."
        assert len(action_store.actions_of_audit(services.storage, 1)) == 1
    finally:
        services.storage.close()


COUNT = Question("moves", "How many times has the child moved home?", "number")
HOURS = Question("hours", "How many hours of direct work were recorded?", "number", decimals=True)


@pytest.mark.parametrize(("typed", "says"), [("-3", "below zero"), ("about -2 months", "below zero"),
                                             ("3.7", "not a whole number"), ("12.5 times", "not a whole number")])
def test_a_count_is_never_below_zero_or_a_fraction(typed: str, says: str) -> None:
    with pytest.raises(AnswerError, match=says):
        parse_answer(COUNT, typed)


@given(st.integers(min_value=0, max_value=10**6))
def test_every_whole_count_is_taken_as_typed(number: int) -> None:
    assert parse_answer(COUNT, f"{number:,}") == str(number)


def test_a_question_that_allows_decimals_takes_a_fraction_but_never_below_zero() -> None:
    assert parse_answer(HOURS, "12.5") == "12.5"
    with pytest.raises(AnswerError, match="below zero"):
        parse_answer(HOURS, "-0.5")


def test_decimals_is_checked_like_every_key_and_kept_in_an_audit_snapshot() -> None:
    wrong = problems_of("          - id: safe\n            text: Is the child safe?\n            type: yes_no\n"
                        "            decimals: true\n")
    assert any("`decimals` only works on number questions" in problem for problem in wrong), wrong
    checklist = Checklist("c", "C", "c.yaml", 1, "", (Section("s", "S", (HOURS, COUNT)),))
    again = Checklist.from_content(checklist.to_content())
    assert [q.decimals for q in again.sections[0].questions] == [True, False]
