"""The worker's updated summary says what changed since they were last sent the audit (trial 43, finding 25):
signed requests into the real Bolt app; what the worker was sent is read from the Web API stand-in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # in the worker's hours: their DMs go at once
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
LISTED = "What changed since you were last sent this audit:"


@pytest.fixture(autouse=True)
def working_hours() -> Iterator[None]:
    with time_machine.travel(WEDNESDAY, tick=True):
        yield


def updates_to_worker(standin) -> list[str]:
    return [text for call in standin.messages_to(WORKER)
            if "Here is the updated summary" in (text := flat(call.text, "*"))]


def test_a_resubmission_then_a_note_edit_each_tell_the_worker_only_what_changed_since(
        bot: RunningBot, standin, services: Services, engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
    auditor = SlackPerson(bot, standin, AUDITOR)
    auditor.send("command", f"edit {audit_id}")
    auditor.send("message", "change 6")
    auditor.send("message", "yes, the child's views are in the plan")
    auditor.send("message", "submit")
    [resubmitted] = updates_to_worker(standin)
    assert (f"{LISTED} • Q6 (Are the child's views and experience recorded and…): No → Yes; its note added: “the "
            "child's views are in the plan”") in resubmitted
    assert "reflected in the plan? — Yes _(changed; was No; note added)_" in resubmitted

    noted = auditor.send("command", f"edit {audit_id} note 7 Visits lapsed in the autumn term")
    assert "I've told Social worker N1 of the change, with the updated summary." in flat(noted[-1].text, "*")
    [_, edited] = updates_to_worker(standin)
    listed = edited[edited.index(LISTED):edited.index("Early help practice")]  # the list, before the audit
    assert listed.startswith(f"{LISTED} • Q7 (How would you grade the quality of early help…), its note: ")
    assert listed.strip().endswith("→ “Visits lapsed in the autumn term”")
    assert "Q6" not in listed  # sent already at the resubmission
