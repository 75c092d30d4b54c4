"""Trial 58, findings 5 and 8: team figures after staff changes in teams.yaml.

F5: U0MGRS001 (South's manager) was replaced by U0MGRS002: the leaver's audits dropped out of South's figures and its
Home said "Audits last week: 0" beside "Good or better last week: 4 of 5 (80%)", "This week so far: 0 (1
Inadequate)", and the leaver's December audits were "of its cases by others". An audit counts for the team it was
done for: one by someone no longer in teams.yaml is the team's own. And a worker's "action N isnt mine" on the
leaver's audit told the new manager "only its auditor changes its owner", though they may change it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.digests.dashboard import team_figures
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.audit_rows import insert_audit
from tests.support.teams_changes import move_member, replace_south_manager
from tests.support.text import flat

WEDNESDAY = datetime(2026, 12, 9, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a working day, mid-week
LEAVER, NEW, WORKER = "U0MGRS001", "U0MGRS002", "U0PRAS001"


@pytest.fixture
def manager_replaced(config_dir: Path) -> None:
    """teams.yaml as the admin left it: South's manager swapped for a new one, before the bot starts."""
    replace_south_manager(config_dir)


def _graded(services: Services, case: str, at: datetime, grade: str) -> None:
    audit_id = insert_audit(services.storage, case, at, auditor=LEAVER, worker=WORKER, team="south-cin-cp")
    with services.storage.write() as db:
        db.execute("UPDATE audits SET overall_grade = ? WHERE id = ?", [grade, audit_id])


@pytest.mark.usefixtures("manager_replaced")
def test_a_replaced_managers_audits_stay_the_teams_own_on_home(services: Services) -> None:
    last_week = WEDNESDAY - timedelta(days=7)
    for n, grade in enumerate(("good", "good", "outstanding", "good", "requires_improvement")):
        _graded(services, f"CR-10020{n}", last_week + timedelta(minutes=n), grade)
    _graded(services, "CR-100300", WEDNESDAY - timedelta(hours=1), "inadequate")
    with time_machine.travel(WEDNESDAY, tick=False):
        south = team_figures(services, services.directory.person(NEW))[0]
    fields = {name: flat(value) for name, value in south.fields}
    assert fields["Audits last week"] == "5"
    assert fields["Good or better last week"].startswith("4 of 5")
    assert fields["This week so far"] == "1 (1 Inadequate)"
    assert fields["Month vs target"].startswith("6 in December") and "by others" not in fields["Month vs target"]


def test_an_inadequate_audit_by_someone_else_is_never_beside_a_count_of_none(services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-100400", WEDNESDAY - timedelta(hours=1), auditor="U0QALEAD1",
                            worker=WORKER, team="south-cin-cp")
    with services.storage.write() as db:
        db.execute("UPDATE audits SET overall_grade = 'inadequate' WHERE id = ?", [audit_id])
    with time_machine.travel(WEDNESDAY, tick=False):
        south = team_figures(services, services.directory.person(LEAVER))[0]
    said = flat(dict(south.fields)["This week so far"])
    assert said == "0 by its auditors; 1 audit of its cases (1 Inadequate)"


@pytest.mark.usefixtures("manager_replaced")
def test_the_new_manager_told_an_action_isnt_the_workers_is_given_the_command(engine: Engine,
                                                                              services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-100500", WEDNESDAY, auditor=LEAVER, worker=WORKER,
                            team="south-cin-cp")
    action = action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2027-01-08",
                                     LEAVER, WEDNESDAY)
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = engine.message(WORKER, f"action {action} isnt mine - the IRO arranges it", surface="terminal")
    told = flat(next(r.text for r in replies if r.to_user == NEW), "`*_")
    assert f"To give it to someone else, type action {action} owner <name>" in told
    assert "only its auditor" not in told and "no longer here" not in told


@pytest.fixture
def worker_moved(config_dir: Path) -> None:
    """teams.yaml as the admin left it: Social worker C1 moved from Children in Care to North."""
    move_member(config_dir, "U0PRAC001", "U0PRAN001")


@pytest.mark.usefixtures("worker_moved")
def test_a_moved_workers_overdue_actions_count_where_they_are_listed(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-100600", WEDNESDAY - timedelta(days=30), auditor="U0MGRC001",
                            worker="U0PRAC001", team="children-in-care")
    for n in range(3):
        action_store.add_action(services.storage, audit_id, f"Update the plan {n}", "U0PRAC001",
                                (WEDNESDAY - timedelta(days=2)).date().isoformat(), "U0MGRC001",
                                WEDNESDAY - timedelta(days=30))
    with time_machine.travel(WEDNESDAY, tick=False):
        old = {r.title: dict(r.fields) for r in team_figures(services, services.directory.person("U0MGRC001"))}
        new = {r.title: dict(r.fields) for r in team_figures(services, services.directory.person("U0MGRN001"))}
        listed = flat(engine.message("U0MGRC001", "/audit actions team", surface="terminal")[0].text)
    assert "Nobody in your teams has an open action" in listed
    assert [fields["Overdue actions now"] for fields in old.values()] == ["0"]
    assert [fields["Overdue actions now"] for fields in new.values()] == ["3"]


@pytest.mark.usefixtures("worker_moved")
def test_after_a_move_the_digest_home_and_actions_team_count_the_same_overdue_actions(engine: Engine,
                                                                                       services: Services) -> None:
    """Trial 58 F8 (remainder): the digest counted a moved worker's overdue actions in her audits' old team, while
    Home and `actions team` counted them in her new one. Now one count (bot.core.team_owners.open_and_overdue)."""
    audit_id = insert_audit(services.storage, "CR-100610", WEDNESDAY - timedelta(days=30), auditor="U0MGRC001",
                            worker="U0PRAC001", team="children-in-care")
    for n in range(3):
        action_store.add_action(services.storage, audit_id, f"Update the plan {n}", "U0PRAC001",
                                (WEDNESDAY - timedelta(days=9)).date().isoformat(), "U0MGRC001",
                                WEDNESDAY - timedelta(days=30))
    seen = {}
    with time_machine.travel(WEDNESDAY, tick=False):
        for manager in ("U0MGRC001", "U0MGRN001"):
            [home] = team_figures(services, services.directory.person(manager))
            this_week = flat(engine.message(manager, "/audit digest this week", surface="terminal")[0].text, "*")
            last_week = flat(engine.message(manager, "/audit digest", surface="terminal")[0].text, "*")
            listed = flat(engine.message(manager, "/audit actions team overdue", surface="terminal")[0].text)
            seen[manager] = (dict(home.fields)["Overdue actions now"], this_week, last_week, listed)
    home, this_week, last_week, listed = seen["U0MGRC001"]
    assert home == "0"
    assert "Overdue actions (as at today): 0 " in this_week
    assert "Overdue actions (as at the end of Sunday 6 Dec): 0 " in last_week
    assert "Nobody in your teams has an open action" in listed
    home, this_week, last_week, listed = seen["U0MGRN001"]
    assert home == "3"
    assert "Overdue actions (as at today): 3 Open actions (as at today): 3" in this_week
    assert "Overdue actions (as at the end of Sunday 6 Dec): 3 " in last_week
    assert listed.count("Update the plan") == 3
