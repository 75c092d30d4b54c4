"""Submit the changes on a reopened audit goes through the overall-grade check when the changed answers suggest
another grade (trial 43, finding 2): signed requests into the real Bolt app; who was messaged is read from the Web API
stand-in."""

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
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
ALERTED = ("U0ADMIN01", "U0QALEAD1", "U0QALEAD2")


@pytest.fixture(autouse=True)
def working_hours() -> Iterator[None]:
    """A Wednesday morning, ticking: the worker's DMs at a resubmission are held out of their working hours."""
    with time_machine.travel(WEDNESDAY, tick=True):
        yield


def texts(standin, user: str) -> list[str]:
    return [flat(call.text, "*") for call in standin.messages_to(user)]


def reopened_with_concern(bot: RunningBot, standin, services: Services, engine: Engine) -> tuple[SlackPerson, int]:
    """An audit submitted as Good, reopened, its immediate-concern answer changed to Yes (alert sent for the answer),
    and back at the review."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
    auditor = SlackPerson(bot, standin, AUDITOR)
    auditor.send("command", f"edit {audit_id}")
    auditor.send("message", "change 1")
    auditor.send("message", "yes")
    auditor.send("message", "send")
    return auditor, audit_id


def test_submit_the_changes_stops_at_the_overall_grade_and_inadequate_is_confirmed_and_alerted(
        bot: RunningBot, standin, services: Services, engine: Engine) -> None:
    auditor, audit_id = reopened_with_concern(bot, standin, services, engine)
    told_before = texts(standin, WORKER)
    stopped = auditor.send("message", "submit")
    assert ("Not resubmitted yet: with the answers you changed, the grades now suggest Inadequate, not the overall "
            "grade, Good. Confirm Inadequate, or keep Good and say why.") in flat(stopped[0].text, "*")
    assert "so I suggest Inadequate" in flat(stopped[-1].text, "*")
    assert "Confirm: Inadequate" in [c.label for c in stopped[-1].choices]
    assert store.get_audit(services.storage, audit_id).status == "draft"
    assert texts(standin, WORKER) == told_before  # nothing resubmitted, nobody told

    [asked] = auditor.send("message", "inadequate")
    assert "This sends an urgent alert now to Head of service" in flat(asked.text, "*")
    sent = auditor.send("message", "send")
    assert ("about the Inadequate grade now. The alert is not held until you resubmit, because an Inadequate grade is "
            "urgent: it stands whatever happens to this edit") in flat(sent[0].text, "*")
    for user in ALERTED:
        assert any("Inadequate overall grade on audit #1" in text for text in texts(standin, user))
    for typed in ("A child at risk was not seen for months.", "skip", "skip", "done", "submit"):
        replies = auditor.send("message", typed)
    assert "Its grade changed from Good to Inadequate, with your reason." in flat(replies[0].text, "*")
    assert any("changed from Good to Inadequate by Team manager (North): A child at risk" in text
               for text in texts(standin, WORKER))
    assert store.get_audit(services.storage, audit_id).overall_grade == "inadequate"


def test_keeping_the_old_grade_after_submit_the_changes_asks_why(
        bot: RunningBot, standin, services: Services, engine: Engine) -> None:
    auditor, audit_id = reopened_with_concern(bot, standin, services, engine)
    auditor.send("message", "submit")
    asked = auditor.send("message", "keep")[-1]  # over the immediate concern: asked first, as at the grade step
    assert "Grade audit #1 Good all the same?" in flat(asked.text, "*")
    why = auditor.send("message", "yes")[-1]
    assert "Why a different grade?" in flat(why.text, "*")
    assert store.get_audit(services.storage, audit_id).status == "draft"
