"""knowledge/kb_writer.py: a change made from the bot is exactly the lines added, checked like `kb check` first."""

from __future__ import annotations

import difflib
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bot.privacy.knowledge_screen import entry_identifier_problems
from bot.privacy.screen import Screen
from knowledge.ask_cli import run_kb_check
from knowledge.kb_writer import NewEntry, add_alternative, add_entry, only_added_lines
from knowledge.loader import default_folder, load_knowledge

SHIPPED = default_folder()
FIXTURE = Path(__file__).resolve().parents[1] / "data" / "kb_fixtures" / "good"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the shipped knowledge folder: tests never write into the repository's files."""
    target = tmp_path / "knowledge"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.json"))
    return target


def added_lines(before: str, after: str) -> list[str]:
    """The diff as a reader sees it: every line starting + or -, without the headers."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def kb_check_lines(folder: Path) -> list[str]:
    out = io.StringIO()
    run_kb_check(folder, out)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("file", sorted(p.name for p in (SHIPPED / "kb").glob("*.yaml") if p.name != "glossary.yaml"))
def test_a_new_wording_is_the_one_line_added_to_each_shipped_file(folder: Path, file: str) -> None:
    kb = load_knowledge(folder)
    entry = next(e for e in kb.entries.values() if e.file == f"kb/{file}")
    path = folder / "kb" / file
    before = path.read_text(encoding="utf-8")

    result = add_alternative(folder, entry.id, "  what do we   do about this one  ")

    assert result.written and result.ok
    assert added_lines(before, path.read_text(encoding="utf-8")) == ["+      - what do we do about this one"]
    assert "what do we do about this one" in load_knowledge(folder).entries[entry.id].alternatives


def test_a_new_entry_is_exactly_its_lines_at_the_end_of_the_file(folder: Path) -> None:
    path = folder / "kb" / "care-leavers.yaml"
    before = path.read_text(encoding="utf-8")
    new = NewEntry(question="When is the care leavers' drop-in?", answer="Every Tuesday, 2pm.\nAt the hub.",
                   tags=("care-leavers", "local"), source="Leaving care team", owner="U0QALEAD1",
                   review_by="2027-06-30")

    result = add_entry(folder, "kb/care-leavers.yaml", new)

    assert result.written, result.problems
    assert added_lines(before, path.read_text(encoding="utf-8")) == [
        "+",
        "+  - id: care-leavers-drop-in",
        "+    question: When is the care leavers' drop-in?",
        "+    answer: |",
        "+      Every Tuesday, 2pm.",
        "+      At the hub.",
        "+    tags: [care-leavers, local]",
        "+    source: Leaving care team",
        "+    owner: U0QALEAD1",
        "+    review_by: 2027-06-30",
    ]
    entry = load_knowledge(folder).entries["care-leavers-drop-in"]
    assert entry.answer == "Every Tuesday, 2pm.\nAt the hub.\n"
    assert kb_check_lines(folder)[0].startswith("OK:")
    assert not list(folder.rglob("*.tmp")), "the temporary file is gone once swapped in"


def test_a_one_line_answer_is_a_block_like_its_neighbours_with_the_source_named(folder: Path) -> None:
    """Trial 44: a new entry's one-line answer went in as one long quoted line among `answer: |` blocks."""
    path = folder / "kb" / "placements-and-permanence.yaml"
    before = path.read_text(encoding="utf-8")
    new = NewEntry(question="How do I refer a young person to Kooth?",
                   answer="Kooth is free online counselling: the young person signs up themselves; record the "
                          "advice given, and refer to CAMHS instead where there is a risk of harm.",
                   tags=("mental-health",), source="the QA team's own guidance", owner="U0QALEAD1",
                   review_by="2027-06-30")

    result = add_entry(folder, "kb/placements-and-permanence.yaml", new)

    assert result.written, result.problems
    assert added_lines(before, path.read_text(encoding="utf-8")) == [
        "+",
        "+  - id: refer-young-person-kooth",
        "+    question: How do I refer a young person to Kooth?",
        "+    answer: |",
        "+      Kooth is free online counselling: the young person signs up themselves; record the advice given, "
        "and refer to CAMHS instead where there is a risk of harm.",
        "+    tags: [mental-health]",
        "+    source: the QA team's own guidance",
        "+    owner: U0QALEAD1",
        "+    review_by: 2027-06-30",
    ]
    assert load_knowledge(folder).entries[result.entry_id].answer == new.answer + "\n"


