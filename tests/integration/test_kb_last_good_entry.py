"""Trial 28: a QA lead put a made-up name into the voice-of-the-child entry. `kb reload` refused it ("The previous
version is still live"), but after a restart the entry was not served at all and `voice of the child` was answered
with "What is a themed audit?", with no sign the real entry was missing. A restart now keeps serving the last good
version of an entry whose file fails the checks, and says so to QA leads and admins (Home, every `/audit kb`
reply, one message at start) and in the log, with how to fix it; only an entry no good version of which was ever
served is left out, and then the QA leads are told that.

Two loads (two starts) over one database and one copy of the knowledge folder in tmp_path; the clock is pinned.
The names below are deliberately fake test inputs for the privacy screen."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.home import home_sections
from bot.privacy.screen import Screen
from bot.settings.config import Settings, load_settings
from bot.settings.people import Role
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.integration.test_kb_start_screen import add_office_file, as_new_process

QA_LEAD, PRACTITIONER = "U0QALEAD1", "U0PRAN001"
NOW = datetime(2026, 12, 5, 17, 30, tzinfo=ZoneInfo("Europe/London"))
REAL_ANSWER = "The *voice of the child* is more than a quote"
TIP = 'ask "could I describe this child'
SLIP = 'ask "could I describe Jayden Smith'  # fake
KEPT_TITLE = "Knowledge-base file refused: last good version served"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def start(settings: Settings, screen: Screen) -> Services:
    """A start of the bot, as a new process: nothing remembered in memory, only what is on disk."""
    as_new_process()
    return build_services(settings, screen=screen)


def put_name_in_voice_entry(kb_dir: Path) -> None:
    path = kb_dir / "kb" / "good-practice.yaml"
    text = path.read_text(encoding="utf-8")
    assert TIP in text
    path.write_text(text.replace(TIP, SLIP), encoding="utf-8")


def test_a_restart_keeps_serving_the_last_good_version_of_an_entry_refused_on_disk(
        settings: Settings, kb_dir: Path, identifier_screen: Screen, caplog: pytest.LogCaptureFixture) -> None:
    with time_machine.travel(NOW, tick=False):
        start(settings, identifier_screen).storage.close()  # a clean start: the last good copy is kept
        put_name_in_voice_entry(kb_dir)
        add_office_file(kb_dir)  # a new entry with a name: no good version of it was ever served
        with caplog.at_level(logging.ERROR, logger="audit_bot"):
            services = start(settings, identifier_screen)
        try:
            engine = build_engine(services)
            # the real entry still answers, as it last passed the checks; the new one is not served
            asked = "\n".join(r.title + "\n" + r.text for r in engine.message(PRACTITIONER, "voice of the child"))
            assert "What does good practice on the voice of the child look like?" in asked
            assert REAL_ANSWER in asked and "Jayden" not in asked
            assert "duty-desk-cover" not in services.knowledge.current.kb.entries

            # the log says which file is refused, which entry is served as last good, which not at all
            [logged] = [record.getMessage() for record in caplog.records if "could identify" in record.getMessage()]
            assert "last good version of 'voice-of-the-child-good' is served" in logged
            assert "1 entry is not served" in logged and "kb/good-practice.yaml:" in logged
            assert "Jayden" not in logged

            # QA leads see it on Home and with every /audit kb reply; practitioners do not
            [notice, *_] = [s for s in home_sections(engine, services, QA_LEAD) if s.title != "audit-bot"]
            assert notice.title == KEPT_TITLE
            assert ("**The last good version of *What does good practice on the voice of the child look like?* "
                    "(`voice-of-the-child-good`) is served**") in notice.text
            assert "the file on disk is refused" in notice.text
            assert "**Not served at all:** `duty-desk-cover`: no version of it ever passed the checks" in notice.text
            assert "`/audit kb reload`" in notice.text and "Jayden" not in notice.text
            assert not any(s.title == KEPT_TITLE for s in home_sections(engine, services, PRACTITIONER))
            assert engine.command(QA_LEAD, "kb stale")[0].title == KEPT_TITLE
            sender = RecordingSender()
            assert JobRunner(services, sender).send_start_notices() == len(services.directory.ids_with_role(
                Role.QA_LEAD))
            assert all(reply.title == KEPT_TITLE for _, reply in sender.sent)

            # once the file is fixed, a reload serves it as written and the notice goes
            path = kb_dir / "kb" / "good-practice.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace(SLIP, TIP), encoding="utf-8")
            (kb_dir / "kb" / "zz-office.yaml").unlink()
            [reloaded] = engine.command(QA_LEAD, "kb reload")
            assert reloaded.title == "Knowledge base reloaded"
            assert not any(s.title == KEPT_TITLE for s in home_sections(engine, services, QA_LEAD))
        finally:
            services.storage.close()


def test_a_restart_with_the_slip_still_there_still_serves_the_last_good_version(
        settings: Settings, kb_dir: Path, identifier_screen: Screen) -> None:
    """The refused start does not replace the last good copy: a third start still has the real entry."""
    with time_machine.travel(NOW, tick=False):
        start(settings, identifier_screen).storage.close()
        put_name_in_voice_entry(kb_dir)
        start(settings, identifier_screen).storage.close()
        services = start(settings, identifier_screen)
        try:
            entry = services.knowledge.current.kb.entries["voice-of-the-child-good"]
            assert TIP in entry.answer and "Jayden" not in entry.answer
            assert services.knowledge.withheld_start is not None
            assert services.knowledge.withheld_start.kept == ("voice-of-the-child-good",)
        finally:
            services.storage.close()
