"""`kb reload` says every checklist change it or the bot made live since a QA lead was last told (trial 23: after a
checklist was edited, `kb reload` said "No checklists changed", as the change was already live: taken by the chat's
start, which compared nothing, or by the reload after a link the bot wrote, which said nothing of checklists)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.engine.routing import Engine
from bot.settings.config import Settings, load_settings
from tests.support.kb_helpers import link_typed

QA_LEAD, MANAGER = "U0QALEAD1", "U0MGRN001"
PLAIN = "Answer yes if the file shows the child may be at risk of significant harm that"
EDITED = "Answer yes if the record shows the child may be at risk of significant harm that"
NOW = datetime(2027, 6, 16, 10, 0, tzinfo=UTC)
# what changed in it (trial 52, F7): only guidance here, and no draft on the old version
UNCHANGED_QUESTIONS = ("`neglect`: no question added, reworded or removed (guidance, options or order changed); "
                       "no audit in progress is on the old version. ")
SAID = ("Added: none; Changed: `neglect`; Removed: none. " + UNCHANGED_QUESTIONS + "New audits use them as they are "
        "now; audits already started keep the version they started with.")


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def edit_neglect(kb_dir: Path) -> None:
    """A QA lead's hand edit of the neglect checklist's first guidance."""
    path = kb_dir / "checklists" / "neglect.yaml"
    text = path.read_text(encoding="utf-8")
    assert PLAIN in text
    path.write_text(text.replace(PLAIN, EDITED, 1), encoding="utf-8")


def reloads(settings: Settings, identifier_screen, times: int) -> list[str]:
    """What `kb reload` says, `times` over, in a bot started now (as a terminal chat starts)."""
    services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        return [engine.command(QA_LEAD, "kb reload")[0].text for _ in range(times)]
    finally:
        services.storage.close()


def test_a_checklist_edited_before_the_chat_starts_is_said_by_the_first_reload(
        settings: Settings, kb_dir: Path, identifier_screen) -> None:
    with time_machine.travel(NOW, tick=False):
        build_services(settings, screen=identifier_screen).storage.close()  # the version the bot served
        edit_neglect(kb_dir)
        first, second = reloads(settings, identifier_screen, 2)

    assert "No checklists changed." not in first
    # the change first, plainly: "No checklists changed since the bot started, but…" read as none (trial 51, F22)
    # said plainly (trial 62 F17: "(live now: the bot made them live when it started, against …)" was hard to parse)
    assert first.endswith("No entries changed.\nChecklists: `neglect` changed: now live (taken live when the bot "
                          "started, against the version it served before; no change since). `neglect`: no audit in "
                          "progress is on the old version. New audits use them"
                          + SAID.split(". New audits use them", 1)[1])
    assert "No checklists changed since" not in first
    assert "found nothing newer" not in first  # trial 59 (F17): a QA lead read it as "not loaded"
    assert second.endswith("No entries changed.\nNo checklists changed.")  # said once


def test_a_restart_with_no_checklist_edited_says_no_checklists_changed(settings: Settings, identifier_screen) -> None:
    with time_machine.travel(NOW, tick=False):
        build_services(settings, screen=identifier_screen).storage.close()
        [first] = reloads(settings, identifier_screen, 1)
    assert first.endswith("No checklists changed.")


def test_a_checklist_edited_then_taken_live_by_a_link_is_said_by_the_next_reload(engine: Engine,
                                                                                 kb_dir: Path) -> None:
    engine.message(MANAGER, "when is the fire drill held")
    [group] = [choice.value for reply in engine.command(QA_LEAD, "kb unanswered") for choice in reply.choices
               if choice.action == "kb.unanswered.answer"]
    edit_neglect(kb_dir)
    linked = link_typed(engine, QA_LEAD, int(group), "online-harm")  # writes an alternative and reloads
    assert any("Linked #" in reply.text for reply in linked)

    [reloaded] = engine.command(QA_LEAD, "kb reload")
    [again] = engine.command(QA_LEAD, "kb reload")

    assert reloaded.text.endswith("\nChecklists: " + SAID)
    assert again.text.endswith("No checklists changed.")


def test_a_checklist_edited_while_the_chat_runs_is_said_once(engine: Engine, kb_dir: Path) -> None:
    edit_neglect(kb_dir)
    [reloaded] = engine.command(QA_LEAD, "kb reload")
    [again] = engine.command(QA_LEAD, "kb reload")
    assert reloaded.text.endswith("No entries changed.\nChecklists: " + SAID)
    assert again.text.endswith("No checklists changed.")
