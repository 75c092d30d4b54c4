"""Trial 34 (a South social worker): there was no way to say an action isn't yours. `action 130 isnt mine` was offered
`extend`, `how do i get an action moved to someone else` went on the QA leads' list, and `action 130 owner …` and
`action 147` (the worker's own) were told "not an action of an audit you did". Now the owner's word, with its reason
screened, goes to the auditor (or the owner's team manager when the auditor has left), who is given `action 130
owner <name>` or *It stays theirs*; the owner is told who was told, and their own action is shown with what they can
do."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
AUDITOR, MANAGER, WORKER, COLLEAGUE = "U0MGRS001", "U0MGRN001", "U0PRAN001", "U0PRAN002"
TITLE = "Share the plan with the school"


def _add(services: Services, auditor: str = AUDITOR) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", NOW, auditor=auditor)
    return action_store.add_action(services.storage, audit_id, TITLE, WORKER, "2026-12-08", auditor, NOW)


@pytest.fixture
def action_id(services: Services) -> int:
    """The North worker's open action, set by the South manager in an audit of their case."""
    return _add(services)


def _trail(services: Services, action: str) -> list[str]:
    return [row[0] for row in services.storage.db.execute("SELECT detail FROM trail WHERE action = ?", [action])]


@pytest.mark.parametrize(("typed", "reason"), [
    ("action {n} isnt mine", None),
    ("action {n} isnt mine, thats the IRO's job not me", "thats the IRO's job not me"),
    ("Action #{n} is not my action - it's the IRO's to do", "the IRO's to do"),
    ("{n} isn't mine", None),
    ("not my action: action {n}", None),
])
def test_the_owner_says_it_isnt_theirs_and_the_auditor_is_told_with_the_reason(
        engine: Engine, services: Services, action_id: int, typed: str, reason: str | None) -> None:
    with time_machine.travel(NOW, tick=False):
        mine, told = engine.message(WORKER, typed.format(n=action_id), surface="terminal")
    assert flat(mine.text, "_`").startswith(f"I've told Team manager (South), its auditor, that action {action_id} "
                                            f"({TITLE}, audit #1, CR-123456) isn't yours")
    assert (f"with your reason: “{reason}”" in mine.text) is bool(reason)
    assert "It stays on your list, due 8 Dec 2026" in mine.text
    assert told.to_user == AUDITOR
    assert flat(told.text, "_`").startswith(f"Social worker N1 says action {action_id} isn't theirs")
    assert f"type `action {action_id} owner <name>`" in told.text
    assert [c.label for c in told.choices] == ["It stays theirs"]
    assert (reason or "no reason given") in told.text
    assert len(_trail(services, "action.not_mine")) == 1
    assert action_store.get_action(services.storage, action_id).owner_id == WORKER  # type: ignore[union-attr]
    assert asked_the_knowledge_base(services) == 0


def test_the_auditor_gives_it_to_someone_else_with_the_command_they_were_given(engine: Engine, services: Services,
                                                                               action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"action {action_id} isnt mine, its N2's case now", surface="terminal")
        replies = engine.message(AUDITOR, f"action {action_id} owner social worker n2", surface="terminal")
    assert action_store.get_action(services.storage, action_id).owner_id == COLLEAGUE  # type: ignore[union-attr]
    assert {r.to_user for r in replies} >= {WORKER, COLLEAGUE}


def test_it_stays_theirs_tells_the_owner(engine: Engine, services: Services, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"action {action_id} isnt mine", surface="terminal")
        said, told = engine.action(AUDITOR, "actions.stays_theirs", str(action_id))
        typed = engine.message(AUDITOR, f"action {action_id} stays theirs", surface="terminal")
        [refused] = engine.action(COLLEAGUE, "actions.stays_theirs", str(action_id))
    assert said.text == (f"I've told Social worker N1 that action {action_id} (_{TITLE}_, audit #1, CR-123456) stays "
                         "theirs.")
    assert told.to_user == WORKER and f"Team manager (South) says action {action_id} stays yours" in told.text
    assert typed[0].text == said.text
    assert refused.kind == "error" and WORKER not in {r.to_user for r in [refused]}


def test_when_the_auditor_has_left_the_owners_team_manager_is_told(engine: Engine, services: Services) -> None:
    action_id = _add(services, auditor="U0GONE001")
    with time_machine.travel(NOW, tick=False):
        mine, told = engine.message(WORKER, f"action {action_id} isnt mine", surface="terminal")
    assert mine.text.startswith(f"I've told Team manager (North), your team manager, that action {action_id}")
    assert told.to_user == MANAGER
    # its auditor has left: the owner's manager may change its owner (fix66e; it said "only its auditor changes its
    # owner, and U0GONE001 is no longer here")
    assert f"To give it to someone else, type `action {action_id} owner <name>`" in told.text
    assert "only its auditor" not in told.text
    assert "press **It stays theirs**" in told.text


def test_a_reason_naming_a_child_is_refused_and_nobody_is_told(engine: Engine, services: Services,
                                                               action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, f"action {action_id} isnt mine, jayden moved to another team",
                                 surface="terminal")
    assert [r.kind for r in replies] == ["error"] and replies[0].text.startswith("I can't store that reason")
    assert _trail(services, "action.not_mine") == []


def test_someone_elses_action_is_not_passed_on(engine: Engine, services: Services, action_id: int) -> None:
    [refused] = engine.message(COLLEAGUE, f"action {action_id} isnt mine", surface="terminal")
    assert refused.text == (f"Action {action_id} is not one of yours, so there is nothing to pass on. `/audit "
                            "actions` lists yours.")
    assert _trail(services, "action.not_mine") == []


@pytest.mark.parametrize("asked", ["how do i get an action moved to someone else",
                                   "how do i say an action isnt mine?", "can i give an action to someone else"])
def test_asked_how_it_says_how(engine: Engine, services: Services, asked: str) -> None:
    [how] = engine.message(WORKER, asked, surface="terminal")
    assert "type `action` and its number, `isnt mine` and why" in how.text
    assert asked_the_knowledge_base(services) == 0


def test_the_owners_owner_change_names_who_can_change_it(engine: Engine, action_id: int) -> None:
    [refused] = engine.message(WORKER, f"action {action_id} owner team manager (north)", surface="terminal")
    assert refused.text == (f"Only Team manager (South) can give action {action_id} to someone else. If it isn't "
                            f"yours, type `action {action_id} isnt mine` and why, and I'll tell them.")


def test_the_owners_own_action_is_shown_with_what_they_can_do(engine: Engine, action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [shown] = engine.message(WORKER, f"action {action_id}", surface="terminal")
    assert shown.title == f"Action {action_id}" and shown.kind != "error"
    assert flat(shown.text, "_`") == (
        f"{TITLE} (audit #1, CR-123456) Yours, due 8 Dec 2026 (open); set by Team manager (South). Type done "
        f"{action_id} when it is complete (a short note after a dash is kept), more time on action {action_id} to "
        f"<date> to ask for longer, or action {action_id} isnt mine if it should be someone else's (Team manager "
        "(South) is told).")