def test_a_file_of_one_line_answers_gets_a_one_line_answer(tmp_path: Path) -> None:
    target = tmp_path / "good"
    shutil.copytree(FIXTURE, target)
    path = target / "kb" / "timescales.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "answer: |\n      Within", "answer: Within"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")

    result = add_entry(target, "kb/timescales.yaml", NewEntry(question="What is a PEP?",
                                                              answer="A personal education plan."))

    assert result.written, result.problems
    assert added_lines(before, path.read_text(encoding="utf-8")) == [
        "+  - id: what-is-a-pep", "+    question: What is a PEP?", "+    answer: A personal education plan."]


@pytest.mark.parametrize(("fields", "bad_field"), [
    ({"answer": "x" * 2901}, "answer"),
    ({"review_by": "30/06/2027"}, "review_by"),
    ({"owner": "Sam in QA"}, "owner"),
    ({"answer": "   "}, "answer"),
])
def test_a_bad_entry_is_refused_with_the_kb_check_message_and_nothing_is_written(
        folder: Path, tmp_path: Path, fields: dict[str, str], bad_field: str) -> None:
    path = folder / "kb" / "timescales.yaml"
    before = path.read_bytes()
    new = NewEntry(**{"question": "When is the fire drill?", "answer": "First Monday.", **fields})

    result = add_entry(folder, "kb/timescales.yaml", new)

    assert not result.written
    assert path.read_bytes() == before
    # The same entry written by hand into another copy: `kb check` says the same words about it.
    by_hand = tmp_path / "by-hand"
    shutil.copytree(folder, by_hand)
    text = before.decode("utf-8").rstrip("\n") + "\n\n  - id: fire-drill\n" \
        "    question: When is the fire drill?\n"
    for key in ("answer", "owner", "review_by"):
        value = {"answer": "First Monday.", **fields}.get(key)
        if value is not None:
            if key == "answer" and not value.strip():
                text += f"    {key}: {value!r}\n"
            elif key == "answer" and len(value) < 2900:  # a block, as its neighbours in the file
                text += f"    {key}: |\n      {value}\n"
            else:
                text += f"    {key}: {value}\n"
    (by_hand / "kb" / "timescales.yaml").write_text(text, encoding="utf-8")
    reported = kb_check_lines(by_hand)
    assert [f"- {problem}" for problem in result.problems] == reported[1:]
    assert [result.field_of(problem) for problem in result.problems] == [bad_field]


def test_an_identifier_is_refused_by_the_same_screen_kb_check_uses(folder: Path) -> None:
    screen = Screen.listed_only(frozenset())
    path = folder / "kb" / "timescales.yaml"
    before = path.read_bytes()
    new = NewEntry(question="Who do I call?", answer="Ring the duty desk on 07700 900123.")

    result = add_entry(folder, "kb/timescales.yaml", new,
                       checks=[lambda entries: entry_identifier_problems(entries, screen)])

    assert not result.written and path.read_bytes() == before
    assert len(result.problems) == 1
    assert "entry 'who-do-i-call' answer:" in result.problems[0].message
    assert result.field_of(result.problems[0]) == "answer"


def test_an_edit_into_a_folder_with_an_id_used_twice_screens_that_entry_too(folder: Path) -> None:
    """Trial 9, finding 6: an entry written by hand with an id already used is screened like every other, so the
    edit's refusal names the phone number in it beside the id used twice (a fake number, for the screen)."""
    screen = Screen.listed_only(frozenset())
    live = load_knowledge(folder)  # what the bot serves: the hand edit below comes after it loaded
    path = folder / "kb" / "auditing-here.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: start-audit\n    question: Who rang the desk?\n"
                    "    answer: The mother, from 07700 900123.\n", encoding="utf-8")
    new = NewEntry(question="Who do I call?", answer="The duty desk.")

    result = add_entry(folder, "kb/timescales.yaml", new,
                       checks=[lambda entries: entry_identifier_problems(entries, screen)], known=live)

    assert not result.written
    messages = [problem.message for problem in result.problems]
    assert any(message.startswith("entry id 'start-audit' is used twice") for message in messages)
    assert any(message.startswith("entry 'start-audit' answer: “0… 9…” looks like a phone number")
               for message in messages)


