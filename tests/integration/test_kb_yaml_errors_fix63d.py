"""Trial 56 (fix63d): YAML mistakes in a knowledge file said as config files say them (trial 54).

A tab at the start of a line gave libyaml's "found character that cannot start any token", naming no tab; a key
without its colon was reported at the line after it. `kb check` and `kb reload` now say the line itself and the fix
("indent with spaces, not tabs"; "write it as `key: value`"), and a failed reload keeps the whole previous knowledge
base answering.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import PROJECT_DIR
from knowledge.ask_cli import run_kb_check
from knowledge.yamlsource import LineDict, YamlLoadError, load_yaml_with_lines
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)

QA_LEAD, ASKER = "U0QALEAD1", "U0PRAN001"
TAB = "YAML syntax error: found a tab character in this line's indentation; indent with spaces, not tabs."
NO_COLON = ("YAML syntax error: could not find expected ':' after the key on this line; write it as `key: value`, "
            "with a colon and a space after the key.")
TIMESCALES, CASE_AUDIT = "kb/timescales.yaml", "checklists/case-audit.yaml"
REFERRAL_ID = "  - id: referral-decision-timescale"
REFERRAL_QUESTION = "    question: How quickly must a decision be made on a new referral?"


def _rewrite(kb_dir: Path, file: str, line: str, new: str) -> int:
    """Replace the first line written exactly `line` in `file`; its 1-based number."""
    path = kb_dir / file
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines.index(line)
    lines[index] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def _check(kb_dir: Path) -> tuple[int, str]:
    out = io.StringIO()
    return run_kb_check(kb_dir, out), out.getvalue()


@pytest.mark.parametrize(("file", "line"), [
    (TIMESCALES, REFERRAL_ID),  # libyaml: "found character that cannot start any token"
    (TIMESCALES, REFERRAL_QUESTION),
    (CASE_AUDIT, "  - id: case-audit"),
    (CASE_AUDIT, "              inadequate: >-"),  # was "not indented under `good:`", two lines early
])
def test_a_tab_starting_a_line_is_named_at_that_line_with_indent_with_spaces(kb_dir: Path, file: str,
                                                                             line: str) -> None:
    at = _rewrite(kb_dir, file, line, "\t" + line.lstrip(" "))
    code, out = _check(kb_dir)
    assert code == 1
    assert f"- {file}:{at}: {TAB}\n" in out
    assert "cannot start any token" not in out


@pytest.mark.parametrize(("file", "line", "new"), [
    (TIMESCALES, REFERRAL_QUESTION, REFERRAL_QUESTION.replace("question:", "question")),
    (TIMESCALES, REFERRAL_ID, REFERRAL_ID.replace("id:", "id")),  # YAML tripped on the `question:` below it
    (TIMESCALES, "    answer: |", '    answer "The maximum is 45 working days."'),
    (CASE_AUDIT, "    title: Full case audit", "    title Full case audit"),
])
def test_a_missing_colon_is_named_at_its_own_line_not_the_next(kb_dir: Path, file: str, line: str,
                                                                 new: str) -> None:
    at = _rewrite(kb_dir, file, line, new)
    code, out = _check(kb_dir)
    assert code == 1
    assert f"- {file}:{at}: {NO_COLON}\n" in out


def test_a_failed_reload_names_the_tab_and_keeps_the_whole_previous_knowledge_base(engine: Engine, kb_dir: Path,
                                                                                    services: Services) -> None:
    entries = len(services.knowledge.current.kb.entries)
    asked = "how long does the front door have to decide what happens to a referral"
    before = engine.message(ASKER, asked)[0].title
    assert before == "How quickly must a decision be made on a new referral?"
    at = _rewrite(kb_dir, TIMESCALES, REFERRAL_ID, "\t" + REFERRAL_ID.lstrip(" "))
    [reply] = engine.command(QA_LEAD, "kb reload")
    assert reply.kind == "error"
    assert f"• `{TIMESCALES}:{at}` — {TAB}\n" in reply.text
    assert f"**The previous version is still live** ({entries} entries and " in reply.text
    assert len(services.knowledge.current.kb.entries) == entries
    assert engine.message(ASKER, asked)[0].title == before  # the broken file's entries still answer


def _shipped_lines(file: str) -> list[str]:
    return (PROJECT_DIR / "knowledge" / file).read_text(encoding="utf-8").split("\n")


def _problem(file: str, lines: list[str]) -> tuple[int | None, str] | None:
    try:
        load_yaml_with_lines("\n".join(lines), file)
    except YamlLoadError as error:
        return error.problem.line, error.problem.message
    return None


def _key_lines(node: object) -> set[int]:
    """The line of every key in parsed YAML (so lines inside an answer's text are never taken for keys)."""
    if isinstance(node, LineDict):
        return set(node.key_lines.values()).union(*(_key_lines(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_key_lines(item) for item in node))
    return set()


@given(data=st.data())
def test_a_tab_in_place_of_any_lines_indent_is_named_at_that_line(data: st.DataObject) -> None:
    file = data.draw(st.sampled_from([TIMESCALES, CASE_AUDIT]))
    lines = _shipped_lines(file)
    indented = [i for i, line in enumerate(lines) if line.startswith(" ") and line.strip()]
    index = data.draw(st.sampled_from(indented))
    lines[index] = "\t" + lines[index].lstrip(" ")
    assert _problem(file, lines) == (index + 1, TAB)


@given(data=st.data())
def test_a_key_left_without_its_colon_is_named_at_its_own_line(data: st.DataObject) -> None:
    file = data.draw(st.sampled_from([TIMESCALES, CASE_AUDIT]))
    lines = _shipped_lines(file)
    keyed = [number - 1 for number in _key_lines(load_yaml_with_lines("\n".join(lines), file))
             if lines[number - 1].partition(": ")[2][:1] not in "|>[{'\"&*!"]
    index = data.draw(st.sampled_from(keyed))
    lines[index] = lines[index].replace(": ", " ", 1)
    assert _problem(file, lines) == (index + 1, NO_COLON)
