"""The Monday digest the scheduler prints in the terminal chat writes its 12-week trend chart to `charts/` beside
the database and prints the path, as typing `digest` does (README, `audit-bot chat`). Trial 11, F13: the chat
opened on Monday 7 December 2026 printed "[digest] … 12-week trend" with no path, and no charts folder was made."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli.modes import start_background_jobs
from tests.integration.test_scheduler import at, chat_with_a_stale_draft


def test_the_scheduled_digest_in_the_chat_writes_its_chart_and_prints_where(environ: dict[str, str]) -> None:
    with chat_with_a_stale_draft(environ) as (runtime, out), at(2026, 12, 7, 9, 30):
        charts = runtime.settings.database.parent / "charts"
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
