"""An Inadequate grade given by the worker's own team manager reaches someone above them (user trial): the QA leads
and the heads of service (admins), never nobody, and never the auditor themself."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_checklist_finish import drive

MANAGER = "U0MGRN001"  # manages North, the team of U0PRAN001
WORKER = "U0PRAN001"


def inadequate_alerts(engine: Engine) -> list:
    send = terminal_sender(engine, TerminalView(), MANAGER)
    seen = drive(send, send("type", "/audit start early-help-spot"), "inadequate", worker=WORKER)
    return [r for r in seen if r.to_user and "Inadequate overall grade on audit #" in r.text]


def test_a_team_managers_inadequate_alerts_the_qa_leads_and_the_head_of_service(engine: Engine) -> None:
    alerted = sorted(r.to_user for r in inadequate_alerts(engine))
    assert alerted == ["U0ADMIN01", "U0QALEAD1", "U0QALEAD2"]
    assert MANAGER not in alerted and WORKER not in alerted


@pytest.fixture
def no_qa_leads(config_dir: Path) -> None:
    """A service whose teams.yaml names a head of service but no QA lead."""
    teams = config_dir / "teams.yaml"
    teams.write_text("".join(line for line in teams.read_text().splitlines(keepends=True) if "qa_lead}" not in line))


def test_with_no_qa_lead_the_head_of_service_is_alerted_rather_than_nobody(no_qa_leads: None, engine: Engine) -> None:
    assert [r.to_user for r in inadequate_alerts(engine)] == ["U0ADMIN01"]
