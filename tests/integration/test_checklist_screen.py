"""A child's name or NHS number written into a checklist (trial 20, HIGH): it passed `kb check`, and *What good looks
like* then showed it to every auditor. Checklist texts are now screened as entries' answers are: `audit-bot kb
check`, `/audit kb check` and `/audit kb reload` refuse them with the file, line, question and field, and a start
leaves such a checklist out of new audits, saying which in the log without the words. The names and the NHS number
below are invented test inputs for the privacy screen."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import Screen
from bot.settings.config import Settings, load_settings
from tests.support.cli import run_cli

QA_LEAD, MANAGER = "U0QALEAD1", "U0MGRN001"
PLAIN = "Answer yes if the file shows the child may be at risk of significant harm that"
NAMED = "Visit Tyler Brown (NHS 943 476 5919) unannounced. " + PLAIN


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def name_the_child(kb_dir: Path) -> None:
    path = kb_dir / "checklists" / "neglect.yaml"
    text = path.read_text(encoding="utf-8")
    assert PLAIN in text
    path.write_text(text.replace(PLAIN, NAMED, 1), encoding="utf-8")


def test_kb_check_and_reload_refuse_a_childs_name_in_a_checklist(engine: Engine, services: Services,
                                                                  kb_dir: Path) -> None:
    name_the_child(kb_dir)
    [checked] = engine.command(QA_LEAD, "kb check")
    [reloaded] = engine.command(QA_LEAD, "kb reload")
    for reply in (checked, reloaded):
        assert reply.kind == "error"
        assert "`checklists/neglect.yaml:21` — checklist 'neglect' question 'immediate-concern' guidance:" in reply.text
        assert "looks like an NHS number" in reply.text and "looks like a child's or family member's name" in reply.text
        assert "Tyler" not in reply.text and "5919" not in reply.text
    assert "Tyler" not in services.knowledge.current.kb.checklists["neglect"].questions()[0].guidance


def test_the_command_line_check_refuses_it_too(environ: dict[str, str], kb_dir: Path) -> None:
    name_the_child(kb_dir)
    done = run_cli(environ, "kb", "check")
    assert done.code != 0
    # at the guidance's own line, not the checklist's first (trial 21)
    assert "checklists/neglect.yaml:21: checklist 'neglect' question 'immediate-concern' guidance" in done.out
    assert "Tyler" not in done.out + done.err


def test_a_checklist_with_another_problem_is_screened_in_the_same_run(engine: Engine, kb_dir: Path) -> None:
    """Trial 21: with a question id used twice as well, the name was only reported on the next run."""
    name_the_child(kb_dir)
    path = kb_dir / "checklists" / "neglect.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("- id: gcp2-used", "- id: immediate-concern", 1),
                    encoding="utf-8")
    [checked] = engine.command(QA_LEAD, "kb check")
    assert "The knowledge base has 3 problems" in checked.text  # a later show_if names gcp2-used too
    assert "`checklists/neglect.yaml:21` — checklist 'neglect' question 'immediate-concern' guidance:" in checked.text
    assert "id 'immediate-concern' is used twice" in checked.text
    assert checked.text.index("looks like a child's") < checked.text.index("used twice")  # identifiers first
    assert "Tyler" not in checked.text


def test_a_start_leaves_the_checklist_out_of_new_audits_and_says_which(
        settings: Settings, kb_dir: Path, identifier_screen: Screen, caplog: pytest.LogCaptureFixture) -> None:
    name_the_child(kb_dir)
    with caplog.at_level(logging.ERROR, logger="audit_bot"):
        services = build_services(settings, screen=identifier_screen)
    checklists = services.knowledge.current.kb.checklists
    assert "neglect" not in checklists and "case-audit" in checklists
    [logged] = [record.getMessage() for record in caplog.records if "Checklist text" in record.getMessage()]
    assert "not offered for new audits: neglect" in logged and "Tyler" not in logged
    started = build_engine(services).message(MANAGER, "start audit")
    assert "Neglect" not in str(started)


def test_a_reload_after_an_edit_the_bot_wrote_never_takes_such_a_checklist_live(engine: Engine, services: Services,
                                                                                kb_dir: Path) -> None:
    """A QA lead's link writes an alternative and reloads: a checklist edited by hand meanwhile must not go live."""
    engine.message(MANAGER, "when is the fire drill held")
    [group] = [value for reply in engine.command(QA_LEAD, "kb unanswered") for choice in reply.choices
               if choice.action == "kb.unanswered.answer" for value in [choice.value]]
    name_the_child(kb_dir)
    engine.command(QA_LEAD, f"kb link {group} online-harm")
    engine.message(QA_LEAD, "yes")
    guidance = services.knowledge.current.kb.checklists["neglect"].questions()[0].guidance or ""
    assert "Tyler" not in guidance and PLAIN in guidance


def test_a_reload_says_which_checklist_changed_and_what_that_means_for_audits_under_way(engine: Engine,
                                                                                       kb_dir: Path) -> None:
    """Trial 21: a question added to a checklist went live with only "No entries changed" said."""
    path = kb_dir / "checklists" / "neglect.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(PLAIN, "Answer yes if the record shows the child may be "
                                                                    "at risk of significant harm that", 1),
                    encoding="utf-8")
    [reloaded] = engine.command(QA_LEAD, "kb reload")
    assert reloaded.text.endswith("No entries changed.\nChecklists: Added: none; Changed: `neglect`; Removed: none. "
                                  "`neglect`: no question added, reworded or removed (guidance, options or order "
                                  "changed); no audit in progress is on the old version. "
                                  "New audits use them as they are now; audits already started keep the version they "
                                  "started with.")
    [again] = engine.command(QA_LEAD, "kb reload")
    assert again.text.endswith("No checklists changed.")
