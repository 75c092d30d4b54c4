"""The live knowledge base: refused at start when broken, swapped whole on reload, kept when a reload fails."""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from bot.composition import build_services
from bot.core.knowledge import KnowledgeService
from bot.settings.config import PROJECT_DIR, load_settings
from knowledge.problems import KnowledgeBaseError
from tests.support.moved_clock import bot_command, child_clock

FIXTURES = PROJECT_DIR / "tests" / "data" / "kb_fixtures"
ENTRY = "  - id: {id}\n    question: {question}\n    answer: {answer}\n"


def folder_with(tmp_path: Path, *entries: tuple[str, str, str]) -> Path:
    folder = tmp_path / "kbtest"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kb.yaml").write_text("entries:\n" + "".join(ENTRY.format(id=i, question=q, answer=a)
                                                           for i, q, a in entries))
    return folder


def test_reload_swaps_in_the_new_version_and_reports_the_differences(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, ("fire-drill", "When is the fire drill?", "Mondays."),
                         ("first-aid", "Who is the first aider?", "The duty manager."))
    service = KnowledgeService.load(folder)
    before = service.current
    folder_with(tmp_path, ("fire-drill", "When is the fire drill?", "Tuesdays."),
                ("lockers", "Where are the lockers?", "By the lifts."))
    result = service.reload()
    assert result.ok
    assert (result.diff.added, result.diff.changed, result.diff.removed) == (["lockers"], ["fire-drill"],
                                                                             ["first-aid"])
    assert service.current is not before
    assert service.current.search.search("where are the lockers").answer.entry_id == "lockers"


def test_a_failed_reload_keeps_the_previous_version_and_returns_the_problems(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, ("fire-drill", "When is the fire drill?", "Mondays."))
    service = KnowledgeService.load(folder)
    before = service.current
    (folder / "kb.yaml").write_text("entries:\n  - id: fire-drill\n    question: [unclosed\n")
    result = service.reload()
    assert not result.ok
    assert result.problems and result.problems[0].file == "kb.yaml"
    assert result.entries == 1
    assert service.current is before


def test_readers_during_reloads_always_see_a_whole_version(tmp_path: Path) -> None:
    """Each version's index only knows its own entries: a mixed pair would name an entry the kb lacks."""
    versions = [folder_with(tmp_path / f"v{n}", (f"topic-{n}", f"What is topic {n}?", f"Answer {n}."))
                for n in range(2)]
    live = tmp_path / "live"
    shutil.copytree(versions[0], live)
    service = KnowledgeService.load(live)
    stop = threading.Event()
    mismatches: list[str] = []

    def read() -> None:
        while not stop.is_set():
            current = service.current
            for document in current.search.documents:
                if document.entry_id not in current.kb.entries:
                    mismatches.append(document.entry_id)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    for n in range(40):
        shutil.copy(versions[n % 2] / "kb.yaml", live / "kb.yaml")
        assert service.reload().ok
    stop.set()
    for reader in readers:
        reader.join()
    assert mismatches == []


def test_build_services_refuses_a_broken_knowledge_base(config_dir: Path, environ: dict[str, str]) -> None:
    settings_file = config_dir / "settings.yaml"
    broken = FIXTURES / "many_problems"
    settings_file.write_text(settings_file.read_text().replace("knowledge_dir: knowledge",
                                                               f"knowledge_dir: '{broken}'"))
    with pytest.raises(KnowledgeBaseError) as caught:
        build_services(load_settings(environ))
    assert len(caught.value.problems) > 1


def test_the_bot_will_not_start_on_a_broken_knowledge_base(config_dir: Path, environ: dict[str, str]) -> None:
    settings_file = config_dir / "settings.yaml"
    settings_file.write_text(settings_file.read_text().replace(
        "knowledge_dir: knowledge", f"knowledge_dir: '{FIXTURES / 'bad_date'}'"))
    result = subprocess.run(bot_command("chat"), input="help\n", capture_output=True, text=True,
                            cwd=PROJECT_DIR, env=child_clock({**environ, "PATH": "/usr/bin:/bin"}), timeout=60)
    assert result.returncode == 4
    assert result.stderr.startswith("Knowledge base problems:\n- kb.yaml:5: entry 'icpc-timescale'")
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_review_reminders_come_from_the_live_knowledge_base_not_files_nobody_reloaded(kb_dir, tmp_path) -> None:
    """An entry saved to disk but never reloaded is not answered from, so it is not nagged about either;
    after `/audit kb reload` it is."""
    from datetime import date

    from bot.composition import build_services
    from bot.reminders.inputs import reminder_inputs
    from bot.settings.config import load_settings

    config_dir = kb_dir.parent / "config"
    services = build_services(load_settings({"AUDITBOT_CONFIG": str(config_dir),
                                             "AUDITBOT_DB": str(tmp_path / "audit.db")}))
    try:
        (kb_dir / "kb" / "local.yaml").write_text(
            "entries:\n  - id: local-audit-diary\n    question: Where is the audit diary kept?\n"
            "    answer: In the practice shared drive, under Audits.\n    tags: [auditing]\n"
            "    source: Local procedure\n    owner: U0QALEAD2\n    review_by: 2020-01-31\n", encoding="utf-8")
        today = date(2026, 11, 25)
        assert "local-audit-diary" not in {s.entry_id for s in reminder_inputs(services, today).stale_entries}
        assert services.live_knowledge().reload().ok
        assert "local-audit-diary" in {s.entry_id for s in reminder_inputs(services, today).stale_entries}
    finally:
        services.storage.close()
