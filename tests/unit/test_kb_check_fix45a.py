"""Trial 44: `kb check`'s warnings and words (F2 new tags, F3 ids missing after an id was changed, F13 empty answer)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.new_tag_asked import kept_new
from bot.asking.unanswered_input import EntryProblems, parse_new_entry, typed_tags
from knowledge.disk_lines import on_disk
from knowledge.folded_items import folder_warnings
from knowledge.kb_writer import NewEntry, add_alternative
from knowledge.loader import check_knowledge, default_folder, load_knowledge
from knowledge.new_tags import near_tag
from knowledge.problems import Problem


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_folder(), target, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.json"))
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_new_tag_a_letter_off_a_used_one_is_warned_of(folder: Path) -> None:
    _edit(folder / "kb" / "good-practice.yaml", "tags: [mental-health, parents]", "tags: [mental-helth, parents]")
    warnings = [str(warning) for warning in folder_warnings(folder)]
    assert len(warnings) == 1
    assert "new tag 'mental-helth': did you mean 'mental-health'?" in warnings[0]
    assert check_knowledge(folder) == []  # a warning: the folder still loads


def test_the_shipped_tags_raise_no_warning() -> None:
    assert folder_warnings(default_folder()) == []


def test_different_short_or_used_tags_are_not_queried() -> None:
    assert near_tag("cp", {"cin": 3}) is None
    assert near_tag("reporting", {"recording": 5}) is None
    assert near_tag("mental-health", {"mental-health": 4}) is None
    assert near_tag("mental-helth", {"mental-health": 4}) == "mental-health"


def test_an_id_changed_into_a_duplicate_gets_no_wrong_did_you_mean(folder: Path) -> None:
    _edit(folder / "kb" / "timescales.yaml", "- id: assessment-timescale\n", "- id: referral-decision-timescale\n")
    problems = check_knowledge(folder)
    # told once, with the id used twice, not once more per entry pointing at the old id (trial 51, F23)
    [told] = [str(problem) for problem in problems if "'assessment-timescale'" in problem.message]
    assert len(problems) == 1
    assert "health-assessment-timescale" not in told
    assert told.startswith("kb/timescales.yaml:54: entry id 'referral-decision-timescale' is used twice: here and "
                           "at kb/timescales.yaml:5; rename one of them. If it was 'assessment-timescale' before, "
                           "give it its id back: entries '")
    assert "'working-days-counting' (kb/timescales.yaml:" in told
    assert told.endswith("are related to 'assessment-timescale', which no entry has now.")


def test_a_duplicate_id_is_one_problem_not_three(folder: Path) -> None:
    """Trial 51 (F23): an id changed into one already used gave the duplicate, then "is related to
    'parental-substance-misuse', but no entry has that id" and "lists itself under `related:`"."""
    _edit(folder / "kb" / "good-practice.yaml", "- id: parental-substance-misuse\n", "- id: domestic-abuse\n")
    [problem] = [str(problem) for problem in check_knowledge(folder)]
    assert "entry id 'domestic-abuse' is used twice" in problem
    assert ("If it was 'parental-substance-misuse' before, give it its id back: entry 'parental-mental-health' "
            "(kb/good-practice.yaml:") in problem
    assert "lists itself" not in problem


def test_two_ids_missing_after_a_rename_are_still_told_line_by_line(folder: Path) -> None:
    _edit(folder / "kb" / "good-practice.yaml", "- id: parental-substance-misuse\n", "- id: domestic-abuse\n")
    _edit(folder / "kb" / "good-practice.yaml", "[voice-of-the-child-good, assessment-analysis-good]",
          "[voice-of-the-child-good, assessment-analysis-goo]")
    lines = [str(problem) for problem in check_knowledge(folder)]
    assert any("is related to 'parental-substance-misuse', but no entry has that id; an entry's id was changed"
               in line for line in lines)
    assert any("is related to 'assessment-analysis-goo'" in line for line in lines)


