"""The New entry form's check (a dry run of knowledge.kb_writer.add_entry against the knowledge base as loaded):
while no file has changed since the load it checks the new entry alone against what is loaded, and says exactly
what checking the whole folder again says, in the same words, at the same files and lines, beside the same fields;
once a file is edited by hand, added or deleted, it checks the whole folder again."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bot.privacy.knowledge_screen import entry_identifier_problems
from bot.privacy.screen import Screen
from knowledge.entries import EntryTexts
from knowledge.kb_writer import Check, NewEntry, WriteResult, _added_after_last_line, add_entry
from knowledge.loader import KnowledgeBase, default_folder, load_knowledge, matches_disk
from knowledge.problems import Problem

SHIPPED = default_folder()
# two of the shipped files with entries before and after them (the small ones: checking the whole folder is slow)
FILES = ["kb/care-leavers.yaml", "kb/legal-and-consent.yaml"]
NHS_NUMBER = "943 476 5919"  # a valid NHS number (its check digit fits): the screen must catch it


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the shipped knowledge folder; the tests here only check, never write."""
    target = tmp_path_factory.mktemp("kb") / "knowledge"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.json"))
    return target


@pytest.fixture(scope="module")
def known(folder: Path) -> KnowledgeBase:
    return load_knowledge(folder)


def changed_since(kb: KnowledgeBase) -> Check:
    """The identifier screen of the entries whose texts differ from `kb`'s, as the bot checks a form (the rest
    were screened when `kb` was made live)."""
    screen = Screen.listed_only(frozenset())

    def texts(entry: EntryTexts | None) -> tuple:
        return () if entry is None else (entry.question, entry.answer, entry.alternatives, entry.source, entry.tags)

    def check(entries: object) -> list[Problem]:
        return entry_identifier_problems([entry for entry in entries  # type: ignore[attr-defined]
                                          if texts(kb.entries.get(entry.id) if entry.id else None) != texts(entry)],
                                         screen)
    return check


def both_ways(folder: Path, kb: KnowledgeBase, file: str, new: NewEntry) -> tuple[WriteResult, WriteResult]:
    """The form's check against `kb`, and the same check made by reading and checking the whole folder."""
    assert matches_disk(kb, folder) and _added_after_last_line((folder / file).read_text(encoding="utf-8"))
    quick = add_entry(folder, file, new, [changed_since(kb)], known=kb, dry_run=True)
    whole = add_entry(folder, file, new, [changed_since(kb)], known=replace(kb, file_stamps={}), dry_run=True)
    return quick, whole


def told(result: WriteResult) -> list[tuple[str, str | None]]:
    return [(str(problem), result.field_of(problem)) for problem in result.problems]


def entry_like(kb: KnowledgeBase, file: str, after: bool) -> tuple[str, str]:
    """(id, question) of an entry in a file read before `file` (or after it, with `after`)."""
    order = list(kb.file_digests)
    return next((entry.id, entry.question) for entry in kb.entries.values()
                if entry.file.startswith("kb/") and (order.index(entry.file) > order.index(file)) == after
                and entry.file != file)


@pytest.mark.parametrize("file", FILES)
def test_each_mistake_is_told_as_checking_the_whole_folder_tells_it(folder: Path, known: KnowledgeBase,
                                                                    file: str) -> None:
    """A good entry; a question another entry asks, in this file or in one read before or after it (the problem
    is told at the later entry, citing the other); an alternative of another entry; an id used twice (the bot
    makes ids unique, so only should what is loaded be out of date), in each of those places; a bad owner and
    review date with an NHS number in the question and answer: the same result either way."""
    mine = next(entry for entry in known.entries.values() if entry.file == file)
    with_alternative = next(entry for entry in known.entries.values() if entry.alternatives)
    cases = [NewEntry("When is the fire drill held?", "The 20th of each month.", tags=("office",)),
             NewEntry(mine.question, "Another answer."),
             NewEntry(with_alternative.alternatives[0].upper() + "!", "Another answer."),
             NewEntry(f"Who is on duty on {NHS_NUMBER}?", f"Ring {NHS_NUMBER}.", owner="bob",
                      review_by="30/06/2027")]
    for after in (False, True):
        with_id, question = entry_like(known, file, after)
        cases += [NewEntry(question, "Another answer."), NewEntry("A question nobody asked?", "Yes.", id=with_id)]
    cases.append(NewEntry("Is this id taken?", "Yes.", id=mine.id))
    for new in cases:
        quick, whole = both_ways(folder, known, file, new)
        assert (quick.entry_id, told(quick), quick.field_lines) == (whole.entry_id, told(whole), whole.field_lines)
        assert not quick.written and not whole.written


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@hypothesis_settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=TEXT, answer=st.lists(TEXT, min_size=1, max_size=3).map("\n".join),
       owner=st.sampled_from(["", "U0QALEAD1", "bob"]), tags=st.lists(TEXT, max_size=2))
def test_whatever_is_typed_the_check_says_what_the_whole_folder_check_says(folder: Path, known: KnowledgeBase,
                                                                            question: str, answer: str, owner: str,
                                                                            tags: list[str]) -> None:
    new = NewEntry(question, answer, tags=tuple(tags), owner=owner or None)
    quick, whole = both_ways(folder, known, "kb/care-leavers.yaml", new)
    assert (quick.entry_id, told(quick), quick.field_lines) == (whole.entry_id, told(whole), whole.field_lines)


def test_a_file_edited_added_or_removed_since_the_load_is_noticed(tmp_path: Path) -> None:
    target = tmp_path / "knowledge"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.json"))
    kb = load_knowledge(target)
    assert matches_disk(kb, target)
    path = target / "kb" / "care-leavers.yaml"
    text = path.read_text(encoding="utf-8")

    path.write_text(text.replace("?", "? ", 1), encoding="utf-8")
    assert not matches_disk(kb, target)
    path.write_text(text, encoding="utf-8")
    assert not matches_disk(kb, target), "the same text written again is still a new write: checked whole"
    kb = load_knowledge(target)
    (target / "kb" / "zz-new.yaml").write_text("entries: []\n", encoding="utf-8")
    assert not matches_disk(kb, target)
    (target / "kb" / "zz-new.yaml").unlink()
    assert matches_disk(kb, target)
    os.replace(path, target / "kb" / "care-leavers.yml")
    assert not matches_disk(kb, target)