def test_a_wording_already_there_changes_nothing(folder: Path) -> None:
    entry = load_knowledge(folder).entries["assessment-timescale"]
    path = folder / "kb" / "timescales.yaml"
    before = path.read_bytes()

    result = add_alternative(folder, entry.id, entry.alternatives[0].upper())

    assert result.unchanged and not result.written and result.ok
    assert path.read_bytes() == before


def test_an_unknown_entry_or_file_is_refused(folder: Path) -> None:
    assert "no entry has the id 'nope'" in add_alternative(folder, "nope", "x").problems[0].message
    result = add_entry(folder, "kb/glossary.yaml", NewEntry("q?", "a"))
    assert "no `entries:` list" in result.problems[0].message


def test_a_flow_style_list_is_not_rewritten_behind_the_lead_s_back(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    path = folder / "a.yaml"
    path.write_text("entries:\n  - id: one\n    question: One?\n    alternatives: [uno, eins]\n    answer: One.\n",
                    encoding="utf-8")
    before = path.read_bytes()

    result = add_alternative(folder, "one", "un")

    assert not result.written and "add it by hand" in result.problems[0].message
    assert path.read_bytes() == before


def test_the_file_keeps_its_permissions(folder: Path) -> None:
    path = folder / "kb" / "timescales.yaml"
    path.chmod(0o640)
    assert add_alternative(folder, "assessment-timescale", "assessment how long").written
    assert path.stat().st_mode & 0o777 == 0o640


def test_only_added_lines() -> None:
    assert only_added_lines("a\nb\n", "a\nx\nb\n")
    assert not only_added_lines("a\nb\n", "a\nc\n")


WORDING = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


@pytest.fixture(scope="module")
def fixture_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("kb") / "good"
    shutil.copytree(FIXTURE, target)
    return target


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wording=WORDING)
def test_any_accepted_wording_round_trips_and_comments_survive(fixture_copy: Path, wording: str) -> None:
    path = fixture_copy / "kb" / "timescales.yaml"
    original = path.read_bytes()
    try:
        comments = [line.strip() for line in original.decode().splitlines() if line.strip().startswith("#")]
        result = add_alternative(fixture_copy, "strategy-discussion", wording)
        after = path.read_bytes()
        if result.written:
            assert " ".join(wording.split()) in load_knowledge(fixture_copy).entries["strategy-discussion"].alternatives
            assert only_added_lines(original.decode(), after.decode())
            kept = [line.strip() for line in after.decode().splitlines() if line.strip().startswith("#")]
            assert kept == comments
        elif not result.unchanged:
            assert result.problems
            assert after == original
    finally:
        path.write_bytes(original)


@pytest.mark.parametrize("wording", ["yes", "off", "1:20", "2027-01-01", "null", "#hash", "a: b", "- dash"])
def test_words_yaml_would_read_as_something_else_are_quoted(folder: Path, wording: str) -> None:
    result = add_alternative(folder, "assessment-timescale", wording)
    assert result.written, result.problems
    assert wording in load_knowledge(folder).entries["assessment-timescale"].alternatives


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=TEXT, answer=st.lists(TEXT, min_size=1, max_size=3).map("\n".join))
def test_any_accepted_entry_round_trips_and_a_refused_one_leaves_the_file_alone(fixture_copy: Path, question: str,
                                                                                answer: str) -> None:
    path = fixture_copy / "kb" / "timescales.yaml"
    original = path.read_bytes()
    try:
        result = add_entry(fixture_copy, "kb/timescales.yaml", NewEntry(question=question, answer=answer))
        if result.written:
            entry = load_knowledge(fixture_copy).entries[result.entry_id]
            assert entry.question == " ".join(question.split())
            assert entry.answer.strip() == "\n".join(line.rstrip() for line in answer.strip("\n").split("\n")).strip()
            assert only_added_lines(original.decode(), path.read_text(encoding="utf-8"))
        else:
            assert result.problems and path.read_bytes() == original
    finally:
        path.write_bytes(original)
