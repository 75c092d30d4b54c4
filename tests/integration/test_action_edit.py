"""Changing an action's due date or owner after it is added (user trial: "next Friday", typed on a Thursday for the
Friday of the week after, was read as tomorrow, and the only way to correct it was to remove the action and add it
again). `action 2 due 11/12` / `action 2 owner …` at a draft's actions or submit step; `/audit edit 12 action 41 due
…` / `owner …` on a submitted audit until a moderator opens it, kept as a revision, with its owner told; typed
without `/audit` too. The service, without Slack, on a pinned clock."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from schedules.jobs import reminders_job
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)  # "next Friday" is tomorrow, 4 December
CHANGED = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)
AUDITOR, WORKER, COLLEAGUE, QA = "U0MGRN001", "U0PRAN001", "U0PRAN002", "U0QALEAD1"
# The early help spot check typed through to its actions step (as tests/integration/test_action_removal.py does).
TO_ACTIONS = ["start audit early-help-spot", "CR-555555", WORKER, "no", "yes", "yes", "no", "yes", "yes", "good",
              "The plan and the visits show steady progress.", "yes", "1", "good",
              "The step-down decision is recorded with the family's views.", "next", "good",
              "Direct work is thoughtful.", "skip"]
FIRST = ["Share the plan with the school.", WORKER, "next Friday"]


def trail(services: Services, action: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in services.storage.db.execute("SELECT actor, detail FROM trail WHERE action = ?",
                                                              [action])]


# -- in a draft ----------------------------------------------------------------------------------------------

def test_next_friday_on_a_thursday_is_said_to_be_tomorrow_with_how_to_change_it(engine: Engine,
                                                                                 services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST], user=AUDITOR)
    flat = " ".join(out.split())
    assert ("Action 1 added: due Friday 4 December 2026 (tomorrow). To change it, type action 1 due and the date, "
            "like action 1 due 11/12 for the Friday after.") in flat
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.due_date == "2026-12-04"  # what "next Friday" means is unchanged


def test_a_date_typed_as_a_date_is_said_back_plainly(engine: Engine) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Share the plan with the school.", WORKER, "4/12"], user=AUDITOR)
    assert "Action 1 added: due Friday 4 December 2026 (tomorrow).\n" in out and "To change it, type" not in out


def test_the_due_date_is_changed_at_the_actions_step_and_the_step_carries_on(engine: Engine,
                                                                             services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST, "action 1 due 11/12"], user=AUDITOR)
    changed = " ".join(out.split("Action 1 (Share the plan with the school.) is now due")[1].split())
    assert changed.startswith("Friday 11 December 2026 (in 8 days), not Friday 4 December 2026. Actions (1 so far) • "
                              "Action 1: Share the "
                              "plan with the school. — Social worker N1, by 11 Dec 2026")
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.id, action.due_date) == (1, "2026-12-11")  # the same action, its number kept
    assert store.get_audit(services.storage, 1).step == "actions"
    assert store.revisions_of(services.storage, 1) == []  # a draft never submitted keeps no revisions
    assert trail(services, "action.edit") == [(AUDITOR, '{"action": 1, "audit": 1, "field": "due_date"}')]
    assert messages_to(out, WORKER) == []  # nobody had been sent it


def test_the_owner_is_changed_by_name_at_the_submit_step_and_it_still_submits(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *FIRST, "done", "action 1 owner social worker n2", "submit"],
                       user=AUDITOR)
    assert "Action 1 (Share the plan with the school.) is now Social worker N2's, not Social worker N1's." in out
    assert "is submitted for moderation" in out
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.owner_id == COLLEAGUE


@pytest.mark.parametrize(("typed", "said"), [
    ("action 9 due 11/12", "Action 9 is not one of audit #1's actions. Its only open action is action 1."),
    ("action 1 due 1/12/2026", "Tuesday 1 December 2026 has passed; give a due date from today onwards."),
    ("action 1 owner Somebody Else", "I don't know that person. Type `action 1 owner` and the name of one of the "
                                     "case's people as I write it, like `action 1 owner Team manager (North)`, or "
                                     "their Slack member ID."),
    # (`Social worker` alone is the case's worker, as at the actions step: bot.audits.action_owners)
    ("action 1 owner Social worker N", "“Social worker N” could be Social worker N1 or Social worker N2: type the "
                                       "whole name, like `action 1 owner Social worker N1`."),
    ("action 1", "To change action 1, type `action 1 due` and the new date, like `action 1 due 10/12`, or `action 1 "
                 "owner` and the new owner, like `action 1 owner Team manager (North)`."),
    ("action 1 due", "Type the new due date after `due`, like `action 1 due 10/12`."),
])
def test_a_change_that_cannot_be_made_says_why_in_one_line_and_stores_nothing(engine: Engine, services: Services,
                                                                             typed: str, said: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        engine.command(AUDITOR, "start early-help-spot", surface="terminal")
        for line in [*TO_ACTIONS[1:], *FIRST]:
            engine.message(AUDITOR, line, surface="terminal")
        replies = engine.message(AUDITOR, typed, surface="terminal")
    assert replies[0].kind == "error" and replies[0].text == said
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.owner_id, action.due_date) == (WORKER, "2026-12-04")
    assert "Actions (2 so far)" not in " ".join(r.text for r in replies)  # never stored as a new action


# -- on a submitted audit ------------------------------------------------------------------------------------

@pytest.fixture
def submitted(engine: Engine, services: Services) -> tuple[int, int, int]:
    """A submitted early help audit by the North manager: the worker's action from the audit, and a colleague's."""
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        [own] = action_store.actions_of_audit(services.storage, audit_id)
        other = action_store.add_action(services.storage, audit_id, "Book a review with the health visitor.",
                                        COLLEAGUE, "2026-12-30", AUDITOR, THURSDAY)
    assert own.owner_id == WORKER
    return audit_id, own.id, other


def edit(engine: Engine, args: str, user: str = AUDITOR, when: datetime = CHANGED) -> list:
    with time_machine.travel(when, tick=False):
        return engine.command(user, f"edit {args}", surface="terminal")


def test_a_due_date_changed_on_a_submitted_audit_is_a_revision_and_its_owner_is_told(
        engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:
    audit_id, _, other = submitted
    done, told = edit(engine, f"{audit_id} action {other} due next Friday")
    assert done.text == (
        f"Audit #{audit_id}: action {other} (_Book a review with the health visitor._) is now due **Friday 4 December "
        f"2026** (tomorrow), not Wednesday 30 December 2026. To change it, type `/audit edit {audit_id} "
        f"action {other} due` and the "
        f"date, like `/audit edit {audit_id} action {other} due 11/12` for the Friday after. The earlier date is kept "
        "in the audit's history as a revision.")
    assert told.to_user == COLLEAGUE and told.text == (
        f"Team manager (North) changed the due date of your action {other} (audit #{audit_id}, "
        "CR-100200) from Wednesday 30 "
        "December 2026 to **Friday 4 December 2026** (tomorrow): _Book a review with the health visitor._")
    assert action_store.get_action(services.storage, other).due_date == "2026-12-04"
    [revision] = store.revisions_of(services.storage, audit_id)
    assert (revision["field"], revision["old_value"], revision["new_value"], revision["changed_by"],
            revision["changed_at"]) == (f"action_due:{other}", "2026-12-30", "2026-12-04", AUDITOR,
                                        "2026-12-03T15:30:00+00:00")
    assert store.get_audit(services.storage, audit_id).status == "submitted"
    with time_machine.travel(CHANGED, tick=False):  # shown the day it was changed: still open, not overdue
        [shown] = engine.command(AUDITOR, f"show {audit_id}", surface="terminal")
    assert (f"• Action {other}: Book a review with the health visitor. — Social worker N2, by 4 Dec 2026 (open, due "
            "date changed from 30 Dec 2026 on 3 Dec 2026)") in shown.text
    [opened] = engine.command(QA, f"moderate {audit_id}", surface="terminal")
    assert "The auditor made 1 change after first submitting it" in opened.text


def test_a_new_owner_is_told_it_is_theirs_and_the_old_one_that_it_is_not(
        engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:
    audit_id, own, _ = submitted
    done, old_told, new_told = edit(engine, f"{audit_id} action {own} owner <@{COLLEAGUE}>")
    assert done.text.startswith(f"Audit #{audit_id}: action {own} (_Update the chronology and share the plan with "
                                "the school._) is now Social worker N2's, not Social worker N1's. The earlier owner is "
                                "kept")
    assert old_told.to_user == WORKER and old_told.text.startswith(
        f"Team manager (North) gave your action {own} (audit #{audit_id}, CR-100200) to Social worker N2, so it is no "
        "longer yours to do")
    assert new_told.to_user == COLLEAGUE and new_told.text.startswith(
        f"Team manager (North) gave you action {own} (audit #{audit_id}, CR-100200): _Update the chronology")
    assert "It is due **Thursday 31 December 2026**; `/audit actions` lists it." in new_told.text
    [revision] = store.revisions_of(services.storage, audit_id)
    assert (revision["field"], revision["old_value"], revision["new_value"]) == (f"action_owner:{own}", WORKER,
                                                                                COLLEAGUE)
    assert [a.id for a in action_store.open_actions_of(services.storage, WORKER)] == []
    assert own in [a.id for a in action_store.open_actions_of(services.storage, COLLEAGUE)]


def test_giving_an_action_to_yourself_tells_only_the_owner_it_was(engine: Engine,
                                                                  submitted: tuple[int, int, int]) -> None:
    audit_id, own, _ = submitted
    done, told = edit(engine, f"{audit_id} action {own} owner Team manager (North)")
    assert "is now Team manager (North)'s" in done.text and told.to_user == WORKER


def test_only_the_auditor_may_change_an_action_and_only_until_a_moderator_opens_it(
        engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:
    audit_id, _, other = submitted
    [refused] = edit(engine, f"{audit_id} action {other} due 11/12", user=COLLEAGUE)
    assert refused.kind == "error" and refused.text == "Only the person who did this audit can change it."
    engine.command(QA, f"moderate {audit_id}", surface="terminal")
    [read_only] = edit(engine, f"{audit_id} grade good because the plan is clear")
    assert read_only.text.startswith("A moderator has opened this audit, so it is read-only now")
    # Its actions live on: the owner's manager (here its auditor) still gives more time, as `action N due D` does
    # (fix66b routes `edit N action M due D` there too), and the worker is told.
    gave, told = edit(engine, f"{audit_id} action {other} due 11/12")
    assert "is now due **Friday 11 December 2026**" in gave.text and "Social worker N2" in gave.text
    assert told.to_user == action_store.get_action(services.storage, other).owner_id
    assert action_store.get_action(services.storage, other).due_date == "2026-12-11"


def test_a_done_action_is_said_to_be_done_with_how_to_reopen_it(engine: Engine, services: Services,
                                                               submitted: tuple[int, int, int]) -> None:
    audit_id, own, _ = submitted
    engine.action(WORKER, "actions.done", str(own), surface="terminal")
    [refused] = edit(engine, f"{audit_id} action {own} due 11/12")
    assert refused.text == (f"Action {own} is already marked done, so it can't be changed. If it was marked done by "
                            f"mistake, type `reopen action {own}` first, then change it.")
    assert action_store.get_action(services.storage, own).due_date == "2026-12-31"


@pytest.mark.parametrize(("typed", "said"), [
    ("{audit} action 99 due 11/12", "Action 99 is not one of audit #{audit}'s actions. Its open actions are numbered "
                                    "{own} and {other}."),
    ("{audit} action {other} due 2/12/2026", "Wednesday 2 December 2026 has passed; give a due date from today "
                                             "onwards."),
    ("{audit} action {other} owner nobody at all", "I don't know that person. Type `/audit edit {audit} action "
                                                   "{other} owner` and the name of one of the case's people as I "
                                                   "write it, like `/audit edit {audit} action {other} owner Social "
                                                   "worker N1`, or their Slack member ID."),
    ("{audit} action {other} due 30/12", "Action {other} (_Book a review with the health visitor._, audit #{audit}, "
                                         "CR-100200) is already due Wednesday 30 December 2026 (in 27 days), so "
                                         "nothing changed."),
])
def test_a_change_to_a_submitted_audit_that_cannot_be_made_says_why(
        engine: Engine, services: Services, submitted: tuple[int, int, int], typed: str, said: str) -> None:
    audit_id, own, other = submitted
    [reply] = edit(engine, typed.format(audit=audit_id, own=own, other=other))
    assert reply.text == said.format(audit=audit_id, own=own, other=other)
    assert store.revisions_of(services.storage, audit_id) == []


def test_typed_without_slash_audit_in_a_dm_it_works_too(engine: Engine, services: Services,
                                                        submitted: tuple[int, int, int]) -> None:
    audit_id, own, other = submitted
    with time_machine.travel(CHANGED, tick=False):
        done, _ = engine.message(AUDITOR, f"edit {audit_id} action {other} due 15/12")
        alone, _ = engine.message(AUDITOR, f"action {own} due 16/12")  # outside a draft: its audit is found
        [stranger] = engine.message(COLLEAGUE, f"action {own} due 17/12")
    assert done.text.startswith(f"Audit #{audit_id}: action {other} (_Book a review with the health visitor._) is "
                                "now due **Tuesday 15 December 2026**")
    assert alone.text.startswith(f"Audit #{audit_id}: action {own} (_Update the chronology and share the plan with "
                                 "the school._) is now due **Wednesday 16 December 2026** (in 13 days)")
    assert stranger.kind == "error" and stranger.text.startswith(f"Action {own} is not an action of an audit you did")
    assert [a.due_date for a in action_store.actions_of_audit(services.storage, audit_id)] == ["2026-12-16",
                                                                                                "2026-12-15"]


def test_the_edit_command_says_how_to_change_an_action(engine: Engine, submitted: tuple[int, int, int]) -> None:
    audit_id, _, _ = submitted
    [usage] = edit(engine, f"{audit_id} due")
    assert ("`/audit edit <audit number> action <action number> due <date>` (or `owner <name>`) to change an action's "
            "due date or owner") in usage.text
    [help_text] = engine.command(AUDITOR, "help", surface="terminal")
    assert "action <action> due <date>|action <action> owner <name>" in help_text.text


# -- reminders follow the new date ---------------------------------------------------------------------------

def test_an_overdue_action_moved_on_is_reminded_again_by_its_new_date(engine: Engine, services: Services,
                                                                      submitted: tuple[int, int, int]) -> None:
    audit_id, _, other = submitted
    services.storage.db.execute("UPDATE actions SET due_date = '2026-12-04' WHERE id = ?", [other])
    monday = datetime(2026, 12, 7, 9, 30, tzinfo=LONDON)  # the manager's weekly overdue list: the owner is not nudged
    with time_machine.travel(monday, tick=False):
        sent = {o.recipient: o for o in reminders_job(services, services.clock())}
        assert f"Book a review with the health visitor.” (audit #{audit_id}" in sent[AUDITOR].replies[0].text
        sent[AUDITOR].after_send(services.clock())
    tuesday = datetime(2026, 12, 8, 9, 30, tzinfo=LONDON)
    with time_machine.travel(tuesday, tick=False):
        quiet = {o.recipient for o in reminders_job(services, services.clock())}
    assert COLLEAGUE not in quiet  # escalated: its owner is not reminded again
    edit(engine, f"{audit_id} action {other} due 9/12", when=tuesday)
    assert services.storage.db.execute("SELECT escalated_at FROM actions WHERE id = ?", [other]).fetchone()[0] is None
    with time_machine.travel(tuesday, tick=False):
        nudged = {o.recipient: o for o in reminders_job(services, services.clock())}
    assert "Book a review with the health visitor.” (audit #1, CR-100200) is due Wed 9 Dec." in \
        nudged[COLLEAGUE].replies[0].text


def test_in_an_audit_reopened_for_changes_a_change_is_a_revision_and_its_owner_is_told(
        engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:
    audit_id, _, other = submitted
    with time_machine.travel(CHANGED, tick=False):
        # 2 is Continue to the overall grade, then the same grade, strengths and development kept, the actions step
        _, out = drive(engine, [f"/audit edit {audit_id}", "2", "good", "skip", "skip",
                                f"action {other} owner Social worker N1"], user=AUDITOR)
    flat = " ".join(out.split())
    assert f"Action {other} (Book a review with the health visitor.) is now Social worker N1's" in flat
    assert messages_to(out, COLLEAGUE) == [] and messages_to(out, WORKER) == []  # told on resubmitting (trial 43)
    assert "when you resubmit audit" in flat
    assert store.get_audit(services.storage, audit_id).status == "draft"  # changed in the draft, not resubmitted
    assert [(r["field"], r["old_value"], r["new_value"]) for r in store.revisions_of(services.storage, audit_id)
            if r["field"].startswith("action")] == [(f"action_owner:{other}", COLLEAGUE, WORKER)]
    with time_machine.travel(CHANGED, tick=False):
        _, out = drive(engine, ["done", "submit"], user=AUDITOR)
    assert " ".join(messages_to(out, COLLEAGUE)[0].split()).startswith(f"Team manager (North) gave your action {other}")
    assert any(" ".join(m.split()).startswith(f"Team manager (North) gave you action {other}")
               for m in messages_to(out, WORKER))


# -- a new date inside the owner's booked leave (fix77c) ---------------------------------------------------------

AWAY_NOTICE = ("Heads up: Social worker N2 is away from Monday 21 December 2026 until Monday 4 January 2027, so "
               "they'll be away when it falls due. You can pick someone else with `{command} owner …`, or keep them.")


@pytest.mark.parametrize(("typed", "told"), [("23/12", True), ("4/1/2027", True), ("18/12", False),
                                             ("5/1/2027", False)])
def test_a_due_date_changed_into_the_owners_booked_leave_is_told_as_when_it_was_first_set(
        engine: Engine, services: Services, submitted: tuple[int, int, int], typed: str, told: bool) -> None:
    audit_id, _, other = submitted
    with time_machine.travel(CHANGED, tick=False):
        engine.command(COLLEAGUE, "away from 21/12 until 4/1", surface="terminal")
    replies = edit(engine, f"{audit_id} action {other} due {typed}")
    notice = AWAY_NOTICE.format(command=f"/audit edit {audit_id} action {other}")
    assert ([r.text for r in replies if r.text.startswith("Heads up")] == [notice]) is told
    assert replies[0].text.startswith(f"Audit #{audit_id}: action {other}")  # the change said first, never blocked
    assert action_store.get_action(services.storage, other).due_date != "2026-12-30"


def test_a_due_date_changed_in_a_draft_into_the_owners_leave_is_told_too(engine: Engine) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        engine.command(WORKER, "away from 21/12 until 4/1", surface="terminal")
        _, out = drive(engine, [*TO_ACTIONS, *FIRST, "action 1 due 22/12"], user=AUDITOR)
    said = " ".join(out.split())
    assert ("Action 1 (Share the plan with the school.) is now due Tuesday 22 December 2026 (in 19 days), not Friday "
            "4 December 2026.") in said
    assert ("Heads up: Social worker N1 is away from Monday 21 December 2026 until Monday 4 January 2027, so "
            "they'll be away when it falls due. You can pick someone else with action 1 owner …, or keep them.") in said
