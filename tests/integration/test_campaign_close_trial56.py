"""Trial 56: closing a campaign with a draft in progress (F4, F12), its report (F14), its sample asked after closing
with nothing submitted (F5), and a campaign DM held out of hours keeping its Start options when handed over (F11).
Shipped teams: North (manager U0MGRN001), South (U0MGRS001), Children in Care (U0MGRC001)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as answer_store
from bot.storage import campaigns as store
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit, next_input
from tests.integration.test_campaigns import QA, _send, create
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SOUTH = "U0MGRS001"


@pytest.fixture
def clock():
    """Wednesday 2 December 2026, 10:00: campaign `create` runs 1 to 11 December, so closing now is early."""
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _draft(engine: Engine, services: Services, campaign_id: int) -> tuple[int, list[Reply]]:
    """South's manager starts their case and answers a few steps: a draft in progress (its id, its last screen)."""
    [allocation] = store.allocations(services.storage, campaign_id, SOUTH)
    engine.action(SOUTH, "campaign.start", str(allocation.id), surface="terminal")
    replies, state = engine.message(SOUTH, "CR-600100", surface="terminal"), {}
    for _ in range(4):
        replies = _send(engine, SOUTH, *next_input(replies, state))
    [started] = store.allocations(services.storage, campaign_id, SOUTH)
    assert started.audit_id is not None and not started.submitted
    return started.audit_id, replies


def test_closing_early_names_the_draft_and_finishing_it_later_leaves_the_posted_report_true(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    audit_id, _ = _draft(engine, services, campaign_id)
    answered = len(answer_store.answers_of(services.storage, audit_id))
    assert answered
    [asked] = engine.command(QA, f"campaign close {campaign_id}", surface="terminal")
    assert (f"1 of them is in progress: audit #{audit_id}, {answered} answers; its auditor keeps the draft, as an "
            "ordinary audit outside the campaign.") in asked.text
    replies = engine.action(QA, "campaign.close_confirm", str(campaign_id), surface="terminal")
    [told] = [r for r in replies if r.to_user == SOUTH]
    assert ("the draft stays in `/audit resume`, to finish or cancel as you see fit, as an ordinary audit outside "
            "the campaign") in told.text
    [posted, *_] = [r for r in replies if r.to_user == QA and r.title and "report" in r.title]
    assert "closed early on Wednesday 2 December 2026" in flat(posted.text, "*")
    assert posted.image is None  # nothing submitted: no chart
    assert "Completion: 0 of 4" in flat(posted.text, "*")
    seen: list[Reply] = []

    def send(kind: str, payload: str) -> list[Reply]:
        seen.extend(out := _send(engine, SOUTH, kind, payload))
        return out

    complete_audit(send, engine.command(SOUTH, f"resume {audit_id}", surface="terminal"))
    [done] = [r for r in seen if f"Audit #{audit_id} is submitted" in r.text]
    assert ("closed before it was finished, so it counts as an ordinary audit, not in that campaign's report"
            in done.text)
    [report] = engine.command(QA, f"campaign {campaign_id} report", surface="terminal")
    assert "Completion: 0 of 4" in flat(report.text, "*")
    assert report.image is None


def test_sample_of_a_campaign_closed_with_nothing_submitted_says_it_has_none(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    [said] = engine.command(QA, f"campaign sample {campaign_id}", surface="terminal")
    assert said.kind == "error"
    assert f"Campaign {campaign_id} closed with no audit submitted, so it has no sample." in said.text
    assert "leave it to closing" not in said.text


def test_a_campaign_dm_held_overnight_keeps_its_start_options_when_handed_over(
        engine: Engine, services: Services, clock) -> None:
    clock.move_to(datetime(2026, 12, 2, 3, 0, tzinfo=LONDON))  # Wednesday 03:00: out of the managers' hours
    campaign_id = create(engine)
    clock.move_to(datetime(2026, 12, 2, 7, 30, tzinfo=LONDON))  # before 08:00: still held, handed over as they write
    replies = engine.message("U0MGRC001", "hello", surface="terminal")
    assert "While you were away" in replies[0].text
    [dm] = [r for r in replies if f"campaign mine {campaign_id}" in r.text]
    [allocation] = store.allocations(services.storage, campaign_id, "U0MGRC001")
    assert [c.label for c in dm.choices] == [f"Start allocation {allocation.id}"]
    view = TerminalView()
    shown = view.render(replies)
    assert f"1) Start allocation {allocation.id}" in shown
    assert [c.label for c in view.choices][:1] == [f"Start allocation {allocation.id}"]
