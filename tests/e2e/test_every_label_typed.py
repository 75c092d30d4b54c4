"""Trial 32: `submit the changes`, the review's own button after `edit 151`, was told "I haven't stored that
anywhere"; only `submit` worked. Every button an audit's step shows takes its label typed, in any case: it does what
the button does, never an error or the knowledge base."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.knowledge import KnowledgeService
from bot.privacy.screen import Screen
from bot.settings.config import load_settings
from bot.terminal.chat import run_chat
from tests.e2e.test_trial26_answers import MONDAY, TO_ACTIONS, TO_DRIFT, TO_REVIEWS

AT_WORKER = ["start audit child protection plan", "CR-448812"]
AT_REVIEW = [*TO_DRIFT, "1", "good", "The child is making steady progress."]
AT_SUBMIT = [*TO_ACTIONS, "done"]
STEPS = {
    "worker": AT_WORKER,
    "question": [*AT_WORKER, "Social worker N1"],
    "grade question": TO_REVIEWS[:8],
    "evidence": TO_REVIEWS[:9],
    "review": AT_REVIEW,
    "overall grade": [*AT_REVIEW, "next"],
    "strengths": [*AT_REVIEW, "next", "confirm"],
    "actions": TO_ACTIONS,
    "submit": AT_SUBMIT,
    "reopened review": [*AT_SUBMIT, "submit", "edit 1"],
    "cancel question": [*AT_WORKER, "cancel"],
}
OPTION = re.compile(r"^  \d+\) (.+)$")


def _labels(out: str) -> list[str]:
    """The buttons shown last, as the terminal numbers them (the notes under them passed over)."""
    shown: list[str] = []
    for line in reversed(out.splitlines()):
        if found := OPTION.match(line):
            shown.insert(0, found.group(1))
        elif shown:
            break
    return shown


def _chat(folder: Path, knowledge: KnowledgeService, screen: Screen, lines: list[str]) -> str:
    """The terminal chat's output for `lines`, typed by the manager into a fresh database."""
    settings = load_settings({"AUDITBOT_CONFIG": str(folder / "config"), "AUDITBOT_DB": str(folder / "audit.db")})
    services = build_services(settings, knowledge=knowledge, screen=screen)
    out = io.StringIO()
    try:
        with time_machine.travel(MONDAY, tick=False):
            run_chat(build_engine(services), "U0MGRN001", io.StringIO("".join(f"{line}\n" for line in lines)), out)
    finally:
        services.storage.close()
    return out.getvalue()


@pytest.mark.parametrize("name", list(STEPS))
def test_every_label_typed_does_what_its_button_does(config_dir: Path, tmp_path: Path,
                                                     shipped_knowledge: KnowledgeService, identifier_screen: Screen,
                                                     name: str) -> None:
    """Each label the step shows, typed (in lower or upper case) into a fresh copy of the audit at that step."""
    (tmp_path / "shown").mkdir()
    (tmp_path / "shown" / "config").symlink_to(config_dir)
    before = _chat(tmp_path / "shown", shipped_knowledge, identifier_screen, STEPS[name])
    labels = _labels(before)
    assert labels, before[-500:]
    for index, label in enumerate(labels):
        typed = label.upper() if index % 2 else label.lower()
        folder = tmp_path / str(index)
        folder.mkdir()
        (folder / "config").symlink_to(config_dir)
        said = _chat(folder, shipped_knowledge, identifier_screen, [*STEPS[name], typed])[len(before) - 6:]
        assert not any(line.startswith("! ") for line in said.splitlines()), (name, typed, said)
        assert "haven't stored" not in said and "(Source:" not in said, (name, typed, said)
