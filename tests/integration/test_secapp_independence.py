"""Audits are independent: nobody audits their own case, and nobody moderates an audit of their case or one they did."""

from __future__ import annotations

import pytest

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender

AUDITOR = "U0MGRN001"  # North manager
SOUTH_MANAGER = "U0MGRS001"
QA_LEAD = "U0QALEAD1"


def at_worker_step(engine: Engine, services: Services) -> tuple[int, list[Reply]]:
    engine.command(AUDITOR, "start case-audit", surface="terminal")
    replies = engine.message(AUDITOR, "CR-424242", surface="terminal")
    audit_id = services.storage.db.execute("SELECT id FROM audits").fetchone()[0]
    return audit_id, replies


def worker_of(services: Services, audit_id: int) -> str | None:
    return services.storage.db.execute("SELECT worker_id FROM audits WHERE id = ?", [audit_id]).fetchone()[0]


def test_typing_your_own_id_as_the_worker_is_refused_clearly(engine: Engine, services: Services) -> None:
    audit_id, replies = at_worker_step(engine, services)
    assert any(c.action == "audit.worker" for r in replies for c in r.choices)
    assert not any(c.action == "audit.worker" and c.value.endswith(AUDITOR) for r in replies for c in r.choices)
    [refusal] = engine.message(AUDITOR, AUDITOR, surface="terminal")
    assert refusal.kind == "error" and "your own" in refusal.text and "Pick the worker" in refusal.text
    assert worker_of(services, audit_id) is None
    # a real worker is still accepted afterwards
    replies = engine.message(AUDITOR, "U0PRAN001", surface="terminal")
    assert not any(r.kind == "error" for r in replies)
    assert worker_of(services, audit_id) == "U0PRAN001"


def test_a_crafted_worker_button_naming_the_auditor_is_refused(engine: Engine, services: Services) -> None:
    audit_id, replies = at_worker_step(engine, services)
    worker_value = next(c.value for r in replies for c in r.choices if c.action == "audit.worker")
    crafted = worker_value.rsplit(":", 1)[0] + f":{AUDITOR}"
    [refusal] = engine.action(AUDITOR, "audit.worker", crafted, surface="dm")
    assert refusal.kind == "error" and "your own" in refusal.text
    assert worker_of(services, audit_id) is None


@pytest.fixture
def submitted(engine: Engine, services: Services) -> int:
    """A North audit submitted by the North manager; tests say whose case it is."""
    send = terminal_sender(engine, TerminalView(), AUDITOR)
    complete_audit(send, send("type", "/audit start early-help-spot"))
    return int(services.storage.db.execute("SELECT id FROM audits WHERE status = 'submitted'").fetchone()[0])


def set_worker(services: Services, audit_id: int, worker: str) -> None:
    with services.storage.write() as db:
        db.execute("UPDATE audits SET worker_id = ? WHERE id = ?", [worker, audit_id])


@pytest.mark.parametrize("moderator", [SOUTH_MANAGER, QA_LEAD])
def test_nobody_moderates_an_audit_of_their_own_case(engine: Engine, services: Services, submitted: int,
                                                     moderator: str) -> None:
    set_worker(services, submitted, moderator)  # e.g. a manager's or QA lead's own case, audited by someone else
    [listed] = engine.command(moderator, "moderate", surface="terminal")
    assert f"#{submitted}" not in listed.text
    [refusal] = engine.action(moderator, "audit.moderate_open", str(submitted), surface="dm")
    assert refusal.kind == "error"
    assert f"#{submitted} is the audit of your case, so someone else moderates it" in refusal.text
    status = services.storage.db.execute("SELECT status FROM audits WHERE id = ?", [submitted]).fetchone()[0]
    assert status == "submitted"


@pytest.mark.parametrize("moderator", [SOUTH_MANAGER, QA_LEAD])
def test_others_still_moderate_it(engine: Engine, services: Services, submitted: int, moderator: str) -> None:
    [listed] = engine.command(moderator, "moderate", surface="terminal")
    assert f"#{submitted}" in listed.text
    [opened] = engine.action(moderator, "audit.moderate_open", str(submitted), surface="dm")
    assert opened.kind != "error" and "You are moderating this audit" in opened.text


def test_nobody_moderates_an_audit_they_did(engine: Engine, services: Services, submitted: int) -> None:
    [refusal] = engine.action(AUDITOR, "audit.moderate_open", str(submitted), surface="dm")
    assert refusal.kind == "error" and f"You audited #{submitted}, so someone else moderates it" in refusal.text
