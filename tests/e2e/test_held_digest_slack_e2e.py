"""fix74b, through the real Slack stack with signed requests and the Slack stand-in: a team manager away from 21
December to 3 January has week 52's digest held (trial 60 F16). B1: it reaches her DM on her first working morning
back with its trend chart uploaded, as an ordinary digest is. B2: week 53's digest, due that Monday at 09:00, reaches
her DM after week 52's, even when the bot was down at 08:00 and started after 09:00. The clock is frozen at each
step."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage.reminders import set_away
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.support.slack_standin import dm_channel_for

LONDON = ZoneInfo("Europe/London")
NORTH = "U0MGRN001"


def slack_runner(bot: RunningBot, services: Services) -> JobRunner:
    """The scheduler's runner posting through the bot's own Slack delivery, as `audit-bot serve` does."""
    from handlers.delivery import SlackDelivery

    delivery = SlackDelivery(bot.app.client)
    return JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                     holder="process-a")


def away_over_christmas(services: Services) -> None:
    set_away(services.storage, NORTH, date(2027, 1, 3), "U0MGRS001", datetime(2026, 12, 18, 15, tzinfo=LONDON),
             starts=date(2026, 12, 21))


def test_the_held_digest_reaches_her_dm_with_its_trend_chart(bot: RunningBot, standin, services: Services) -> None:
    away_over_christmas(services)
    runner = slack_runner(bot, services)
    with time_machine.travel(datetime(2026, 12, 29, 9, tzinfo=LONDON), tick=False):
        runner.fire("weekly_digest")
    channel = dm_channel_for(NORTH)
    assert not [c for c in standin.calls if channel in (c.params.get("channel"), c.params.get("channel_id"))]
    with time_machine.travel(datetime(2027, 1, 4, 8, tzinfo=LONDON), tick=False):
        assert runner.send_held() == 2  # the digest and its chart
    [posted] = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == channel]
    assert "North Assessment Team: week 52, 21 Dec to 27 Dec 2026" in str(posted.params["blocks"])
    assert "held for your time away (to Sunday 3 January 2027)" in str(posted.params["blocks"])
    [chart] = [c for c in standin.wait_for("files.completeUploadExternal") if c.params.get("channel_id") == channel]
    assert "North Assessment Team: 12-week trend" in chart.params["initial_comment"]


def test_started_late_on_her_first_morning_back_her_dm_has_week_52_then_week_53(bot: RunningBot, standin,
                                                                              services: Services) -> None:
    away_over_christmas(services)
    runner = slack_runner(bot, services)
    with time_machine.travel(datetime(2026, 12, 29, 9, tzinfo=LONDON), tick=False):
        runner.fire("weekly_digest")
    with time_machine.travel(datetime(2027, 1, 4, 9, 5, tzinfo=LONDON), tick=False):
        runner.fire("weekly_digest")  # the start's missed run, then what is held, as BackgroundJobs.start does
        runner.send_held()
    channel = dm_channel_for(NORTH)
    posted = [str(c.params["blocks"]) for c in standin.calls_to("chat.postMessage") if c.params["channel"] == channel]
    weeks = [week for text in posted for week in ("week 52, 21 Dec to 27 Dec 2026", "week 53, 28 Dec to 3 Jan 2027")
             if week in text]
    assert weeks == ["week 52, 21 Dec to 27 Dec 2026", "week 53, 28 Dec to 3 Jan 2027"]
    assert "held to come after the digest held for your time away" in posted[1]
    uploads = standin.calls_to("files.completeUploadExternal")
    assert [c.params.get("channel_id") for c in uploads].count(channel) == 2  # each week's trend chart

