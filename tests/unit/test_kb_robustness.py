"""Whatever people type, and whatever the QA lead saves, the bot answers or lists problems: never a crash."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.loader import check_knowledge, load_knowledge
from knowledge.problems import Problem
from knowledge.search import KnowledgeSearch, to_json
from knowledge.yamlsource import YamlLoadError, load_yaml_with_lines
from tests.support.examples import examples

SEARCH = KnowledgeSearch(load_knowledge(Path(__file__).parent.parent / "data" / "kb_fixtures" / "search"))

query_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=5000),
    st.sampled_from(["", " ", "\n\n", "\t", "???", "ICPC" * 2000, "a " * 5000, "\x00", "🙂 icpc 🙂"]),
    st.lists(st.sampled_from(["icpc", "when", "the", "conference", "lado", "payroll", "s47", ",", ".", "?"]),
             max_size=40).map(" ".join),
)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query_text)
def test_search_never_raises_and_returns_a_valid_outcome(query: str) -> None:
    result = SEARCH.search(query)
    assert result.outcome in ("answer", "ambiguous", "none")
    assert (result.answer is not None) == (result.outcome == "answer")
    assert len(result.suggestions) <= 3
    if result.outcome == "none":
        assert result.suggestions == ()
    for match in ([result.answer] if result.answer else []) + list(result.suggestions):
        assert 0 <= match.score <= 100
    assert to_json(result)["query"] == query


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=30), st.dates())
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "question", "answer", "tags", "related", "review_by", "owner",
                                       "entries", "glossary", "checklists", "x"]) | st.text(max_size=8),
                      children, max_size=5),
    max_leaves=20,
)


def _write(folder: Path, text: str) -> list[Problem]:
    (folder / "kb.yaml").write_text(text, encoding="utf-8")
    return check_knowledge(folder)


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(yaml_values)
def test_random_yaml_gives_problems_not_exceptions(tmp_path: Path, data: object) -> None:
    problems = _write(tmp_path, yaml.safe_dump({"entries": [data]} if isinstance(data, dict) else data))
    assert all(isinstance(problem, Problem) and problem.file for problem in problems)


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_arbitrary_text_gives_problems_not_exceptions(tmp_path: Path, text: str) -> None:
    problems = _write(tmp_path, text)
    assert all(isinstance(problem, Problem) for problem in problems)


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet="-:[]{}&*!|>'\"%@` \n\tabc0#,?", max_size=200))
def test_yaml_reader_raises_only_its_own_error(text: str) -> None:
    try:
        load_yaml_with_lines(text, "kb.yaml")
    except YamlLoadError as error:
        assert error.problem.file == "kb.yaml"
        assert "YAML" in error.problem.message or "value" in error.problem.message


def test_recursive_alias_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    problems = _write(tmp_path, "entries: &loop\n  - *loop\n")
    assert problems and "refers to itself" in str(problems[0])


def test_alias_bomb_loads_quickly_as_shared_objects(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]" for i in range(1, 10)]
    data = load_yaml_with_lines("\n".join(lines) + "\n", "kb.yaml")
    assert data["a9"][0] is data["a8"]


DEFECTS = {"no answer": {"answer": None}, "bad owner": {"owner": "qa lead"}, "unknown field": {"answr": "x"},
           "bad date": {"review_by": "soon"}}
POOL = [f"entry-{n}" for n in range(8)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.lists(st.sampled_from(sorted(DEFECTS)), unique=True),
                          st.lists(st.sampled_from(POOL), unique=True, max_size=3)), min_size=1, max_size=6),
       st.booleans())
def test_every_missing_related_id_is_reported_whatever_else_is_wrong_with_the_entry(
        tmp_path: Path, specs: list[tuple[list[str], list[str]]], break_other_file: bool) -> None:
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # a fresh folder per example
    entries = []
    for n, (defects, related) in enumerate(specs):
        entry: dict = {"id": POOL[n], "question": f"Q{n}?", "answer": f"A{n}", "related": related}
        for defect in defects:
            entry.update(DEFECTS[defect])
        entries.append({k: v for k, v in entry.items() if v is not None})
    (tmp_path / "kb.yaml").write_text(yaml.safe_dump({"entries": entries}), encoding="utf-8")
    broken_ids = set(POOL[len(specs):len(specs) + 2]) if break_other_file else set()
    if broken_ids:
        (tmp_path / "zz.yaml").write_text("entries:\n" + "".join(f"  - id: {i}\n" for i in sorted(broken_ids))
                                          + "   oops: [\n", encoding="utf-8")
    messages = [str(p) for p in check_knowledge(tmp_path)]
    defined = {POOL[n] for n in range(len(specs))}
    into_broken = 0
    for n, (_, related) in enumerate(specs):
        for other in related:
            said = f"entry '{POOL[n]}' is related to '{other}', but no entry has that id"
            missing = other not in defined and other not in broken_ids
            assert any(said in m for m in messages) == missing, (said, messages)
            into_broken += other in broken_ids and other != POOL[n]
    summary = [m for m in messages if "which could not be read" in m]
    assert len(summary) == (1 if into_broken else 0), messages
    if into_broken:
        assert summary[0].startswith(f"zz.yaml: {into_broken} reference")
