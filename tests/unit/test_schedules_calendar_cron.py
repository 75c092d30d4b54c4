"""Working days, check days and the cron text people write in settings.yaml."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.calendar import (
    add_working_days,
    is_working_day,
    mid_month_check_day,
    month_end_check_day,
    next_working_day,
    working_days_between,
)
from bot.settings.config import ConfigError, load_settings
from bot.settings.cron import ScheduleError, parse_cron

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("day", "working"), [
    (date(2026, 5, 25), False),   # Spring bank holiday (Monday)
    (date(2026, 5, 26), True),
    (date(2026, 12, 28), False),  # Boxing Day observed
    (date(2026, 11, 28), False),  # Saturday
    (date(2026, 4, 3), False),    # Good Friday
])
def test_working_days_skip_weekends_and_england_bank_holidays(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_counting_working_days_across_a_bank_holiday_weekend() -> None:
    assert next_working_day(date(2026, 5, 22)) == date(2026, 5, 26)  # Friday -> Tuesday after the bank holiday
    assert add_working_days(date(2026, 5, 21), 2) == date(2026, 5, 26)
    assert add_working_days(date(2026, 5, 26), -1) == date(2026, 5, 22)
    assert working_days_between(date(2026, 5, 22), date(2026, 5, 26)) == 1


def test_month_end_check_is_five_working_days_before_the_last_working_day() -> None:
    # November 2026 ends on Monday 30th: five working days back is Monday 23rd.
    assert month_end_check_day(2026, 11) == date(2026, 11, 23)
    # December 2026: last working day Thursday 31st; 28th is a bank holiday, so five back is Tuesday 22nd.
    assert month_end_check_day(2026, 12) == date(2026, 12, 22)
    # August 2026 ends on the bank holiday Monday 31st: last working day Friday 28th.
    assert month_end_check_day(2026, 8) == date(2026, 8, 21)


def test_mid_month_check_moves_off_a_weekend() -> None:
    assert mid_month_check_day(2026, 11) == date(2026, 11, 16)  # the 15th is a Sunday
    assert mid_month_check_day(2026, 12) == date(2026, 12, 15)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 30))
def test_adding_working_days_lands_on_a_working_day_that_far_ahead(day: date, count: int) -> None:
    later = add_working_days(day, count)
    assert working_days_between(day, later) == count
    if count:
        assert is_working_day(later)


@pytest.mark.parametrize(("text", "says"), [
    ("0 9 * * 1", "Monday as 0"),
    ("0 9 * * 1-5", "not numbers"),
    ("30 1 * * mon", "01:00-03:00"),
    ("0 2 * * mon-fri", "clock changes"),
    ("0 0-6 * * mon", "01:00-03:00"),
    ("0 9 * *", "five fields"),
    ("0 25 * * mon", "hour from 0 to 23"),
    ("61 9 * * mon", "minute from 0 to 59"),
    ("0 9 * * monday", "day names"),
])
def test_bad_cron_text_is_explained(text: str, says: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_cron("weekly_digest", text)
    message = str(caught.value)
    assert message.startswith("settings.yaml: `schedules.weekly_digest` must be")
    assert says in message


@given(st.text(max_size=40))
def test_any_text_either_parses_or_raises_a_schedule_error(text: str) -> None:
    try:
        spec = parse_cron("reminders", text)
    except ScheduleError as error:
        assert "schedules.reminders" in str(error)
    else:
        assert not any(ch.isdigit() for ch in spec.day_of_week)
        trigger = spec.trigger(LONDON)
        fire = trigger.get_next_fire_time(None, datetime(2026, 1, 1, tzinfo=LONDON))
        assert fire is None or fire.astimezone(LONDON).hour not in (1, 2)


@pytest.mark.parametrize("start", [datetime(2026, 10, 12, 12, tzinfo=LONDON),
                                   datetime(2026, 3, 16, 12, tzinfo=LONDON)])
def test_monday_digest_fires_at_nine_local_on_both_sides_of_the_clock_change(start: datetime) -> None:
    trigger = parse_cron("weekly_digest", "0 9 * * mon").trigger(LONDON)
    fires = []
    moment = start
    for _ in range(3):
        fire = trigger.get_next_fire_time(None, moment)
        fires.append(fire)
        moment = fire + timedelta(minutes=1)
    local = [f.astimezone(LONDON) for f in fires]
    assert [(f.weekday(), f.hour, f.minute) for f in local] == [(0, 9, 0)] * 3
    assert len({f.utcoffset() for f in local}) == 2  # one week in BST, one in GMT


def test_settings_reject_numeric_days_naming_the_key(config_dir: Path, environ: dict[str, str]) -> None:
    settings_file = config_dir / "settings.yaml"
    settings_file.write_text(settings_file.read_text().replace('"0 9 * * mon"', '"0 9 * * 1"'))
    with pytest.raises(ConfigError) as caught:
        load_settings(environ)
    assert re.search(r"settings\.yaml:\d+: `schedules\.weekly_digest` must be day NAMES", str(caught.value))


def test_settings_reject_unknown_jobs_and_bad_reminder_numbers(config_dir: Path, environ: dict[str, str]) -> None:
    settings_file = config_dir / "settings.yaml"
    original = settings_file.read_text()
    settings_file.write_text(original.replace("  reminders: \"30 9", "  nagging: \"30 9"))
    with pytest.raises(ConfigError, match=r"schedules\.nagging"):
        load_settings(environ)
    settings_file.write_text(original.replace("draft_idle_working_days: 5", "draft_idle_working_days: 0"))
    with pytest.raises(ConfigError, match=r"reminders\.draft_idle_working_days` must be a whole number from 1"):
        load_settings(environ)


def test_shipped_settings_load_with_schedules_and_reminder_defaults(environ: dict[str, str]) -> None:
    settings = load_settings(environ)
    assert set(settings.cron) == {"weekly_digest", "reminders", "campaign_close", "housekeeping"}
    assert settings.reminders.grace_minutes == 120


def test_housekeeping_runs_each_weekday_morning_even_when_an_older_settings_file_leaves_it_out(
        config_dir: Path, environ: dict[str, str]) -> None:
    """A settings.yaml written before housekeeping existed does not name it; Slack event ids must still be
    forgotten after a week, so it runs at 08:00 on weekdays unless the file gives it another time."""
    settings_file = config_dir / "settings.yaml"
    original = settings_file.read_text()
    older = "".join(line for line in original.splitlines(keepends=True) if "housekeeping:" not in line)
    settings_file.write_text(older)
    trigger = load_settings(environ).cron["housekeeping"].trigger(LONDON)
    fire = trigger.get_next_fire_time(None, datetime(2026, 11, 21, 12, tzinfo=LONDON))  # a Saturday
    assert fire == datetime(2026, 11, 23, 8, 0, tzinfo=LONDON)
    settings_file.write_text(original.replace('housekeeping: "0 8 * * mon-fri"', 'housekeeping: "15 6 * * *"'))
    trigger = load_settings(environ).cron["housekeeping"].trigger(LONDON)
    assert trigger.get_next_fire_time(None, datetime(2026, 11, 21, 12, tzinfo=LONDON)) == \
        datetime(2026, 11, 22, 6, 15, tzinfo=LONDON)
