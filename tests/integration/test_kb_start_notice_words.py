"""Trial 44 (F9, F16): the start notice on a broken folder says what `kb check` says: an id used twice with both
entries' questions, and `kb check`'s warnings (a list item folded into the text above it)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.engine.home import home_sections
from bot.settings.config import Settings
from tests.integration.test_kb_last_good import QA_LEAD, settings

__all__ = ["settings"]  # the fixture: this suite's settings on a copy of the knowledge folder
TWICE = ("entry id 'referral-decision-timescale' is used twice: here, for “How long do we have to complete a child "
         "and family assessment?”, and at kb/timescales.yaml:5, for “How quickly must a decision be made on a new "
         "referral?”; rename the one you added.")


def _break(kb_dir: Path) -> None:
    timescales = kb_dir / "kb" / "timescales.yaml"
    timescales.write_text(timescales.read_text(encoding="utf-8").replace(
        "- id: assessment-timescale\n", "- id: referral-decision-timescale\n", 1), encoding="utf-8")
    care_leavers = kb_dir / "kb" / "care-leavers.yaml"
    lines = care_leavers.read_text(encoding="utf-8").splitlines()
    index = next(number for number, line in enumerate(lines) if line.strip() == "- care leaver status explained")
    lines[index] = " " + lines[index]
    care_leavers.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_start_notice_words_a_duplicate_id_as_kb_check_and_shows_its_warnings(
        settings: Settings, kb_dir: Path, identifier_screen, caplog: pytest.LogCaptureFixture) -> None:
    build_services(settings, screen=identifier_screen).storage.close()  # a clean start keeps the last good copy
    _break(kb_dir)
    with caplog.at_level(logging.ERROR, logger="audit_bot"):
        services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        [notice, *_] = [s for s in home_sections(engine, services, QA_LEAD) if s.title != "audit-bot"]
    finally:
        services.storage.close()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for said in (notice.text, logged):
        assert TWICE in said
        assert "kb/care-leavers.yaml:10" in said and "YAML joined the two into one text" in said
    assert "1 warning (it loads, but check these)" in notice.text
