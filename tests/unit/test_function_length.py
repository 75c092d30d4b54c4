"""Functions stay under 60 lines in bot/ and knowledge/, or say why not: a comment containing "long because"."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 60
REASON = "long because"


def long_functions(source: str, limit: int = LIMIT) -> list[tuple[str, int, int]]:
    """(name, first line, length) of each function longer than `limit` lines whose body has no comment
    saying why it is long."""
    comments: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            explained = any(REASON in text.lower() for line, text in comments.items()
                            if node.lineno <= line <= (node.end_lineno or node.lineno))
            if length > limit and not explained:
                found.append((node.name, node.lineno, length))
    return found


def test_no_function_is_over_sixty_lines_without_saying_why() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line} {name} ({length} lines)"
                 for folder in ("bot", "knowledge") for path in sorted((ROOT / folder).rglob("*.py"))
                 for name, line, length in long_functions(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_check_finds_a_long_function_and_accepts_a_reason() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(LIMIT))
    long = f"def big():\n{body}"
    assert long_functions(long) == [("big", 1, LIMIT + 1)]
    assert long_functions(f"def big():\n    # long because it is one table\n{body}") == []
    short = "".join(f"    x{i} = {i}\n" for i in range(LIMIT - 1))
    assert long_functions(f"def small():\n{short}") == []
