"""Vocabulary as data: QA leads add ways of saying an idea in YAML, kb check guards it, and search uses it."""

from __future__ import annotations

from pathlib import Path

from knowledge.loader import check_knowledge, load_knowledge
from knowledge.search import KnowledgeSearch, SearchFit

ENTRY = """entries:
  - id: missing-from-care
    question: What should happen when a child goes missing from care?
    answer: Report it to the police and the child's social worker, and offer a return home interview.
    tags: [missing]
    source: Statutory guidance on children who run away or go missing from home or care
    owner: U0QALEAD1
    review_by: 2030-01-31
  - id: life-story-work
    question: What is life story work?
    answer: Helping a child in care understand their history, with photos, memories and a story book.
    tags: [identity]
    source: Local practice guidance
    owner: U0QALEAD1
    review_by: 2030-01-31
  - id: other-0
    question: What is the core group timescale?
    answer: The core group is held within 5 working days, recorded on the file.
    tags: [timescales]
    source: Working Together to Safeguard Children 2023
    owner: U0QALEAD1
    review_by: 2030-01-31
  - id: other-1
    question: What is the strategy discussion timescale?
    answer: The strategy discussion is held within 6 working days, recorded on the file.
    tags: [timescales]
    source: Working Together to Safeguard Children 2023
    owner: U0QALEAD1
    review_by: 2030-01-31
  - id: other-2
    question: What is the initial conference timescale?
    answer: The initial conference is held within 7 working days, recorded on the file.
    tags: [timescales]
    source: Working Together to Safeguard Children 2023
    owner: U0QALEAD1
    review_by: 2030-01-31
  - id: other-3
    question: What is the review conference timescale?
    answer: The review conference is held within 8 working days, recorded on the file.
    tags: [timescales]
    source: Working Together to Safeguard Children 2023
    owner: U0QALEAD1
    review_by: 2030-01-31
  - id: other-4
    question: What is the assessment timescale?
    answer: The assessment is held within 9 working days, recorded on the file.
    tags: [timescales]
    source: Working Together to Safeguard Children 2023
    owner: U0QALEAD1
    review_by: 2030-01-31
"""


def write(folder: Path, vocabulary: str) -> Path:
    (folder / "kb.yaml").write_text(ENTRY, encoding="utf-8")
    (folder / "vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    return folder


def messages(folder: Path) -> list[str]:
    return [f"{p.file}:{p.line} {p.message}" for p in check_knowledge(folder)]


def test_the_shipped_vocabulary_is_a_real_one_and_checks_clean() -> None:
    kb = load_knowledge()
    assert len(kb.vocabulary) >= 300 and kb.concepts
    assert any({"went missing", "missing episode"} <= set(group) for group in kb.vocabulary)


def test_a_phrase_in_two_groups_and_a_lonely_phrase_are_reported_with_their_lines(tmp_path: Path) -> None:
    folder = write(tmp_path, "vocabulary:\n  - [missing, absconded]\n  - [runaway]\n  - [absconded, ran off]\n")
    found = messages(folder)
    assert any("vocabulary.yaml:3" in m and "at least two ways" in m for m in found), found
    assert any("vocabulary.yaml:4" in m and "'absconded' is in two vocabulary groups" in m for m in found), found


def test_a_phrase_too_long_or_not_text_is_reported(tmp_path: Path) -> None:
    folder = write(tmp_path, "vocabulary:\n  - [missing, a b c d e f g h]\n  - [12, x]\n")
    found = messages(folder)
    assert any("has 8 words" in m for m in found), found
    assert any("holds a number" in m or "holds an integer" in m or "holds" in m for m in found), found


def test_a_word_only_the_vocabulary_knows_finds_the_entry(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fit = SearchFit(suggest_keyword=1.0)
    without = KnowledgeSearch(load_knowledge(write(tmp_path / "a", "vocabulary:\n  - [photos, pictures]\n")), fit)
    with_group = KnowledgeSearch(
        load_knowledge(write(tmp_path / "b", "vocabulary:\n  - [missing, absconded, did a runner]\n")), fit)
    query = "the young person absconded again last night"
    assert without.search(query).outcome == "none"
    result = with_group.search(query)
    assert result.outcome == "ambiguous"
    assert [m.entry_id for m in result.suggestions][:1] == ["missing-from-care"]
