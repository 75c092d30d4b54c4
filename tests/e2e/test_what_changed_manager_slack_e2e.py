"""The manager's copy of an audit edited and resubmitted lists what changed (trial 43, finding 25; fix44e: only the
worker's copy was tested end to end): a QA lead audits a case in a team, edits an answer and resubmits through signed
Slack requests, and the team manager's DM says which answer changed, as it was and as it is, above the audit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR = "U0QALEAD1"  # not the team's manager, so the manager gets a copy of their own
LISTED = "What changed since the worker was last sent this audit:"


@pytest.fixture(autouse=True)
def working_hours() -> Iterator[None]:
    with time_machine.travel(WEDNESDAY, tick=True):
        yield


def updates_to(standin, user: str) -> list[str]:
    return [text for call in standin.messages_to(user)
            if "changed after submission; here is the updated version" in (text := flat(call.text, "*"))]


def test_the_managers_copy_of_a_resubmitted_audit_lists_what_changed(bot: RunningBot, standin, services: Services,
                                                                    engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
    audit = store.get_audit(services.storage, audit_id)
    assert audit is not None and audit.worker_id
    [manager] = services.directory.managers_of(audit.worker_id)
    auditor = SlackPerson(bot, standin, AUDITOR)
    auditor.send("command", f"edit {audit_id}")
    auditor.send("message", "change 6")
    auditor.send("message", "yes, the child's views are in the plan")
    auditor.send("message", "submit")
    [copy] = updates_to(standin, manager)
    assert copy.startswith("An audit of a case in your team was changed after submission"), copy
    assert (f"{LISTED} • Q6 (Are the child's views and experience recorded and…): No → Yes; its note added: “the "
            "child's views are in the plan”") in copy
    assert "reflected in the plan? — Yes _(changed; was No; note added)_" in copy
