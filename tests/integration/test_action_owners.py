"""Who an audit's action may go to (trial 8, F19): the owners offered follow the case, not the auditor. In a campaign
(peer) audit of a South case by North's manager, "Who owns this action?" offered the auditor's own team, who cannot
act on a South case, and not the South team manager; `the social worker` typed was "I don't know that person". Now
the case's worker, the case team's manager(s) and the auditor come first, and `the worker` / `the manager` typed mean
the case's worker and the case team's manager (asked which when the team has several)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from tests.audit_driver import next_input
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.integration.test_moderated_inadequate_action import ACTION, REASON, audit_with_no_open_action
from tests.integration.test_wording import submitted_audit

DRAFTED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
QA = "U0QALEAD1"
NORTH_MANAGER, SOUTH_MANAGER, SOUTH_WORKER = "U0MGRN001", "U0MGRS001", "U0PRAS001"
DEPUTY = "U0MGRS002"  # a second South manager, in the fixture that adds one
PEER = ('campaign create name="Voice December" theme=voice checklist=neglect '
        "teams=north-assessment,south-cin-cp,children-in-care start=2026-12-01 deadline=2026-12-11 "
        "per-worker=1 auditors=peer moderate=0")


@pytest.fixture
def clock():
    with time_machine.travel(DRAFTED, tick=False) as traveller:
        yield traveller


def owner_ids(replies: list[Reply], action: str = "audit.owner") -> list[str]:
    return [c.value.rsplit(":", 1)[-1] for r in replies for c in r.choices if c.action == action]


def send(engine: Engine, user: str, kind: str, payload: str) -> list[Reply]:
    if kind == "press":
        action, value = payload.split("|", 1)
        return engine.action(user, action, value, surface="terminal")
    return engine.message(user, payload, surface="terminal")


def campaign_audit_at_the_owner(engine: Engine, services: Services) -> tuple[int, list[Reply]]:
    """North's manager starts the South case a peer campaign gives them and answers up to "Who owns this action?"."""
    [created, *_] = engine.command(QA, PEER, surface="terminal")
    assert created.kind != "error", created.text
    campaign_id = int(created.text.split("ampaign ", 1)[1].split()[0])
    [south] = [a for a in campaign_store.allocations(services.storage, campaign_id) if a.worker_id == SOUTH_WORKER]
    if south.auditor_id != NORTH_MANAGER:
        [moved, *_] = engine.command(QA, f"campaign reassign {south.id} {NORTH_MANAGER} cover", surface="terminal")
        assert moved.kind != "error", moved.text
    engine.action(NORTH_MANAGER, "campaign.start", str(south.id), surface="terminal")
    replies = engine.message(NORTH_MANAGER, "CR-400200", surface="terminal")
    state: dict = {}
    while not owner_ids(replies):
        step = next_input(replies, state)
        assert step is not None, "submitted before any action was asked for"
        replies = send(engine, NORTH_MANAGER, *step)
    audit_id = campaign_store.get_allocation(services.storage, south.id).audit_id
    assert audit_id is not None
    return audit_id, replies


def draft_owner(services: Services, audit_id: int) -> str | None:
    return (store.get_audit(services.storage, audit_id).state.get("action_draft") or {}).get("owner")


def test_a_campaign_audit_offers_the_cases_worker_its_teams_manager_then_the_auditor(engine: Engine,
                                                                                   services: Services, clock) -> None:
    _, asked = campaign_audit_at_the_owner(engine, services)
    assert owner_ids(asked) == [SOUTH_WORKER, SOUTH_MANAGER, NORTH_MANAGER]  # never North's workers
    labels = [c.label for r in asked for c in r.choices if c.action == "audit.owner"]
    assert labels == ["Social worker S1 (the case's worker)", "Team manager (South) (the case's team manager)",
                      "Team manager (North) (you)"]


@pytest.mark.parametrize(("typed", "owner"), [
    ("the social worker", SOUTH_WORKER), ("the worker", SOUTH_WORKER), ("Social worker", SOUTH_WORKER),
    ("the manager", SOUTH_MANAGER), ("team manager", SOUTH_MANAGER), ("The team manager.", SOUTH_MANAGER),
    ("Team manager (South)", SOUTH_MANAGER), ("me", NORTH_MANAGER),
    ("team manager (sou", SOUTH_MANAGER), (f"<@{SOUTH_WORKER}>", SOUTH_WORKER),
    ("sw s1", SOUTH_WORKER), ("tm south", SOUTH_MANAGER),  # a role written short (trial 24)
])
def test_the_worker_or_the_manager_typed_mean_the_cases_own(engine: Engine, services: Services, clock, typed: str,
                                                            owner: str) -> None:
    audit_id, _ = campaign_audit_at_the_owner(engine, services)
    replies = engine.message(NORTH_MANAGER, typed, surface="terminal")
    assert not any(r.kind == "error" for r in replies), [r.text for r in replies]
    assert any("When is it due?" in r.text for r in replies)
    assert draft_owner(services, audit_id) == owner


