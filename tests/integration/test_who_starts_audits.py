"""Who may start an audit and whose case it may be (user trial: a practitioner started one outside any campaign and
named any worker). Team managers start audits of their own teams' cases, QA leads and admins of anyone's; a
practitioner audits only a case an audit campaign allocates them, and is told so wherever they try."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

PRACTITIONER = "U0PRAN001"
WHO_STARTS = ("Audits are started by team managers (for cases in the teams they manage), QA leads and admins. You "
              "audit a colleague's case when an audit campaign allocates it to you: it is then on your Home with a "
              "Start button, and /audit campaign lists your campaigns.")


def flat(text: str) -> str:
    return " ".join(text.replace("`", "").replace("*", "").split())


def audit_count(services: Services) -> int:
    return int(services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0])


@pytest.mark.parametrize("how", ["start audit", "start audit neglect", "/audit start case-audit", "/audit start"])
def test_a_practitioner_typing_start_is_told_who_starts_audits_and_how_they_come_to_audit(
        engine: Engine, services: Services, how: str) -> None:
    _, out = drive(engine, [how, "CR-123456"], user=PRACTITIONER)
    assert WHO_STARTS in flat(out)
    assert "Whose case is it?" not in out and "What is the case reference?" not in out
    assert audit_count(services) == 0 and store.conversation(services.storage, PRACTITIONER) == {}


@pytest.mark.parametrize("value", ["", "case-audit"])
def test_a_start_button_pressed_by_a_practitioner_starts_nothing(engine: Engine, services: Services,
                                                                 value: str) -> None:
    [refused] = engine.action(PRACTITIONER, "audit.start", value)
    assert refused.kind == "error" and WHO_STARTS in flat(refused.text)
    assert audit_count(services) == 0


def test_a_practitioner_is_offered_no_start_in_help_home_or_at_a_case_reference(engine: Engine,
                                                                               services: Services) -> None:
    _, helped = drive(engine, ["help"], user=PRACTITIONER)
    assert "/audit start" not in helped and "Start an audit" not in helped and "start audit" not in helped
    assert "You audit a colleague's case when an audit campaign allocates it to you" in flat(helped)
    [top, *_] = home_sections(engine, services, PRACTITIONER)
    assert "audit.start" not in {c.action for c in top.choices}
    [reference] = engine.message(PRACTITIONER, "CR-123456")
    assert "audit.start" not in {c.action for c in reference.choices} and "Start an audit" not in reference.text
    assert "/audit list case CR-123456" in reference.text


def test_a_manager_is_still_offered_start(engine: Engine, services: Services) -> None:
    _, helped = drive(engine, ["help"], user="U0MGRN001")
    assert "/audit start [checklist]" in helped and "Start an audit" in helped
    [top, *_] = home_sections(engine, services, "U0MGRN001")
    assert "audit.start" in {c.action for c in top.choices}


def test_a_manager_names_workers_of_the_teams_they_manage_only(engine: Engine, services: Services) -> None:
    _, out = drive(engine, ["start audit neglect", "CR-123456"], user="U0MGRN001")
    offered = out.split("Whose case is it?", 1)[1]
    assert "Social worker N1" in offered and "Social worker N2" in offered
    assert "Social worker S1" not in offered and "Social worker C1" not in offered
    [refused] = engine.message("U0MGRN001", "U0PRAS001")
    assert refused.kind == "error"
    assert ("You audit cases in the teams you manage (North Assessment Team), and Social worker S1 is not in them. "
            "A case in another team is audited by its own manager, a QA lead, or through an audit campaign."
            ) in flat(refused.text)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.worker_id is None and audit.step == "worker"
    engine.message("U0MGRN001", "U0PRAN002")
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.worker_id == "U0PRAN002"


@pytest.mark.parametrize("lead", ["U0QALEAD1", "U0ADMIN01"])
def test_qa_leads_and_admins_may_name_any_worker(engine: Engine, services: Services, lead: str) -> None:
    drive(engine, ["start audit neglect", "CR-123456", "U0PRAS001"], user=lead)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.worker_id == "U0PRAS001" and audit.team_id == "south-cin-cp"
