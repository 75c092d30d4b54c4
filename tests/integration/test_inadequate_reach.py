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


SERVICE_MANAGER = "U0SVCM001"


@pytest.fixture
def service_manager(config_dir: Path) -> None:
    """A service manager who manages both North and South (trial 22)."""
    teams = config_dir / "teams.yaml"
    member = "      - {user: U0SVCM001, name: Service manager, role: manager}\n"
    lines = teams.read_text().splitlines(keepends=True)
    out = []
    for line in lines:
        out.append(line)
        if "{user: U0MGRN001" in line or "{user: U0MGRS001" in line:
            out.append(member)
    teams.write_text("".join(out))


def test_a_service_managers_inadequate_alerts_the_case_teams_manager_only(service_manager: None,
                                                                          engine: Engine) -> None:
    """Before, every manager of every team the auditor was in was alerted, with the case reference, and South's
    manager could not open the audit the alert asked them to look at."""
    send = terminal_sender(engine, TerminalView(), SERVICE_MANAGER)
    seen = drive(send, send("type", "/audit start early-help-spot"), "inadequate", worker=WORKER)
    alerts = [r for r in seen if r.to_user and "Inadequate overall grade on audit #" in r.text]
    assert [r.to_user for r in alerts] == [MANAGER]  # North's: the case's team; not South's
    [shown] = engine.command(MANAGER, "show 1", surface="terminal")
    assert shown.kind != "error" and shown.text.startswith("Audit #1")  # and they can open it


class _Alerted(Exception):
    """Raised by the sender once the Inadequate alert has gone: the audit is then a draft graded Inadequate."""


def cancel_after_the_alert(engine: Engine) -> tuple[list, list, object]:
    """The team manager confirms Inadequate (the alert goes), then cancels the draft: (alerts, replies to the
    cancel, send) so a test can go on."""
    inner = terminal_sender(engine, TerminalView(), MANAGER)
    alerts: list = []

    def send(kind: str, payload: str) -> list:
        replies = inner(kind, payload)
        alerts.extend(r for r in replies if r.to_user and "Inadequate overall grade on audit #" in r.text)
        if alerts:
            raise _Alerted
        return replies

    with pytest.raises(_Alerted):
        drive(send, send("type", "/audit start early-help-spot"), "inadequate", worker=WORKER)
    asked = inner("type", "cancel")
    [confirm] = [c for r in asked for c in r.choices if c.action == "audit.cancel_confirm"]
    return alerts, inner("press", f"{confirm.action}|{confirm.value}"), inner


def test_those_an_inadequate_grade_alerted_are_told_when_the_draft_is_cancelled_and_restored(engine: Engine) -> None:
    alerts, cancelled, send = cancel_after_the_alert(engine)
    alerted = sorted(r.to_user for r in alerts)
    updates = [r for r in cancelled if r.to_user]
    assert sorted(r.to_user for r in updates) == alerted == ["U0ADMIN01", "U0QALEAD1", "U0QALEAD2"]
    for update in updates:
        text = update.text.replace("**", "")
        assert "Update on audit #1" in text and "cancelled by its auditor, so it won't count as an audit, and its " \
                                               "Inadequate grade with it" in text
        assert "they can restore the audit for 7 days" in text
    mine = " ".join(r.text for r in cancelled if r.is_for_requester).replace("**", "")
    assert ("I've told Head of service, QA lead (practice), QA lead (children in care) that the audit they were "
            "alerted about as Inadequate is cancelled.") in mine
    restored = [r for r in send("type", "/audit restore 1") if r.to_user]
    assert sorted(r.to_user for r in restored) == alerted
    assert all("restored the cancelled audit: it is back as a draft, graded Inadequate" in r.text.replace("**", "")
               for r in restored)
