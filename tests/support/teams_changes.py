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


def move_member(config_dir: Path, user_id: str, beside_id: str) -> None:
    """A member moved to another team: their line taken out of their team and put after `beside_id`'s, in the team
    they join (trial 58 F8: a worker moved from North to South with requests and actions open)."""
    teams = config_dir / "teams.yaml"
    lines = teams.read_text().splitlines(keepends=True)
    [moving] = [line for line in lines if f"{{user: {user_id}," in line]
    lines.remove(moving)
    [beside] = [n for n, line in enumerate(lines) if f"{{user: {beside_id}," in line]
    lines.insert(beside + 1, moving)
    teams.write_text("".join(lines))


def add_south_manager(config_dir: Path, audit_target: int = 3) -> None:
    """A second manager of South (U0MGRS002, "Team manager Priya (South)") beside the one there, as trial 63's
    tester added her: South then has two managers, each a colleague of the other."""
    teams = config_dir / "teams.yaml"
    text = teams.read_text()
    old = "      - {user: U0MGRS001, name: Team manager (South), role: manager, audit_target: 2}\n"
    assert old in text
    teams.write_text(text.replace(old, old + "      - {user: U0MGRS002, name: Team manager Priya (South), role: "
                                             f"manager, audit_target: {audit_target}}}\n"))
