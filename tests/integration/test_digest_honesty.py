"""The digest says only what happened: no claims of messages sent, no chart files that were never written,
and the default chart's weeks line up with the demo data (issue #10, item 8)."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine

from bot.cli import build_parser
from bot.cli.runtime import Runtime
from bot.core.agreement import last_complete_week
from bot.core.services import Services
from bot.digests.digest import build_team_digests
from bot.engine.routing import Engine
from bot.terminal.chat import run_chat
from tests.e2e.test_digests import seed

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=LONDON)  # digest week: Monday 16 Nov (week 47)
SENT_CLAIM = re.compile(r"went to|was sent|were sent|sent to its", re.IGNORECASE)


def _cli(environ: dict[str, str], *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    runtime = Runtime(environ=environ, stdout=out, stderr=err)
    args = build_parser().parse_args(list(argv))
    try:
        return args.func(args, runtime), out.getvalue(), err.getvalue()
    finally:
        runtime.close()


def test_digest_on_demand_does_not_claim_anything_was_sent(services: Services, engine: Engine,
                                                           environ: dict[str, str]) -> None:
    seed(services)
    with time_machine.travel(WEDNESDAY, tick=False):
        admin = engine.command("U0ADMIN01", "digest")
        qa = engine.command("U0QALEAD1", "digest")
        code, text, err = _cli(environ, "digest")
    assert code == 0
    for reply in admin + qa:
        assert not SENT_CLAIM.search(f"{reply.text} {reply.note or ''}"), reply
    assert not SENT_CLAIM.search(text + err)


def test_terminal_chat_names_a_chart_only_when_it_wrote_it(services: Services, engine: Engine,
                                                           tmp_path: Path) -> None:
    seed(services)
    charts = tmp_path / "charts"
    out = io.StringIO()
    with time_machine.travel(WEDNESDAY, tick=False):
        run_chat(engine, "U0MGRN001", io.StringIO("/audit digest\nquit\n"), out, chart_dir=charts)
    named = re.findall(r"chart written to (\S+\.png)", out.getvalue())
    assert named, out.getvalue()
    for path in named:
        assert Path(path).read_bytes().startswith(b"\x89PNG")
    assert "(chart: " not in out.getvalue()

    plain = io.StringIO()
    with time_machine.travel(WEDNESDAY, tick=False):
        run_chat(engine, "U0MGRN001", io.StringIO("/audit digest\nquit\n"), plain)
    assert ".png" not in plain.getvalue()


def test_default_chart_ends_with_the_digest_week_and_starts_with_demo_data(services: Services,
                                                                          environ: dict[str, str]) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        assert _cli(environ, "demo-data", "--weeks", "12")[0] == 0
        monday = last_complete_week(services.local_now().date())
        digests = build_team_digests(services, monday)
    labels = [label for label, _ in digests[0].trend]
    assert labels[-1] == f"{monday.isocalendar()[1]:02d}" == "47"
    for position in (0, -1):
        assert sum(sum(d.trend[position][1].values()) for d in digests) > 0, position
