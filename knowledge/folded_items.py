"""Warnings for a list item YAML folded into the text above it: the commonest hand-editing slip (trial 33).

`      - texting care leavers` followed by `       - whatsapp a young person` (one space more) is valid YAML: the
second line continues the first as one plain text, "texting care leavers - whatsapp a young person", so the folder
loads and `kb check` said OK while the alternative was lost. Any plain (unquoted) text that runs over more than one
line with a continuation line starting `- ` is read as such a slip, in entries (a question, an alternative) and in
checklists (a question's options or other lists) alike. It is a warning, not a problem: the folder still loads, and a
dash meant as part of the text is kept by quoting it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from knowledge.checklist_schema import Checklist
from knowledge.entries import EntryRef
from knowledge.link_words import link_warnings
from knowledge.new_tags import Tagged, new_tag_warnings
from knowledge.problems import KnowledgeBaseError, Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def folded_item_warnings(folder: Path) -> list[Problem]:
    """Every folded list item in the folder's `*.yaml` files, with file, line and what to fix, in file order.
    A file that cannot be read or parsed is left to `kb check`'s problems, which already name it."""
    warnings: list[Problem] = []
    for path in sorted(folder.rglob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        warnings.extend(folded_items(text, path.relative_to(folder).as_posix()))
    return warnings


def text_warnings(folder: Path) -> list[Problem]:
    """Folded list items and words that look like links but are not (knowledge.link_words), file by file."""
    warnings: list[Problem] = []
    for path in sorted(folder.rglob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8")
            node = yaml.compose(text, Loader=_Loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        file, lines = path.relative_to(folder).as_posix(), text.splitlines()
        warnings.extend(_warning(file, lines, scalar, where) for scalar, where in _plain_texts(node, "")
                        if _dash_line(lines, scalar) is not None)
        warnings.extend(link_warnings(node, lines, file))
    return warnings


def folded_items(text: str, file: str) -> list[Problem]:
    """The folded list items of one file's text (empty when it is not YAML: the load reports that)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return []
    lines = text.splitlines()
    return [_warning(file, lines, scalar, where) for scalar, where in _plain_texts(node, "")
            if _dash_line(lines, scalar) is not None]


def _plain_texts(node: yaml.Node | None, where: str) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Each plain text spanning lines, with where it sits: "`question:`" or "an item of `alternatives:`"."""
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.start_mark.line != node.end_mark.line:
            yield node, where
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _plain_texts(item, f"an item of {where}" if where.startswith("`") else "a list item")
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _plain_texts(value, f"`{key.value}:`" if isinstance(key, yaml.ScalarNode) else "a value")


def _dash_line(lines: list[str], scalar: yaml.ScalarNode) -> int | None:
    """The index of the first continuation line of `scalar` that starts `- ` and some text, or None."""
    for index in range(scalar.start_mark.line + 1, min(scalar.end_mark.line + 1, len(lines))):
        stripped = lines[index].lstrip()
        if stripped.startswith("- ") and stripped[2:].strip():
            return index
    return None


def _warning(file: str, lines: list[str], scalar: yaml.ScalarNode, where: str) -> Problem:
    index = _dash_line(lines, scalar)
    assert index is not None
    item = lines[index].strip()
    fix = ("line its `-` up with the `-` of the item above, so it is an item of its own"
           if where.startswith("an item") or where == "a list item"
           else "if it was meant as a list item, move it under the list it belongs to, lined up with its other items")
    return Problem(file, index + 1, f"{where} reads “{scalar.value}”: the `{item}` on this line is indented more than "
                                    f"the line above, so YAML joined the two into one text. To fix it, {fix}; if the "
                                    "dash belongs in the text, put the whole text in quotes.")


def folder_warnings(folder: Path, cache_folder: Path | None = None, entries: Iterable[Tagged] | None = None,
                    checklists: Iterable[Checklist] = ()) -> list[Problem]:
    """Everything `kb check` warns of without failing, in one list, so `kb check`, `/audit kb reload` and the
    start notice say the same (trial 44, F9): list items folded into the text above them, then new tags close to
    a tag other entries use (knowledge.new_tags), then what the checklists' own check warns of (a number question
    reading like a time so far without `grows_with_time:`, knowledge.checklist_schema). `entries` and `checklists`:
    the folder's, when just loaded (not loaded again)."""
    if entries is None:
        from knowledge.loader import load_knowledge  # the loader's own modules come first

        try:
            kb = load_knowledge(folder, cache_folder=cache_folder)
            entries, checklists = list(kb.entries.values()), kb.checklists.values()
        except KnowledgeBaseError as error:
            entries = [ref for ref in error.texts if isinstance(ref, EntryRef)]
    return [*text_warnings(folder), *new_tag_warnings(entries),
            *(warning for checklist in checklists for warning in checklist.warnings)]
