"""Backing out of a re-opened moderation keeps the earlier decision exactly as it was (trial 27: after `change
moderation 28`, `actually agree` and `no wait keep it as RI` went to the knowledge base, and `cancel` said the audit
"stays yours to moderate, and read-only for its auditor", whose `/audit show` said both "graded it RI" and "being
moderated… may take it over")."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_grade import AUDITOR, NEXT_WEEK, SOUTH, regraded  # noqa: F401 (fixture)
from tests.integration.test_moderation_change import TOO_HARSH, trail_kinds
from tests.support.text import flat

UNCHANGED = "Moderation of #{id} unchanged: Inadequate (your decision of Wednesday 2 December 2026)."


def moderations(services: Services, audit_id: int) -> list[tuple]:
    return [tuple(row.values()) for row in services.storage.db.query(
        "SELECT id, decided_at, agrees, grade, reason FROM moderations WHERE audit_id = ? ORDER BY id", [audit_id])]


def assert_kept_as_before(services: Services, audit_id: int, before: list[tuple]) -> None:
    """The audit is moderated under its earlier decision, untouched, and the re-opening is gone."""
    after = store.get_audit(services.storage, audit_id)
    assert (after.status, after.grade_of_record) == ("moderated", "inadequate")
    assert moderations(services, audit_id) == before
    assert "audit.moderation_reopen_closed" in trail_kinds(services)


def test_actually_agree_at_a_reopened_decision_is_agree(engine: Engine, services: Services,
                                                        regraded: int) -> None:  # noqa: F811
    with time_machine.travel(NEXT_WEEK, tick=False):
        engine.message(SOUTH, TOO_HARSH.format(id=regraded), surface="terminal")
        said = engine.message(SOUTH, "actually agree", surface="terminal")
    text = flat("\n".join(r.text for r in said))
    assert "You agree with **Good**. Why?" in text, text
    assert "agreement rate" not in text.lower()
    assert store.conversation(services.storage, SOUTH)["awaiting"] == "moderation_reason"


def test_keep_it_as_the_earlier_grade_keeps_the_decision(engine: Engine, services: Services,
                                                         regraded: int) -> None:  # noqa: F811
    before = moderations(services, regraded)
    with time_machine.travel(NEXT_WEEK, tick=False):
        engine.message(SOUTH, TOO_HARSH.format(id=regraded), surface="terminal")
        said = engine.message(SOUTH, "no wait keep it as inadequate", surface="terminal")
    assert said[0].text.startswith(UNCHANGED.format(id=regraded)), said[0].text
    [told] = [r for r in said if r.to_user == AUDITOR]
    assert "kept their moderation of your audit" in told.text and "no longer being moderated" in told.text
    assert_kept_as_before(services, regraded, before)


def test_cancel_at_a_reopened_moderation_closes_it_and_the_auditor_sees_it_finished(
        engine: Engine, services: Services, regraded: int) -> None:  # noqa: F811
    before = moderations(services, regraded)
    with time_machine.travel(NEXT_WEEK, tick=False):
        engine.message(SOUTH, TOO_HARSH.format(id=regraded), surface="terminal")
        engine.message(SOUTH, "disagree", surface="terminal")  # at the grade now: cancel leaves from there too
        said = engine.message(SOUTH, "cancel", surface="terminal")
        _, shown = drive(engine, [f"/audit show {regraded}"], user=AUDITOR)
    assert said[0].text.startswith(UNCHANGED.format(id=regraded)), said[0].text
    assert "stays yours to moderate" not in said[0].text
    assert_kept_as_before(services, regraded, before)
    text = flat(shown)
    assert "being moderated" not in text and "take it over" not in text, text
    assert "Status: moderated" in text
    assert store.conversation(services.storage, SOUTH).get("awaiting") is None


def test_pause_at_a_reopened_moderation_still_leaves_it_open(engine: Engine, services: Services,
                                                              regraded: int) -> None:  # noqa: F811
    with time_machine.travel(NEXT_WEEK, tick=False):
        engine.message(SOUTH, TOO_HARSH.format(id=regraded), surface="terminal")
        said = engine.message(SOUTH, "pause", surface="terminal")
    assert "stays yours to moderate" in said[0].text
    assert store.get_audit(services.storage, regraded).status == "in_moderation"


def test_keep_it_typed_at_why_after_actually_agree_keeps_the_decision_never_a_reason(
        engine: Engine, services: Services, regraded: int) -> None:  # noqa: F811
    """The trial's own order: `actually agree` (now Agree, so "Why?" is asked), then `no wait keep it as RI`."""
    before = moderations(services, regraded)
    with time_machine.travel(NEXT_WEEK, tick=False):
        engine.message(SOUTH, TOO_HARSH.format(id=regraded), surface="terminal")
        engine.message(SOUTH, "actually agree", surface="terminal")
        changed = engine.message(SOUTH, "actually disagree", surface="terminal")  # at "Why?": a change of mind
        said = engine.message(SOUTH, "no wait keep it as inadequate", surface="terminal")
    assert any("What grade would you give?" in r.text for r in changed), [r.text for r in changed]
    assert said[0].text.startswith(UNCHANGED.format(id=regraded)), said[0].text
    assert_kept_as_before(services, regraded, before)
