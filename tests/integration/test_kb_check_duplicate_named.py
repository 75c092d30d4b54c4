"""Trial 33 (low): "kb/children-in-care.yaml:489: entry id 'personal-adviser' is used twice: here and at
kb/care-leavers.yaml:82; rename one of them." did not say which entry was the new one. `kb check` now names both
places' questions, unless either entry holds text that could identify a child or family (never quoted)."""

from __future__ import annotations

from pathlib import Path

from bot.asking.kb_check import folder_problems
from bot.privacy.screen import Screen

CARE_LEAVERS = "entries:\n  - id: personal-adviser\n    question: What does a personal adviser do?\n    answer: A.\n"


def checked(tmp_path: Path, added: str, screen: Screen) -> list[str]:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "care-leavers.yaml").write_text(CARE_LEAVERS, encoding="utf-8")
    (tmp_path / "kb" / "children-in-care.yaml").write_text(added, encoding="utf-8")
    problems, kb = folder_problems(tmp_path, screen)
    assert kb is None
    return [str(problem) for problem in problems]


def test_an_id_used_twice_names_both_places_with_their_questions(tmp_path: Path, identifier_screen: Screen) -> None:
    added = ("entries:\n  - id: personal-adviser\n    question: >-\n      Can a care leaver keep\n      their "
             "personal adviser after 21?\n    answer: B.\n")
    assert checked(tmp_path, added, identifier_screen) == [
        "kb/children-in-care.yaml:2: entry id 'personal-adviser' is used twice: here, for “Can a care leaver keep "
        "their personal adviser after 21?”, and at kb/care-leavers.yaml:2, for “What does a personal adviser do?”; "
        "rename the one you added."]


def test_a_question_that_could_identify_a_child_is_never_quoted(tmp_path: Path, identifier_screen: Screen) -> None:
    added = ("entries:\n  - id: personal-adviser\n    question: What did the Kayden Smith review find?\n"
             "    answer: B.\n")
    said = checked(tmp_path, added, identifier_screen)
    assert "kb/children-in-care.yaml:2: entry id 'personal-adviser' is used twice: here and at " \
           "kb/care-leavers.yaml:2; rename one of them." in said
    assert not any("Kayden" in line or "personal adviser do" in line for line in said)
