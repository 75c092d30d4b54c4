"""A typed number never cancels an audit; cancelling asks first, and a cancelled audit can be restored for 7 days."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.chat import run_chat, run_line
from bot.engine import Engine
from bot.render.terminal import TerminalView
from bot.replies import Choice, Reply
from bot.services import Services
from bot.storage import audits as store

AUDITOR = "U0MGRN001"
TYPED = {"yes_no": "no", "scale": "good", "choice": "1", "text": "Plan reviewed.", "date": "1/2/2026", "number": "2"}
EVIDENCE = "Visits and the plan on file show the child was seen."
START = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)  # a Monday morning


def only_audit(services: Services) -> store.AuditRow:
    [row] = services.storage.db.query("SELECT id FROM audits")
    audit = store.get_audit(services.storage, row["id"])
    assert audit is not None
    return audit


def say(engine: Engine, view: TerminalView, text: str) -> list[Reply]:
    """One typed line in the terminal chat, rendered so the next line sees what is on screen."""
    replies = run_line(engine, view, AUDITOR, text)
    view.render(replies)
    return replies


def walk_to_first(engine: Engine, services: Services, view: TerminalView, question_type: str) -> str:
    """Start a child protection audit in the terminal and answer by typing until a question of that type."""
    say(engine, view, "/audit start child-protection-plan")
    say(engine, view, "CR-123456")
    say(engine, view, "U0PRAN001")
    for _ in range(40):
        audit = only_audit(services)
        kind, _, question_id = audit.step.partition(":")
        if kind == "evidence":
            say(engine, view, EVIDENCE)
            continue
        assert kind == "question", audit.step
        question = store.checklist_version(services.storage, audit.checklist_hash).question(question_id)
        if question.type == question_type:
            return question_id
        say(engine, view, TYPED[question.type])
    raise AssertionError(f"no {question_type} question reached")


def choices_of(replies: list[Reply], action: str) -> list[Choice]:
    return [c for r in replies for c in r.choices if c.action == action]


# -- a typed number is an answer, not a menu pick ----------------------------------------------------------------

def test_a_number_typed_after_a_refused_answer_is_the_answer_not_cancel(engine: Engine, services: Services) -> None:
    view = TerminalView()
    question_id = walk_to_first(engine, services, view, "number")
    [refusal] = say(engine, view, "three")
    assert refusal.kind == "error" and "Please type a number" in refusal.text
    say(engine, view, "4")
    audit = only_audit(services)
    assert audit.status == "draft"
    assert store.answers_of(services.storage, audit.id)[question_id].value == "4"


def test_the_same_in_the_chat_loop_as_a_person_types_it(engine: Engine, services: Services) -> None:
    view = TerminalView()
    walk_to_first(engine, services, view, "number")
    out = io.StringIO()
    # a fresh chat session: the question is shown again by resume, then the person types as in the issue
    run_chat(engine, AUDITOR, io.StringIO("/audit resume 1\nthree\n4\n"), out)
    text = out.getvalue()
    assert "Please type a number" in text
    assert "cancelled" not in text
    assert only_audit(services).status == "draft"


@settings(max_examples=100, deadline=None)
@given(number=st.integers(min_value=0, max_value=50), hashed=st.booleans())
def test_while_a_typed_answer_is_expected_only_hash_n_picks_an_option(number: int, hashed: bool) -> None:
    view = TerminalView()
    options = tuple(Choice(f"Option {i}", "audit.answer", str(i)) for i in range(6))
    view.render([Reply(text="How many?", choices=options, prompt="Type a number, such as 3.")])
    view.render([Reply(text="Please type a number, such as 3 or 12.5.", kind="error")])
    picked = view.choice_for(f"#{number}" if hashed else str(number))
    if hashed and 1 <= number <= len(options):
        assert picked == options[number - 1]
    else:
        assert picked is None
