"""Trial 48, F8, in Slack: `pause my reminders` got the help entry on pausing them. Now it asks "Until when?", and the
next message, the last day away (fix50b), pauses them; `cancel` there leaves them on. Clock pinned to a working day."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage.reminders import away_period
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 9, 10, 0, tzinfo=LONDON)
MONDAY = date(2026, 12, 14)
MANAGER = "U0MGRN001"


def test_pause_my_reminders_asks_until_when_then_pauses_them(bot: RunningBot, standin, services: Services) -> None:
    person = SlackPerson(bot, standin, MANAGER)
    with time_machine.travel(WEDNESDAY, tick=False):
        asked = person.send("type", "pause my reminders")
        assert asked[0].text.startswith("Until when? Type your last day away")
        assert "How do I pause reminders" not in " ".join(reply.text for reply in asked)
        paused = person.send("type", "monday")
    assert paused[0].text.startswith("Reminders paused: they start again on Tuesday 15 December 2026; you are away to "
                                     "Monday 14 December 2026")  # fix50b: `until` read one way (feature.until_words)
    stored = away_period(services.storage, MANAGER)
    assert stored is not None and stored[1] == MONDAY


def test_remind_me_is_told_it_cannot_in_slack(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = SlackPerson(bot, standin, MANAGER).send("type", "remind me on friday to audit another case")
    said = " ".join(reply.text for reply in replies)
    assert said.startswith("I can't help with that here: I can't set personal reminders"), said
    assert "The reminders I do send are about your audit work" in said and "How do I pause reminders" not in said


def test_off_today_in_slack_offers_no_back_on_today(bot: RunningBot, standin, services: Services) -> None:
    """Trial 61 (G5): `im off today` on Monday 7 December offered `/audit away back on 7/12`, which books nothing."""
    with time_machine.travel(datetime(2026, 12, 7, 14, 0, tzinfo=LONDON), tick=False):
        said = flat(SlackPerson(bot, standin, "U0PRAN001").send("type", "im off today")[0].text)
    assert said.startswith("Reminders paused: they start again on Tuesday 8 December 2026; you are away to Monday 7 "
                           "December 2026 (your last day away)."), said
    assert "Back on" not in said and "away back on" not in said
    stored = away_period(services.storage, "U0PRAN001")
    assert stored is not None and stored[1] == date(2026, 12, 7)
