"""teams.yaml as an admin changes it between two starts of the bot, for the tests of staff changes (trial 58)."""

from __future__ import annotations

from pathlib import Path


def replace_south_manager(config_dir: Path) -> None:
    """South's manager (U0MGRS001) swapped for a new one (U0MGRS002), under the same name, before the bot starts."""
    teams = config_dir / "teams.yaml"
    text = teams.read_text()
    old = "{user: U0MGRS001, name: Team manager (South), role: manager, audit_target: 2}"
    assert old in text
    teams.write_text(text.replace(old, "{user: U0MGRS002, name: Team manager (South), role: manager, "
                                       "audit_target: 2}"))
