"""The Dockerfile, the systemd unit and the README agree, and `audit-bot health` answers in both modes.

Docker is not needed: the image's instructions are read as text and checked against the project and the README.
"""

from __future__ import annotations

import configparser
import json
import re
from pathlib import Path

from bot.cli import build_parser
from bot.settings.config import PROJECT_DIR
from bot.storage import Storage
from tests.support.cli import run_cli

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def dockerfile() -> dict[str, list[str]]:
    """Instruction -> its arguments, one entry per line (continuation lines joined)."""
    text = re.sub(r"\\\n\s*", " ", (PROJECT_DIR / "Dockerfile").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            instruction, _, rest = line.strip().partition(" ")
            found.setdefault(instruction.upper(), []).append(rest.strip())
    return found


def exec_form(text: str) -> list[str]:
    return json.loads(text)


def test_the_image_runs_as_a_non_root_user_with_data_on_a_volume_and_a_health_check() -> None:
    image = dockerfile()
    assert image["FROM"] == ["python:3.11-slim"]
    [user] = image["USER"]
    assert user not in ("root", "0") and f"`{user}`" in README
    env = dict(re.findall(r"(\w+)=(\S+)", " ".join(image["ENV"])))
    assert env["AUDITBOT_DB"] == "/data/audit-bot.db" and f"AUDITBOT_DB={env['AUDITBOT_DB']}" in README
    assert env["AUDITBOT_CONFIG"] == "/config" and "/config:ro" in README
    assert exec_form(image["VOLUME"][0]) == ["/data"] and "`/data` volume" in README
    [port] = image["EXPOSE"]
    assert f"-p {port}:{port}" in README and f"port {port} is exposed" in README
    entry, command = exec_form(image["ENTRYPOINT"][0]), exec_form(image["CMD"][0])
    assert entry == ["audit-bot"] and command == ["run"] and "entry point is `audit-bot` with `run`" in README
    [health] = image["HEALTHCHECK"]
    check = exec_form(health.split("CMD", 1)[1].strip())
    assert check == ["audit-bot", "health"] and "`audit-bot health`" in README
    known = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert {command[0], check[1], "serve"} <= known
    for copy in image["COPY"]:
        *sources, _target = copy.split()
        assert all((PROJECT_DIR / source).exists() for source in sources), copy


def test_the_systemd_unit_is_hardened_and_matches_the_readme() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(PROJECT_DIR / "deploy" / "audit-bot.service", encoding="utf-8")
    service = unit["Service"]
    for key, value in {"NoNewPrivileges": "yes", "ProtectSystem": "strict", "PrivateTmp": "yes",
                       "UMask": "0077"}.items():
        assert service[key] == value
    assert f"ExecStart={service['ExecStart']}" in README
    assert service["ExecStart"].split()[-1] in set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore
    assert f"User={service['User']}" in README and service["User"] != "root"
    assert f"ReadWritePaths={service['ReadWritePaths']}" in README
    assert f"EnvironmentFile={service['EnvironmentFile']}" in README and "chmod 0600" in README
    text = (PROJECT_DIR / "deploy" / "audit-bot.service").read_text(encoding="utf-8")
    database = dict(re.findall(r"(?m)^Environment=(\w+)=(\S+)$", text))  # the key repeats: configparser keeps one
    writable = [Path(path) for path in service["ReadWritePaths"].split()]
    assert Path(database["AUDITBOT_DB"]).parent in writable
    # QA leads' edits from Slack are written into the knowledge folder of the installed checkout
    assert Path(service["WorkingDirectory"]) / "knowledge" in writable


def test_the_readme_keeps_the_quick_start_and_says_how_to_rotate_secrets() -> None:
    assert "```sh\nmake run    #" in README and "\nmake test   #" in README
    section = README.split("## Security and privacy", 1)[1]
    for needed in ("For how long", "retention_years", "0600", "0700", "Who can read it", "backups are protected",
                   "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "systemctl restart audit-bot"):
        assert needed in section, needed


def test_health_is_healthy_with_a_sound_database_and_says_why_not_otherwise(
        environ: dict[str, str], tmp_path: Path, running_bot) -> None:
    missing = run_cli({**environ, "AUDITBOT_DB": str(tmp_path / "elsewhere.db")}, "health")
    assert missing.code == 1 and missing.err.startswith("unhealthy: the database") and "does not exist" in missing.err
    assert not (tmp_path / "elsewhere.db").exists()  # a health check creates nothing
    storage = Storage(environ["AUDITBOT_DB"])
    storage.migrate()
    storage.close()
    healthy = run_cli(environ, "health")
    assert healthy.code == 0 and healthy.out.startswith("healthy:")
    assert run_cli(environ, "health", "--url", f"{running_bot.url}/healthz").code == 0
    with_env = run_cli({**environ, "AUDITBOT_HEALTH_URL": f"{running_bot.url}/healthz"}, "health")
    assert with_env.code == 0 and running_bot.url in with_env.out
    running_bot.stop()
    down = run_cli(environ, "health", "--url", f"{running_bot.url}/healthz")
    assert down.code == 1 and "did not answer" in down.err and down.err.count("\n") == 1
