"""`start audit` typed again while the checklists wait prints their descriptions once (new-user trial: after an
unfinished start, the terminal chat's new session showed the checklists, "Picking up where you left off", and `start
audit` printed every description a second time). The checklists are offered again by title, and a number picks one."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
DESCRIBED = "Care leavers and pathway plans — support for a young person leaving care"
AGAIN = "You're already starting an audit: pick its checklist (what each one covers is in the list above)"


def test_a_new_session_then_start_audit_shows_the_descriptions_once_and_a_number_still_picks(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, ["start audit"])
        _, out = drive(engine, ["start audit", "2", "CR-123456"])
    assert out.count(DESCRIBED) == 1 and "Picking up where you left off" in out
    assert AGAIN in flat(out)
    assert store.get_audit(services.storage, 1).checklist_id == "case-audit"


def test_start_audit_twice_in_one_session_shows_the_descriptions_once(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit", "start audit"])
    assert out.count(DESCRIBED) == 1 and AGAIN in flat(out)
    assert flat(out).endswith("18) Voice of the child Bye.")


def test_an_audit_started_for_a_case_stays_for_that_case(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["CR-654321", "1", "start audit", "neglect"])  # 1: Start an audit
    assert "You're already starting an audit of CR-654321: pick its checklist" in flat(out, "*")
    audit = store.get_audit(services.storage, 1)
    assert (audit.case_ref, audit.checklist_id) == ("CR-654321", "neglect")
