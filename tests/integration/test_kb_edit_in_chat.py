"""`/audit kb edit <id> <field>: <text>`: a QA lead changes an entry's answer, question, alternatives or review date
from chat. The change is read back and written only on `yes`; checked as `kb check` checks it first (a bad change
gets its words and nothing is written); the YAML diff is exactly that change; reloaded and in the trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_new_entry_trial import kb_check_messages, yaml_files
from tests.integration.test_unanswered_workflow import QA_LEAD, diff_lines
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import add_extra_entries, all_text

ENTRY = "icpc-timescale"
NEW_ANSWER = "Within 15 working days of the strategy discussion that started the section 47 enquiries."


def timescales(kb_dir: Path) -> Path:
    return kb_dir / "kb" / "timescales.yaml"


def trail(services: Services) -> list[dict]:
    rows = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'kb.edit'").fetchall()
    return [json.loads(row[0]) for row in rows]


def test_an_answer_is_read_back_and_written_only_on_yes(engine: Engine, services: Services, kb_dir: Path) -> None:
    path = timescales(kb_dir)
    before = path.read_text(encoding="utf-8")
    old = services.knowledge.current.kb.entries[ENTRY].answer

    [asked] = engine.message(QA_LEAD, f"kb edit {ENTRY} answer: {NEW_ANSWER}")

    assert asked.kind == "question" and asked.text.startswith(f"Change the answer of `{ENTRY}` (_When must an")
    assert f"New:\n>{NEW_ANSWER}" in asked.text and "It is written to `kb/timescales.yaml`" in asked.text
    assert path.read_text(encoding="utf-8") == before  # nothing before the yes
    [done] = engine.message(QA_LEAD, "yes")

    assert done.text == f"Changed the answer of `{ENTRY}` in `kb/timescales.yaml` and reloaded: " \
        f"{len(services.knowledge.current.kb.entries)} entries are live."
    changed = diff_lines(before, path.read_text(encoding="utf-8"))
    assert changed[0] == "-    answer: |" and changed[-1] == f"+      {NEW_ANSWER}"
    assert [line[1:].strip() for line in changed[1:-2]] == [line.strip() for line in old.strip().splitlines()]
    assert services.knowledge.current.kb.entries[ENTRY].answer == NEW_ANSWER
    assert trail(services) == [{"entry": ENTRY, "field": "answer", "file": "kb/timescales.yaml", "reloaded": True}]


@pytest.mark.parametrize(("typed", "diff"), [
    ("question: When is the initial child protection conference due?",
     ["-    question: When must an initial child protection conference be held?",
      "+    question: When is the initial child protection conference due?"]),
    ("add alternative: when is the first cp conference", ["+      - when is the first cp conference"]),
    ("remove alternative: How long after the strategy discussion is the ICPC?",
     ["-      - how long after the strategy discussion is the ICPC"]),
    ("review by: 31 March 2027", ["-    review_by: 2027-12-02", "+    review_by: 2027-03-31"]),
])
def test_the_diff_is_exactly_the_change(engine: Engine, services: Services, kb_dir: Path, typed: str,
                                        diff: list[str]) -> None:
    path = timescales(kb_dir)
    before = path.read_text(encoding="utf-8")

    engine.message(QA_LEAD, f"kb edit {ENTRY} {typed}")
    [done] = engine.message(QA_LEAD, "yes")

    assert done.text.startswith("Changed the ")
    assert diff_lines(before, path.read_text(encoding="utf-8")) == diff


def test_a_review_date_is_added_where_there_was_none(engine: Engine, services: Services, kb_dir: Path) -> None:
    path = add_extra_entries(kb_dir)
    path.write_text(path.read_text(encoding="utf-8") + "  - id: fire-drill\n    question: When is the fire drill?\n"
                    "    answer: The first Monday of the month.\n\n  # the end\n", encoding="utf-8")
    engine.message(QA_LEAD, "kb reload")
    before = path.read_text(encoding="utf-8")

    [asked] = engine.message(QA_LEAD, "kb edit fire drill review by: 30/06/2027")
    engine.message(QA_LEAD, "yes")

    assert "Now: none set\nNew: Wednesday 30 June 2027" in asked.text
    assert diff_lines(before, path.read_text(encoding="utf-8")) == ["+    review_by: 2027-06-30"]
    assert str(services.knowledge.current.kb.entries["fire-drill"].review_by) == "2027-06-30"


def test_no_writes_nothing(engine: Engine, services: Services, kb_dir: Path) -> None:
    before = yaml_files(kb_dir)

    engine.message(QA_LEAD, f"kb edit {ENTRY} answer: {NEW_ANSWER}")
    [kept] = engine.message(QA_LEAD, "no")

    assert kept.text == f"OK: `{ENTRY}` is unchanged; nothing was written."
    assert yaml_files(kb_dir) == before and trail(services) == []


def test_a_bad_change_gets_kb_checks_words_and_nothing_is_written(engine: Engine, services: Services,
                                                                  kb_dir: Path) -> None:
    """A name in the answer is refused before it is said back, in the words `kb check` gives the same answer
    written by hand; no yes is waiting."""
    before = yaml_files(kb_dir)
    answer = "Ask Tyler Jones's mother."

    [refused] = engine.message(QA_LEAD, f"kb edit {ENTRY} answer: {answer}")

    assert refused.kind == "error" and "Tyler" not in refused.text
    heading, problem = refused.text.splitlines()
    assert heading == "Nothing was changed: fix this and send it again."
    assert yaml_files(kb_dir) == before
    assert "Changed" not in all_text(engine.message(QA_LEAD, "yes")) and yaml_files(kb_dir) == before
    path = timescales(kb_dir)
    entry = services.knowledge.current.kb.entries[ENTRY]
    text = path.read_text(encoding="utf-8")
    start = text.index("    answer: |\n", text.index(f"- id: {ENTRY}"))
    end = text.index("    tags:", start)
    path.write_text(text[:start] + f"    answer: {answer}\n" + text[end:], encoding="utf-8")
    assert problem.split(" — ", 1)[1] in kb_check_messages(engine)
    assert problem.startswith(f"• `kb/timescales.yaml:{entry.answer_line}` — ")


@pytest.mark.parametrize(("typed", "said"), [
    ("review by: 03/31/2027", "'03/31/2027' is not a date I can read"),
    ("review by: 1 January 2026", "The review date 1 January 2026 is already past"),
    ("review by: yesterday", "The review date yesterday is already past"),  # trial 50, #11: a date word
    ("remove alternative: nothing like it", f"entry '{ENTRY}' has no alternative \"nothing like it\""),
    ("answer:", "Write the new answer after the colon"),
])
def test_a_change_that_cannot_be_made_says_why(engine: Engine, kb_dir: Path, typed: str, said: str) -> None:
    before = yaml_files(kb_dir)

    [refused] = engine.message(QA_LEAD, f"kb edit {ENTRY} {typed}")

    assert refused.kind == "error" and said in refused.text
    assert yaml_files(kb_dir) == before


def test_kb_edit_alone_says_how_to_change_it_here(engine: Engine) -> None:
    said = all_text(engine.message(QA_LEAD, f"kb edit {ENTRY}"))

    assert f"`/audit kb edit {ENTRY} answer: <text>`" in said and "written on `yes`" in said
