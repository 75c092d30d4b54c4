"""fix74b (B2): a team manager away 21 December to 3 January has week 52's digest held for the start of her first
working morning back, Monday 4 January (trial 60 F16). Week 53's digest (28 December to 3 January) is due that same
Monday at 09:00 and she is back, so it went at once, and could reach her before week 52's: when the bot was down at
08:00 and started later (its start makes the missed digest run, then sends what is held), or when her own working
hours start after 09:00. A digest for someone with a digest still held for them now waits behind it, so she reads
week 52 then week 53, however they reach her. The clock is frozen at each step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.integration.test_trial60_digest_while_away import (
    NORTH,
    SOUTH,
    WEEK_52,
    at,
    booked_over_christmas,
    digest_run_while_away,
)

WEEK_53 = "North Assessment Team: week 53, 28 Dec to 3 Jan 2027"


def titles_to(sender: RecordingSender, user: str) -> list[str]:
    return [reply.title or "" for _, reply in sender.sent if reply.to_user == user and reply.image is None]


def test_started_late_on_her_first_morning_back_she_gets_week_52_before_week_53(services: Services,
                                                                              engine: Engine) -> None:
    booked_over_christmas(engine)
    digest_run_while_away(services)
    sender = RecordingSender()
    with at(2027, 1, 4, 9, 5):  # down at 08:00; the start makes the missed run, then sends what is held
        runner = JobRunner(services, sender, holder="process-a")
        runner.fire("weekly_digest")
        runner.send_held()
    assert titles_to(sender, NORTH) == [WEEK_52, WEEK_53]
    assert titles_to(sender, SOUTH) == ["South Child in Need and Protection: week 53, 28 Dec to 3 Jan 2027"]
    [week_53] = [reply for _, reply in sender.sent if reply.title == WEEK_53 and reply.to_user == NORTH]
    assert week_53.note == ("Audit digest from audit-bot, held to come after the digest held for your time away, so "
                            "you read the weeks in order. `/audit digest` shows the latest at any time.")


@pytest.fixture
def starting_at_ten(config_dir: Path, environ: dict[str, str]) -> Iterator[Services]:
    """Services where North's manager has her own `working_hours: '10:00-16:00'` in teams.yaml."""
    from bot.settings.config import load_settings

    teams = config_dir / "teams.yaml"
    manager = "{user: U0MGRN001, name: Team manager (North), role: manager, audit_target: 2"
    teams.write_text(teams.read_text().replace(manager, f"{manager}, working_hours: '10:00-16:00'", 1))
    services = build_services(load_settings(environ))
    yield services
    services.storage.close()


def test_with_her_hours_starting_at_ten_week_53_waits_with_week_52(starting_at_ten: Services) -> None:
    services = starting_at_ten
    booked_over_christmas(build_engine(services))
    digest_run_while_away(services)
    sender = RecordingSender()
    runner = JobRunner(services, sender, holder="process-a")
    with at(2027, 1, 4, 9):
        runner.fire("weekly_digest")
        runner.send_held()
    assert titles_to(sender, NORTH) == []
    with at(2027, 1, 4, 10):
        runner.send_held()
    assert titles_to(sender, NORTH) == [WEEK_52, WEEK_53]


def test_using_the_bot_that_morning_hands_both_over_in_week_order(services: Services, engine: Engine) -> None:
    booked_over_christmas(engine)
    digest_run_while_away(services)
    with at(2027, 1, 4, 9, 5):
        JobRunner(services, RecordingSender(), holder="process-a").fire("weekly_digest")
    with at(2027, 1, 4, 9, 30):
        replies = engine.message(NORTH, "my reminders", surface="terminal")
    assert replies[0].text == "While you were away: 2 messages were waiting for you."
    assert [reply.title for reply in replies[1:] if reply.title and reply.image is None][:2] == [WEEK_52, WEEK_53]


def test_with_nothing_held_week_53_comes_at_once(services: Services) -> None:
    sender = RecordingSender()
    with at(2027, 1, 4, 9):
        JobRunner(services, sender, holder="process-a").fire("weekly_digest")
    assert titles_to(sender, NORTH) == [WEEK_53]
    assert next(reply.note for _, reply in sender.sent if reply.title == WEEK_53) == (
        "Audit digest from audit-bot. `/audit digest` shows it again at any time.")