def test_someone_unknown_typed_is_told_what_may_be_typed(engine: Engine, services: Services, clock) -> None:
    audit_id, _ = campaign_audit_at_the_owner(engine, services)
    [refused] = engine.message(NORTH_MANAGER, "the health visitor", surface="terminal")
    assert refused.kind == "error" and "`the worker`, `the manager`" in refused.text
    assert draft_owner(services, audit_id) is None


def test_a_manager_auditing_their_own_team_gets_the_worker_themselves_then_the_team(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Share the plan with the school."], user=NORTH_MANAGER)
        asked = out.rsplit("Who owns this action?", 1)[1]
        assert ("1) Social worker N1 (the case's worker)\n  2) Team manager (North) (the case's team manager)\n"
                "  3) Social worker N2\n") in asked
        drive(engine, ["team manager", "30/12/2026"], user=NORTH_MANAGER)
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert action.owner_id == NORTH_MANAGER


@pytest.fixture
def two_south_managers(config_dir: Path) -> None:
    """South has a second team manager."""
    teams = config_dir / "teams.yaml"
    text = teams.read_text()
    line = "      - {user: U0MGRS001, name: Team manager (South), role: manager, audit_target: 2}\n"
    assert line in text
    teams.write_text(text.replace(line, line + line.replace("U0MGRS001", DEPUTY).replace("Team", "Deputy team")))


def test_the_manager_typed_asks_which_when_the_team_has_several(two_south_managers: None, engine: Engine,
                                                                services: Services, clock) -> None:
    audit_id, offered = campaign_audit_at_the_owner(engine, services)
    assert owner_ids(offered) == [SOUTH_WORKER, SOUTH_MANAGER, DEPUTY, NORTH_MANAGER]
    [which] = engine.message(NORTH_MANAGER, "the manager", surface="terminal")
    assert which.kind == "question" and owner_ids([which]) == [SOUTH_MANAGER, DEPUTY]
    assert "which" in which.text and draft_owner(services, audit_id) is None
    deputy = next(c for c in which.choices if c.value.endswith(DEPUTY))
    engine.action(NORTH_MANAGER, deputy.action, deputy.value, surface="terminal")
    assert draft_owner(services, audit_id) == DEPUTY


def test_a_moderators_action_takes_the_worker_or_the_manager_typed(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        audit_id, worker = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON, ACTION, "the manager",
                                "in 4 weeks", "send"], user=QA)
    assert "1) Social worker N1 (the case's worker)" in out
    [open_action] = [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]
    assert open_action.owner_id == NORTH_MANAGER and worker == "U0PRAN001"


# -- one reader wherever an owner is typed: the actions step, and `action 1 owner …` (bot.audits.action_edit) ------

def test_the_start_of_several_names_is_asked_about_and_nothing_is_taken(engine: Engine, services: Services,
                                                                        clock) -> None:
    audit_id, _ = campaign_audit_at_the_owner(engine, services)
    [asked] = engine.message(NORTH_MANAGER, "Team manager (", surface="terminal")  # the South case's and the auditor
    assert asked.kind == "error" and asked.text == ("“Team manager (” could be Team manager (North) or Team manager "
                                                    "(South): type the whole name, like `Team manager (North)`.")
    assert draft_owner(services, audit_id) is None


def _campaign_action(engine: Engine, services: Services) -> int:
    """The campaign audit of the South case with one action, the South worker's, back at the actions step: its id."""
    audit_id, _ = campaign_audit_at_the_owner(engine, services)
    for line in ["the worker", "30/12/2026"]:
        engine.message(NORTH_MANAGER, line, surface="terminal")
    [action] = action_store.actions_of_audit(services.storage, audit_id)
    assert action.owner_id == SOUTH_WORKER and store.get_audit(services.storage, audit_id).step == "actions"
    return action.id


def test_an_actions_owner_changed_to_the_manager_is_the_cases_team_manager(engine: Engine, services: Services,
                                                                            clock) -> None:
    action_id = _campaign_action(engine, services)
    replies = engine.message(NORTH_MANAGER, f"action {action_id} owner the manager", surface="terminal")
    assert not any(r.kind == "error" for r in replies), [r.text for r in replies]
    assert f"Action {action_id} (_" in replies[0].text and "is now Team manager (South)'s" in replies[0].text
    assert action_store.get_action(services.storage, action_id).owner_id == SOUTH_MANAGER


