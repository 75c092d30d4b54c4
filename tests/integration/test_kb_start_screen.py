"""A QA lead who hand-edits a YAML file and restarts the bot (rather than `/audit kb reload`) must not put a child's
name live: the start screens the folder as `kb check` does. The bot still starts; an entry whose text the screen
refuses is not served (the rest of its file is), the log says where in one line, and QA leads are told on Home,
with every `/audit kb` reply and by message, once, all without repeating the name. A restart does not screen
unchanged files again: what the screen found is kept in the knowledge cache under each file's digest.

The names below are deliberately fake test inputs for the privacy screen."""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.engine.home import home_sections
from bot.privacy import knowledge_screen
from bot.privacy.screen import Screen
from bot.settings.config import PROJECT_DIR, Settings, load_settings
from bot.settings.people import Role
from knowledge import last_good
from knowledge.entries import texts_of
from knowledge.loader import load_knowledge
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.support.kb_helpers import button_values
from tests.support.moved_clock import bot_command, child_clock

QA_LEAD, PRACTITIONER = "U0QALEAD1", "U0PRAN001"
NAME = "Jayden Smith"  # fake
OFFICE = ("entries:\n"
          "  - id: fire-drill\n    question: When is the fire drill?\n"
          "    answer: Every Monday at ten; the warden is on the second floor.\n"
          "  - id: duty-desk-cover\n    question: Who covers the duty desk at Christmas?\n"
          f"    answer: Ask the team manager, as we did for {NAME}, who lives with his nan.\n")
WITHHELD_LINE = 7  # the line of the second entry's answer, which holds the name
NOT_LOADED = "Knowledge-base entries not served"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def add_office_file(kb_dir: Path) -> Path:
    path = kb_dir / "kb" / "zz-office.yaml"
    path.write_text(OFFICE, encoding="utf-8")
    return path


def as_new_process() -> None:
    """Forget what this process remembers of earlier screens, as a restarted bot has nothing in memory."""
    knowledge_screen.SCREENED.forget()
    knowledge_screen.SCREENED_CHECKLISTS.forget()
    knowledge_screen._CLEAN.clear()


def test_an_entry_with_a_childs_name_is_not_served_after_a_restart_and_qa_leads_are_told(
        settings: Settings, kb_dir: Path, identifier_screen: Screen, caplog: pytest.LogCaptureFixture) -> None:
    add_office_file(kb_dir)
    where = f"kb/zz-office.yaml:{WITHHELD_LINE}"
    with caplog.at_level(logging.ERROR, logger="audit_bot"):
        services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        # the bot started; the entry is not served, the rest of its file and of the folder is
        entries = services.knowledge.current.kb.entries
        assert "duty-desk-cover" not in entries
        assert "fire-drill" in entries and "referral-decision-timescale" in entries
        asked = str(engine.message(PRACTITIONER, "who covers the duty desk at christmas?"))
        assert "lives with his nan" not in asked and "Jayden" not in asked
        assert "Every Monday at ten" in str(engine.message(PRACTITIONER, "when is the fire drill?"))

        # one line in the log: where, never the name
        [logged] = [record.getMessage() for record in caplog.records]
        assert "\n" not in logged
        assert f"{where} entry 'duty-desk-cover' answer (a child's or family member's name)" in logged
        assert "1 entry is not served" in logged and "/audit kb reload" in logged
        assert "Jayden" not in logged and "Smith" not in logged

        # QA leads and admins see it first on Home and with every /audit kb reply; practitioners do not
        [notice, *_] = [s for s in home_sections(engine, services, QA_LEAD) if s.title != "audit-bot"]
        assert notice.title == NOT_LOADED and notice.kind == "error"
        assert (f"`{where}` — entry 'duty-desk-cover' answer: something that looks like a child's or family "
                "member's name") in notice.text
        assert "Jayden" not in notice.text and "Smith" not in notice.text
        assert not any(s.title == NOT_LOADED for s in home_sections(engine, services, PRACTITIONER))
        assert engine.command(QA_LEAD, "kb stale")[0].title == NOT_LOADED

        # and each QA lead gets it as a message at start, once however often the bot restarts
        sender = RecordingSender()
        assert JobRunner(services, sender).send_start_notices() == len(services.directory.ids_with_role(
            Role.QA_LEAD))
        assert {reply.to_user for _, reply in sender.sent} == set(services.directory.ids_with_role(Role.QA_LEAD))
        assert all(reply.title == NOT_LOADED and "Jayden" not in reply.text for _, reply in sender.sent)
        assert JobRunner(services, RecordingSender()).send_start_notices() == 0

        # a reload that still finds the name keeps it back (and says so, as ever, to the QA lead who asked)
        [refused] = [r for r in engine.command(QA_LEAD, "kb reload") if r.title != NOT_LOADED]
        assert refused.title == "Knowledge base not reloaded"
        assert engine.command(QA_LEAD, "kb stale")[0].title == NOT_LOADED
        # once fixed, the reload serves it and the notice goes
        path = kb_dir / "kb" / "zz-office.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(f"as we did for {NAME}, who lives with his nan",
                                                                 "who keeps the desk diary"), encoding="utf-8")
        [reloaded] = engine.command(QA_LEAD, "kb reload")
        assert reloaded.title == "Knowledge base reloaded" and "`duty-desk-cover`" in reloaded.text
        assert "who keeps the desk diary" in str(engine.message(PRACTITIONER, "who covers the duty desk at christmas?"))
        assert not any(s.title == NOT_LOADED for s in home_sections(engine, services, QA_LEAD))
    finally:
        services.storage.close()


