"""fix74b (B1): a team digest held while its manager was away (trial 60 F16) came without the trend chart an ordinary
digest has. It now comes with it, whether the scheduler's run sends it on her first working morning back or she uses
the bot first, and the chart is counted with its digest, not as a message of its own. The clock is frozen at each
step of Christmas leave, 21 December to 3 January."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.integration.test_trial60_digest_while_away import (
    NORTH,
    WEEK_52,
    at,
    booked_over_christmas,
    digest_run_while_away,
)

TREND = "North Assessment Team: 12-week trend"


def test_the_held_digest_comes_back_with_its_chart_as_an_ordinary_one(services: Services, engine: Engine) -> None:
    ordinary = [reply for _, reply in digest_run_while_away(services).sent if reply.to_user == NORTH]
    services.storage.db.execute("DELETE FROM sends")  # the same week's run again, this time while she is away
    booked_over_christmas(engine)
    sender = digest_run_while_away(services)
    assert all(reply.to_user != NORTH for _, reply in sender.sent)
    with at(2027, 1, 4, 8):
        JobRunner(services, sender, holder="process-a").send_held()
    held = [reply for _, reply in sender.sent if reply.to_user == NORTH]
    assert [reply.title for reply in held] == [reply.title for reply in ordinary] == [WEEK_52, TREND]
    assert held[1].image is not None and held[1].image.startswith(b"\x89PNG")
    assert held[1].image_name == ordinary[1].image_name == "audit-trend-north-assessment-2026-W52.png"
    assert held[0].note is not None and held[0].note == (
        "Audit digest from audit-bot, held for your time away (to Sunday 3 January 2027). `/audit digest` shows the "
        "latest at any time.")
    assert held[1].note is None


def test_used_on_her_return_the_digest_and_its_chart_are_one_message_waiting(services: Services,
                                                                           engine: Engine) -> None:
    booked_over_christmas(engine)
    digest_run_while_away(services)
    with at(2027, 1, 4, 7, 30):
        home = {section.title: section.text for section in home_sections(engine, services, NORTH)}
        replies = engine.message(NORTH, "my reminders", surface="terminal")
    assert home["Waiting for you"].startswith("1 message is waiting for you")
    assert replies[0].text == "While you were away: 1 message was waiting for you."
    assert [reply.title for reply in replies[1:3]] == [WEEK_52, TREND]
    assert replies[2].image is not None and replies[2].image.startswith(b"\x89PNG")
    with at(2027, 1, 4, 8):  # handed over, so the run at her time sends none of it again
        sender = RecordingSender()
        assert JobRunner(services, sender, holder="process-a").send_held() == 0
