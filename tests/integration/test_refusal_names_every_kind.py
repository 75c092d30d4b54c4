"""Trial 38 (a DPO), M1: a refused reason named only one kind of identifier ('extend 151 to 8/1 because mum (Shannon
Wright, 07700 900777) is in hospital, dob 04/05/2015' named the name alone; 'seen last week by sw, jaden's bday
04/05/2015' the date of birth alone), so the worker was refused again and again or thought the rest was fine. The
practice question's refusal names them all; so do these now."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"


def _action(services: Services) -> int:
    """An open action due Monday 7 December 2026 that the worker owns."""
    audit_id = insert_audit(services.storage, "CR-123456", SATURDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-07",
                                   AUDITOR, SATURDAY)


def test_a_refused_reason_for_more_time_names_every_kind_in_the_line(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        replies = engine.message(WORKER, f"extend {action} to 8/1 because mum (Shannon Wright, 07700 900777) is in "
                                         "hospital, dob 04/05/2015", surface="terminal")
    said = " ".join(reply.text for reply in replies)
    assert "I can't store that reason" in said
    for label in ("a child's or family member's name", "a phone number", "a date of birth"):
        assert label in said, said
    assert "Shannon" not in said and "900777" not in said and "04/05/2015" not in said
    assert requests.latest(services.storage, action) is None  # nothing was asked
    assert not [reply for reply in replies if reply.to_user is not None]


def test_a_refused_done_note_names_the_name_beside_a_birthday_and_the_date(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services)
        replies = engine.message(WORKER, f"done {action} seen last week by sw, jaden's bday 04/05/2015",
                                 surface="terminal")
        row = action_store.get_action(services.storage, action)
    said = " ".join(reply.text for reply in replies)
    assert "a child's or family member's name" in said and "a date of birth" in said, said
    assert row is not None and not row.done_at
