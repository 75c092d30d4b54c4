"""Trial 58 F8 (remainder): a worker asked her manager for more time on an action of a moderated audit, then moved
from North to South in teams.yaml. The request stayed with North's manager, whose Home offered buttons that refused
him, while South's manager, who alone could answer it, never saw it. One rule says who answers a request now
(bot.core.owner_manager.approver); every list of requests asks it, and says where a request went and why."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits import lifecycle, more_time_waiting
from bot.composition import build_engine, build_services
from bot.core.knowledge import KnowledgeService
from bot.core.owner_manager import auditor_answers
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import Screen
from bot.reminders.preview import reminders_reply
from bot.settings.config import load_settings
from bot.storage import actions as action_store
from bot.storage import audits as audit_store
from tests.support.audit_rows import insert_audit
from tests.support.teams_changes import move_member
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a working day
NORTH, SOUTH, WORKER = "U0MGRN001", "U0MGRS001", "U0PRAN001"
MOVED = "Social worker N1 is now in South Child in Need and Protection"


@pytest.fixture
def asked(engine: Engine, services: Services) -> int:
    """Social worker N1's request for more time on an action of North's moderated audit, sent to North's manager
    before she moved."""
    audit_id = insert_audit(services.storage, "CR-100700", MONDAY, status="moderated", auditor=NORTH, worker=WORKER,
                            team="north-assessment")
    action = action_store.add_action(services.storage, audit_id, "Update the chronology", WORKER, "2026-12-09",
                                     NORTH, MONDAY)
    with time_machine.travel(MONDAY, tick=False):
        sent = engine.message(WORKER, f"extend {action} to 18/12 - family away", surface="terminal")
    assert any(reply.to_user == NORTH for reply in sent)
    return action


@pytest.fixture
def moved(asked: int, config_dir: Path, environ: dict[str, str], shipped_knowledge: KnowledgeService,
          identifier_screen: Screen) -> Iterator[Services]:
    """The bot started again after the admin moved Social worker N1 to South in teams.yaml."""
    move_member(config_dir, WORKER, SOUTH)
    built = build_services(load_settings(environ), knowledge=shipped_knowledge, screen=identifier_screen)
    yield built
    built.storage.close()


def _home(services: Services, user: str) -> dict[str, tuple[str, list[str]]]:
    """The person's Home sections on requests for more time: title to (flat text, button labels)."""
    person = services.directory.person(user)
    assert person is not None
    return {reply.title or "": (flat(reply.text, "_"), [choice.label for choice in reply.choices])
            for reply in more_time_waiting.home_section(services, person)}


def test_the_new_manager_sees_the_request_with_its_buttons_and_why(moved: Services, asked: int) -> None:
    with time_machine.travel(MONDAY, tick=False):
        home = _home(moved, SOUTH)
    text, buttons = home["Waiting for your answer: 1 request for more time"]
    assert f"Action {asked}, Update the chronology" in text
    assert f"asked 7 Dec of Team manager (North); {MOVED}, so you answer it now" in text
    assert buttons == [f"Approve: action {asked}", f"Say no: action {asked}"]


def test_the_old_manager_is_told_who_answers_it_now_with_no_buttons(moved: Services, asked: int) -> None:
    with time_machine.travel(MONDAY, tick=False):
        home = _home(moved, NORTH)
        reminders = flat(reminders_reply(moved, NORTH, MONDAY, None).text)
    assert list(home) == ["No longer yours to answer"]
    text, buttons = home["No longer yours to answer"]
    assert f"Social worker N1 asked you until 18 Dec on 7 Dec; {MOVED}, so Team manager (South) answers it now" \
        in text
    assert buttons == []
    assert "Waiting for your answer" not in reminders
    assert f"No longer yours to answer: • Action {asked}" in reminders


def test_actions_team_and_the_worker_say_who_answers_it_now(moved: Services, asked: int) -> None:
    engine = build_engine(moved)
    with time_machine.travel(MONDAY, tick=False):
        listed = flat(engine.message(SOUTH, "/audit actions team", surface="terminal")[0].text)
        own = flat(engine.message(WORKER, f"did i get more time on {asked}?", surface="terminal")[0].text)
    assert (f"more time asked to 18 Dec of Team manager (North) on 7 Dec; {MOVED}, so Team manager (South) answers "
            "it now") in listed
    assert f"{MOVED}, so Team manager (South) answers it now, and they haven't answered" in own


def test_the_new_manager_answers_it_and_the_old_one_is_told_who_can(moved: Services, asked: int) -> None:
    engine = build_engine(moved)
    with time_machine.travel(MONDAY, tick=False):
        refused = flat(engine.message(NORTH, f"action {asked} due 18/12", surface="terminal")[0].text)
        given = engine.message(SOUTH, f"action {asked} due 18/12", surface="terminal")
    assert refused == (f"Only Team manager (South) can give action {asked} more time now ({MOVED}), so nothing "
                       "changed.")
    assert action_store.get_action(moved.storage, asked).due_date == "2026-12-18"
    told = flat(next(reply.text for reply in given if reply.to_user == WORKER))
    assert told.startswith(f"Team manager (South) gave you more time on action {asked}")
    with time_machine.travel(MONDAY, tick=False):
        assert _home(moved, SOUTH) == {} and _home(moved, NORTH) == {}


def test_before_the_move_the_old_manager_answers_it(services: Services, asked: int) -> None:
    with time_machine.travel(MONDAY, tick=False):
        assert list(_home(services, NORTH)) == ["Waiting for your answer: 1 request for more time"]
        assert _home(services, SOUTH) == {}


@pytest.mark.parametrize("status", ["draft", "submitted", "in_moderation", "moderated", "cancelled"])
def test_the_auditor_answers_exactly_while_the_lifecycle_lets_them_change_actions(services: Services,
                                                                                   status: str) -> None:
    """bot.core.owner_manager reads the lifecycle's rule for the auditor from the status (it sits below bot.audits):
    the two must never disagree."""
    audit_id = insert_audit(services.storage, "CR-100701", MONDAY, status=status, auditor=NORTH, worker=WORKER,
                            team="north-assessment")
    audit = audit_store.get_audit(services.storage, audit_id)
    assert audit is not None
    assert auditor_answers(services, audit) is (lifecycle.action_edit_refusal(audit, NORTH) is None)
