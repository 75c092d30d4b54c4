"""Dependencies point one way: domain code never imports Slack's libraries."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.settings.config import PROJECT_DIR

SLACK_ALLOWED: set[str] = set()  # handlers/ is the only code that knows Slack


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def python_files(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((PROJECT_DIR / folder).rglob("*.py"))]


def test_domain_code_does_not_import_slack() -> None:
    offenders = []
    for path in python_files("bot", "knowledge", "schedules"):
        relative = path.relative_to(PROJECT_DIR).as_posix()
        if relative in SLACK_ALLOWED:
            continue
        slack = {m for m in imported_modules(path) if m.split(".")[0] in {"slack_bolt", "slack_sdk"}}
        if slack:
            offenders.append((relative, sorted(slack)))
    assert offenders == []


def test_knowledge_imports_only_stdlib_yaml_rapidfuzz_a_stemmer_round_trip_yaml_and_word_lists() -> None:
    # ruamel: kb_writer; holidays: the England calendar the date examples keep to (knowledge.dates.bank_holidays,
    # imported on first use, so loading the knowledge base never imports it), shared with bot.core.calendar;
    # wordfreq: the English word list that keeps the search from "correcting" an everyday word (knowledge.english),
    # the same package the privacy screen reads
    allowed_third_party = {"yaml", "ruamel", "rapidfuzz", "snowballstemmer", "knowledge", "holidays", "wordfreq"}
    import sys

    offenders = []
    for path in python_files("knowledge"):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top not in sys.stdlib_module_names and top not in allowed_third_party:
                offenders.append((path.name, module))
    assert offenders == []


def test_handlers_do_not_touch_storage_directly() -> None:
    # app.py builds the Bolt app; its de-duplication middleware records processed event ids, nothing else.
    offenders = [
        (p.name, m) for p in python_files("handlers") for m in imported_modules(p)
        if m.startswith("bot.storage") and p.name != "app.py"
    ]
    assert offenders == []


def test_import_contracts_hold() -> None:
    """The contracts in pyproject.toml (layers, no cycles, Slack only in handlers/) are what `make lint` checks."""
    import subprocess
    import sys

    # In a child process: import-linter's command line reconfigures logging, which would silence other tests.
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter), "--no-cache"], cwd=PROJECT_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