def test_the_new_entry_form_still_tells_an_entry_not_served_and_one_repeating_its_question(
        settings: Settings, kb_dir: Path, identifier_screen: Screen) -> None:
    """An entry held back at the start is not served, but is in the folder: the New entry form's check (quick,
    against what is loaded) still tells a new question that repeats its question, and the name in it, as `kb check`
    and the write that follows would, rather than the form closing on a refusal that comes by DM."""
    add_office_file(kb_dir)
    services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        engine.message(PRACTITIONER, "who covers the duty desk at christmas")  # not served: nothing answers it
        [key] = button_values(engine.command(QA_LEAD, "kb unanswered"), "kb.unanswered.new")
        [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
        assert opened.form is not None
        submitted = json.dumps({"form": {"question": "Who covers the duty desk at Christmas?", "answer": "Ask.",
                                         "file": "kb/timescales.yaml"}, "meta": opened.form.meta})

        [message] = engine.check_form(QA_LEAD, opened.form.action, submitted).values()

        repeat, name = message.splitlines()
        entry_line = WITHHELD_LINE - 2  # the `- id:` line; the name is in the answer, two lines below
        assert repeat.startswith(f"kb/zz-office.yaml:{entry_line}: entry 'duty-desk-cover' question \"Who covers "
                                 "the duty desk at Christmas?\" repeats the question of entry "
                                 "'covers-duty-desk-christmas' (kb/timescales.yaml:")
        assert name.startswith(f"kb/zz-office.yaml:{WITHHELD_LINE}: entry 'duty-desk-cover' answer: ")
        assert "looks like a child's or family member's name" in name
    finally:
        services.storage.close()


def test_a_clean_start_serves_everything_and_says_nothing(settings: Settings, kb_dir: Path,
                                                         identifier_screen: Screen,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="audit_bot"):
        services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        assert not caplog.records
        assert set(services.knowledge.current.kb.entries) == set(load_knowledge(kb_dir).entries)
        assert services.knowledge.withheld_start is None
        titles = [s.title for s in home_sections(engine, services, QA_LEAD)]
        assert "Knowledge base" in titles and NOT_LOADED not in titles
        assert engine.command(QA_LEAD, "kb stale")[0].title == "Entries due for review"
        assert JobRunner(services, RecordingSender()).send_start_notices() == 0
        assert (last_good.location(settings.cache_dir, kb_dir) / "kb" / "timescales.yaml").is_file()
    finally:
        services.storage.close()


def test_a_restart_screens_only_the_files_that_changed(settings: Settings, kb_dir: Path, identifier_screen: Screen,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    add_office_file(kb_dir)
    as_new_process()
    build_services(settings, screen=identifier_screen).storage.close()
    kept = list((settings.cache_dir / "screened-entries").glob("*.marshal"))
    assert len(kept) == len({entry.file for entry in load_knowledge(kb_dir).entries.values()})

    screened: list[str] = []
    real_find = Screen.find

    def find(screen: Screen, text: str, mode: str = "full") -> list:
        screened.append(text)
        return real_find(screen, text, mode)

    monkeypatch.setattr(Screen, "find", find)
    as_new_process()
    services = build_services(settings, screen=identifier_screen)  # a restart: nothing in the folder changed
    try:
        assert screened == []
        assert "duty-desk-cover" not in services.knowledge.current.kb.entries  # from the cache, still withheld
        assert services.knowledge.withheld_start is not None
    finally:
        services.storage.close()

    timescales = kb_dir / "kb" / "timescales.yaml"
    timescales.write_text(timescales.read_text(encoding="utf-8")
                          + "\n  - id: fire-assembly\n    question: Where is the fire assembly point?\n"
                            "    answer: In the car park.\n", encoding="utf-8")
    as_new_process()
    services = build_services(settings, screen=identifier_screen)  # a restart after one file was edited
    try:
        edited = load_knowledge(kb_dir).entries
        texts = {text for entry in edited.values() if entry.file == "kb/timescales.yaml"
                 for _, text, _ in texts_of(entry)}  # its question, alternatives, answer and due rules
        assert "Where is the fire assembly point?" in screened
        assert set(screened) <= texts
        assert "fire-assembly" in services.knowledge.current.kb.entries
        assert "duty-desk-cover" not in services.knowledge.current.kb.entries
    finally:
        services.storage.close()


def test_chat_starts_on_a_folder_with_a_name_and_logs_one_line_without_it(environ: dict[str, str],
                                                                          kb_dir: Path) -> None:
    add_office_file(kb_dir)
    started = subprocess.run(bot_command("chat"), input="help\n", capture_output=True, text=True, cwd=PROJECT_DIR,
                             env=child_clock({**environ, "PATH": "/usr/bin:/bin"}), timeout=120)
    assert started.returncode == 0, started.stderr
    logged = (Path(environ["AUDITBOT_DB"]).parent / "audit-bot-chat.log").read_text(encoding="utf-8")  # off screen
    [line] = [ln for ln in logged.splitlines() if "not served" in ln]
    assert f"kb/zz-office.yaml:{WITHHELD_LINE} entry 'duty-desk-cover' answer" in line
    assert "not served" not in started.stdout + started.stderr  # the chat itself stays clear of log lines
    for said in (logged, started.stdout, started.stderr):
        assert "Jayden" not in said and "Smith" not in said
