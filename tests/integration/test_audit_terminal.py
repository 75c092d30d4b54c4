"""Audits in the terminal chat: every shipped checklist can be completed, and the safeguards hold."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.terminal.chat import run_chat, run_line
from bot.terminal.render import TerminalView
from knowledge.loader import load_knowledge
from tests.audit_driver import complete_audit
from tests.support.text import repeated

CHECKLIST_IDS = sorted(load_knowledge().checklists)
AUDITOR = "U0MGRN001"


def terminal_sender(engine: Engine, view: TerminalView, user: str = AUDITOR):
    """Send through the terminal chat's own routing: pressing a button means typing its number."""
    def send(kind: str, payload: str) -> list:
        if kind == "press":
            action, value = payload.split("|", 1)
            index = next(i for i, c in enumerate(view.choices) if c.action == action and c.value == value)
            text = f"#{index + 1}" if view.expects_text else str(index + 1)
        else:
            text = payload
        replies = run_line(engine, view, user, text)
        view.render(replies)
        return replies
    return send


@pytest.mark.parametrize("checklist_id", CHECKLIST_IDS)
def test_every_shipped_checklist_can_be_completed_in_the_terminal(engine: Engine, services: Services,
                                                                   checklist_id: str) -> None:
    view = TerminalView()
    send = terminal_sender(engine, view)
    first = send("type", f"/audit start {checklist_id}")
    complete_audit(send, first)
    [audit] = [a for a in services.storage.db.query("SELECT * FROM audits")]
    assert audit["status"] == "submitted"
    assert audit["checklist_id"] == checklist_id
    assert audit["overall_grade"] in ("good", "requires_improvement")
    assert audit["worker_id"] == "U0PRAN001" and audit["team_id"] == "north-assessment"
    answers = store.answers_of(services.storage, audit["id"])
    checklist = store.checklist_version(services.storage, audit["checklist_hash"])
    required = [q.id for q in checklist.questions() if q.required and q.show_if is None]
    assert set(required) <= set(answers)
    assert all(answers[q.id].evidence for q in checklist.questions() if q.type == "scale" and q.id in answers)
    [action] = action_store.actions_of_audit(services.storage, audit["id"])
    assert action.due_date == (date.today() + timedelta(days=28)).isoformat()  # as typed by the driver


def test_a_typed_line_conversation_reads_well(engine: Engine) -> None:
    lines = ["start audit", "2", "CR-123456", "1", "2"]  # 2) Full case audit
    out = io.StringIO()
    run_chat(engine, AUDITOR, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    text = " ".join(out.getvalue().split())  # long lines wrap in the terminal
    assert "Which checklist are you auditing against?" in text
    assert "2) Full case audit" in text
    assert "Period audited: the last 6 months, and the child's journey since the most recent referral." in text
    assert "Whose case is it?" in text
    assert "Section 1 of 7 · Question 1 of" in text
    assert "Section 1 of 7 · Question 2 of" in text


def test_a_case_reference_holding_a_name_or_nhs_number_is_refused_and_nothing_stored(engine: Engine,
                                                                                    services: Services) -> None:
    engine.command(AUDITOR, "start case-audit", surface="terminal")
    [name] = engine.message(AUDITOR, "Oliver Smith", surface="terminal")
    [nhs] = engine.message(AUDITOR, "943 476 5919", surface="terminal")
    assert name.kind == nhs.kind == "error"
    assert "“O… S…” looks like a child's or family member's name" in name.text
    assert "“9… 4… 5…” looks like an NHS number" in nhs.text
    assert repeated("Oliver Smith", name.text) == repeated("943 476 5919", nhs.text) == []  # masked, not said back
    assert services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 0
    replies = engine.message(AUDITOR, "cr-123456", surface="terminal")
    assert "CR-123456" in replies[-1].text


def test_free_text_holding_an_identifier_is_refused_with_the_reason(engine: Engine, services: Services) -> None:
    engine.command(AUDITOR, "start early-help-spot", surface="terminal")
    engine.message(AUDITOR, "CR-555555", surface="terminal")
    engine.message(AUDITOR, "U0PRAN001", surface="terminal")
    audit_id = services.storage.db.execute("SELECT id FROM audits").fetchone()[0]
    # walk to the first scale question's evidence by answering with typed words
    for _ in range(20):
        ctx_step = store.get_audit(services.storage, audit_id).step
        if ctx_step.startswith("evidence:"):
            break
        question_id = ctx_step.split(":", 1)[1]
        from bot.audits.core import load

        question = load(services, audit_id).checklist.question(question_id)
        answer = {"yes_no": "no", "scale": "good", "choice": "1", "text": "Plan reviewed.", "date": "1/2/2026",
                  "number": "2"}[question.type]
        engine.message(AUDITOR, answer, surface="terminal")
    refusal, again = engine.message(AUDITOR, "Seen at 12 Acacia Avenue with mum, DOB 01/02/2015", surface="terminal")
    assert again.text.startswith("Still at Q")  # the question shown again (trial 59 F2)
    assert refusal.kind == "error" and "an address" in refusal.text and "date of birth" in refusal.text
    assert "“1… A… A…” looks like an address" in refusal.text  # the words to change (issue #12), masked
    assert repeated("Acacia Avenue 01/02/2015", refusal.text) == []
    step = store.get_audit(services.storage, audit_id).step
    assert step.startswith("evidence:")
    assert all(a.evidence is None for a in store.answers_of(services.storage, audit_id).values())


def test_in_a_channel_the_audit_moves_to_a_direct_message(engine: Engine) -> None:
    [reply] = engine.message(AUDITOR, "start audit", surface="channel")
    assert "direct message" in reply.text
