"""Agreeing with (or opening, or grading) an audit already moderated says so: who moderated it, by their name, the
outcome, and how to read it (trial 17: `agree 1` told a QA lead "You are not moderating audit #1. Open an audit
from /audit moderate first", a list it was not in). Shipped people: North's manager U0MGRN001 audits, South's
manager U0MGRS001 moderates, QA lead U0QALEAD1."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_typed_moderation import REASON, SOUTH, WEDNESDAY, opened
from tests.support.text import flat

QA = "U0QALEAD1"


def test_agree_typed_or_pressed_on_a_moderated_audit_says_who_decided_it_and_how(engine: Engine,
                                                                                 services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [audit_id] = opened(engine, services)
        drive(engine, ["disagree", "2", REASON, "skip"], user=SOUTH)  # 2) Requires improvement to be good
        assert store.get_audit(services.storage, audit_id).status == "moderated"
        south = services.directory.label(SOUTH)
        said = (f"Audit #{audit_id} is already moderated: {south} disagreed with the auditor's Good and graded it "
                "Requires improvement to be good on Wednesday 2 December 2026, so there is nothing left to decide. "
                f"/audit show {audit_id} shows it, with the moderation.")
        _, typed = drive(engine, [f"agree {audit_id}", f"disagree {audit_id}", f"/audit moderate {audit_id}"],
                         user=QA)
        assert flat(typed, "*`").count(said) == 3, typed
        assert "You are not moderating" not in typed and "Open an audit from" not in typed
        for action in ("audit.moderate_agree", "audit.moderate_disagree", "audit.moderate_open"):
            [pressed] = engine.action(QA, action, str(audit_id), surface="terminal")
            assert pressed.kind == "error" and said in flat(pressed.text, "*`"), pressed.text
        _, own = drive(engine, [f"agree {audit_id}"], user=SOUTH)
        assert "already moderated: you disagreed with the auditor's Good" in flat(own, "*`"), own
        _, shown = drive(engine, [f"/audit show {audit_id}"], user=QA)
        assert "Requires improvement to be good" in shown
    audit = store.get_audit(services.storage, audit_id)
    assert (audit.status, audit.moderated_grade) == ("moderated", "requires_improvement")
