"""Audit actions in Slack (user trial): Remove at a draft's actions step, `/audit edit N remove action M`, a due date
or owner changed (`action 1 due 11/12` in a draft, `/audit edit N action M due …` once submitted), the "Mark action #7
done for …?" question and Reopen, and `/audit actions team` paging with `more`: signed requests into the real Bolt
app, replies read back from the Web API stand-in."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from tests.audit_driver import complete_audit, next_input
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson, audit_row
from tests.support.audit_rows import insert_audit
from tests.support.slack_standin import dm_channel_for

AUDITOR, WORKER, MANAGER = "U0PRAN001", "U0PRAN002", "U0MGRN001"  # the worker's manager manages North
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # "next Friday" is tomorrow


def audit_with_an_action_removed_on_the_way(person: SlackPerson) -> list:
    """An early help audit in Slack whose first action is removed with its button, then submitted with a second."""
    replies, state, removed = person.send("command", "start early-help-spot"), {}, []
    while (step := next_input(replies, state)) is not None:
        remove = next((c for r in replies for c in r.choices if c.action == "audit.remove_action"), None)
        if remove is not None and not removed:
            removed = person.send("press", f"audit.remove_action|{remove.value}")
            state["action_added"] = False  # type another, then No more actions
            replies = removed
            continue
        replies = person.send(*step)
    return removed


def test_an_action_is_removed_with_its_button_in_slack(bot: RunningBot, standin, services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    removed = audit_with_an_action_removed_on_the_way(person)
    assert removed[0].text == "Removed action 1: _Update the chronology and share the plan with the school._"
    assert removed[-1].text.startswith("*Actions* (0 so far)")
    row = audit_row(services)
    assert row["status"] == "submitted"
    assert [a.id for a in action_store.actions_of_audit(services.storage, row["id"])] == [2]
    assert services.storage.db.execute("SELECT removed_by FROM actions WHERE id = 1").fetchone()[0] == AUDITOR


def test_a_due_date_read_as_tomorrow_is_said_so_and_changed_in_the_draft_and_after_submitting(
        bot: RunningBot, standin, services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    with time_machine.travel(THURSDAY, tick=False):
        replies, state, echoed, changed = person.send("command", "start early-help-spot"), {}, [], []
        while (step := next_input(replies, state)) is not None:
            due_asked = not echoed and any(r.prompt and r.prompt.startswith("Type the due date") for r in replies)
            replies = person.send("type", "next Friday") if due_asked else person.send(*step)
            if due_asked:
                echoed = replies
                changed = replies = person.send("type", "action 1 due 11/12")  # the step carries on after it
        audit_id = audit_row(services)["id"]
        [action] = action_store.actions_of_audit(services.storage, audit_id)
        assert echoed[0].text == ("Action 1 added: due *Friday 4 December 2026* (tomorrow). To change it, type "
                                  "`action 1 due` and the date, like `action 1 due 11/12` for the Friday after.")
        assert changed[0].text.startswith("Action 1 (_Update the chronology and share the plan with the school._) "
                                          "is now due *Friday 11 December 2026* (in 8 days), not Friday 4 December "
                                          "2026.")
        assert changed[-1].text.startswith("*Actions* (1 so far)") and "by 11 Dec 2026" in changed[-1].text
        assert (action.id, action.owner_id, action.due_date) == (1, WORKER, "2026-12-11")

        before = len(worker_dm(standin))
        [moved] = person.send("command", f"edit {audit_id} action 1 due next Tuesday")
        assert moved.text.startswith(f"Audit #{audit_id}: action 1 (_Update the chronology and share the plan with "
                                     "the school._) is now due *Tuesday 8 December 2026* (in 5 days), "
                                     "not Friday 11 December 2026.")
        [told] = worker_dm(standin)[before:]
        assert told.params["text"] == (
            f"Social worker N1 changed the due date of your action 1 (audit #{audit_id}, CR-100200) from "
            "Friday 11 December 2026 "
            "to *Tuesday 8 December 2026* (in 5 days): _Update the chronology and share the plan with the school._")
        [given] = person.send("type", "action 1 owner Team manager (North)")  # typed, without `/audit edit`
        assert given.text.startswith(f"Audit #{audit_id}: action 1 (_Update the chronology and share the plan with "
                                     "the school._) is now Team manager (North)'s, not Social worker N2's.")
    manager_dm = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(MANAGER)]
    assert "Social worker N1 gave you action 1" in manager_dm[-1].params["text"]
    assert "gave your action 1" in worker_dm(standin)[-1].params["text"]
    assert [(r["field"], r["old_value"], r["new_value"]) for r in services.storage.db.query(
        "SELECT field, old_value, new_value FROM revisions ORDER BY id")] == [
        ("action_due:1", "2026-12-11", "2026-12-08"), ("action_owner:1", WORKER, MANAGER)]
    assert action_store.open_actions_of(services.storage, MANAGER)[0].due_date == "2026-12-08"


def worker_dm(standin) -> list:
    return [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(WORKER)]


@time_machine.travel(THURSDAY, tick=False)  # in the worker's hours: she is told at once, not held (fix44d)
def test_done_for_someone_else_is_confirmed_then_reopened_by_its_owner_and_removed_by_the_auditor(
        bot: RunningBot, standin, services: Services) -> None:
    auditor = SlackPerson(bot, standin, AUDITOR)
    complete_audit(auditor.send, auditor.send("command", "start early-help-spot"))
    audit_id = audit_row(services)["id"]
    [action] = action_store.actions_of_audit(services.storage, audit_id)
    assert action.owner_id == WORKER

    manager = SlackPerson(bot, standin, MANAGER)
    [listing] = manager.send("command", "actions team")
    [asked] = manager.send("press", f"actions.done|{action.id}")
    assert asked.text.startswith(f"Mark action #{action.id} done for Social worker N2?")
    assert [c.label for c in asked.choices] == ["Yes", "No"] and listing.choices
    [done] = manager.send("press", f"actions.done_confirm|{action.id}")
    assert "marked done for Social worker N2" in done.text
    told = worker_dm(standin)[-1]
    assert f"Team manager (North) marked your action {action.id} done" in told.text

    worker = SlackPerson(bot, standin, WORKER)
    worker._replies([told])
    [reopened] = worker.send("press", f"actions.reopen|{action.id}")
    assert reopened.text.startswith(f"Reopened: action {action.id}")
    assert action_store.get_action(services.storage, action.id).reopened_by == WORKER

    before = len(worker_dm(standin))
    [asked] = auditor.send("command", f"edit {audit_id} remove action {action.id}")
    assert asked.text.startswith(f"Remove action {action.id} from audit #{audit_id}")  # asked first (trial 21)
    assert worker_dm(standin)[before:] == []
    [removed] = auditor.send("press", f"actions.remove_confirm|{action.id}")
    assert f"action {action.id} (_Update the chronology" in removed.text and "is removed" in removed.text
    [gone] = worker_dm(standin)[before:]
    assert f"removed action {action.id} (audit #{audit_id}, CR-100200), so it is no longer yours to do" in gone.text
    assert action_store.open_actions_of(services.storage, WORKER) == []


def test_team_actions_page_in_slack_with_more_typed_in_messages(bot: RunningBot, standin,
                                                                services: Services) -> None:
    audit_day = datetime.combine(date.today(), datetime.min.time(), tzinfo=ZoneInfo("Europe/London"))
    audit_id = insert_audit(services.storage, "CR-123456", audit_day)
    for n in range(25):
        action_store.add_action(services.storage, audit_id, f"Follow-up visit number {n}", WORKER,
                                (date.today() + timedelta(days=n)).isoformat(), MANAGER, audit_day)
    manager = SlackPerson(bot, standin, MANAGER)
    [first] = manager.send("command", "actions team")
    assert "(1 to 20 of 25)" in first.text and "`/audit actions team page 2` (or `more` in your messages" in first.text
    [second] = manager.send("type", "more")
    assert "(21 to 25 of 25)" in second.text
    assert [c.label for c in second.choices] == [f"Done: action {n}" for n in range(21, 26)]

