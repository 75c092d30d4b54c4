"""A leaver's draft (trial 59, F9): Home said "only its auditor can finish or cancel a draft, so it stays a draft
(counted nowhere) unless they are put back in teams.yaml". Now an admin or QA lead types `cancel N`, confirms, and
the draft is cancelled with a trail entry naming the leaver; `restore N` brings it back; nobody else may."""

from __future__ import annotations

import json

import pytest
import time_machine

from bot.composition import build_engine
from bot.storage import audits as store
from tests.integration.test_leavers import S1, TUESDAY, left, started
from tests.support.cli import run_cli
from tests.support.text import flat

__all__ = ["left"]  # the fixture: S1 left teams.yaml with a draft of South's case (a copy of the config)
QA_LEAD = "U0QALEAD1"


def test_a_qa_lead_cancels_a_leavers_draft_after_a_yes_and_may_restore_it(left: tuple[dict[str, str], int]) -> None:
    environ, draft = left
    services = started(environ)
    try:
        engine = build_engine(services)
        with time_machine.travel(TUESDAY, tick=False):
            [asked] = engine.command(QA_LEAD, f"cancel {draft}", surface="terminal")
            assert store.get_audit(services.storage, draft).status == "draft"  # nothing yet: asked first
            yes = next(c for c in asked.choices if c.label == "Yes, cancel it")
            [done] = engine.action(QA_LEAD, yes.action, yes.value)
            cancelled = store.get_audit(services.storage, draft)
            home = flat("\n".join(f"{r.title or ''} {r.text}" for r in engine.command("U0ADMIN01", "home")))
            [back] = engine.command(QA_LEAD, f"restore {draft}", surface="terminal")
        restored = store.get_audit(services.storage, draft).status
        trail = services.storage.db.execute("SELECT actor, detail FROM trail WHERE action = 'audit.cancelled'"
                                            ).fetchall()
    finally:
        services.storage.close()
    assert "Cancel draft" in asked.text and "Social worker S1 (left)" in asked.text
    assert cancelled.status == "cancelled"
    assert f"Draft #{draft} (CR-100400) of Social worker S1 (left) is cancelled: it counts nowhere" in done.text
    assert [(actor, json.loads(detail)) for actor, detail in trail] == [(QA_LEAD, {"audit": draft, "leaver": S1})]
    assert f"Draft #{draft} (CR-100400) belongs to" not in home  # no longer a dead end on Home
    assert "is a draft again" in back.text
    assert restored == "draft"


def test_a_manager_may_not_cancel_a_leavers_draft(left: tuple[dict[str, str], int]) -> None:
    environ, draft = left
    services = started(environ)
    try:
        engine = build_engine(services)
        with time_machine.travel(TUESDAY, tick=False):
            [refused] = engine.command("U0MGRS001", f"cancel {draft}", surface="terminal")
        status = store.get_audit(services.storage, draft).status
    finally:
        services.storage.close()
    assert "an admin or QA lead may cancel a draft only when its auditor has left" in refused.text
    assert status == "draft"


def test_health_says_an_admin_or_qa_lead_can_cancel_a_leavers_draft(left: tuple[dict[str, str], int]) -> None:
    environ, draft = left
    out = flat(run_cli(environ, "health").out)
    assert (f"who is no longer in teams.yaml, so nobody can finish it: an admin or QA lead can cancel it with "
            f"`cancel {draft}`") in out
    assert "unless they are put back in teams.yaml" not in out


def cancel_then(left: tuple[dict[str, str], int], typed: str) -> tuple[str, str, int]:
    """`cancel N` typed by the QA lead in a DM on Tuesday, then `typed`: the reply to it, the draft's status after
    and its number."""
    environ, draft = left
    services = started(environ)
    try:
        engine = build_engine(services)
        with time_machine.travel(TUESDAY, tick=False):
            engine.message(QA_LEAD, f"cancel {draft}", surface="dm")
            [reply] = engine.message(QA_LEAD, typed, surface="dm")
        return reply.text, store.get_audit(services.storage, draft).status, draft
    finally:
        services.storage.close()


@pytest.mark.parametrize("typed", ["yes", "y", "yes cancel it", "Yes, cancel it"])
def test_a_typed_yes_confirms_cancelling_a_leavers_draft_as_the_button_does(left: tuple[dict[str, str], int],
                                                                          typed: str) -> None:
    done, status, draft = cancel_then(left, typed)
    assert f"Draft #{draft} (CR-100400) of Social worker S1 (left) is cancelled" in done
    assert status == "cancelled"


@pytest.mark.parametrize(("typed", "said"), [
    ("no", "OK, draft #{draft} is not cancelled."),
    ("ok", "To cancel draft #{draft}, type `yes` (or press **Yes, cancel it**); nothing has been cancelled."),
])
def test_a_typed_no_or_ok_leaves_a_leavers_draft_a_draft(left: tuple[dict[str, str], int], typed: str,
                                                          said: str) -> None:
    reply, status, draft = cancel_then(left, typed)
    assert reply == said.format(draft=draft)
    assert status == "draft"
