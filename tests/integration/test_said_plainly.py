"""Dates and counts as the bot writes them everywhere else (trial 15 F5, F13): the Home tab's "Updated" line is
"Wednesday 5 May 2027", never "Wednesday 05 May 2027", and the start-up log says "1 entry added", not "1 entries"."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_services
from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.settings.config import Settings, load_settings
from tests.support.kb_helpers import EXTRA_ENTRIES

LONDON = ZoneInfo("Europe/London")
ONE_ENTRY = EXTRA_ENTRIES.split("  - id: mascot-colour-south")[0]  # its first entry only


def test_the_home_tab_says_when_it_was_updated_without_a_zero_padded_day(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2027, 5, 5, 9, 45, tzinfo=LONDON), tick=False):
        [top, *_] = home_sections(engine, services, "U0PRAN001")
    assert top.note == "Updated Wednesday 5 May 2027, 09:45 (Europe/London)"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def test_the_start_up_log_counts_one_new_entry_as_one_entry(settings: Settings, kb_dir: Path, identifier_screen,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    build_services(settings, screen=identifier_screen).storage.close()  # the version the bot last served
    (kb_dir / "kb" / "zz-one-more.yaml").write_text(ONE_ENTRY, encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="audit_bot"):
        build_services(settings, screen=identifier_screen).storage.close()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "The knowledge base changed since the bot last served it: 1 entry added, 0 changed, 0 removed" in logged


def test_a_snoozed_reminder_says_the_day_without_a_zero_padded_day(engine: Engine) -> None:
    with time_machine.travel(datetime(2027, 6, 4, 10, 0, tzinfo=LONDON), tick=False):  # a Friday
        [said] = engine.action("U0PRAN001", "reminder.snooze", "action:1")
    assert said.text == "Snoozed: you will not be reminded about this on Monday 7 June."
