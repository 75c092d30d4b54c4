"""The check before an Inadequate alert, in Slack, for a moderator's Inadequate and for `/audit edit 12 grade
inadequate <why>`: signed requests into the real Bolt app; who was messaged is read from the Web API stand-in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

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
AUDITOR, WORKER, SOUTH = "U0MGRN001", "U0PRAN001", "U0MGRS001"  # the North manager audits N1's case; South moderates
ALERTED = ("U0ADMIN01", "U0QALEAD1", "U0QALEAD2")  # the North manager has no manager above them
ASKED = "This sends an urgent alert now to Head of service, QA lead (practice), QA lead (children in care). Send it?"
BUTTONS = ["Send the alert", "No, go back and change it"]
REASON = "Evidence of impact for the child is thin."


def seen_by(standin, users: tuple[str, ...]) -> dict[str, list[str]]:
    """What each person's DM has had posted to it, as text."""
    return {user: [call.text for call in standin.messages_to(user)] for user in users}


@time_machine.travel(WEDNESDAY, tick=False)  # in working hours: the worker is told at once (fix44d)
def test_a_moderators_inadequate_is_checked_in_slack_no_alerts_nobody_and_yes_alerts(
        bot: RunningBot, standin, services: Services, engine: Engine) -> None:
    audit_id = submitted_audit(engine, services, AUDITOR)  # graded Good; audited outside Slack
    others = (*ALERTED, AUDITOR, WORKER)
    moderator = SlackPerson(bot, standin, SOUTH)
    moderator.send("command", f"moderate {audit_id}")
    [grades] = moderator.send("press", f"audit.moderate_disagree|{audit_id}")
    [inadequate] = [c for c in grades.choices if c.label == "Inadequate"]
    moderator.send("press", f"{inadequate.action}|{inadequate.value}")
    [asked] = moderator.send("message", REASON)
    assert ASKED in flat(asked.text, "*") and [c.label for c in asked.choices] == BUTTONS
    assert seen_by(standin, others) == {user: [] for user in others}

    kept = moderator.send("message", "no")
    assert ("OK, no alert was sent and your moderation was not saved: audit #1 keeps the auditor's grade, Good, and "
            "is still yours to moderate.") in flat(kept[0].text, "*")
    assert seen_by(standin, others) == {user: [] for user in others}
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"

    [inadequate] = [c for c in kept[-1].choices if c.label == "Inadequate"]
    moderator.send("press", f"{inadequate.action}|{inadequate.value}")
    [asked] = moderator.send("message", REASON)
    assert ASKED in flat(asked.text, "*")
    moderator.send("message", "yes")
    seen = seen_by(standin, others)
    for user in ALERTED:
        [alert] = seen[user]
        assert "Inadequate overall grade on audit #1" in flat(alert, "*")
        assert "graded it Inadequate at moderation" in alert
    assert any("has been moderated" in text for text in seen[AUDITOR]) and seen[WORKER]
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


@time_machine.travel(WEDNESDAY, tick=False)  # in working hours: the worker is told at once (trial 43)
def test_an_edit_to_inadequate_is_checked_in_slack_no_tells_nobody_and_send_alerts(
        bot: RunningBot, standin, services: Services, engine: Engine) -> None:
    audit_id = submitted_audit(engine, services, AUDITOR)
    others = (*ALERTED, WORKER)
    auditor = SlackPerson(bot, standin, AUDITOR)
    command = f"edit {audit_id} grade inadequate The child was not seen for three months."
    [asked] = auditor.send("command", command)
    assert ASKED in flat(asked.text, "*") and [c.label for c in asked.choices] == BUTTONS
    assert seen_by(standin, others) == {user: [] for user in others}

    back = asked.choices[1]
    [kept] = auditor.send("press", f"{back.action}|{back.value}")
    assert flat(kept.text, "*") == (f"OK, no alert was sent and the grade was not changed: audit #{audit_id} is still "
                               "graded Good, and nobody was told.")
    assert seen_by(standin, others) == {user: [] for user in others}
    assert store.get_audit(services.storage, audit_id).overall_grade == "good"

    [asked] = auditor.send("command", command)
    send = asked.choices[0]
    auditor.send("press", f"{send.action}|{send.value}")
    seen = seen_by(standin, others)
    for user in ALERTED:
        [alert] = seen[user]
        assert "Inadequate overall grade on audit #1" in flat(alert, "*")
    [told] = seen[WORKER]
    assert "changed from Good to Inadequate by Team manager (North)" in told
    assert store.get_audit(services.storage, audit_id).overall_grade == "inadequate"
