"""The Monday digest the scheduler prints in the terminal chat writes its 12-week trend chart to `<db>-charts/`
beside the database and prints the path, as typing `digest` does (README, `audit-bot chat`). Trial 11, F13: the chat
opened on Monday 7 December 2026 printed "[digest] … 12-week trend" with no path, and no charts folder was made."""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace

from bot.cli.modes import chart_dir, start_background_jobs
from bot.core.replies import Reply
from bot.terminal.render import TerminalView
from tests.integration.test_scheduler import at, chat_with_a_stale_draft


def test_the_scheduled_digest_in_the_chat_writes_its_chart_and_prints_where(environ: dict[str, str]) -> None:
    with chat_with_a_stale_draft(environ) as (runtime, out), at(2026, 12, 7, 9, 30):
        charts = runtime.settings.database.parent / f"{runtime.settings.database.stem}-charts"
        jobs = start_background_jobs(runtime, chat_user="U0MGRN001")
        jobs.shutdown()
        typed = runtime.engine.command("U0MGRN001", "digest", surface="terminal")
    printed = out.getvalue()
    assert "[digest] == North Assessment Team: 12-week trend ==" in printed, printed
    written = re.search(r"^\[digest\] \(chart written to (.+\.png)\)$", printed, re.MULTILINE)
    assert written is not None, printed
    path = Path(written.group(1))
    assert path == charts / "audit-trend-north-assessment-2026-W49.png"
    assert path.read_bytes().startswith(b"\x89PNG")
    assert any(r.image_name == path.name for r in typed)  # the chart `digest` typed in the chat writes


def test_two_databases_in_one_folder_write_their_charts_apart(tmp_path: Path) -> None:
    """Trial 30: `/tmp/a.db` and `/tmp/b.db` both wrote `/tmp/charts/<team>-<week>.png`, and one database's South
    chart (6 audits) replaced the other's (4, as its digest said)."""
    paths = []
    for name, png in (("a.db", b"\x89PNG chart of a"), ("b.db", b"\x89PNG chart of b")):
        runtime = SimpleNamespace(settings=SimpleNamespace(database=tmp_path / name))
        view = TerminalView(chart_dir=chart_dir(runtime))  # type: ignore[arg-type]
        printed = view.render([Reply(text="Trend", image=png, image_name="audit-trend-south-2026-W49.png")])
        paths.append(Path(re.search(r"\(chart written to (.+\.png)\)", printed).group(1)))  # type: ignore[union-attr]
    assert paths == [tmp_path / "a-charts" / "audit-trend-south-2026-W49.png",
                     tmp_path / "b-charts" / "audit-trend-south-2026-W49.png"]
    assert [p.read_bytes() for p in paths] == [b"\x89PNG chart of a", b"\x89PNG chart of b"]
    memory = chart_dir(SimpleNamespace(settings=SimpleNamespace(database=Path(":memory:"))))  # type: ignore[arg-type]
    assert memory.name == f"audit-bot-charts-{os.getpid()}" and memory.parent != Path(".")
