"""`kb reload` after a QA lead reworded, removed and added questions of a checklist says what changed, question by
question, and which audits in progress keep the old version; the auditor resuming such a draft is told it keeps the
version they started with (trial 52, F7). A temporary copy of knowledge/ (kb_dir)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.settings.config import Settings, load_settings
from bot.terminal.render import TerminalView
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_audit_terminal import terminal_sender

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a working day, in working hours
QA_LEAD, AUDITOR = "U0QALEAD1", "U0MGRN001"
REWORDED = ("Was the tool repeated at review to measure change in the child's care?",
            "Was the tool used again at review to show whether the child's care has changed?")
REMOVED = """          - id: chronology
            text: Is there an up-to-date chronology showing the pattern and length of neglect?
            type: yes_no
            flag_if: ["no"]
            guidance: >-
              Neglect harms through accumulation. A chronology that brings together missed
              appointments, school absence, home conditions and earlier referrals shows the
              whole picture.
"""
ADDED = """          - id: siblings-considered
            text: Were the needs of each child in the household considered separately?
            type: yes_no
            flag_if: ["no"]
"""


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def edit_neglect(kb_dir: Path) -> None:
    """One question reworded (3), one removed (4, the chronology), one added after the daily-life question (5)."""
    path = kb_dir / "checklists" / "neglect.yaml"
    text = path.read_text(encoding="utf-8")
    assert REWORDED[0] in text and REMOVED in text
    text = text.replace(REWORDED[0], *REWORDED[1:]).replace(REMOVED, "", 1)
    anchor = "          - id: health-education-checked\n"
    path.write_text(text.replace(anchor, ADDED + anchor, 1), encoding="utf-8")


def _draft(settings: Settings, identifier_screen) -> int:
    """The North manager's neglect audit, started and left at its first question, in a chat that then ends."""
    services = build_services(settings, screen=identifier_screen)
    try:
        send = terminal_sender(build_engine(services), TerminalView(), user=AUDITOR)
        send("type", "/audit start neglect")
        send("type", "CR-100777")
        send("type", "Social worker N1")
        return int(services.storage.db.execute("SELECT max(id) FROM audits WHERE status = 'draft'").fetchone()[0])
    finally:
        services.storage.close()


@pytest.mark.parametrize("restarted", [False, True])
def test_reload_says_each_question_changed_and_who_keeps_the_old_version(
        settings: Settings, kb_dir: Path, identifier_screen, restarted: bool) -> None:
    with time_machine.travel(MONDAY, tick=False):
        draft = _draft(settings, identifier_screen)
        services = build_services(settings, screen=identifier_screen)
        try:
            engine = build_engine(services)
            if restarted:  # edited while the bot was stopped (each terminal chat starts it): the start took it live
                services.storage.close()
                edit_neglect(kb_dir)
                services = build_services(settings, screen=identifier_screen)
                engine = build_engine(services)
            else:
                edit_neglect(kb_dir)
            [reloaded] = engine.command(QA_LEAD, "kb reload")
            _, resumed = drive(engine, ["resume"], user=AUDITOR)
        finally:
            services.storage.close()
    text = " ".join(reloaded.text.split())
    assert ("`neglect`: 1 question added (5 `siblings-considered`), 1 reworded (3 `gcp2-repeated`), 1 removed "
            f"(was 4 `chronology`); 1 audit in progress keeps the old version: #{draft}, Team manager (North).") in text
    assert (f"Carrying on with audit #{draft} (CR-100777, Neglect) where you stopped. The Neglect checklist has "
            "changed since you started: this audit keeps the version you started with.") in " ".join(resumed.split())


def test_resume_says_nothing_when_the_checklist_is_unchanged(settings: Settings, identifier_screen) -> None:
    with time_machine.travel(MONDAY, tick=False):
        draft = _draft(settings, identifier_screen)
        services = build_services(settings, screen=identifier_screen)
        try:
            _, resumed = drive(build_engine(services), ["resume"], user=AUDITOR)
        finally:
            services.storage.close()
    assert f"Carrying on with audit #{draft}" in resumed and "has changed since you started" not in resumed
