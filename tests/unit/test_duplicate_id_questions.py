"""Trial 33 (low): "kb/children-in-care.yaml:489: entry id 'personal-adviser' is used twice: here and at
kb/care-leavers.yaml:82; rename one of them." did not say which entry was the new one. Both places now name the
entry's question, so the QA lead sees which she added."""

from __future__ import annotations

from pathlib import Path

from knowledge.loader import check_knowledge


def test_an_id_used_twice_names_both_places_with_their_questions(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "care-leavers.yaml").write_text(
        "entries:\n  - id: personal-adviser\n    question: What does a personal adviser do?\n    answer: A.\n",
        encoding="utf-8")
    (tmp_path / "kb" / "children-in-care.yaml").write_text(
        "entries:\n  - id: personal-adviser\n    question: >-\n      Can a care leaver keep\n      their PA after 21?\n"
        "    answer: B.\n", encoding="utf-8")
    assert [str(p) for p in check_knowledge(tmp_path)] == [
        "kb/children-in-care.yaml:2: entry id 'personal-adviser' is used twice: here, for “Can a care leaver keep "
        "their PA after 21?”, and at kb/care-leavers.yaml:2, for “What does a personal adviser do?”; rename the one "
        "you added."]


def test_an_entry_with_no_question_yet_is_named_by_its_place_alone(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("entries:\n  - id: same\n    question: Q?\n    answer: A.\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("entries:\n  - id: same\n    answer: B.\n", encoding="utf-8")
    assert ("b.yaml:2: entry id 'same' is used twice: here and at a.yaml:2, for “Q?”; rename the one you added."
            in [str(p) for p in check_knowledge(tmp_path)])
