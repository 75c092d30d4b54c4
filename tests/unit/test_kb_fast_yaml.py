"""The sped-up libyaml loader reads every knowledge file exactly as PyYAML's own libyaml safe loader does.

If the shortcuts in knowledge/yamlsource.py ever drifted from PyYAML (a `yes` read as text, a date as a string,
a line number off by one), answers, checklist lines and problem messages would change without anyone noticing;
these tests load the same files with both loaders and require identical results.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import yamlsource
from knowledge.loader import check_knowledge, default_folder, load_knowledge
from knowledge.problems import KnowledgeBaseError
from knowledge.yamlsource import YamlLoadError, load_yaml_with_lines
from tests.support.examples import examples

FIXTURES = Path(__file__).parent.parent / "data" / "kb_fixtures"
FOLDERS = [default_folder(), *sorted(path for path in FIXTURES.iterdir() if path.is_dir())]


def _shape(value: Any) -> Any:
    """Data with every line number spelled out, so two loads compare equal only if the lines agree too."""
    if isinstance(value, dict):
        return ("map", getattr(value, "line", None), dict(getattr(value, "key_lines", {})),
                [(key, _shape(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("seq", getattr(value, "line", None), list(getattr(value, "item_lines", [])),
                [_shape(item) for item in value])
    return (type(value).__name__, value)


def _read(text: str) -> Any:
    problems: list = []
    try:
        return _shape(load_yaml_with_lines(text, "kb.yaml", problems)), [str(p) for p in problems]
    except YamlLoadError as error:
        return "error", str(error.problem)


def _with_loader(monkeypatch: pytest.MonkeyPatch, loader: type, work: Any) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(yamlsource, "_Loader", loader)
        return work()


def _knowledge(folder: Path) -> Any:
    try:
        kb = load_knowledge(folder)
    except KnowledgeBaseError as error:
        return [str(problem) for problem in error.problems]
    return kb.entries, kb.glossary, kb.checklists, kb.fingerprint


def test_the_fast_loader_is_in_use_when_libyaml_is_installed() -> None:
    assert hasattr(yaml, "CSafeLoader")
    assert issubclass(yamlsource._Loader, yaml.CSafeLoader) and yamlsource._Loader is not yaml.CSafeLoader


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: path.name)
def test_every_folder_loads_the_same_with_the_fast_and_the_plain_loader(monkeypatch: pytest.MonkeyPatch,
                                                                        folder: Path) -> None:
    fast = _knowledge(folder), check_knowledge(folder)
    plain = _with_loader(monkeypatch, yaml.CSafeLoader, lambda: (_knowledge(folder), check_knowledge(folder)))
    assert fast == plain


def test_every_shipped_and_fixture_file_reads_the_same_line_for_line(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted({*default_folder().rglob("*.yaml"), *FIXTURES.rglob("*.yaml")})
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _read(text) == _with_loader(monkeypatch, yaml.CSafeLoader, lambda text=text: _read(text)), path


def test_values_that_look_like_other_types_keep_the_type_pyyaml_gives_them() -> None:
    text = ("a: yes\nb: 'yes'\nc: 2027-06-30\ne: ~\nf: ''\ng: 1e3\nh: 0x1F\ni: -.inf\n"
            "j: Off\nm: [1, '2', 3.5, null, true]\n")
    data = load_yaml_with_lines(text + "d: 2027-13-01\n", "kb.yaml")
    assert data["a"] is True and data["b"] == "yes"
    assert data["c"] == dt.date(2027, 6, 30) and data["d"] == "2027-13-01"
    assert data["e"] is None and data["f"] == ""
    assert data == {**yaml.safe_load(text), "d": "2027-13-01"}
    assert data.key_lines["m"] == 10 and data["m"].item_lines == [10] * 5


scalar_words = st.sampled_from(["yes", "No", "on", "~", "null", "", "-", "0", "0o17", "0x1F", "1_000", "-2.5e3",
                                ".nan", "+.inf", "2027-06-30", "2027-06-30 10:00:00", "2027-13-01", "=", "<<",
                                "icpc", "Section 47", "a: b", "- item", "#not a comment", "true", "FALSE"])
yaml_values = st.recursive(
    st.one_of(scalar_words, st.text(max_size=20), st.integers(), st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(scalar_words, st.text(max_size=8)), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=examples(200), deadline=None)
@given(yaml_values, st.booleans())
def test_any_document_reads_the_same_with_the_fast_and_the_plain_loader(value: Any, flow: bool) -> None:
    text = yaml.safe_dump({"entries": value}, default_flow_style=flow, allow_unicode=True)
    for plain_text in (text, text.replace("'", "")):  # unquoted too, so words like `yes` are resolved
        fast = _read(plain_text)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(yamlsource, "_Loader", yaml.CSafeLoader)
            assert fast == _read(plain_text)


def test_every_text_of_a_file_is_walked_keys_and_nested_values_in_order_but_not_dates_or_numbers() -> None:
    """The screen's whole-knowledge-base tests and scripts/kb_work_words.py read every text a file holds this way:
    a text missed here is a knowledge-base line nobody checked for initials or work words."""
    data = load_yaml_with_lines("entries:\n- question: When is the ICPC due?\n  alternatives: [icpc timescale]\n"
                                "  review_by: 2027-06-30\n  weight: 3\n  related:\n  - {eha: Early help}\n",
                                "kb.yaml")
    assert list(yamlsource.strings_in(data)) == [
        "entries", "question", "When is the ICPC due?", "alternatives", "icpc timescale", "review_by", "weight",
        "related", "eha", "Early help"]
