"""Reading settings.yaml and teams.yaml with line numbers, worded as `audit-bot kb check` words the knowledge base.

Trial 54: a tab in teams.yaml gave "line 27: `(file)` must be valid YAML: check indentation and quotes", naming no
tab, and a line without its colon was reported at the line after it. The configuration goes through the knowledge
base's reader (knowledge.yamlsource), which names the tab and the key's own line for both (fix63d: the wording
lived here first, so the knowledge base still said "cannot start any token" and the line after), and keeps the line
of every key and list item so later checks can say where a mistake is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.settings.problems import ConfigError
from knowledge.problems import Problem
from knowledge.yamlsource import YamlLoadError, load_yaml_with_lines


def read_yaml_mapping(path: Path) -> dict[str, Any]:
    """Read a YAML file that must hold a mapping (a LineDict, so keys know their lines); every mistake is one
    ConfigError saying file:line and what to do."""
    text = _read_text(path)
    duplicates: list[Problem] = []
    try:
        data = load_yaml_with_lines(text, str(path), duplicates)
    except YamlLoadError as exc:
        raise ConfigError.said(path, exc.problem.line, exc.problem.message) from None
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
