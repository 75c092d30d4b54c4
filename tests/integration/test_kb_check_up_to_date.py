"""Trial 63 (F10): after a successful `kb reload`, `kb check` in a new chat session said "no problems now:
`/audit kb reload` will load it", a reload that was not needed. When the folder says what is loaded, it now says so;
the reload hint stays for a folder changed since the load (an entry's answer, a checklist's question)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.settings.config import PROJECT_DIR, Settings, load_settings
from tests.support.moved_clock import bot_command, child_clock

QA_LEAD = "U0QALEAD1"
UP_TO_DATE = "The knowledge folder has no problems; what is loaded is up to date."
RELOAD = "The knowledge folder has no problems now: `/audit kb reload` will load it."


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def checked(engine) -> str:
    return engine.command(QA_LEAD, "kb check")[-1].text


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_says_up_to_date_until_a_file_changes_and_again_after_the_reload(
        settings: Settings, kb_dir: Path, identifier_screen) -> None:
    services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        assert checked(engine) == UP_TO_DATE
        edit(kb_dir / "kb" / "timescales.yaml", "answer: |\n", "answer: |\n      (Checked.)\n")
        assert checked(engine) == RELOAD
        assert engine.command(QA_LEAD, "kb reload")[0].title == "Knowledge base reloaded"
        assert checked(engine) == UP_TO_DATE
        # a checklist's wording counts too (checklists are named, not hashed, in the knowledge base's fingerprint)
        checklist = kb_dir / "checklists" / "child-in-need.yaml"
        text = checklist.read_text(encoding="utf-8")
        question = text.split("text: ", 1)[1].split("\n", 1)[0]
        edit(checklist, f"text: {question}", f"text: {question.rstrip('?')} (in the plan)?")
        assert checked(engine) == RELOAD
    finally:
        services.storage.close()


def test_a_new_chat_session_after_a_reload_says_what_is_loaded_is_up_to_date(environ: dict[str, str],
                                                                             kb_dir: Path) -> None:
    def chat(lines: str) -> str:
        done = subprocess.run(bot_command("chat", "--user", QA_LEAD), input=lines, capture_output=True, text=True,
                              cwd=PROJECT_DIR, env=child_clock({**environ, "PATH": "/usr/bin:/bin"}), timeout=120)
        return done.stdout

    assert "Knowledge base reloaded" in chat("kb reload\n")
    said = chat("kb check\n")
    assert "what is loaded is up to date" in said
    assert "will load it" not in said
