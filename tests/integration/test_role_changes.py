"""Role changes in teams.yaml are recorded in the trail at the next start, with actor teams.yaml."""

from __future__ import annotations

import json
from pathlib import Path

from bot.composition import build_services
from bot.settings.config import load_settings
from tests.support.cli import run_cli


def start(environ: dict[str, str]) -> None:
    services = build_services(load_settings(environ))
    services.storage.close()


def trail(environ: dict[str, str]) -> list[dict]:
    return json.loads(run_cli(environ, "trail", "--format", "json").out)


def test_first_start_records_the_starting_roles_once(environ: dict[str, str]) -> None:
    start(environ)
    start(environ)
    [initial] = trail(environ)
    assert (initial["actor"], initial["action"]) == ("teams.yaml", "roles.initial")
    assert initial["detail"]["people"]["U0QALEAD1"] == "qa_lead"
    assert initial["detail"]["people"]["U0PRAN001"] == "practitioner (north-assessment)"


def test_added_removed_and_changed_roles_are_each_recorded(environ: dict[str, str], config_dir: Path) -> None:
    start(environ)
    teams = config_dir / "teams.yaml"
    text = teams.read_text()
    text = text.replace("{user: U0QALEAD2, name: QA lead (children in care), role: qa_lead}",
                        "{user: U0QALEAD3, name: QA lead (new), role: qa_lead}")
    text = text.replace("{user: U0PRAN002, name: Social worker N2, role: practitioner",
                        "{user: U0PRAN002, name: Social worker N2, role: manager")
    teams.write_text(text)
    start(environ)
    start(environ)  # nothing changed since: nothing more recorded
    changes = [(row["actor"], row["action"], row["detail"]) for row in trail(environ)[1:]]
    assert changes == [
        ("teams.yaml", "role.changed", {"user": "U0PRAN002", "role_before": "practitioner", "role": "manager",
                                        "teams_before": "north-assessment", "teams": "north-assessment"}),
        ("teams.yaml", "role.removed", {"user": "U0QALEAD2", "role_before": "qa_lead", "teams_before": ""}),
        ("teams.yaml", "role.added", {"user": "U0QALEAD3", "role": "qa_lead", "teams": ""}),
    ]
