"""fix37g: a held chase claimed by a run whose process then died stayed `sending` for ever and was never sent, while
its manager believed the worker nudged. Now a claim not marked sent expires after ten minutes and the chase is
claimed again; a fresh claim is never sent twice; a chase Slack refuses is tried three times, then recorded failed
and its chaser told once; and retention removes settled held chases past the retention period."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import held_chases
from bot.storage.maintenance import apply_retention
from schedules.scheduler import build_scheduler
from schedules.senders import RecordingSender
from tests.support.action_rows import open_action

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"
OWNER = "U0PRAN001"
SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 0, tzinfo=LONDON)
WORDS = "(_Update the chronology_, audit #1, CR-100200)"  # beside its number (trial 43)


def monday(hour: int, minute: int) -> datetime:
    return datetime(2026, 12, 7, hour, minute, tzinfo=LONDON)


class RefusingSender(RecordingSender):
    """Slack refuses every DM to the owner (say their account is deactivated); the rest go."""

    def send(self, reply: Reply, label: str) -> bool:
        super().send(reply, label)
        return reply.to_user != OWNER


def held(engine: Engine, services: Services) -> int:
    _, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001")
    with time_machine.travel(SATURDAY_NIGHT, tick=False):
        engine.message(MANAGER, f"chase {action}", surface="terminal")
    return action


def to(sender: RecordingSender, user: str) -> list[str]:
    return [reply.text for label, reply in sender.sent if reply.to_user == user]


def state(services: Services) -> list[tuple]:
    return services.storage.db.execute("SELECT state, attempts FROM held_chases").fetchall()


def test_a_chase_claimed_by_a_process_that_died_goes_once_its_claim_expires(engine: Engine,
                                                                            services: Services) -> None:
    action = held(engine, services)
    assert len(held_chases.claim_due(services.storage, monday(8, 0))) == 1  # claimed, then the process died
    jobs = build_scheduler(services, RecordingSender(), holder="process-b").runner
    with time_machine.travel(monday(8, 9), tick=False):
        assert jobs.send_held() == 0  # the claim is fresh: it may be on its way, so not sent twice
    assert to(jobs.sender, OWNER) == []
    with time_machine.travel(monday(8, 11), tick=False):
        assert jobs.send_held() == 1
        assert jobs.send_held() == 0
    [nudge] = to(jobs.sender, OWNER)
    assert nudge.startswith(f"Team manager (North) asks about action {action}:")
    assert action_store.last_chase(services.storage, action) == (MANAGER, monday(8, 11))
    assert state(services) == [("sent", 2)]


def test_a_slow_run_whose_claim_was_taken_over_does_not_record_it_again(engine: Engine, services: Services) -> None:
    held(engine, services)
    [first] = held_chases.claim_due(services.storage, monday(8, 0))
    [second] = held_chases.claim_due(services.storage, monday(8, 11))
    assert held_chases.settle(services.storage, second, True, monday(8, 11)) is False
    assert held_chases.settle(services.storage, first, False, monday(8, 12)) is False
    assert state(services) == [("sent", 2)]


def test_a_chase_slack_refuses_is_tried_three_times_then_its_chaser_told_once(engine: Engine,
                                                                             services: Services) -> None:
    action = held(engine, services)
    jobs = build_scheduler(services, RefusingSender(), holder="process-a").runner
    for minute in (0, 5, 11, 20):
        with time_machine.travel(monday(8, minute), tick=False):
            assert jobs.send_held() == 0
        assert to(jobs.sender, MANAGER) == []  # not yet: it is still being tried
    with time_machine.travel(monday(8, 22), tick=False):
        assert jobs.send_held() == 0
    assert len(to(jobs.sender, OWNER)) == 3  # 08:00, 08:11, 08:22
    [told] = to(jobs.sender, MANAGER)
    assert told == (f"Your held chase of action {action} {WORDS} could not be delivered to Social worker "
                    f"N1: Slack refused "
                    f"it 3 times, so they have not been nudged. Type `chase {action}` to try again, or tell them "
                    "yourself.")
    for moment in (monday(8, 44), monday(12, 0), datetime(2026, 12, 8, 8, 0, tzinfo=LONDON)):
        with time_machine.travel(moment, tick=False):
            assert jobs.send_held() == 0
    assert len(to(jobs.sender, OWNER)) == 3 and len(to(jobs.sender, MANAGER)) == 1
    assert state(services) == [("failed", 3)]
    assert action_store.last_chase(services.storage, action) is None


def test_retention_removes_settled_held_chases_past_the_period_and_keeps_waiting_ones(engine: Engine,
                                                                                    services: Services) -> None:
    sent = held(engine, services)
    jobs = build_scheduler(services, RecordingSender(), holder="process-a").runner
    with time_machine.travel(monday(8, 0), tick=False):
        assert jobs.send_held() == 1
    waiting = held(engine, services)  # a second action's chase, held for a later morning
    services.storage.db.execute("UPDATE held_chases SET send_at = '2040-01-01T08:00:00Z' WHERE action_id = ?",
                                [waiting])
    services.storage.db.execute("UPDATE audits SET updated_at = '2039-06-01T10:00:00Z'")  # the audits stay
    apply_retention(services.storage, datetime(2033, 1, 1, tzinfo=LONDON))
    rows = services.storage.db.execute("SELECT action_id, state FROM held_chases").fetchall()
    assert rows == [(waiting, "held")]
    assert services.storage.db.execute("SELECT COUNT(*) FROM actions WHERE id IN (?, ?)", [sent, waiting]).fetchone() \
        == (2,)
