"""Trial 33 (M2): the last version that loaded cleanly was kept once per cache (beside the database), whatever
knowledge folder it came from. A QA lead started the chat on the shipped folder, then on her own broken copy with the
same database folder, and was served the shipped version: her new entries were gone, with nothing saying so. The
copy is now kept per knowledge folder (its resolved path), and the notice names the folder it came from."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.engine.home import home_sections
from bot.settings.config import Settings
from knowledge import last_good
from knowledge.problems import KnowledgeBaseError
from tests.integration.test_kb_last_good import QA_LEAD, break_timescales, settings

__all__ = ["settings"]  # the fixture: this suite's settings on a copy of the knowledge folder
NEW_ENTRY = ("\n  - id: texting-care-leavers\n    question: Can I text a care leaver on my work mobile?\n"
             "    answer: Yes, on your work mobile, and record it on the young person's file.\n"
             "    tags: [care-leavers]\n    source: Local procedures\n    owner: U0QALEAD1\n"
             "    review_by: 2028-03-31\n")


def her_copy(kb_dir: Path) -> Path:
    """The QA lead's own copy of the folder, with a new entry of hers."""
    copy = kb_dir.parent / "trial33-knowledge"
    shutil.copytree(kb_dir, copy)
    leavers = copy / "kb" / "care-leavers.yaml"
    leavers.write_text(leavers.read_text(encoding="utf-8") + NEW_ENTRY, encoding="utf-8")
    return copy


def start(settings: Settings, identifier_screen) -> None:
    build_services(settings, screen=identifier_screen).storage.close()


def test_a_broken_copy_never_falls_back_on_another_folders_last_good_version(
        settings: Settings, kb_dir: Path, identifier_screen) -> None:
    mine = replace(settings, knowledge_dir=her_copy(kb_dir))  # the same database folder, so the same cache
    start(settings, identifier_screen)  # the shipped folder loads cleanly: its copy is kept
    break_timescales(mine.knowledge_dir)
    with pytest.raises(KnowledgeBaseError):  # her folder never loaded cleanly: no copy of it to start on
        start(mine, identifier_screen)
    assert last_good.location(settings.cache_dir, mine.knowledge_dir) is None
    assert last_good.location(settings.cache_dir, kb_dir) is not None


def test_a_broken_copy_falls_back_on_its_own_last_good_version_and_says_which_folder(
        settings: Settings, kb_dir: Path, identifier_screen) -> None:
    mine = replace(settings, knowledge_dir=her_copy(kb_dir))
    start(mine, identifier_screen)  # her copy loads cleanly once, with her entry
    start(settings, identifier_screen)  # then the shipped folder, beside the same database
    break_timescales(mine.knowledge_dir)
    services = build_services(mine, screen=identifier_screen)
    try:
        assert services.knowledge.last_good_start is not None
        assert "texting-care-leavers" in services.knowledge.current.kb.entries  # hers, not the shipped version
        engine = build_engine(services)
        [notice, *_] = [s for s in home_sections(engine, services, QA_LEAD) if s.title != "audit-bot"]
        assert (f"**The bot is answering from the last version that loaded cleanly** (of "
                f"`{mine.knowledge_dir.resolve()}`, saved at ") in notice.text
    finally:
        services.storage.close()
    other = build_services(settings, screen=identifier_screen)  # the shipped folder still starts on its own
    try:
        assert other.knowledge.last_good_start is None
        assert "texting-care-leavers" not in other.knowledge.current.kb.entries
    finally:
        other.storage.close()
