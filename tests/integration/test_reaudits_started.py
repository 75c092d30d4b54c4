"""Trial 41 (South manager, items 9 and 15): re-audits were hard to start. `any reaudits due for my lot` got the
guidance entry; the list and Home offered only *View #N*, so `reaudit CR-…` had to be guessed; and `whats S1 got
overdue` suggested "corporate parenting principles"."""

from __future__ import annotations

from datetime import timedelta

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.integration.test_reaudits import NORTH_MANAGER, NORTH_WORKER, SUBMITTED, Cases, at, text
from tests.support.audit_rows import add_action, insert_audit

LATER = SUBMITTED + timedelta(weeks=7)  # an Inadequate submitted at SUBMITTED is overdue (due after 6 weeks)


def _choices(replies: list[Reply]) -> list[tuple[str, str, str]]:
    return [(c.label, c.action, c.value) for r in replies for c in r.choices]


def test_any_reaudits_due_for_my_lot_lists_my_teams(engine: Engine, services: Services) -> None:
    Cases(services).audit("CR-100030", "inadequate", SUBMITTED)
    with at(LATER):
        said = text(engine.message(NORTH_MANAGER, "any reaudits due for my lot", surface="terminal"))
        worker = text(engine.message(NORTH_WORKER, "are there any re-audits overdue in my team?", surface="terminal"))
    assert said.startswith("**Re-audits due in your teams' cases**") and "CR-100030" in said, said
    assert worker.startswith("**Re-audits due in your audits and your cases**") and "CR-100030" in worker, worker


def test_the_list_and_home_offer_start_re_audit_which_starts_it(engine: Engine, services: Services) -> None:
    audit = Cases(services).audit("CR-100031", "inadequate", SUBMITTED)
    with at(LATER):
        listed = engine.message(NORTH_MANAGER, "reaudits team", surface="terminal")
        home = [reply for reply in home_sections(engine, services, NORTH_MANAGER) if reply.title == "Re-audits due"]
        worker = engine.message(NORTH_WORKER, "reaudits", surface="terminal")
        started = text(engine.action(NORTH_MANAGER, "reaudit.start", "CR-100031", surface="terminal"))
    start = ("Start re-audit CR-100031", "reaudit.start", "CR-100031")
    assert _choices(listed) == [(f"View #{audit}", "audit.view", str(audit)), start], _choices(listed)
    assert _choices(home) == [start], _choices(home)
    assert start not in _choices(worker)  # the worker of the case never re-audits it
    assert "Starting the re-audit of CR-100031" in started and "Whose case is it?" in started, started


def test_whats_s1_got_overdue_lists_their_overdue_actions_for_their_manager(engine: Engine, services: Services) -> None:
    with at(LATER):
        audit = insert_audit(services.storage, "CR-100032", LATER - timedelta(days=3), worker=NORTH_WORKER)
        add_action(services.storage, audit, LATER - timedelta(days=3))  # N1's, due 31 Jan 2020
        said = text(engine.message(NORTH_MANAGER, "whats N1 got overdue", surface="terminal"))
        apostrophe = text(engine.message(NORTH_MANAGER, "what's sw n1 got overdue?", surface="terminal"))
    assert said.startswith("Social worker N1's overdue actions (1):") and "CR-100032" in said, said
    assert apostrophe == said
