"""Exports that overwrote each other (user trial 46, F13): two manager exports in one minute (`/audit export north
since 1/9/2026`, then `/audit export since 1/9/2026 north`) both wrote `data/audit-bot-charts/audits-2026-09-01.csv`,
the second silently replacing the first, in the folder for charts. Now each file is named by its teams, its start day
and the minute of the export, with a counter when that name is taken, in an exports folder of its own."""

from __future__ import annotations

import io
import re
import shlex
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import time_machine

from bot.cli.modes import chart_dir, export_dir
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import Settings
from bot.terminal.chat import run_chat
from tests.integration.test_wording import submitted_audit
from tests.support.cli import run_cli

LONDON = ZoneInfo("Europe/London")
SUBMITTED = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
EXPORTED = datetime(2026, 12, 7, 14, 12, tzinfo=LONDON)  # a Monday afternoon
NORTH_MANAGER = "U0MGRN001"


def test_two_exports_in_one_minute_are_both_kept_in_the_exports_folder(engine: Engine, services: Services,
                                                                       tmp_path: Path) -> None:
    with time_machine.travel(SUBMITTED, tick=False):
        submitted_audit(engine, services, NORTH_MANAGER)
    charts, exports = tmp_path / "audit-charts", tmp_path / "audit-exports"
    out = io.StringIO()
    with time_machine.travel(EXPORTED, tick=False):
        run_chat(engine, NORTH_MANAGER, io.StringIO("/audit export north since 1/9/2026\n"
                                                    "/audit export since 1/9/2026 north\nquit\n"),
                 out, chart_dir=charts, file_dir=exports)
    written = re.findall(r"file written to (\S+),", " ".join(out.getvalue().split()))
    assert [Path(path).name for path in written] == [
        "audits-north-assessment-since-2026-09-01-20261207-1412.csv",
        "audits-north-assessment-since-2026-09-01-20261207-1412-summary.csv",
        "audits-north-assessment-since-2026-09-01-20261207-1412-2.csv",
        "audits-north-assessment-since-2026-09-01-20261207-1412-summary-2.csv"]
    assert sorted(path.name for path in exports.iterdir()) == sorted(Path(path).name for path in written)
    assert all(Path(path).parent == exports for path in written)
    assert not charts.exists() or not list(charts.glob("*.csv"))


def test_the_exports_folder_sits_beside_the_charts_unless_set(settings: Settings, tmp_path: Path) -> None:
    database = tmp_path / "audit-bot.db"
    runtime = SimpleNamespace(settings=replace(settings, database=database, exports_dir=None))
    assert export_dir(runtime) == tmp_path / "audit-bot-exports" != chart_dir(runtime)  # type: ignore[arg-type]
    runtime.settings = replace(settings, database=database, exports_dir=tmp_path / "elsewhere")
    assert export_dir(runtime) == tmp_path / "elsewhere"  # type: ignore[arg-type]


def test_slacks_export_command_names_the_file_as_the_chat_does_and_runs(engine: Engine, services: Services,
                                                                        environ: dict[str, str]) -> None:
    """With files in Slack off, the reply gave `--output audits-2026-09-01.csv`, the one name every export from that
    day shared; now the line names the file as the chat does, in the exports folder, and works as given (the folder
    is made when the chat has not exported yet)."""
    with time_machine.travel(SUBMITTED, tick=False):
        submitted_audit(engine, services, NORTH_MANAGER)
    with time_machine.travel(EXPORTED, tick=False):
        [said] = engine.command(NORTH_MANAGER, "export north since 1/9/2026", surface="command")
    exports = services.settings.exports_folder
    named = exports / "audits-north-assessment-since-2026-09-01-20261207-1412.csv"
    line = re.search(r"`(audit-bot export [^`]+)`", said.text)
    assert line is not None and line.group(1).endswith(f"--output {named}")
    assert not exports.exists()

    ran = run_cli(environ, *shlex.split(line.group(1))[1:])

    assert ran.code == 0 and named.exists() and named.with_name(f"{named.stem}-summary.csv").exists()
