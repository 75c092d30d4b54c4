"""YAML loading that remembers line numbers, so every validation message can point at a line.

PyYAML's composer gives nodes with marks; we construct plain Python data from those nodes ourselves,
keeping the line of each mapping, key and list item. Scalars are built by SafeLoader's own constructors
(so dates become `datetime.date`), and a scalar that cannot be built (such as `2027-13-01`) stays as the
text written, so the validator can say what is wrong with it instead of the load failing.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml is much faster on large knowledge bases; the pure-Python loader behaves the same.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

from knowledge.problems import Problem

_STR_TAG = "tag:yaml.org,2002:str"
_MAX_DEPTH = 200


class LineDict(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines = {}


class LineList(list):
    """A sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines = []


class YamlLoadError(Exception):
    """The text is not YAML we can read; carries the problem with its line."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_yaml_with_lines(text: str, file: str, problems: list[Problem] | None = None) -> Any:
    """Parse one YAML document into plain data with line numbers attached.

    Raises YamlLoadError for text that is not valid YAML. Problems that do not stop reading
    (a key given twice in one mapping) are appended to `problems` when a list is given.
    """
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            raise YamlLoadError(_syntax_problem(error, file)) from None
        except yaml.YAMLError as error:
            raise YamlLoadError(Problem(file, None, f"this is not valid YAML ({error}).")) from None
        if node is None:
            return None
        builder = _Builder(loader, file, problems if problems is not None else [])
        return builder.build(node, 0)
    finally:
        loader.dispose()


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    what = error.problem or "unreadable YAML"
    context = f" ({error.context})" if error.context else ""
    if "expected a single document" in str(what) or "but found another document" in str(what):
        hint = "keep one YAML document per file: remove the extra `---` line or move it to its own file."
    elif "\t" in what or "tab" in what:
        hint = "indent with spaces, not tabs."
    else:
        hint = ("check the indentation and quoting on this line and the one before "
                "(text containing ': ' or starting with a special character needs quotes).")
    return Problem(file, line, f"YAML syntax error: {what}{context}; {hint}")


class _Builder:
    """Turns composed nodes into LineDict / LineList / scalars, sharing objects for aliases."""

    def __init__(self, loader: Any, file: str, problems: list[Problem]) -> None:
        self.loader = loader
        self.file = file
        self.problems = problems
        self.built: dict[int, Any] = {}
        self.in_progress: set[int] = set()

    def build(self, node: yaml.Node, depth: int) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR_TAG else self._scalar(node)
        key = id(node)
        if key in self.built:
            return self.built[key]
        if key in self.in_progress or depth > _MAX_DEPTH:
            raise YamlLoadError(Problem(self.file, _line_of(node),
                                        "this value refers to itself or is nested too deeply; "
                                        "remove the recursive `*alias` or flatten it."))
        self.in_progress.add(key)
        try:
            value = self._mapping(node, depth) if isinstance(node, yaml.MappingNode) \
                else self._sequence(node, depth)
        finally:
            self.in_progress.discard(key)
        self.built[key] = value
        return value

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            raise YamlLoadError(Problem(self.file, _line_of(node),
                                        f"cannot read this value ({error.problem}); "
                                        "remove the `!tag` or quote the value.")) from None
        except (ValueError, TypeError, OverflowError):
            return node.value

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> LineList:
        result = LineList(_line_of(node))
        for item in node.value:
            result.append(self.build(item, depth + 1))
            result.item_lines.append(_line_of(item))
        return result

    def _mapping(self, node: yaml.MappingNode, depth: int) -> LineDict:
        result = LineDict(_line_of(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlLoadError(Problem(self.file, _line_of(key_node),
                                            "a key here is a list or mapping; keys must be plain words."))
            key = key_node.value
            line = _line_of(key_node)
            if key in result:
                self.problems.append(Problem(
                    self.file, line,
                    f"key '{key}' is given twice in the same block (first at line {result.key_lines[key]}); "
                    "keep one of them."))
                continue
            result[key] = self.build(value_node, depth + 1)
            result.key_lines[key] = line
        return result
