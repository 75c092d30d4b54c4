"""What a QA lead reads while the bot runs on the last good copy of the knowledge base, and after it is fixed (trial
14): the notice said "saved 04 Dec 2026 05:39 UTC" where the bot gives every other time in local time and day
form (an hour off in summer time)."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.engine.home import home_sections
from bot.settings.config import Settings
from knowledge.last_good import FOLDER, MANIFEST
from tests.integration.test_kb_last_good import QA_LEAD, break_timescales, settings

__all__ = ["settings"]  # the fixture: this suite's settings on a copy of the knowledge folder
SAVED = datetime(2027, 6, 15, 8, 39, tzinfo=UTC)  # 09:39 in London, in British Summer Time
NOW = datetime(2027, 6, 16, 10, 0, tzinfo=UTC)


def test_the_last_good_notice_says_when_the_copy_was_saved_in_local_time_and_the_bots_day_form(
        settings: Settings, kb_dir: Path, identifier_screen, caplog: pytest.LogCaptureFixture) -> None:
    with time_machine.travel(NOW, tick=False):
        build_services(settings, screen=identifier_screen).storage.close()  # a clean start keeps the copy
        os.utime(settings.cache_dir / FOLDER / MANIFEST, (SAVED.timestamp(), SAVED.timestamp()))
        break_timescales(kb_dir)
        with caplog.at_level(logging.ERROR, logger="audit_bot"):
            services = build_services(settings, screen=identifier_screen)
        try:
            engine = build_engine(services)
            [notice, *_] = [s for s in home_sections(engine, services, QA_LEAD) if s.title != "audit-bot"]
            [kb_reply, *_] = engine.command(QA_LEAD, "kb stale")
        finally:
            services.storage.close()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for said in (notice.text, kb_reply.text, logged):
        assert "saved at 09:39 on Tuesday 15 June 2027" in said and "UTC" not in said
