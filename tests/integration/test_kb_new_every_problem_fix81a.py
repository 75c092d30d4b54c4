"""Trial 64 (F8): `kb new 14 … | | tags: self-harm | review: 31/02/2027` told only "the answer is empty", the
impossible review date only on the next try. Every problem with a typed new entry is told at once, as `kb check`
tells a file's, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_new_entry_trial import typed_new, yaml_files
from tests.integration.test_unanswered_workflow import QA_LEAD, ask_fire_drill, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)


@pytest.mark.parametrize(("rest", "count"), [(" | tags: office | review: 31/02/2027 | colour: red", 4),  # no file
                                             ("| review: 31/02/2027 | file: kb/timescales.yaml | colour: red", 3)])
def test_an_empty_answer_a_bad_date_and_an_unknown_part_are_told_together(engine: Engine, services: Services,
                                                                          kb_dir: Path, rest: str, count: int) -> None:
    key = ask_fire_drill(engine)
    before = yaml_files(kb_dir)

    [refused] = typed_new(engine, key, rest)

    lines = refused.text.splitlines()
    assert refused.kind == "error" and lines[0] == f"Nothing was written: fix these {count} problems and send it again."
    assert lines[1].startswith("• the answer is empty: give the question and the answer separated by `|`")
    assert "• review: '31/02/2027' is not a real date: February 2027 has 28 days, so no 31st." in lines
    assert any(line.startswith("• I don't know `colour: red`: after the answer, add `tags: …`") for line in lines)
    assert "has no answer" not in refused.text  # the empty answer told once
    assert yaml_files(kb_dir) == before and statuses(services) == []


def test_an_empty_question_is_told_with_a_date_in_us_order(engine: Engine, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    [refused] = engine.command(QA_LEAD, f"kb new {key}  | The 20th. | review: 12/31/2027 | file: kb/timescales.yaml")
    assert refused.text.startswith("Nothing was written: fix these 2 problems and send it again.\n"
                                   "• the question is empty:")
    assert "• review: '12/31/2027' is not a date I can read" in refused.text
