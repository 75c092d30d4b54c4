"""fix44d: every DM someone else's turn sends a worker out of her working hours waits for them, as her audit's
summary does (fix43f): an action removed and a moderation outcome went at once at 11pm. Each is held and goes at the
start of her next working hours, one message each, in the order they were held; the one who caused it is told when."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.audits import held_dms
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_wording import submitted_audit
from tests.support.action_rows import open_action
from tests.support.posted import posted
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
THURSDAY_MORNING = datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)
THURSDAY_NIGHT = datetime(2026, 12, 3, 23, 0, tzinfo=LONDON)
FRIDAY_EARLY, FRIDAY_START = (datetime(2026, 12, 4, 7, 59, tzinfo=LONDON),
                              datetime(2026, 12, 4, 8, 0, tzinfo=LONDON))
MANAGER, WORKER, MODERATOR = "U0MGRN001", "U0PRAN001", "U0MGRS001"
HELD = ("Held: it is out of Social worker N1's working hours, so they get the message about this at 08:00 on Friday "
        "4 December, the start of their working hours, or sooner if they use the bot before then.")


def removed(engine: Engine, action_id: int) -> list[Reply]:
    engine.message(MANAGER, f"remove action {action_id}")
    return engine.message(MANAGER, "yes")


def to_worker(replies: list[Reply]) -> list[Reply]:
    return [reply for reply in replies if reply.to_user == WORKER]


def due(services: Services, at: datetime) -> list[str]:
    going = held_dms.due_outgoing(services, at)
    for dm, _ in going:
        held_dms.settle(services, dm, True, at)
    return [flat(reply.text) for _, outgoing in going for reply in outgoing.replies]


def test_actions_removed_at_night_reach_the_worker_at_the_start_of_her_hours_in_order(
        engine: Engine, services: Services) -> None:
    first = open_action(services.storage, date(2026, 12, 18))[1]
    second = open_action(services.storage, date(2026, 12, 19), case_ref="CR-100300")[1]
    with time_machine.travel(THURSDAY_NIGHT, tick=False):
        said = [removed(engine, first), removed(engine, second)]
    for replies in said:
        assert to_worker(replies) == []
        assert HELD in [flat(reply.text) for reply in replies]
    assert due(services, FRIDAY_EARLY) == []
    morning = due(services, FRIDAY_START)
    assert [f"removed action {first} " in text for text in morning] == [True, False]
    assert [f"removed action {second} " in text for text in morning] == [False, True]
    assert morning[0].startswith("Team manager (North) removed action")
    assert due(services, FRIDAY_START) == []  # sent once


def test_a_moderation_outcome_at_night_waits_for_the_worker(engine: Engine, services: Services) -> None:
    with time_machine.travel(THURSDAY_MORNING, tick=False):
        audit_id = submitted_audit(engine, services, MANAGER)
    with time_machine.travel(THURSDAY_NIGHT, tick=False):
        replies = [reply for line in [f"moderate {audit_id}", "disagree", "requires improvement",
                                      "The child's own words are missing from the plan.", "skip"]
                   for reply in engine.message(MODERATOR, line)]
    assert to_worker(replies) == []
    assert HELD in [flat(reply.text) for reply in replies]
    assert any(f"#{audit_id}" in text for text in due(services, FRIDAY_START))


def test_in_her_hours_the_worker_is_told_at_once(engine: Engine, services: Services) -> None:
    action_id = open_action(services.storage, date(2026, 12, 18))[1]
    with time_machine.travel(THURSDAY_MORNING, tick=False):
        replies = removed(engine, action_id)
    assert [flat(reply.text).startswith("Team manager (North) removed action") for reply in to_worker(replies)] == [
        True]
    assert due(services, FRIDAY_START) == []


def test_the_held_line_says_she_gets_it_sooner_if_she_uses_the_bot_and_she_does(
        engine: Engine, services: Services) -> None:
    """Trial 52 F13: told "held until 08:00", the worker had it on opening the chat at night; the line now says so."""
    action = open_action(services.storage, date(2026, 12, 18))[1]
    with time_machine.travel(THURSDAY_NIGHT, tick=False):
        told = [flat(reply.text) for reply in removed(engine, action)]
    assert HELD in told and "or sooner if they use the bot before then" in HELD
    with time_machine.travel(THURSDAY_NIGHT.replace(minute=30), tick=False):
        here = [flat(reply.text) for reply in posted(engine.message(WORKER, "my actions"))]
    assert here[0].startswith("While you were away: 1 message was waiting for you.")
    assert any(f"removed action {action} " in text for text in here)
    assert due(services, FRIDAY_START) == []  # already hers: the morning run sends nothing again
