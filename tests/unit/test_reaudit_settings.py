"""settings.yaml's `reaudit:` block: sensible defaults, one grade changed without restating the others, and one
clear line naming the file, the key and what fits for every mistake."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings.config import ConfigError, load_settings


def _with_reaudit(config_dir: Path, block: str) -> None:
    """The shipped settings.yaml with its `reaudit:` block replaced by `block` (or removed when empty)."""
    path = config_dir / "settings.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("reaudit:\n")
    end = text.index("\n\n", start)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


def test_the_shipped_settings_reaudit_inadequate_at_6_weeks_and_requires_improvement_at_12(
        environ: dict[str, str]) -> None:
    rules = load_settings(environ).reaudit
    assert (rules.weeks("inadequate"), rules.weeks("requires_improvement")) == (6, 12)
    assert (rules.weeks("good"), rules.weeks("outstanding"), rules.weeks(None)) == (None, None, None)


def test_without_the_block_the_defaults_hold(environ: dict[str, str], config_dir: Path) -> None:
    _with_reaudit(config_dir, "")
    rules = load_settings(environ).reaudit
    assert dict(rules.weeks_by_grade) == {"inadequate": 6, "requires_improvement": 12}


def test_one_grade_changed_keeps_the_others_and_null_or_none_means_no_reaudit(environ: dict[str, str],
                                                                            config_dir: Path) -> None:
    _with_reaudit(config_dir, "reaudit:\n  inadequate: 4\n  requires_improvement: none\n  good: 26")
    rules = load_settings(environ).reaudit
    assert dict(rules.weeks_by_grade) == {"good": 26, "inadequate": 4}
    _with_reaudit(config_dir, "reaudit:\n  requires_improvement: null")
    assert dict(load_settings(environ).reaudit.weeks_by_grade) == {"inadequate": 6}


@pytest.mark.parametrize(("block", "key", "expected"), [
    ("reaudit:\n  inadequate: six", "reaudit.inadequate", "a whole number of weeks from 1 to 104, or null"),
    ("reaudit:\n  inadequate: 0", "reaudit.inadequate", "from 1 to 104"),
    ("reaudit:\n  requires_improvement: 105", "reaudit.requires_improvement", "from 1 to 104"),
    ("reaudit:\n  good: 2.5", "reaudit.good", "whole number of weeks"),
    ("reaudit:\n  good: true", "reaudit.good", "whole number of weeks"),
    ("reaudit:\n  requires_improvement_to_be_good: 12", "reaudit.requires_improvement_to_be_good",
     "one of the grades outstanding, good, requires_improvement, inadequate"),
    ("reaudit: 6", "reaudit", "a mapping of grade to weeks"),
])
def test_a_bad_value_gives_one_line_naming_file_key_and_what_fits(environ: dict[str, str], config_dir: Path,
                                                                  block: str, key: str, expected: str) -> None:
    _with_reaudit(config_dir, block)
    with pytest.raises(ConfigError) as caught:
        load_settings(environ)
    message = str(caught.value)
    assert "\n" not in message
    assert re.match(rf"{re.escape(str(config_dir / 'settings.yaml'))}:\d+: `{re.escape(key)}` must be ", message)
    assert expected in message
