"""Trial 36 (H4): a mistyped case reference could not be put right.

`cr 48812` was typed for CR-48821: at the next step `oh wait i typed the case ref wrong its CR-48821 not 48812` was
told "Please answer yes or no", `back` said to cancel and start again, and a submitted audit stayed on the wrong case.
Now the line changes it at any step of the draft, and `/audit edit 12 case CR-…` after submitting, each with every
check a reference gets at the start (the pattern and the screen, nobody auditing their own case, the recent-audit
heads-up), recorded in the trail.
"""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_own_case_refused import SUBMITTED, open_action
from tests.integration.test_reaudits import NORTH_WORKER, QA, SOUTH_MANAGER, Cases, at, text
from tests.integration.test_wording import submitted_audit

MANAGER = "U0MGRN001"
WORKER = "U0PRAN001"


def _draft_at_worker(engine: Engine, services: Services) -> int:
    for line in ("start audit", "full case", "cr 48812"):
        engine.message(MANAGER, line, surface="terminal")
    return int(services.storage.db.execute("SELECT max(id) FROM audits").fetchone()[0])


def _ref(services: Services, audit_id: int) -> str:
    return store.get_audit(services.storage, audit_id).case_ref


def _trail(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM trail WHERE action = 'audit.case_ref'"))


@pytest.mark.parametrize("typed", ["oh wait i typed the case ref wrong its CR-48821 not 48812",
                                   "change case ref CR-48821", "case ref should be 48821", "wrong case ref - cr48821"])
def test_the_case_reference_is_put_right_at_the_worker_step(engine: Engine, services: Services, typed: str) -> None:
    with at(SUBMITTED):
        audit_id = _draft_at_worker(engine, services)
        said = text(engine.message(MANAGER, typed, surface="terminal"))
    assert f"Changed the case reference of audit #{audit_id} from CR-48812 to CR-48821." in said
    assert "Whose case is it?" in said  # the step asked again
    assert _ref(services, audit_id) == "CR-48821"
    assert len(_trail(services)) == 1


def test_the_case_reference_is_put_right_at_a_question_and_a_yes_no_answer_is_not_asked_for(
        engine: Engine, services: Services) -> None:
    with at(SUBMITTED):
        audit_id = _draft_at_worker(engine, services)
        engine.message(MANAGER, "sw n1", surface="terminal")
        said = text(engine.message(MANAGER, "oh wait i typed the case ref wrong its CR-48821 not 48812",
                                   surface="terminal"))
    assert "Please answer yes or no" not in said
    assert f"Changed the case reference of audit #{audit_id} from CR-48812 to CR-48821." in said
    assert _ref(services, audit_id) == "CR-48821"


def test_a_new_reference_of_the_auditors_own_case_is_refused_and_the_old_one_kept(engine: Engine,
                                                                                  services: Services) -> None:
    cases = Cases(services)
    earlier = cases.audit("CR-100090", "inadequate", SUBMITTED, auditor=QA, worker=NORTH_WORKER)
    open_action(services, earlier, NORTH_WORKER)
    with at(SUBMITTED):
        for line in ("start audit", "full case", "cr 48812"):
            engine.message(NORTH_WORKER, line, surface="terminal")
        audit_id = int(services.storage.db.execute("SELECT max(id) FROM audits").fetchone()[0])
        said = text(engine.message(NORTH_WORKER, "change case ref CR-100090", surface="terminal"))
    assert "CR-100090 is your case" in said and f"Audit #{audit_id} is still of CR-48812." in said
    assert _ref(services, audit_id) == "CR-48812" and not _trail(services)


def test_a_new_reference_that_is_no_reference_is_refused(engine: Engine, services: Services) -> None:
    with at(SUBMITTED):
        audit_id = _draft_at_worker(engine, services)
        said = text(engine.message(MANAGER, "change case ref 9434765919", surface="terminal"))
    assert "not a case reference" in said and f"Audit #{audit_id} is still of CR-48812." in said
    assert _ref(services, audit_id) == "CR-48812"


def test_a_recently_audited_new_reference_gets_the_heads_up(engine: Engine, services: Services) -> None:
    earlier = Cases(services).audit("CR-100090", "good", SUBMITTED, auditor=QA, worker=NORTH_WORKER)
    with at(SUBMITTED):
        audit_id = _draft_at_worker(engine, services)
        said = text(engine.message(MANAGER, "oops wrong case ref, should be CR-100090", surface="terminal"))
    assert f"Changed the case reference of audit #{audit_id} from CR-48812 to CR-100090." in said
    assert "Heads up: CR-100090 has been audited in the last 12 months" in said and f"#{earlier}" in said


def test_edit_case_after_submitting_changes_it_keeps_a_revision_and_tells_the_worker(
        engine: Engine, services: Services) -> None:
    with at(SUBMITTED):
        audit_id = submitted_audit(engine, services)
        before = _ref(services, audit_id)
        replies = engine.command(MANAGER, f"edit {audit_id} case CR-48821", surface="terminal")
    said = text([r for r in replies if r.is_for_requester])
    assert f"Changed the case reference of audit #{audit_id} from {before} to CR-48821." in said
    assert _ref(services, audit_id) == "CR-48821"
    assert any(r.to_user == WORKER and f"corrected the case reference of audit #{audit_id} from {before} to "
               "CR-48821" in r.text for r in replies)
    [revision] = [r for r in store.revisions_of(services.storage, audit_id) if r["field"] == "case_ref"]
    assert (revision["old_value"], revision["new_value"]) == (before, "CR-48821")
    assert len(_trail(services)) == 1


def test_edit_case_of_someone_elses_audit_is_refused(engine: Engine, services: Services) -> None:
    with at(SUBMITTED):
        audit_id = submitted_audit(engine, services)
        said = text(engine.command(SOUTH_MANAGER, f"edit {audit_id} case CR-48821", surface="terminal"))
    assert "Only the person who did this audit can change it." in said
    assert _ref(services, audit_id) != "CR-48821"