def test_the_manager_in_a_typed_change_lists_each_managers_whole_name_when_there_are_several(
        two_south_managers: None, engine: Engine, services: Services, clock) -> None:
    action_id = _campaign_action(engine, services)
    [asked] = engine.message(NORTH_MANAGER, f"action {action_id} owner the manager", surface="terminal")
    assert asked.kind == "error" and asked.text == (
        f"South Child in Need and Protection has 2 team managers: type which one owns it, `action {action_id} owner "
        f"Team manager (South)` or `action {action_id} owner Deputy team manager (South)`.")
    assert action_store.get_action(services.storage, action_id).owner_id == SOUTH_WORKER
    engine.message(NORTH_MANAGER, f"action {action_id} owner Deputy team manager (South)", surface="terminal")
    assert action_store.get_action(services.storage, action_id).owner_id == DEPUTY


# -- trial 9, finding 3: an owner is one of the case's people, typed as well as pressed ----------------------------

NORTH_WORKER, NORTH_COLLEAGUE = "U0PRAN001", "U0PRAN002"
OUTSIDE = ("Social worker S1 is not one of this case's people, so can't hold an action on it: its owner must be the "
           "case's worker, a manager of North Assessment Team, the auditor or someone else in that team.")


def north_draft_at_the_owner(engine: Engine) -> None:
    """North's manager audits N1's (North) case up to "Who owns this action?", as in the trial."""
    drive(engine, [*TO_ACTIONS, "update the plan with the child's wishes"], user=NORTH_MANAGER)


def test_the_start_of_a_name_offers_only_the_cases_people_as_in_the_trial(engine: Engine, services: Services,
                                                                          clock) -> None:
    north_draft_at_the_owner(engine)
    [asked] = engine.message(NORTH_MANAGER, "Social", surface="terminal")
    assert asked.kind == "error" and asked.text == ("“Social” could be Social worker N1 or Social worker N2: type the "
                                                    "whole name, like `Social worker N1`.")
    assert draft_owner(services, 1) is None


@pytest.mark.parametrize("typed", ["Social worker S1", "social worker s", f"<@{SOUTH_WORKER}>", SOUTH_WORKER])
def test_someone_outside_the_cases_team_is_refused_as_owner_saying_who_may_hold_it(engine: Engine,
                                                                                 services: Services, clock,
                                                                                 typed: str) -> None:
    north_draft_at_the_owner(engine)
    replies = engine.message(NORTH_MANAGER, typed, surface="terminal")
    assert [r.text for r in replies if r.kind == "error"] == [OUTSIDE]
    assert draft_owner(services, 1) is None and store.get_audit(services.storage, 1).step == "action_owner"
    assert not [r for r in replies if r.to_user is not None]


def test_a_start_that_fits_only_people_outside_the_case_is_refused(engine: Engine, clock) -> None:
    north_draft_at_the_owner(engine)
    [refused] = engine.message(NORTH_MANAGER, "Team manager (C", surface="terminal")
    assert refused.kind == "error" and "is not one of this case's people" in refused.text
    [refused] = engine.message(NORTH_MANAGER, "Social worker C1", surface="terminal")
    assert refused.text == OUTSIDE.replace("S1", "C1")


def test_a_draft_actions_owner_changed_to_someone_outside_is_refused(engine: Engine, services: Services,
                                                                      clock) -> None:
    north_draft_at_the_owner(engine)
    drive(engine, ["the worker", "30/12/2026"], user=NORTH_MANAGER)
    [action] = action_store.actions_of_audit(services.storage, 1)
    [refused] = engine.message(NORTH_MANAGER, f"action {action.id} owner Social worker S1", surface="terminal")
    assert refused.kind == "error" and refused.text == OUTSIDE
    assert action_store.get_action(services.storage, action.id).owner_id == NORTH_WORKER
    engine.message(NORTH_MANAGER, f"action {action.id} owner Social worker N2", surface="terminal")
    assert action_store.get_action(services.storage, action.id).owner_id == NORTH_COLLEAGUE


def test_a_submitted_actions_owner_is_not_given_to_another_team_and_nobody_is_told(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        audit_id = submitted_audit(engine, services, NORTH_MANAGER)
        [action] = action_store.actions_of_audit(services.storage, audit_id)
        replies = engine.command(NORTH_MANAGER, f"edit {audit_id} action {action.id} owner Social worker S1",
                                 surface="terminal")
    assert [r.text for r in replies] == [OUTSIDE]
    assert action_store.get_action(services.storage, action.id).owner_id == action.owner_id
    [listed] = engine.command(SOUTH_WORKER, "actions", surface="terminal")
    assert f"audit #{audit_id}" not in listed.text


def test_a_moderators_first_action_goes_only_to_the_cases_people(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON, ACTION, "Social worker S1",
                                "me", "Social"], user=QA)
    assert OUTSIDE in " ".join(out.replace("`", "").split())
    assert ("You are not one of this case's people, so can't hold an action on it: its owner must be the case's "
            "worker, a manager of North Assessment Team, the auditor or someone else in that team.") in " ".join(
                out.split())
    assert "“Social” could be Social worker N1 or Social worker N2" in out
    assert not [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]
