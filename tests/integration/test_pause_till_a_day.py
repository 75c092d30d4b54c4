"""Trial 45: the confirmation of "pause reminders till monday" leads with the day they start again, then the last day
away, and the other reading in one line (fix48e). fix50b (trial 49 F16): "until <day>" has one reading everywhere
(bot.reminders.feature.until_words): the day is the last day away, as `/audit away until monday` reads it, so the
pause keeps Monday and reminders start again on Tuesday. Clock pinned to a working day and to a Friday evening."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.reminders import away_period
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 9, 10, 0, tzinfo=LONDON)
FRIDAY_EVENING = datetime(2026, 12, 11, 18, 30, tzinfo=LONDON)
MONDAY = date(2026, 12, 14)
WORKER = "U0PRAN001"


@pytest.mark.parametrize("now", [WEDNESDAY, FRIDAY_EVENING], ids=["working day", "friday evening"])
@pytest.mark.parametrize("typed", ["pause reminders till monday", "pause my reminders until monday",
                                   "pause reminders till 14 december", "stop my reminders till mon"])
def test_till_a_day_keeps_that_day_as_the_last_day_away_and_says_when_they_start_again_first(
        engine: Engine, services: Services, now: datetime, typed: str) -> None:
    with time_machine.travel(now, tick=False):
        replies = engine.message(WORKER, typed, surface="terminal")
    said = flat("\n".join(reply.text for reply in replies))
    assert said.startswith("Reminders paused: they start again on Tuesday 15 December 2026; you are away to Monday "
                           "14 December 2026 (your last day away). Back on Monday instead? Type "
                           "`/audit away back on 14/12`."), said
    stored = away_period(services.storage, WORKER)
    assert stored is not None and stored[1] == MONDAY


SUNDAY = datetime(2026, 12, 13, 17, 0, tzinfo=LONDON)
SATURDAY = datetime(2026, 12, 12, 11, 0, tzinfo=LONDON)


@pytest.mark.parametrize("now", [SATURDAY, SUNDAY], ids=["saturday", "sunday"])
def test_a_pause_over_a_weekend_only_says_no_reminders_go_out_then_anyway(engine: Engine, services: Services,
                                                                        now: datetime) -> None:
    """Trial 46, F16: a pause at a weekend over days with no reminders said "Reminders paused…" though it paused
    nothing; the pause is kept, and the reply says no reminders go out at weekends anyway, and from when they start
    again (fix50b: `till sunday` is such a pause now, Sunday the last day away)."""
    with time_machine.travel(now, tick=False):
        replies = engine.message(WORKER, "pause reminders till sunday", surface="terminal")
    said = flat("\n".join(reply.text for reply in replies))
    assert said.startswith("No reminders go out at weekends anyway: they start again on Monday 14 December 2026. "
                           "I've noted you away to Sunday 13 December 2026 (your last day away) all the same."), said
    # back on Sunday books Saturday on a Saturday; typed on the Sunday it would book nothing (trial 61 G5)
    offered = "Back on Sunday instead? Type `/audit away back on 13/12`." in said
    assert offered == (now == SATURDAY), said
    stored = away_period(services.storage, WORKER)
    assert stored is not None and stored[1] == MONDAY - timedelta(days=1)


def test_away_until_monday_keeps_monday_as_the_last_day_says_both_dates_and_how_to_be_back_on_it(
        engine: Engine, services: Services) -> None:
    """fix48e: `/audit away until monday` keeps Monday the last day away (unchanged), but says both dates, and the
    line it offers makes Monday the day back instead, in one go."""
    with time_machine.travel(WEDNESDAY, tick=False):
        said = flat("\n".join(r.text for r in engine.command(WORKER, "away until monday", surface="terminal")))
        stored = away_period(services.storage, WORKER)
        assert stored is not None and stored[1] == MONDAY
        assert said.startswith("Reminders paused: they start again on Tuesday 15 December 2026; you are away to "
                               "Monday 14 December 2026 (your last day away). Back on Monday instead? Type "
                               "`/audit away back on 14/12`."), said
        engine.command(WORKER, "away back on 14/12", surface="terminal")
    stored = away_period(services.storage, WORKER)
    assert stored is not None and stored[1] == MONDAY - timedelta(days=1)


@pytest.mark.parametrize("typed", ["im off today", "away until today", "pause my reminders until today"])
def test_off_today_offers_no_back_on_today_which_would_book_nothing(engine: Engine, services: Services,
                                                                   typed: str) -> None:
    """Trial 61 (G5): `im off today` on a Monday offered "Back on Monday instead? Type `/audit away back on 7/12`",
    today: it would book nothing."""
    with time_machine.travel(datetime(2026, 12, 7, 14, 0, tzinfo=LONDON), tick=False):
        said = flat(engine.message(WORKER, typed, surface="terminal")[0].text)
    assert said.startswith("Reminders paused: they start again on Tuesday 8 December 2026; you are away to Monday 7 "
                           "December 2026 (your last day away). `/audit away off` turns them back on sooner."), said
    assert "Back on" not in said
