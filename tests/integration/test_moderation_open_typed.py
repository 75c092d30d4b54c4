"""Trial 33 (low): the moderation queue's buttons say "Open #45", and `open 45` typed under it got "Did you mean show
45?". Right after the queue is listed, `open 45` (`open #45`, `open audit 45`) opens the moderation as the button
does; elsewhere it never opens a moderation by surprise (trial 43: one message says to type `show 45`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderation_typed_grade import flat
from tests.integration.test_wording import submitted_audit

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"


@pytest.mark.parametrize("typed", ["open {n}", "open #{n}", "Open audit {n}", "open {n} please"])
def test_open_n_under_the_moderation_queue_opens_the_moderation(engine: Engine, services: Services,
                                                                 typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, listed = drive(engine, ["moderate"], user=QA)
        _, out = drive(engine, [typed.format(n=audit_id)], user=QA)
    assert f"Open #{audit_id}" in listed
    said = flat(out)
    assert "Did you mean" not in said and "Agree: Good" in said
    held = moderation_store.current_moderation(services.storage, audit_id)
    assert held is not None and held.moderator_id == QA
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


def test_open_n_anywhere_else_opens_nothing_and_says_what_to_type(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"open {audit_id}"], user=QA)
    said = flat(out)  # trial 43: one message saying what to type, never a moderation opened by surprise
    assert f"There is no list of cases or audits just shown, so open {audit_id} opens nothing." in said
    assert f"To open audit #{audit_id}, type show {audit_id};" in said
    assert moderation_store.current_moderation(services.storage, audit_id) is None
