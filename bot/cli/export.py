"""`audit-bot export`: audits, answers, actions and moderation results for performance clinics, written by the code
`/audit export` sends them with (bot.digests.export_rows), so the file is the same either way.

CSV has one row per answer with the audit's fields repeated (what a spreadsheet pivot wants); JSON nests
answers, actions and moderations under each audit. Cancelled audits and drafts are left out.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from bot.cli.campaign import visible_campaign
from bot.cli.operator import add_identity, operator
from bot.cli.output_path import cannot_write
from bot.cli.runtime import Runtime
from bot.cli.since import read_since
from bot.core.export_terms import SCREENED, WHO_MAY, WITH_REFS, chosen
from bot.core.replies import count_of
from bot.digests import export_rows as rows
from bot.digests.export_rows import ANSWER_COLUMNS, AUDIT_COLUMNS, write_csv, write_json
from bot.digests.export_summary import summary_rows, write_summary
from bot.errors import UserError
from bot.storage.db import PRIVATE_FILE
from bot.storage.trail import record_trail

__all__ = ["ANSWER_COLUMNS", "AUDIT_COLUMNS", "add_parsers", "export_audits", "run_export", "summary_path"]


def add_parsers(subparsers: Any) -> None:
    parser = subparsers.add_parser("export", help="export audits for performance clinics (CSV or JSON)",
                                   description=f"Export audits for performance clinics and inspections: {WHO_MAY} "
                                   "(--as a Slack user applies their role). One row per answer, with a summary sheet "
                                   f"beside the file. {SCREENED} By default: {WITH_REFS}")
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--since", help="only audits submitted on or after this date (2026-01-31, 31/01/2026, "
                        "last Monday)")
    parser.add_argument("--team", action="append", help="only audits of this team (its id or name); several with "
                        "--team north --team south or --team north,south; a manager gets their own teams when it is "
                        "left out")
    parser.add_argument("--campaign", type=int, help="only audits of this audit campaign (JSON adds its report)")
    parser.add_argument("--no-case-refs", action="store_true", help="leave out the case reference column and every "
                        "free text (reasons, strengths, development, actions, reflections, evidence notes): a file "
                        "to share beyond the service")
    parser.add_argument("--output", help="write to this file instead of standard output; the summary sheet (figures "
                        "by team and month, as the digest counts them) is written beside it as FILE-summary.csv")
    add_identity(parser)
    parser.set_defaults(func=run_export)


def export_audits(runtime: Runtime, since: str | None, teams: list[str] | None,
                  campaign: int | None = None) -> list[dict[str, Any]]:
    """Submitted, in-moderation and moderated audits with their answers, actions and moderations
    (bot.digests.export_rows), with a line on stderr every thousand audits."""
    stderr = runtime.stderr or sys.stderr

    def progress(done: int, of: int) -> None:
        stderr.write(f"exported {done:,} of {of:,} audits\n")

    return rows.export_audits(runtime.services, since, teams, campaign, progress)


def campaign_reports(runtime: Runtime, who: Any, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report of every audit campaign the exported audits belong to (QA leads, admins, the operator)."""
    from bot.campaigns import render, service
    from bot.core import policy
    from bot.storage import campaigns as campaign_store

    if not policy.sees_every_team(who.person):
        return []
    services = runtime.services
    ids = sorted({item["audit"]["campaign_id"] for item in items if item["audit"].get("campaign_id")})
    today = services.local_now().date()
    found = [campaign_store.get_campaign(services.storage, campaign_id) for campaign_id in ids]
    return [render.report_json(service.report(services, c, today)) for c in found if c is not None]


def exports_folder_made(path: str, folder: Path) -> None:
    """Make the exports folder when the file goes there and it is not made yet: Slack's reply gives the command with
    a file in it (bot.digests.export_sent), which must work before the chat has exported anything."""
    if Path(path).parent.resolve() == folder.resolve():
        folder.mkdir(parents=True, exist_ok=True)


