"""What a QA lead reads while the bot runs on the last good copy of the knowledge base, and after it is fixed (trial
14): the notice said "saved 04 Dec 2026 05:39 UTC" where the bot gives every other time in local time and day form
(an hour off in summer time, F12); and once the folder was fixed and the bot restarted, `kb reload` said "No entries
changed" though the start had just made two new entries live (F13)."""

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
from knowledge.last_good import MANIFEST, location
from tests.integration.test_kb_last_good import DUPLICATE, QA_LEAD, break_timescales, settings

__all__ = ["settings"]  # the fixture: this suite's settings on a copy of the knowledge folder
SAVED = datetime(2027, 6, 15, 8, 39, tzinfo=UTC)  # 09:39 in London, in British Summer Time
NOW = datetime(2027, 6, 16, 10, 0, tzinfo=UTC)


def test_the_last_good_notice_says_when_the_copy_was_saved_in_local_time_and_the_bots_day_form(
        settings: Settings, kb_dir: Path, identifier_screen, caplog: pytest.LogCaptureFixture) -> None:
    with time_machine.travel(NOW, tick=False):
        build_services(settings, screen=identifier_screen).storage.close()  # a clean start keeps the copy
        os.utime(location(settings.cache_dir, kb_dir) / MANIFEST, (SAVED.timestamp(), SAVED.timestamp()))
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


NEW_ENTRY = ("\n  - id: core-group-attendance\n    question: Who should come to a core group meeting?\n"
             "    answer: The family, the lead social worker and the professionals working with the child.\n"
             "    tags: [timescales]\n    source: Local procedures\n    owner: U0QALEAD1\n"
             "    review_by: 2028-03-31\n")


def test_after_a_fixed_folder_and_a_restart_the_reload_says_what_the_start_made_live(
        settings: Settings, kb_dir: Path, identifier_screen) -> None:
    timescales = kb_dir / "kb" / "timescales.yaml"
    with time_machine.travel(NOW, tick=False):
        build_services(settings, screen=identifier_screen).storage.close()  # the version the bot serves
        break_timescales(kb_dir)
        timescales.write_text(timescales.read_text(encoding="utf-8") + NEW_ENTRY, encoding="utf-8")
        broken = build_services(settings, screen=identifier_screen)  # on the last good copy, without the entry
        assert broken.knowledge.last_good_start is not None
        broken.storage.close()
        timescales.write_text(timescales.read_text(encoding="utf-8").replace(DUPLICATE, ""), encoding="utf-8")
        services = build_services(settings, screen=identifier_screen)  # fixed: the new entry comes live
        try:
            engine = build_engine(services)
            [first] = engine.command(QA_LEAD, "kb reload")
            [second] = engine.command(QA_LEAD, "kb reload")
        finally:
            services.storage.close()
    assert "No entries changed." not in first.text
    # the changes first, plainly: "No entries changed since the bot started, but…" read as none (trial 51, F22)
    assert ("are live.\nEntries: `core-group-attendance` added: now live (taken live when the bot started, against "
            "the version it served before; no change since).") in first.text  # trial 62 F17: said plainly
    assert "No entries changed" not in first.text
    assert "found nothing newer" not in first.text  # trial 59 (F17): read as "not loaded"
    assert second.text.endswith("are live.\nNo entries changed.\nNo checklists changed.")  # said once