def test_a_plain_typo_in_related_still_gets_its_did_you_mean(folder: Path) -> None:
    _edit(folder / "kb" / "good-practice.yaml", "[voice-of-the-child-good, assessment-analysis-good]",
          "[voice-of-the-child-good, assessment-analysis-goo]")
    lines = [str(problem) for problem in check_knowledge(folder)]
    assert any("did you mean `assessment-analysis-good`?" in line for line in lines)


@pytest.mark.parametrize("typed", ["How do I refer a young person to Kooth?",
                                   "How do I refer a young person to Kooth? | | tags: mental-helth"])
def test_kb_new_without_an_answer_says_the_answer_is_empty(typed: str) -> None:
    with pytest.raises(EntryProblems) as refused:
        parse_new_entry(typed)
    assert "• the answer is empty:" in str(refused.value)
    assert refused.value.by_field[0][0] == "answer"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_kb_new_names_each_empty_part_and_nothing_else(text: str) -> None:
    parts = [part.strip() for part in text.split("|")]
    empty = {field for field, part in (("question", parts[0]), ("answer", parts[1] if len(parts) > 1 else ""))
             if not part}
    try:
        parse_new_entry(text)
    except EntryProblems as refused:  # an unknown part after the answer is told with them (trial 64, F8)
        assert {field for field, _ in refused.problems} - {"parts"} == empty
        return
    except Exception:
        assert empty == set()
        return
    assert empty == set()


def test_a_refused_edit_gives_the_lines_of_the_file_on_disk(folder: Path) -> None:
    live = load_knowledge(folder)  # what the bot serves: the folder is then broken by hand
    timescales = folder / "kb" / "timescales.yaml"
    _edit(timescales, "- id: assessment-timescale\n", "- id: referral-decision-timescale\n")
    on_disk = {str(problem) for problem in check_knowledge(folder)}
    result = add_alternative(folder, "core-group-timescale", "core group how soon after icpc", known=live)
    assert not result.ok
    refused = {str(problem) for problem in result.problems}
    assert any("'working-days-counting'" in line for line in refused)
    assert refused == on_disk  # every line number as `kb check` gives it, nothing written
    assert "core group how soon after icpc" not in timescales.read_text(encoding="utf-8")


def test_lines_after_an_added_line_are_counted_as_on_disk() -> None:
    problems = [Problem("kb/a.yaml", 5, "here and at kb/a.yaml:4; rename"), Problem("kb/b.yaml", 5, "x")]
    moved = on_disk(problems, "kb/a.yaml", "a\nb\nc\nd\n", "a\nb\nnew\nc\nd\n")
    assert [str(problem) for problem in moved] == ["kb/a.yaml:4: here and at kb/a.yaml:3; rename", "kb/b.yaml:5: x"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=","), max_size=30),
       st.booleans())
def test_a_typed_tag_is_kept_as_new_only_with_the_mark(text: str, marked: bool) -> None:
    typed = typed_tags(text + (" (new)" if marked else ""))
    if not text.strip(", "):  # nothing but the mark: no tag
        assert all(tag.removesuffix(" (new)") for tag in typed)
        return
    new, kept = kept_new(NewEntry(question="q", answer="a", tags=typed))
    assert all(" " not in tag for tag in new.tags)
    if marked:
        assert kept and new.tags == tuple(kept)


def test_a_tag_a_whole_word_off_a_used_one_is_not_taken_for_a_slip() -> None:
    """Trial 50 (#10): 'care-proceedings' is a different stage from 'pre-proceedings', not a typo of it."""
    assert near_tag("care-proceedings", {"pre-proceedings": 2}) is None
    assert near_tag("pre-procedings", {"pre-proceedings": 2}) == "pre-proceedings"
    assert near_tag("safegaurding-adults", {"safeguarding-adults": 3}) == "safeguarding-adults"
    assert near_tag("mentalhealth", {"mental-health": 3}) == "mental-health"
