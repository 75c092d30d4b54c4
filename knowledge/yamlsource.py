"""YAML loading that remembers line numbers, so every validation message can point at a line.

PyYAML's composer gives nodes with marks; we construct plain Python data from those nodes ourselves,
keeping the line of each mapping, key and list item. Scalars are built by SafeLoader's own constructors
(so dates become `datetime.date`), and a scalar that cannot be built (such as `2027-13-01`) stays as the
text written, so the validator can say what is wrong with it instead of the load failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

import yaml

from knowledge.problems import Problem

_STR_TAG = "tag:yaml.org,2002:str"
_MAX_DEPTH = 200
_ScalarNode = yaml.ScalarNode
_MappingNode = yaml.MappingNode


def _fast_c_loader() -> type | None:
    """libyaml's loader with its per-node Python callbacks made cheap; None if libyaml is missing.

    The C composer calls back into Python three times for every node (resolve the tag, then
    descend and ascend the path resolvers). On a 20,000-entry knowledge base that is close to a
    million calls and about a fifth of the parse time. Safe loading has no path resolvers, so the
    descend/ascend hooks become C no-ops, and `resolve` goes straight to the implicit resolvers for
    the scalar's first character: the same tags as PyYAML's own `resolve`, with less work per call.
    """
    base = getattr(yaml, "CSafeLoader", None)
    if base is None or base.yaml_path_resolvers or None in base.yaml_implicit_resolvers:
        return None  # pragma: no cover - depends on how PyYAML was built or extended
    implicit = base.yaml_implicit_resolvers

    class FastCSafeLoader(base):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            # Built-in methods that accept the same arguments and do nothing that matters;
            # the composer ignores what they return.
            self.descend_resolver: Any = {}.get
            self.ascend_resolver = [].clear

        def resolve(self, kind: type, value: Any, implicit_flags: tuple[bool, bool]) -> str:
            if kind is _ScalarNode:
                if implicit_flags[0]:
                    for tag, regexp in implicit.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return _STR_TAG
            return super().resolve(kind, value, implicit_flags)

    return FastCSafeLoader


# libyaml is much faster on large knowledge bases; the pure-Python loader behaves the same.
_Loader: type = _fast_c_loader() or yaml.SafeLoader


class LineDict(dict):
    """A mapping that knows its own line and the line of each key."""

    __slots__ = ("key_lines", "line")
    line: int
    key_lines: dict[str, int]

    def __init__(self, line: int) -> None:
        self.line = line
        self.key_lines = {}


class LineList(list):
    """A sequence that knows its own line and the line of each item."""

    __slots__ = ("item_lines", "line")
    line: int
    item_lines: list[int]

    def __init__(self, line: int) -> None:
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
            raise YamlLoadError(_syntax_problem(error, file, text)) from None
        except yaml.YAMLError as error:
            raise YamlLoadError(Problem(file, None, f"this is not valid YAML ({error}).")) from None
        if node is None:
            return None
        builder = _Builder(loader, file, problems if problems is not None else [])
        return builder.build(node, 0)
    finally:
        loader.dispose()


def strings_in(node: object) -> Iterator[str]:
    """Every string in parsed YAML, keys as well as values, in the order written.

    Why: checks that must see all the text a file holds (the screen's tests over every knowledge-base and checklist
    line, scripts/kb_work_words.py) walk it the same way; dates, numbers and booleans are not text and are skipped.
    """
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(key)
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)


_BLOCK_KEY = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[A-Za-z_][\w-]*): *[|>][-+0-9]*\s*$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _unindented_block_key(lines: list[str], number: int) -> str | None:
    """The key of the `key: |` block that line `number` (1-based) was meant to belong to, if it sits at or left of
    that key's column while the lines after it are indented under the key; None for any other shape.

    Why: PyYAML reports such a line as "could not find expected ':'" on the line after it (trial 54, F9); the QA
    lead needs to hear that the line itself is not indented, and where.
    """
    if not 1 <= number <= len(lines) or not lines[number - 1].strip():
        return None
    own = _indent(lines[number - 1])
    for above in range(number - 2, -1, -1):
        text = lines[above]
        if not text.strip():
            continue
        found = _BLOCK_KEY.match(text)
        if found is not None:
            key_column = len(found.group("indent"))
            return found.group("key") if own <= key_column and _next_is_under(lines, number, key_column) else None
        if _indent(text) <= own:
            return None
    return None


def _next_is_under(lines: list[str], number: int, key_column: int) -> bool:
    """Whether the next non-blank line after `number` is indented under the key (the block goes on below it)."""
    following = next((line for line in lines[number:] if line.strip()), "")
    return _indent(following) > key_column


# How a missing `:` after a key is said by PyYAML and libyaml alike; both notice only on a later line.
_NO_COLON = "could not find expected ':'"
_TAB_INDENT = "YAML syntax error: found a tab character in this line's indentation; indent with spaces, not tabs."
_NO_MAPPING = "mapping values are not allowed"
_KEY_WITHOUT_COLON = re.compile(r"^ *(?:- +)?[A-Za-z_][\w-]* +[^:#'\"\[{|>]*$")
_NO_COLON_HINT = ("YAML syntax error: could not find expected ':' after the key on this line; write it as "
                  "`key: value`, with a colon and a space after the key.")


def _tab_indented(lines: list[str], line: int | None) -> bool:
    """Whether line `line` (1-based) has a tab in its indentation.

    Why: libyaml says "found character that cannot start any token" for a tab at the start of a line (trial 54 in
    teams.yaml, trial 56 in the knowledge base), which names no tab; the QA lead needs to hear it is the tab.
    """
    if line is None or not 0 < line <= len(lines):
        return False
    written = lines[line - 1]
    return "\t" in written[: len(written) - len(written.lstrip(" \t"))]


def _marked_lines(error: yaml.MarkedYAMLError) -> list[int]:
    """The 1-based lines YAML points at, where it stopped first, then where the construct it was reading began."""
    return [mark.line + 1 for mark in (error.problem_mark, error.context_mark) if mark is not None]


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str = "") -> Problem:
    """The YAML error in words that name the line to fix and how; the configuration files are read the same way."""
    lines = text.splitlines()
    tabbed = next((line for line in _marked_lines(error) if _tab_indented(lines, line)), None)
    if tabbed is not None:
        return Problem(file, tabbed, _TAB_INDENT)
    for mark in (error.context_mark, error.problem_mark):
        key = _unindented_block_key(lines, mark.line + 1) if mark is not None else None
        if mark is not None and key is not None:
            return Problem(file, mark.line + 1, f"YAML syntax error: this line is not indented under `{key}:`: "
                                                "indent it like the lines around it.")
    no_colon = _line_missing_colon(error, lines)
    if no_colon is not None:  # YAML notices on a later line (trial 56: `question What is…` on 6 was said at 7)
        return Problem(file, no_colon, _NO_COLON_HINT)
    return _worded(error, file)


def _line_missing_colon(error: yaml.MarkedYAMLError, lines: list[str]) -> int | None:
    """The 1-based line whose key lacks its `:`, when that is what YAML tripped over on a later line.

    Followed by a line at the same indent or less, YAML says "could not find expected ':'" and marks where the key
    began; followed by a more indented `key:` line (`- id x` above `question: …`), it reads both lines as one text
    and says "mapping values are not allowed" at the colon of the second, a line that is itself right.
    """
    if error.problem == _NO_COLON and error.context_mark is not None:
        return error.context_mark.line + 1
    mark = error.problem_mark
    if mark is None or not str(error.problem).startswith(_NO_MAPPING) or mark.line >= len(lines):
        return None
    if ":" in lines[mark.line][: mark.column]:
        return None  # a second colon in the line's own value: quoting that line is the fix
    above = next((number for number in range(mark.line - 1, -1, -1)
                  if lines[number].strip() and not lines[number].lstrip().startswith("#")), None)
    if above is None or _KEY_WITHOUT_COLON.match(lines[above]) is None:
        return None  # the line above is not a key left bare
    if _indent(lines[above]) >= _indent(lines[mark.line]):
        return None  # the line above is text that a value goes on from
    return above + 1


def _worded(error: yaml.MarkedYAMLError, file: str) -> Problem:
    """Any other YAML error: YAML's own words, at the line it stopped, with the likeliest fix."""
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
        if type(node) is _ScalarNode:
            return node.value if node.tag == _STR_TAG else self._scalar(node)
        key = id(node)
        built = self.built.get(key)
        if built is not None:
            return built
        if key in self.in_progress or depth > _MAX_DEPTH:
            raise YamlLoadError(Problem(self.file, _line_of(node),
                                        "this value refers to itself or is nested too deeply; "
                                        "remove the recursive `*alias` or flatten it."))
        self.in_progress.add(key)
        try:
            value = (self._mapping(node, depth) if type(node) is _MappingNode
                     else self._sequence(cast(yaml.SequenceNode, node), depth))
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

    # The two methods below inline the common case (a plain text scalar) instead of calling `build`:
    # most nodes in a knowledge base are text, and a call per node is a large share of the load time.

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> LineList:
        result = LineList(node.start_mark.line + 1)
        lines = result.item_lines
        depth += 1
        for item in node.value:
            if type(item) is _ScalarNode and item.tag == _STR_TAG:
                result.append(item.value)
            else:
                result.append(self.build(item, depth))
            lines.append(item.start_mark.line + 1)
        return result

    def _mapping(self, node: yaml.MappingNode, depth: int) -> LineDict:
        result = LineDict(node.start_mark.line + 1)
        key_lines = result.key_lines
        depth += 1
        for key_node, value_node in node.value:
            if type(key_node) is not _ScalarNode:
                raise YamlLoadError(Problem(self.file, _line_of(key_node),
                                            "a key here is a list or mapping; keys must be plain words."))
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in result:
                self.problems.append(Problem(
                    self.file, line,
                    f"key '{key}' is given twice in the same block (first at line {key_lines[key]}); "
                    "keep one of them."))
                continue
            if type(value_node) is _ScalarNode and value_node.tag == _STR_TAG:
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, depth)
            key_lines[key] = line
        return result
