"""Removing an action added by mistake (user trial): `remove action 2` (or its Remove button) at a draft's actions
step, and `/audit edit 12 remove action 3` on a submitted audit until a moderator opens it. Nothing is hard-deleted:
the row stays marked removed with who and when, a submitted audit keeps it as a revision, and the owner and the
worker who had been sent it are told."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.core.team_owners import overdue_by_team
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.reminders import open_actions_due_by
from bot.storage.reports.export import audit_details
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_wording import submitted_audit

DRAFTED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
CHANGED = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)
AUDITOR, WORKER, COLLEAGUE, QA = "U0MGRN001", "U0PRAN001", "U0PRAN002", "U0QALEAD1"
# The early help spot check typed through to its actions step, then two actions: the worker's, then a colleague's.
TO_ACTIONS = ["start audit early-help-spot", "CR-555555", WORKER, "no", "yes", "yes", "no", "yes", "yes", "good",
              "The plan and the visits show steady progress.", "yes", "1", "good",
              "The step-down decision is recorded with the family's views.", "next", "good",
              "Direct work is thoughtful.", "skip"]
TWO_ACTIONS = ["Share the plan with the school.", WORKER, "30/12/2026",
               "Book a review with the health visitor.", COLLEAGUE, "30/12/2026"]


def removed_row(services: Services, action_id: int) -> tuple[str | None, str | None]:
    row = services.storage.db.execute("SELECT removed_at, removed_by FROM actions WHERE id = ?", [action_id]).fetchone()
    return (row[0], row[1])


def trail(services: Services, action: str) -> list[str]:
    return [r[0] for r in services.storage.db.execute("SELECT actor FROM trail WHERE action = ?", [action])]


def test_an_action_typed_by_mistake_is_removed_at_the_actions_step_and_the_audit_carries_on(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS, "remove action 2"], user=AUDITOR)
    assert "• Action 2: Book a review with the health visitor. — Social worker N2, by 30 Dec 2026" in out
    assert "Removed action 2: Book a review with the health visitor." in out
    after = out.split("Removed action 2: Book a review with the health visitor.")[1]
    assert "Actions (1 so far)" in after and "health visitor" not in after and "  2) Remove action 1" in after
    [kept] = action_store.actions_of_audit(services.storage, 1)
    assert kept.id == 1 and store.get_audit(services.storage, 1).step == "actions"
    assert removed_row(services, 2) == ("2026-12-02T10:00:00+00:00", AUDITOR)  # kept, with who and when
    assert trail(services, "action.remove") == [AUDITOR]
    assert store.revisions_of(services.storage, 1) == []  # a draft never submitted keeps no revisions
    assert messages_to(out, COLLEAGUE) == []  # nobody had been sent it


def test_the_remove_button_removes_the_action_it_names(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS, "2"], user=AUDITOR)  # 1 No more actions, 2 Remove 1
    assert "Removed action 1: Share the plan with the school." in out
    assert [a.id for a in action_store.actions_of_audit(services.storage, 1)] == [2]


@pytest.mark.parametrize(("typed", "said"), [
    ("remove action 9", "Action 9 is not one of audit #1's actions. Its open actions are numbered 1 and 2."),
    ("delete 7", "Action 7 is not one of audit #1's actions. Its open actions are numbered 1 and 2."),
])
def test_removing_an_action_that_is_not_there_names_the_ones_that_are(engine: Engine, services: Services,
                                                                      typed: str, said: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS, typed], user=AUDITOR)
    assert said in out
    assert len(action_store.actions_of_audit(services.storage, 1)) == 2
    assert "Actions (3 so far)" not in out  # never stored as an action's text


def test_remove_is_also_typed_at_the_submit_step(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS, "#1", "remove action 1", "submit"], user=AUDITOR)
    assert "Removed action 1: Share the plan with the school." in out
    assert "is submitted for moderation" in out
    assert [a.id for a in action_store.actions_of_audit(services.storage, 1)] == [2]


@pytest.fixture
def submitted(engine: Engine, services: Services) -> tuple[int, int, int]:
    """A submitted early help audit by the North manager: the worker's action from the audit, and a colleague's."""
    with time_machine.travel(DRAFTED, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        [own] = action_store.actions_of_audit(services.storage, audit_id)
        other = action_store.add_action(services.storage, audit_id, "Book a review with the health visitor.",
                                        COLLEAGUE, "2026-12-30", AUDITOR, DRAFTED)
    assert own.owner_id == WORKER
    return audit_id, own.id, other


def edit(engine: Engine, args: str, user: str = AUDITOR, answer: str | None = "yes") -> list:
    """`/audit edit …` and, when it asks "Remove action N from audit #M?", `answer` typed (None: the question)."""
    with time_machine.travel(CHANGED, tick=False):
        replies = engine.command(user, f"edit {args}", surface="terminal")
        asked = [c for r in replies for c in r.choices if c.action == "actions.remove_confirm"]
        if asked and answer is not None:
            return engine.message(user, answer, surface="terminal")
    return replies


def test_the_edit_command_asks_before_removing_and_no_keeps_the_action(engine: Engine, services: Services,
                                                                       submitted: tuple[int, int, int]) -> None:
    """Trial 21: `remove action 4` typed asked first, but `/audit edit 12 remove action 4` removed at once."""
    audit_id, own, other = submitted
    [asked] = edit(engine, f"{audit_id} remove action {other}", answer=None)
    assert asked.text.startswith(f"Remove action {other} from audit #{audit_id} (CR-100200)?")
    assert [c.label for c in asked.choices] == ["Yes, remove it", "No, keep it"]
    assert len(action_store.actions_of_audit(services.storage, audit_id)) == 2  # nothing yet
    [kept] = edit(engine, f"{audit_id} remove action {other}", answer="no")
    assert kept.text == (f"OK: action {other} (_Book a review with the health visitor._, audit #{audit_id}, CR-100200) "
                         "stays. Nothing changed.")
    assert [a.id for a in action_store.actions_of_audit(services.storage, audit_id)] == [own, other]


def test_an_action_is_removed_from_a_submitted_audit_as_a_revision_and_its_owner_and_worker_are_told(
        engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:
    audit_id, own, other = submitted
    done, owner_told, worker_told = edit(engine, f"{audit_id} remove action {other}")
    assert done.text == (f"Audit #{audit_id}: action {other} (_Book a review with the health visitor._) is removed. "
                         "Its words are cleared; who removed it and when stay in the audit's history, and it no longer "
                         "counts anywhere.")
    assert owner_told.to_user == COLLEAGUE and owner_told.text == (
        f"Team manager (North) removed action {other} (audit #{audit_id}, CR-100200), so it is no longer yours to do "
        "and has gone from `/audit actions`: _Book a review with the health visitor._")
    assert worker_told.to_user == WORKER and f"removed action {other} from the audit of your case" in worker_told.text
    assert [a.id for a in action_store.actions_of_audit(services.storage, audit_id)] == [own]
    assert removed_row(services, other) == ("2026-12-03T15:30:00+00:00", AUDITOR)
    [revision] = store.revisions_of(services.storage, audit_id)
    assert (revision["field"], revision["old_value"], revision["new_value"]) == (
        f"action:{other}", f"{action_store.REMOVED_TEXT} ({COLLEAGUE}, by 2026-12-30)", None)  # session 38: no words
    assert (revision["changed_by"], revision["changed_at"]) == (AUDITOR, "2026-12-03T15:30:00+00:00")
    assert store.get_audit(services.storage, audit_id).status == "submitted"
    [listed] = engine.command(COLLEAGUE, "actions", surface="terminal")
    assert listed.text == "You have no open actions from audits."
    [shown] = engine.command(AUDITOR, f"show {audit_id}", surface="terminal")
    assert "health visitor" not in shown.text
    [opened] = engine.command(QA, f"moderate {audit_id}", surface="terminal")
    assert "The auditor made 1 change after first submitting it" in opened.text


def test_the_worker_who_owns_the_action_is_told_once(engine: Engine, submitted: tuple[int, int, int]) -> None:
    audit_id, own, _ = submitted
    done, told = edit(engine, f"{audit_id} remove #{own}")
    assert "is removed" in done.text and told.to_user == WORKER


def test_only_the_auditor_may_remove_and_only_until_a_moderator_opens_it(
        engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:
    audit_id, _, other = submitted
    [refused] = edit(engine, f"{audit_id} remove action {other}", user=COLLEAGUE)
    assert refused.kind == "error" and refused.text == "Only the person who did this audit can change it."
    engine.command(QA, f"moderate {audit_id}", surface="terminal")
    [read_only] = edit(engine, f"{audit_id} remove action {other}")
    assert read_only.text.startswith("A moderator has opened this audit, so it is read-only now")
    assert len(action_store.actions_of_audit(services.storage, audit_id)) == 2


def test_a_done_action_stays_on_record(engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:
    audit_id, own, _ = submitted
    engine.action(WORKER, "actions.done", str(own), surface="terminal")
    [refused] = edit(engine, f"{audit_id} remove action {own}")
    assert refused.text == (f"Action {own} is already marked done, so it stays on record. If it was marked done by "
                            f"mistake, type `reopen action {own}`.")
    assert len(action_store.actions_of_audit(services.storage, audit_id)) == 2


def test_an_inadequate_audit_keeps_its_last_action(engine: Engine, services: Services,
                                                   submitted: tuple[int, int, int]) -> None:
    audit_id, own, other = submitted
    services.storage.db.execute("UPDATE audits SET overall_grade = 'inadequate' WHERE id = ?", [audit_id])
    edit(engine, f"{audit_id} remove action {other}")
    [refused] = edit(engine, f"{audit_id} remove action {own}")
    assert refused.text == (f"An audit graded Inadequate needs at least one action, and action {own} is its only "
                            f"one: type `/audit edit {audit_id}` to reopen it and add the right action first, then "
                            "remove this one.")
    assert [a.id for a in action_store.actions_of_audit(services.storage, audit_id)] == [own]


def test_another_audits_action_is_not_removed(engine: Engine, services: Services,
                                              submitted: tuple[int, int, int]) -> None:
    audit_id, own, other = submitted
    [refused] = edit(engine, f"{audit_id} remove action {other + 40}")
    assert refused.text == (f"Action {other + 40} is not one of audit #{audit_id}'s actions. Its open actions are "
                            f"numbered {own} and {other}.")


def test_the_edit_command_says_how_to_remove_an_action(engine: Engine, submitted: tuple[int, int, int]) -> None:
    audit_id, _, _ = submitted
    [usage] = edit(engine, f"{audit_id} remove")
    assert "`/audit edit <audit number> remove action <action number>` for an action added by mistake" in usage.text
    [unnamed] = edit(engine, f"{audit_id} remove the second one")
    assert unnamed.text.startswith(f"Name the action by its number, like `/audit edit {audit_id} remove action 41`.")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(named=st.sampled_from(["action {}", "Action #{}", "#{}", "{}", "ACTION   {}", "action{}.", " {} "])
       | st.text(max_size=30).map(lambda text: text.replace("{", "").replace("}", "")),
       pick=st.sampled_from(["own", "other"]))
def test_any_way_of_naming_the_action_removes_exactly_it_or_says_what_to_type(
        engine: Engine, services: Services, submitted: tuple[int, int, int], named: str, pick: str) -> None:
    audit_id, own, other = submitted
    before = [a.id for a in action_store.actions_of_audit(services.storage, audit_id)]
    target = own if pick == "own" else other
    replies = edit(engine, f"{audit_id} remove {named.format(target)}")
    after = [a.id for a in action_store.actions_of_audit(services.storage, audit_id)]
    assert "something went wrong" not in replies[0].text
    if replies[0].kind == "error":
        assert after == before  # one clear message, nothing changed
    else:
        assert after == [a for a in before if a != target] and f"action {target}" in replies[0].text


def test_a_removed_action_nags_nobody_and_counts_nowhere(engine: Engine, services: Services,
                                                         submitted: tuple[int, int, int]) -> None:
    audit_id, own, other = submitted
    later = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)  # both actions overdue by then
    assert overdue_by_team(services, ["north-assessment"], later, later.date()) == {"north-assessment": 2}
    edit(engine, f"{audit_id} remove action {other}")
    assert [row[0] for row in open_actions_due_by(services.storage, later.date())] == [own]
    assert overdue_by_team(services, ["north-assessment"], later, later.date()) == {"north-assessment": 1}
    assert [a["id"] for a in audit_details(services.storage, audit_id)["actions"]] == [own]


@pytest.mark.parametrize("typed", ["yes", "yes remove it", "ok"])
def test_a_yes_after_a_removal_is_no_action(engine: Engine, services: Services, typed: str) -> None:
    """Trial 38 (M4): `remove action 150` removes at once, and the `yes` typed after it became an action ("Who owns
    this action?"), the next action line then read as its owner."""
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS, "remove action 2", typed], user=AUDITOR)
    after = out.split("Removed action 2")[1]
    assert "Who owns this action?" not in after
    assert f"Action 2 is removed already: there was nothing to confirm. “{typed}” is not an action, so nothing was " \
           "stored." in " ".join(after.split())
    assert [a.id for a in action_store.actions_of_audit(services.storage, 1)] == [1]
    assert store.get_audit(services.storage, 1).step == "actions"


def test_help_says_how_to_remove_an_action(engine: Engine) -> None:
    [shown] = engine.command(AUDITOR, "help", surface="terminal")
    assert ("|note <question> <text>|remove action <action>|case <reference>]` — change a submitted audit before "
            "moderation") in shown.text
