"""`audit-bot digest` (print a weekly digest without Slack) and `audit-bot demo-data` (invented audits)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from bot.cli.operator import add_identity, operator
from bot.cli.output_path import cannot_write
from bot.cli.runtime import Runtime
from bot.core.replies import count_of
from bot.errors import UserError


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    digest = subparsers.add_parser("digest", help="print the weekly audit digest for one team or all teams")
    digest.add_argument("--team", help="team id from teams.yaml (default: every team and the service summary)")
    digest.add_argument("--week", help="ISO week such as 2026-W47 (default: the last complete week)")
    digest.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    digest.add_argument("--chart", metavar="FILE", help="also write the 12-week trend chart as a PNG file")
    add_identity(digest)
    digest.set_defaults(func=cmd_digest)
    demo = subparsers.add_parser("demo-data", help="fill the database with invented audits to try the bot")
    demo.add_argument("--weeks", type=int, default=12, help="weeks of history up to today (default 12)")
    demo.add_argument("--seed", type=int, default=7, help="random seed, for the same data every time")
    demo.add_argument("--into-real-data", action="store_true",
                      help="add invented audits even though the database holds real ones (they stay marked demo)")
    demo.add_argument("--remove", action="store_true", help="take every invented audit out again")
    add_identity(demo)
    demo.set_defaults(func=cmd_demo_data)


def cmd_digest(args: argparse.Namespace, runtime: Runtime) -> int:
    from bot.core.agreement import last_complete_week
    from bot.digests.digest import (
        ServiceDigest,
        build_service_digest,
        build_team_digests,
        started_week,
        week_label,
    )
    from bot.digests.payload import service_payload, team_payload
    from bot.digests.render import service_replies, team_replies
    from bot.terminal.render import TerminalView

    out, err = runtime.stdout or sys.stdout, runtime.stderr or sys.stderr
    args.team = operator(args, runtime).team_scope(args.team, runtime, "the digest")
    services = runtime.services
    try:
        today = services.local_now().date()
        monday = started_week(args.week, today) if args.week else last_complete_week(today)
    except UserError as exc:
        err.write(f"{exc}\n")
        return 2
    if args.team:
        teams = build_team_digests(services, monday, [args.team])
        service = ServiceDigest(week=week_label(monday), week_start=monday, teams=tuple(teams),
                                counted_to=teams[0].counted_to)
    else:
        service = build_service_digest(services, monday)
        teams = list(service.teams)
    if args.chart and not _write_chart(args.chart, teams, service.week, bool(args.team), err):
        return 2
    if args.format == "json":
        payload: dict = {"week": service.week, "teams": [team_payload(t) for t in teams]}
        if not args.team:
            payload["service"] = service_payload(service)
        out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        view = TerminalView()
        for digest in teams:
            out.write(view.render(team_replies(digest, chart=False)) + "\n\n")
        if not args.team:
            out.write(view.render(service_replies(service, chart=False)) + "\n")
    if args.chart:
        out.flush()  # the digest first: piped with `2>&1`, the note must not land in the middle of its last line
        err.write(f"Chart written to {args.chart}\n")
    return 0


def _write_chart(path: str, teams: list, week: str, one_team: bool, err: TextIO) -> bool:
    """Write the 12-week trend chart (one team's, or the whole service's) before anything is printed, so a path
    that cannot be written is one clear line and exit status 2, not a traceback after the digest."""
    from bot.digests.charts import grade_trend_png
    from knowledge.checklist_schema import GRADE_LABELS

    trend = teams[0].trend if one_team else [
        (label, {g: sum(t.trend[i][1].get(g, 0) for t in teams) for g in GRADE_LABELS})
        for i, (label, _) in enumerate(teams[0].trend)
    ]
    title = f"{teams[0].team_name if one_team else 'Whole service'}: 12-week trend to {week}"
    png = grade_trend_png(title, [lab for lab, _ in trend], [w for _, w in trend], GRADE_LABELS)
    try:
        Path(path).write_bytes(png)
    except OSError as error:
        err.write(f"{cannot_write('--chart', path, error, 'digest-chart.png')} Nothing was printed.\n")
        return False
    return True


def cmd_demo_data(args: argparse.Namespace, runtime: Runtime) -> int:
    """Add (or with --remove take out) invented audits; refuses to mix them into real data unless asked,
    marks every one as demo, replaces the invented audits of an earlier run (never adds to them), and records each
    run in the audit trail."""
    from bot.digests.demo_data import generate
    from bot.storage.demo_data import count_real_and_demo, remove_demo_audits
    from bot.storage.trail import record_trail

    err = runtime.stderr or sys.stderr
    who = operator(args, runtime).require_admin("adding or removing demo data")
    storage = runtime.services.storage
    if args.remove:
        removed = remove_demo_audits(storage)
        record_trail(storage, who.label, "demo_data.remove", removed, at=runtime.services.clock())
        err.write(f"Removed {count_of(removed['audits'], 'invented audit')} with their "
                  f"{count_of(removed['actions'], 'action')} and {count_of(removed['moderations'], 'moderation')}. "
                  "Real audits are untouched.\n")
        return 0
    if not 1 <= args.weeks <= 104:
        err.write("--weeks must be a whole number from 1 to 104.\n")
        return 2
    real, demo = count_real_and_demo(storage)
    if real and not args.into_real_data:
        record_trail(storage, who.label, "demo_data.refused", {"real_audits": real}, at=runtime.services.clock())
        err.write(f"{runtime.settings.database} holds {count_of(real, 'real audit')}, so I have not added invented "
                  "ones. "
                  "Use a fresh database (AUDITBOT_DB=demo.db audit-bot demo-data), or add --into-real-data if you "
                  "really mean to mix them in (they stay marked as demo; `audit-bot demo-data --remove` takes them "
                  "out).\n")
        return 2

    def progress(line: str) -> None:
        err.write(f"  {line}\n")
        err.flush()

    if demo:
        # A second run replaces the first rather than adding to it: the same seed draws the same case references,
        # and each case audited twice at once would read as a re-audit of itself.
        remove_demo_audits(storage)
        err.write(f"Replacing the {count_of(demo, 'invented audit')} already there (real audits are untouched).\n")
    err.write(f"Adding {count_of(args.weeks, 'week')} of invented audits to {runtime.settings.database} ...\n")
    summary = generate(runtime.services, weeks=args.weeks, seed=args.seed, progress=progress)
    record_trail(storage, who.label, "demo_data.add",
                 {"weeks": args.weeks, "seed": args.seed, "audits": summary.audits, "actions": summary.actions,
                  "moderations": summary.moderations, "reaudits": summary.reaudits, "replaced": demo,
                  "into_real_data": bool(real)}, at=runtime.services.clock())
    err.write(f"Done: {count_of(summary.audits, 'audit')}, {count_of(summary.actions, 'action')}, "
              f"{count_of(summary.moderations, 'moderation')} from {count_of(summary.checklists, 'checklist')}, all "
              "marked as demo data. Try `audit-bot digest` or open the "
              "Home tab; `audit-bot demo-data --remove` takes them out again.\n")
    return 0
