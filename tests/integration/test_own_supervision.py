"""Trial 36 (M11): a manager auditing supervision she gave was not told it is not independent.

`start audit supervision`, the case, `sw s1` (her own team's worker) started with no word, and `can i audit my own
supervision?` got "I don't know that yet". Now the manager of the worker's team picking them for a supervision audit
is told plainly and offered the cancel question, and the question in words gets a plain answer.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
MANAGER, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"
WARNED = "You manage Social worker N1's team, so the supervision audit #1 looks at is likely to be yours. Auditing " \
         "supervision you gave yourself is not independent"


def _say(engine: Engine, user: str, *lines: str) -> str:
    with time_machine.travel(NOW, tick=False):
        said = [engine.message(user, line, surface="terminal") for line in lines]
    return " ".join(" ".join(r.text.split()) for replies in said for r in replies).replace("*", "")


def test_the_workers_manager_starting_a_supervision_audit_is_told_and_offered_to_cancel(engine: Engine,
                                                                                        services: Services) -> None:
    said = _say(engine, MANAGER, "start audit supervision", "CR-600400", "sw n1")
    assert WARNED in said and "Cancel audit #1 (Supervision and management oversight, case CR-600400)?" in said
    assert "Is there an immediate safeguarding concern" not in said  # the question waits for the answer
    kept = _say(engine, MANAGER, "no")
    assert "OK, audit #1 is not cancelled." in kept and "Is there an immediate safeguarding concern" in kept
    assert store.get_audit(services.storage, 1).worker_id == WORKER


def test_yes_to_the_offer_cancels_the_supervision_audit(engine: Engine, services: Services) -> None:
    _say(engine, MANAGER, "start audit supervision", "CR-600400", "sw n1")
    said = _say(engine, MANAGER, "yes")
    assert "Audit #1 is cancelled." in said
    assert store.get_audit(services.storage, 1).status == "cancelled"


@pytest.mark.parametrize(("user", "checklist", "worker"), [(QA, "supervision", "sw n1"),
                                                           (MANAGER, "early-help-spot", "sw n1")])
def test_no_word_when_the_auditor_does_not_supervise_or_the_audit_is_not_of_supervision(
        engine: Engine, services: Services, user: str, checklist: str, worker: str) -> None:
    said = _say(engine, user, f"start audit {checklist}", "CR-600400", worker)
    assert "not independent" not in said and "Cancel audit" not in said


@pytest.mark.parametrize("asked", ["hang on im the supervisor on this case, can i audit my own supervision?",
                                   "can i audit my own supervision?"])
def test_asking_whether_one_can_audit_ones_own_supervision_is_answered_plainly(engine: Engine, services: Services,
                                                                               asked: str) -> None:
    said = _say(engine, MANAGER, asked)
    assert said.startswith("No. Auditing supervision you gave yourself is not independent")
    assert "I don't know that yet" not in said
    assert not services.storage.db.execute("SELECT count(*) FROM kb_asks").fetchone()[0]  # not noted, nor stored
