"""A request for more time on an action answered with its buttons in Slack (trial 30): the approver's DM carried only
a typed command, and when it went to the owner's manager that command refused them. Signed requests into the real
Bolt app; replies read back from the Web API stand-in (as tests/e2e/test_actions_slack_e2e.py)."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit

SATURDAY = datetime(2026, 12, 4, 15, 0, tzinfo=ZoneInfo("Europe/London"))  # a Friday, in hours (fix44d)
AUDITOR, WORKER, MANAGER, SOUTH = "U0MGRS001", "U0PRAN001", "U0MGRN001", "U0MGRC001"
ACTION_TEXT = "Arrange the statutory visit"
WORDS = "(_Arrange the statutory visit_, audit #1, CR-123456)"  # beside its number (trial 43)


def _action(services: Services, status: str) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", SATURDAY, status=status, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, ACTION_TEXT, WORKER, "2026-12-07", AUDITOR, SATURDAY)


def _asked(bot: RunningBot, standin, action: int, approver: str) -> SlackPerson:
    """The worker asks in their DM; the approver's DM is read, with its buttons."""
    SlackPerson(bot, standin, WORKER).send("type", f"extend action {action} to 14/12, family away")
    person = SlackPerson(bot, standin, approver)
    [request] = person._replies(person._dm_posts())
    assert request.text.startswith(f"Social worker N1 asks for more time on action {action}")
    assert [(c.label, c.value) for c in request.choices] == [("Approve the new date", f"{action}:2026-12-14:1"),
                                                              ("Say no", f"{action}:1")]  # the request's number
    return person


def test_the_auditor_approves_the_new_date_with_its_button(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services, "submitted")
        auditor = _asked(bot, standin, action, AUDITOR)
        [done] = auditor.send("press", f"actions.more_time_give|{action}:2026-12-14:1")
    assert done.text.startswith(f"Action {action} (_{ACTION_TEXT}_) is now due *Monday 14 December 2026* (in 10 "
                                "days), not Monday 7 December 2026. I've told Social worker N1")
    told = SlackPerson(bot, standin, WORKER)._dm_posts()[-1].params["text"]
    assert told.startswith(f"Team manager (South) gave you more time on action {action}, “{ACTION_TEXT}” (audit #")
    # no bare title last; how near the new date is, as every confirmation says it (fix50e)
    assert told.endswith("it is now due *Monday 14 December 2026* (in 10 days), not Monday 7 December 2026.")
    assert action_store.get_action(services.storage, action).due_date == "2026-12-14"
    assert [tuple(r) for r in services.storage.db.execute("SELECT field, old_value, new_value FROM revisions")] == [
        (f"action_due:{action}", "2026-12-07", "2026-12-14")]


def test_the_owners_manager_answers_once_the_audit_is_moderated(bot: RunningBot, standin,
                                                                 services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        action = _action(services, "moderated")
        manager = _asked(bot, standin, action, MANAGER)
        other = SlackPerson(bot, standin, SOUTH)  # another team's manager pressing a copied button
        other.action_ids = dict(manager.action_ids)
        [refused] = other.send("press", f"actions.more_time_give|{action}:2026-12-14:1")
        [why] = manager.send("press", f"actions.more_time_refuse|{action}:1")  # fix 34: the reason asked, once
        [said_no] = manager.send("message", "no - needs doing before the review")
        told_no = SlackPerson(bot, standin, WORKER)._dm_posts()[-1].params["text"]
        [given] = manager.send("press", f"actions.more_time_give|{action}:2026-12-14:1")
    assert refused.kind == "error" and "Only Team manager (North) can give action" in refused.text
    assert why.text.startswith("Why no? Type the reason in a line") and why.prompt
    assert said_no.text == (f"I've told Social worker N1 that action {action} {WORDS} stays due Monday 7 December "
                            "2026 (in 3 days), with "
                            "your reason.")
    assert f"Team manager (North) said no to more time on action {action}" in told_no
    assert "Their reason: “needs doing before the review”." in told_no
    assert "it stays due *Monday 7 December 2026*" in told_no
    assert given.text.startswith(f"Action {action} (_{ACTION_TEXT}_) is now due *Monday 14 December 2026*")
    assert action_store.get_action(services.storage, action).due_date == "2026-12-14"
    trail = [(row[0], json.loads(row[1])) for row in services.storage.db.execute(
        "SELECT action, detail FROM trail WHERE action LIKE 'action.more_time%' ORDER BY id")]
    assert trail == [("action.more_time", {"action": action, "until": "2026-12-14", "asked": MANAGER}),
                     ("action.more_time_refused", {"action": action, "reason": True}),
                     ("action.more_time_given", {"action": action, "until": "2026-12-14"})]
