"""A YAML file broken by hand while the bot runs: linking, a new entry and accepting a learned wording into it
each give one clear message (the file and line of the YAML error, and to run `kb check`), write nothing and
close nothing, never a traceback or "something went wrong"."""

from __future__ import annotations

from pathlib import Path

from bot.asking import learning
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as learned_store
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values

QA_LEAD, ASKER = "U0QALEAD1", "U0PRAN001"


def break_by_hand(kb_dir: Path) -> tuple[Path, bytes]:
    """Indent one key of assessment-timescale wrongly (the bot keeps the version it loaded)."""
    path = kb_dir / "kb" / "timescales.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip() == "- id: assessment-timescale") + 1
    lines[index] = "      " + lines[index].lstrip()  # `question:` pushed under `id:`
    path.write_text("".join(lines), encoding="utf-8")
    return path, path.read_bytes()


def an_unanswered_group(engine: Engine) -> str:
    engine.message(ASKER, "when is the fire drill held")
    [group] = engine.command(QA_LEAD, "kb unanswered")[1:]
    return button_values([group], "kb.unanswered.answer")[0]


def assert_one_clear_refusal(replies: list, line: int) -> None:
    text = all_text(replies)
    assert replies[0].kind == "error"
    assert "something went wrong" not in text and "Traceback" not in text
    assert f"kb/timescales.yaml:{line}" in text and "YAML syntax error" in text
    assert "kb check" in text and "Nothing was written" in text
    assert not any(reply.to_user for reply in replies)


def test_linking_into_a_file_broken_by_hand_says_where_and_writes_nothing(engine: Engine, services: Services,
                                                                         kb_dir: Path) -> None:
    key = an_unanswered_group(engine)
    path, before = break_by_hand(kb_dir)
    replies = engine.command(QA_LEAD, f"kb link {key} assessment-timescale")
    assert_one_clear_refusal(replies, _yaml_error_line(replies))
    assert path.read_bytes() == before
    assert len(engine.command(QA_LEAD, "kb unanswered")) == 2  # the group is still open
    # the Slack form's quick check says the same beside the field
    form = engine.action(QA_LEAD, "kb.unanswered.link", key)[0].form
    import json
    errors = engine.check_form(QA_LEAD, form.action, json.dumps({"form": {"entry": "assessment-timescale"},
                                                                 "meta": form.meta}))
    assert "kb/timescales.yaml:" in errors["entry"] and "kb check" in errors["entry"]


def test_a_new_entry_into_a_file_broken_by_hand_says_where_and_writes_nothing(engine: Engine,
                                                                              kb_dir: Path) -> None:
    key = an_unanswered_group(engine)
    path, before = break_by_hand(kb_dir)
    replies = engine.command(QA_LEAD, f"kb new {key} When is the fire drill held? | The 20th. "
                                      "| file: kb/timescales.yaml")
    assert_one_clear_refusal(replies, _yaml_error_line(replies))
    assert path.read_bytes() == before
    # into another, sound file: the broken one still stops the write, and says how to fix it
    other = kb_dir / "kb" / "care-leavers.yaml"
    other_before = other.read_bytes()
    replies = engine.command(QA_LEAD, f"kb new {key} When is the fire drill held? | The 20th. "
                                      "| file: kb/care-leavers.yaml")
    assert_one_clear_refusal(replies, _yaml_error_line(replies))
    assert other.read_bytes() == other_before


def test_accepting_a_learned_wording_into_a_file_broken_by_hand_says_where(engine: Engine, services: Services,
                                                                          kb_dir: Path) -> None:
    learned = learning.learn_wording(services, "assessment-timescale", "how long for a c and f assessment",
                                     QA_LEAD, "linked")
    assert learned.learned is not None
    path, before = break_by_hand(kb_dir)
    [accept] = button_values(engine.command(QA_LEAD, "kb learned"), "kb.learned.accept")
    replies = engine.action(QA_LEAD, "kb.learned.accept", accept)
    assert_one_clear_refusal(replies, _yaml_error_line(replies))
    assert path.read_bytes() == before
    assert [item.id for item in learned_store.active(services.storage)] == [learned.learned.id]


def _yaml_error_line(replies: list) -> int:
    """The line the message names (PyYAML reports where the indentation stops making sense)."""
    import re

    found = re.search(r"kb/timescales\.yaml:(\d+)", all_text(replies))
    assert found, all_text(replies)
    return int(found.group(1))
