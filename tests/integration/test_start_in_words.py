"""Trial 41 (South manager, item 9): `start a neglect audit on cr 771234 for S1` got "Did you mean…": an audit asked
for in one sentence starts with its checklist, case and worker, each part taken as its own step takes it."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.dashboard import my_work
from bot.engine.routing import Engine

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
MANAGER = "U0MGRN001"


def _said(replies: list[Reply]) -> str:
    return "\n".join(" ".join(r.text.replace("**", "").split()) for r in replies)


def _draft(services: Services) -> tuple[str, str, str | None, str]:
    row = services.storage.db.execute("SELECT checklist_id, case_ref, worker_id, step FROM audits").fetchone()
    return tuple(row)  # type: ignore[return-value]


def test_checklist_case_and_worker_in_one_sentence_start_the_audit_at_its_first_question(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(MANAGER, "start a neglect audit on cr 771234 for N1", surface="terminal")
    said = _said(replies)
    assert "Audit #1 of CR-771234 (Neglect)" in said and "Got it: Social worker N1's case." in said, said
    assert _draft(services) == ("neglect", "CR-771234", "U0PRAN001", "question:immediate-concern")
    assert [c.label for c in replies[0].choices] == []  # the worker's buttons, answered, are not offered again


def test_a_missing_checklist_is_asked_for_that_case(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine.message(MANAGER, "can you start an audit of case CR-771234 for n1", surface="terminal"))
        picked = _said(engine.message(MANAGER, "neglect", surface="terminal"))
    assert "Which checklist are you auditing CR-771234 against?" in said, said
    assert "Audit #1 of CR-771234 (Neglect)" in picked and "Whose case is it?" in picked, picked


def test_a_worker_not_known_is_asked_for_with_the_buttons(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(MANAGER, "start a neglect audit on cr 771234 for bob", surface="terminal")
    said = _said(replies)
    assert "Whose case is it?" in said and "I don't know that person" in said and "bob" not in said.lower(), said
    assert "Social worker N1" in [c.label for r in replies for c in r.choices]
    assert _draft(services)[2:] == (None, "worker")


def test_homes_draft_line_names_its_case(engine: Engine, services: Services) -> None:
    """Trial 41 (South manager, item 15): Home's draft line lacked the case reference."""
    with time_machine.travel(NOW, tick=False):
        engine.message(MANAGER, "start a neglect audit on cr 771234 for N1", surface="terminal")
        engine.message(MANAGER, "pause", surface="terminal")
        [home] = my_work(services, services.directory.person(MANAGER))
    assert "• Neglect (#1), case CR-771234, last touched 2 Dec" in home.text, home.text

