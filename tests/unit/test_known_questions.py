"""Issue #13: a QA lead who changes the knowledge base is told which known questions now get a different outcome."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge.known_questions import edit_moved, known_questions, moved_text, strays
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "kb_fixtures" / "moved_question"


def _edited(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(FIXTURE, folder)
    file = folder / "kb" / "entries.yaml"
    file.write_text(file.read_text().replace("[export audits]", "[export audits, visiting the child]"))
    return folder


def test_an_edit_to_one_entry_names_the_question_it_took_from_another(tmp_path: Path) -> None:
    old = load_knowledge(FIXTURE)
    new = load_knowledge(_edited(tmp_path))
    moved = edit_moved((old, KnowledgeSearch(old)), (new, KnowledgeSearch(new)), ["export-audits"])
    assert moved_text(moved) == ("1 known question now gets a different answer:\n• 'visiting the child' was "
                                 "answered by placement-visits, now answered by export-audits")


def test_nothing_moved_says_nothing(tmp_path: Path) -> None:
    old = load_knowledge(FIXTURE)
    search = KnowledgeSearch(old)
    assert moved_text(edit_moved((old, search), (old, search), ["export-audits"])) == ""


def test_every_known_question_of_the_fixture_reaches_its_entry() -> None:
    kb = load_knowledge(FIXTURE)
    assert strays(KnowledgeSearch(kb), known_questions(kb)) == []
