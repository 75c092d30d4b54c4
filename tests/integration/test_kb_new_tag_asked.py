"""Trial 44, F2: `kb new` and the New entry form ask about a new tag a letter off a used one, writing nothing until it
is corrected or kept with `(new)`."""

from __future__ import annotations

import json
from pathlib import Path

from bot.engine.routing import Engine
from tests.integration.test_kb_new_entry_trial import QUESTION, typed_new, yaml_files
from tests.integration.test_unanswered_workflow import QA_LEAD, ask_fire_drill
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

ASKED = "new tag 'mental-helth': did you mean 'mental-health'?"
REST = "The first Monday of the month. | tags: {tags} | review: 2027-06-30 | file: kb/timescales.yaml"


def test_kb_new_queries_a_tag_a_letter_off_a_used_one_and_writes_nothing(engine: Engine, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    before = yaml_files(kb_dir)
    [refused] = typed_new(engine, key, REST.format(tags="mental-helth, children-in-care"))
    assert refused.kind == "error"
    assert f"• tags: {ASKED}" in refused.text
    assert "`mental-helth (new)` to keep it" in refused.text
    assert yaml_files(kb_dir) == before


def test_a_tag_kept_with_new_is_written_without_the_mark(engine: Engine, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    [*_, done] = typed_new(engine, key, REST.format(tags="mental-helth (new), children-in-care"))
    assert done.kind != "error", done.text
    assert "tags: [mental-helth, children-in-care]" in (kb_dir / "kb" / "timescales.yaml").read_text()


def test_the_form_asks_beside_the_tags_field(engine: Engine, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
    assert opened.form is not None
    submitted = json.dumps({"form": {"question": QUESTION, "answer": "The first Monday.", "owner": "",
                                     "review_by": "2027-06-30", "tags": "Mental Helth", "file": "kb/timescales.yaml"},
                            "meta": opened.form.meta})
    errors = engine.check_form(QA_LEAD, opened.form.action, submitted)
    assert list(errors) == ["tags"] and errors["tags"].startswith(ASKED)
