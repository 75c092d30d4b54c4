"""fix50b (trial 49 F17): `digest` on a Sunday evening gave last week (week 48) and left out the audit submitted that
day. Once the working week is over (a Saturday or Sunday), `digest` gives the week ending this Sunday and says so;
on a working day it is last week's, as Monday's digest; `digest last week` is always last week's and `digest this
week` the week under way. fix53c: a Friday after working hours
(the service's quiet_hours, 18:00) is the end of the working week too. Clock frozen on a Monday morning, a
Wednesday, a Friday afternoon and evening and a Sunday evening of week 49 (Monday 30 November to Sunday 6
December)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows
from tests.support.kb_helpers import all_text

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"
LAST_WEEKS = ("This is last week's digest. Audits submitted since Monday are in next week's: `/audit digest this "
              "week` shows the week so far.")
THIS_WEEKS = ("This is this week's digest, to today: the working week is over. `/audit digest last week` gives "
              "last week's.")
MONDAY_MORNING = datetime(2026, 11, 30, 9, tzinfo=LONDON)
WEDNESDAY = datetime(2026, 12, 2, 13, tzinfo=LONDON)
FRIDAY_AFTERNOON = datetime(2026, 12, 4, 16, tzinfo=LONDON)  # inside the working hours (quiet_hours 08:00-18:00)
FRIDAY_EVENING = datetime(2026, 12, 4, 19, tzinfo=LONDON)  # after them: the working week is over
SUNDAY_EVENING = datetime(2026, 12, 6, 21, tzinfo=LONDON)


def _audits_in_week_49(services: Services) -> None:
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 11, 30, 8, 30, tzinfo=LONDON))  # before Monday's ask
    rows.audit(submitted=datetime(2026, 12, 6, 20, tzinfo=LONDON))  # the Sunday evening's


@pytest.mark.parametrize("now", [MONDAY_MORNING, WEDNESDAY, FRIDAY_AFTERNOON],
                         ids=["monday morning", "wednesday", "friday afternoon"])
def test_on_a_working_day_digest_is_last_weeks(services: Services, engine: Engine, now: datetime) -> None:
    _audits_in_week_49(services)
    with time_machine.travel(now, tick=False):
        replies = engine.command(MANAGER, "digest")
    assert "23 Nov to 29 Nov 2026" in all_text(replies)
    assert replies[-1].text == LAST_WEEKS


def test_on_a_sunday_evening_digest_is_the_week_ending_today_with_todays_audit(services: Services,
                                                                                engine: Engine) -> None:
    _audits_in_week_49(services)
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        default = engine.command(MANAGER, "digest")
        last = engine.command(MANAGER, "digest last week")
        in_words = engine.message(MANAGER, "last week's digest")
        this = engine.command(MANAGER, "digest this week")
    assert "30 Nov to 6 Dec 2026" in all_text(default)
    assert "**Audits completed**: 2 this week" in all_text(default), all_text(default)
    assert default[-1].text == THIS_WEEKS
    for replies in (last, in_words):
        assert "23 Nov to 29 Nov 2026" in all_text(replies)
        assert replies[-1].text == LAST_WEEKS
    assert "**Audits completed**: 2 this week" in all_text(this)


def _audits_to_friday(services: Services) -> None:
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 11, 30, 8, 30, tzinfo=LONDON))
    rows.audit(submitted=datetime(2026, 12, 4, 15, tzinfo=LONDON))  # Friday afternoon's


def test_on_a_friday_afternoon_this_week_is_the_week_so_far_with_todays_audit(services: Services,
                                                                              engine: Engine) -> None:
    """fix53c: working time is left on a Friday at 16:00, so `digest` stays last week's; `digest this week` is the
    week so far, counted to today, with the audit submitted an hour ago."""
    _audits_to_friday(services)
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        default = engine.command(MANAGER, "digest")
        this = engine.command(MANAGER, "digest this week")
    assert "23 Nov to 29 Nov 2026" in all_text(default) and default[-1].text == LAST_WEEKS
    assert "30 Nov to 4 Dec 2026 (so far)" in all_text(this), all_text(this)
    assert "**Audits completed**: 2 this week" in all_text(this), all_text(this)


def test_on_a_friday_evening_digest_is_this_weeks_as_on_a_weekend(services: Services, engine: Engine) -> None:
    """fix53c: `digest` on a Friday at 19:00, after the service's working hours (quiet_hours, as held DMs keep), gave
    last week's; the working week is over, so it is this week's, that afternoon's audit in it, and says so."""
    _audits_to_friday(services)
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        default = engine.command(MANAGER, "digest")
        last = engine.command(MANAGER, "digest last week")
    assert "30 Nov to 4 Dec 2026" in all_text(default), all_text(default)
    assert "**Audits completed**: 2 this week" in all_text(default), all_text(default)
    assert default[-1].text == THIS_WEEKS
    assert "23 Nov to 29 Nov 2026" in all_text(last) and last[-1].text == LAST_WEEKS


def test_the_help_names_this_week_and_last_week(engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        said = all_text(engine.command(MANAGER, "help digest"))
    assert "this week" in said and "last week" in said, said