def private_output(path: str, example: str = "audits.csv") -> TextIO:
    """The export file, readable by its owner only (0600, like backups): it holds case references, grades and
    free text. An existing file is emptied and narrowed to 0600 too. `example`: the file name offered when `path`
    is a folder."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    except OSError as error:
        raise UserError(cannot_write("--output", path, error, example)) from None
    with contextlib.suppress(OSError):  # another owner's file we may still write: leave its mode to them
        os.fchmod(descriptor, PRIVATE_FILE)
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="")


def run_export(args: argparse.Namespace, runtime: Runtime) -> int:
    """Write the export; who ran it, with what filters and how many audits, goes in the audit trail."""
    stderr = runtime.stderr or sys.stderr
    who = operator(args, runtime)
    args.team = who.team_scopes(args.team, runtime, "the export")
    if args.campaign is not None:  # a user trial's `--campaign 99` gave an empty export and no word why
        visible_campaign(runtime, who, args.campaign)
    since = read_since(args.since, runtime, "no audit submitted on or after it").isoformat() if args.since else None
    items = export_audits(runtime, since, args.team, args.campaign)
    reports = campaign_reports(runtime, who, items) if args.format == "json" else []
    summary = (summary_rows(runtime.services, summary_start(runtime, since, items), args.team)
               if args.format == "json" or args.output else [])

    sharing = runtime.services.settings.case_reference_pattern if args.no_case_refs else None

    def write(out: TextIO) -> int:
        return (write_csv(items, out, sharing) if args.format == "csv"
                else write_json(items, out, reports, summary, sharing))

    demo = sum(1 for item in items if item["audit"].get("demo"))
    trail = {"format": args.format, "since": since, "team": args.team, "campaign": args.campaign, "audits": len(items),
             "demo_audits": demo, "file": args.output or "standard output", "case_refs": not args.no_case_refs}
    replaced = ""
    if args.output:
        replaced = " (the file that was there is replaced)" if os.path.exists(args.output) else ""
        exports_folder_made(args.output, runtime.services.settings.exports_folder)
        with private_output(args.output, f"audits.{args.format}") as out:
            count = write(out)
    else:
        try:
            count = write(runtime.stdout or sys.stdout)
        except BrokenPipeError:  # `export | head`: some rows still left, so the trail still says who took them
            record_trail(runtime.services.storage, who.label, "export", {**trail, "cut_short": True})
            raise
    unit = "row" if args.format == "csv" else "audit"
    sheet = _summary_beside(args, summary)
    record_trail(runtime.services.storage, who.label, "export", trail)
    invented = (f" ({demo:,} of them invented demo {'audit' if demo == 1 else 'audits'}, marked in the `demo` "
                "field)" if demo else "")
    where = f" to {args.output}{replaced}" if args.output else ""
    # "Exported 13 rows from 1 audit", never "1 audits" (trial 17)
    stderr.write(f"Exported {count_of(count, unit, grouped=True)} from {count_of(len(items), 'audit', grouped=True)}"
                 f"{invented}{where}.\n{chosen(args.no_case_refs)}\n{_summary_said(args, sheet)}\n")
    return 0


def summary_start(runtime: Runtime, since: str | None, items: list[dict[str, Any]]) -> date:
    """The summary's first day (bot.digests.export_rows.summary_start)."""
    return rows.summary_start(runtime.services, since, items)


def summary_path(output: str) -> str:
    """`audits.csv` -> `audits-summary.csv`, beside it."""
    stem, dot, extension = output.rpartition(".")
    return f"{stem}-summary.{extension}" if dot and "/" not in extension else f"{output}-summary.csv"


def _summary_beside(args: argparse.Namespace, summary: list[dict[str, Any]]) -> str:
    """Write the summary sheet beside a CSV file (0600 too); its path, or "" when there is no file to put it by."""
    if args.format != "csv" or not args.output:
        return ""
    path = summary_path(args.output)
    with private_output(path) as out:
        write_summary(summary, out)
    return path


def _summary_said(args: argparse.Namespace, sheet: str) -> str:
    """Where the summary sheet went, or how to get it; with --campaign, that it counts every audit of the teams."""
    every = " It counts every audit of the teams in those months, not only the campaign's." if args.campaign else ""
    return _where_summary(args, sheet) + every


def _where_summary(args: argparse.Namespace, sheet: str) -> str:
    if sheet:
        return (f"The summary sheet (audits, grades, moderation agreement, actions and re-audits by team and month, "
                f"counted as the digest counts them) is in {sheet}.")
    if args.format == "json":
        return "The summary sheet's rows (by team and month, as the digest counts them) are under `summary`."
    return "The summary sheet is written beside the file when you give --output FILE."
