"""Nobody audits their own case (trial 34, H1): a social worker started an audit of the Inadequate case its last
audit named her as the worker of (its open actions hers), picked her manager as "the worker", graded it Good, and it
counted as the case's re-audit ("Inadequate → Good: improved"), the case leaving `reaudits`. The case is read now,
not the worker picked: the start, the re-audit, a draft reaching its worker and `/audit restore` refuse it, say who
audits it instead, and store nothing, so nothing is counted."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.core import policy
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage.common import utc_text
from tests.integration.test_reaudits import (
    NORTH_MANAGER,
    NORTH_WORKER,
    OTHER_NORTH_WORKER,
    QA,
    SUBMITTED,
    Cases,
    at,
    reaudits,
    text,
)

CASE = "CR-100090"
LATER = SUBMITTED + timedelta(days=1)
NOW = SUBMITTED + timedelta(weeks=8)  # its re-audit is overdue


@pytest.fixture
def cases(services: Services) -> Cases:
    return Cases(services)


def open_action(services: Services, audit_id: int, owner: str) -> int:
    with services.storage.write() as db:
        cursor = db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
                            "VALUES (?, 'Update the chronology', ?, '2027-03-31', ?, ?)",
                            [audit_id, owner, QA, utc_text(SUBMITTED)])
    return int(cursor.lastrowid)


def say(engine: Engine, user: str, *lines: str) -> str:
    return " ".join(text(engine.message(user, line, surface="terminal")) for line in lines)


def audits_of_case(services: Services) -> list[int]:
    return [row["id"] for row in services.storage.db.query("SELECT id FROM audits WHERE case_ref = ?", [CASE])]


def test_the_worker_of_the_last_audit_is_refused_with_who_audits_it_and_nothing_is_stored(
        engine: Engine, services: Services, cases: Cases) -> None:
    earlier = cases.audit(CASE, "inadequate", SUBMITTED, auditor=QA, worker=NORTH_WORKER)
    action = open_action(services, earlier, NORTH_WORKER)
    with at(NOW):
        refused = say(engine, NORTH_WORKER, "start audit", "full case", "cr100090")
        listed = reaudits(engine)
    assert (f"{CASE} is your case: audit #{earlier} names you as its worker and action {action} on it is yours. "
            "Nobody audits their own case, whoever is picked as its worker: ask its manager (Team manager (North)), "
            "a QA lead or an admin to audit it.") in refused
    assert "No audit was started." in refused and "Whose case is it?" not in refused
    assert "Or type `cancel`" not in refused  # the start has ended: nothing waits for a reference
    assert audits_of_case(services) == [earlier] and store.conversation(services.storage, NORTH_WORKER) == {}
    assert "0 under way" in listed and f"{CASE}: **overdue**" in listed  # still the manager's re-audit to do


def test_open_actions_on_the_case_make_it_a_practitioners_own_though_its_last_audit_names_a_colleague(
        engine: Engine, services: Services, cases: Cases) -> None:
    earlier = cases.audit(CASE, "inadequate", SUBMITTED, worker=OTHER_NORTH_WORKER)
    action = open_action(services, earlier, NORTH_WORKER)
    with at(NOW):
        refused = say(engine, NORTH_WORKER, "start audit", "full case", CASE)
        manager = say(engine, NORTH_MANAGER, "start audit", "full case", CASE)
    assert f"{CASE} is your case: action {action} on it is yours." in refused
    assert "Whose case is it?" in manager  # a manager's action on a case is oversight, not the casework audited
    assert [d.auditor_id for d in map(lambda i: store.get_audit(services.storage, i), audits_of_case(services))
            if d is not None and d.status == "draft"] == [NORTH_MANAGER]


def test_a_colleague_may_still_peer_audit_it(engine: Engine, services: Services, cases: Cases) -> None:
    cases.audit(CASE, "inadequate", SUBMITTED, worker=NORTH_WORKER)
    with at(NOW):
        peer = say(engine, OTHER_NORTH_WORKER, "start audit", "full case", CASE)
    assert "Whose case is it?" in peer and "is your case" not in peer


def test_picking_another_worker_on_a_draft_of_a_case_that_became_theirs_does_not_get_round_it(
        engine: Engine, services: Services, cases: Cases) -> None:
    cases.audit(CASE, "inadequate", SUBMITTED, worker=OTHER_NORTH_WORKER)
    with at(NOW):
        say(engine, NORTH_WORKER, "start audit", "full case", CASE)
        [draft] = store.drafts_of(services.storage, NORTH_WORKER)
        latest = cases.audit(CASE, "inadequate", LATER, worker=NORTH_WORKER)  # the case is hers now
        refused = say(engine, NORTH_WORKER, "Social worker N2")
    assert f"audit #{latest} names you as its worker" in refused
    assert f"So audit #{draft.id} is not kept: nothing of it is stored." in refused
    assert store.drafts_of(services.storage, NORTH_WORKER) == [] and store.get_audit(services.storage, draft.id) is None


def test_restoring_a_cancelled_audit_of_their_own_case_is_refused_and_it_stays_cancelled(
        engine: Engine, services: Services, cases: Cases) -> None:
    cases.audit(CASE, "inadequate", SUBMITTED, worker=OTHER_NORTH_WORKER)
    with at(NOW):
        say(engine, NORTH_WORKER, "start audit", "full case", CASE, "Social worker N2")
        [draft] = store.drafts_of(services.storage, NORTH_WORKER)
        say(engine, NORTH_WORKER, "cancel", "yes")
        latest = cases.audit(CASE, "inadequate", LATER, worker=NORTH_WORKER)
        refused = say(engine, NORTH_WORKER, f"/audit restore {draft.id}")
    assert f"audit #{latest} names you as its worker" in refused
    assert f"So audit #{draft.id} stays cancelled, and does not count." in refused
    restored = store.get_audit(services.storage, draft.id)
    assert restored is not None and restored.status == "cancelled"


def test_re_audit_typed_and_the_reference_alone_never_offer_the_worker_a_start(
        engine: Engine, services: Services, cases: Cases) -> None:
    earlier = cases.audit(CASE, "inadequate", SUBMITTED, worker=NORTH_WORKER)
    with at(NOW):
        typed = engine.message(NORTH_WORKER, "re-audit cr100090", surface="terminal")
        alone = engine.message(NORTH_WORKER, "cr100090", surface="terminal")
    assert typed[0].kind == "error" and f"audit #{earlier} names you as its worker" in typed[0].text
    assert "So I haven't started its re-audit." in typed[0].text
    assert f"{CASE} is your case" in text(alone) and "re-audit CR-100090` starts it" not in text(alone)
    assert "audit.start_case" not in [c.action for r in alone for c in r.choices]
    assert audits_of_case(services) == [earlier]


@pytest.mark.parametrize(("role_user", "worker", "owners", "own"), [
    ("U0PRAN001", "U0PRAN001", (), True),          # the worker its last audit names
    ("U0MGRN001", "U0MGRN001", (), True),          # anyone named so, a manager too
    ("U0PRAN001", "U0PRAN002", ("U0PRAN001",), True),  # a practitioner owning its open actions
    ("U0MGRN001", "U0PRAN001", ("U0MGRN001",), False),  # a manager's action is oversight
    ("U0PRAN002", "U0PRAN001", ("U0PRAN001",), False),  # a colleague: a peer audit
    ("U0PRAN001", None, (), False),
])
def test_is_own_case_rule(services: Services, role_user: str, worker: str | None, owners: tuple[str, ...],
                          own: bool) -> None:
    person = services.directory.person(role_user)
    assert person is not None
    assert policy.is_own_case(person, worker, owners) is own
