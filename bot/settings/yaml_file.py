"""Reading settings.yaml and teams.yaml with line numbers, worded as `audit-bot kb check` words the knowledge base.

Trial 54: a tab in teams.yaml gave "line 27: `(file)` must be valid YAML: check indentation and quotes", naming no
tab, and a line without its colon was reported at the line after it. The knowledge base's reader says "found a tab
character …; indent with spaces, not tabs" with the line; the configuration now goes through the same reader, and
keeps the line of every key and list item so later checks can say where a mistake is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.settings.problems import ConfigError
from knowledge.problems import Problem
from knowledge.yamlsource import YamlLoadError, load_yaml_with_lines

_NO_COLON = "could not find expected ':'"
# libyaml names no tab ("found character that cannot start any token"); the knowledge base's words for one
_TAB = "YAML syntax error: found a tab character in this line's indentation; indent with spaces, not tabs."


def read_yaml_mapping(path: Path) -> dict[str, Any]:
    """Read a YAML file that must hold a mapping (a LineDict, so keys know their lines); every mistake is one
    ConfigError saying file:line and what to do."""
    text = _read_text(path)
    duplicates: list[Problem] = []
    try:
        data = load_yaml_with_lines(text, str(path), duplicates)
    except YamlLoadError as exc:
        line = _real_line(text, exc.problem.line)
        raise ConfigError.said(path, line, _TAB if _tab_indented(text, line) else exc.problem.message) from None
    except RecursionError:
        raise ConfigError(path, "(file)", "YAML nested a sensible number of levels deep") from None
    if duplicates:  # a key given twice: the last one wins, as it always has (settings copies append overrides)
        data = yaml.safe_load(text)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, "(top level)", "a mapping of `key: value` lines", type(data).__name__)
    odd = [key for key in data if not isinstance(key, str)]
    if odd:
        raise ConfigError(path, str(odd[0]), "a word naming a setting (keys are text)")
    return data


def _read_text(path: Path) -> str:
    if not path.exists():
        raise ConfigError(path, "(file)", "present: create it or point AUDITBOT_CONFIG at a folder holding it")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, "(file)", "UTF-8 text: save it as UTF-8 in your editor") from None
    except OSError as exc:
        raise ConfigError(path, "(file)", f"a readable file ({exc.strerror})") from None


def _real_line(text: str, line: int | None) -> int | None:
    """The line to look at: for a line with no `:` after its key, YAML notices only on the line after (trial 54:
    `name Children in Care Team` on line 29 was reported at line 30), so point at the key's own line."""
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        if error.problem == _NO_COLON and error.context_mark is not None:
            return error.context_mark.line + 1
    except (yaml.YAMLError, ValueError, RecursionError):
        pass
    return line


def _tab_indented(text: str, line: int | None) -> bool:
    """Whether the line YAML stopped at is indented with a tab (trial 54: a tab in teams.yaml was "not valid
    YAML", naming no tab)."""
    lines = text.splitlines()
    if line is None or not 0 < line <= len(lines):
        return False
    written = lines[line - 1]
    return "\t" in written[: len(written) - len(written.lstrip(" \t"))]
