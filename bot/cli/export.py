"""`audit-bot export`: audits, answers, actions and moderation results for performance clinics.

CSV has one row per answer with the audit's fields repeated (what a spreadsheet pivot wants); JSON nests
answers, actions and moderations under each audit. Cancelled audits and drafts are left out.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import sys
from datetime import UTC, date, datetime
from typing import Any, TextIO

from bot.cli.campaign import visible_campaign
from bot.cli.export_sharing import (
    WITHOUT_ANSWER,
    WITHOUT_AUDIT,
    answer_without,
    kept,
    nested_without,
)
from bot.cli.export_summary import summary_rows, write_summary
from bot.cli.operator import add_identity, operator
from bot.cli.runtime import Runtime
from bot.cli.since import read_since
from bot.core.export_terms import SCREENED, WHO_MAY, WITH_REFS, chosen
from bot.core.replies import count_of
from bot.core.spreadsheet_cells import safe_fields
from bot.errors import UserError
from bot.storage.audits import checklist_version
from bot.storage.db import PRIVATE_FILE, Storage
from bot.storage.errors import NotFound
from bot.storage.reports.export import audit_details, exported_audits
from bot.storage.trail import record_trail
from knowledge.checklist_schema import GRADE_LABELS

AUDIT_COLUMNS = ("audit_id", "checklist_id", "case_ref", "auditor_id", "worker_id", "team_id", "status",
                 "suggested_grade", "overall_grade", "grade_reason", "submitted_at", "moderated_at",
                 "moderation_agrees", "moderation_grade", "moderation_reason", "open_actions", "done_actions", "demo",
                 "campaign_id", "grade_of_record", "strengths", "development", "actions", "reflections",
                 # for a clinic reading the sheet (trial 22: people were Slack ids only, grades codes only, and the
                 # moderation sample unmarked, trial 21): staff names as teams.yaml gives them, never a child's
                 "auditor_name", "worker_name", "team_name", "grade_of_record_label", "moderation_sample")
# question_number (its place in the checklist the audit used, 1 first) and question_text: a clinic reads answers in
# the checklist's order, by their question (trial 21: they came sorted by id, with no question to read)
ANSWER_COLUMNS = ("question_number", "question_id", "question_text", "value", "evidence", "flagged", "answered_at")
PROGRESS_EVERY = 1000


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
    """Submitted, in-moderation and moderated audits with their answers, actions and moderations."""
    storage = runtime.services.storage
    directory = runtime.settings.directory
    audits = exported_audits(storage, since, teams, campaign)
    stderr = runtime.stderr or sys.stderr
    result = []
    for number, audit in enumerate(audits, 1):
        details = audit_details(storage, audit["id"])
        details["answers"] = in_checklist_order(storage, audit, details["answers"])
        team = directory.teams.get(audit["team_id"] or "")
        names = {"auditor_name": directory.label(audit["auditor_id"]),
                 "worker_name": directory.label(audit["worker_id"]) if audit["worker_id"] else "",
                 "team_name": team.name if team else ""}
        result.append({"audit": audit, **details, "names": names})
        if number % PROGRESS_EVERY == 0:
            stderr.write(f"exported {number:,} of {len(audits):,} audits\n")
    return result


def in_checklist_order(storage: Storage, audit: dict[str, Any], answers: list[dict[str, Any]]
                       ) -> list[dict[str, Any]]:
    """The answers in the order the audit's checklist asks them, each with its question's place and text; an
    answer whose question the snapshot lacks (none should) goes last, numbered and worded as unknown."""
    try:
        checklist = checklist_version(storage, audit["checklist_hash"])
    except NotFound:
        checklist = None
    known = {q.id: (place, q.text) for place, q in enumerate(checklist.questions() if checklist else [], 1)}
    placed = [{"question_number": known.get(a["question_id"], (None, ""))[0],
               "question_text": known.get(a["question_id"], (None, ""))[1], **a} for a in answers]
    return sorted(placed, key=lambda a: (a["question_number"] is None, a["question_number"] or 0))


def _audit_fields(item: dict[str, Any]) -> dict[str, Any]:
    audit = item["audit"]
    last = item["moderations"][-1] if item["moderations"] else {}
    return {
        "audit_id": audit["id"], "checklist_id": audit["checklist_id"], "case_ref": audit["case_ref"],
        "auditor_id": audit["auditor_id"], "worker_id": audit["worker_id"], "team_id": audit["team_id"],
        "status": audit["status"], "suggested_grade": audit["suggested_grade"],
        "overall_grade": audit["overall_grade"], "grade_reason": audit["grade_reason"],
        "submitted_at": audit["submitted_at"], "moderated_at": audit["moderated_at"],
        "moderation_agrees": last.get("agrees"), "moderation_grade": last.get("grade"),
        "moderation_reason": last.get("reason"),
        "open_actions": sum(1 for a in item["actions"] if not a["done_at"]),
        "done_actions": sum(1 for a in item["actions"] if a["done_at"]),
        "demo": bool(audit.get("demo")),  # invented by `audit-bot demo-data`, not a real case
        "campaign_id": audit.get("campaign_id"),  # the audit campaign it was allocated in, if any
        # the grade that counts: the moderator's once moderated (overall_grade stays the auditor's own)
        "grade_of_record": audit.get("moderated_grade") or audit["overall_grade"],
        # the narrative, for a clinic working in a spreadsheet: one cell each, actions and reflections one a line
        "strengths": audit["strengths"], "development": audit["development"],
        "actions": "\n".join(_action_text(action) for action in item["actions"]),
        "reflections": "\n".join(f"{r['created_at'][:10]}: {r['text']}" for r in item.get("reflections", ())),
        **item.get("names", {}),
        "grade_of_record_label": GRADE_LABELS.get(audit.get("moderated_grade") or audit["overall_grade"] or "", ""),
        "moderation_sample": bool(audit.get("moderation_sample")),  # drawn in its campaign's moderation sample
    }


def _action_text(action: dict[str, Any]) -> str:
    state = f"done {action['done_at'][:10]}" if action["done_at"] else "open"
    return f"{action['id']}. {action['description']} ({action['owner_id']}, due {action['due_date']}, {state})"


def write_csv(items: list[dict[str, Any]], out: TextIO, sharing: re.Pattern[str] | None = None) -> int:
    """One row per answer; free text that a spreadsheet would run as a formula is kept as text (safe_cell). With
    `sharing` (the case reference pattern), no case reference column and no free text (bot.cli.export_sharing)."""
    audit_columns, answer_columns = ((kept(AUDIT_COLUMNS, WITHOUT_AUDIT), kept(ANSWER_COLUMNS, WITHOUT_ANSWER))
                                     if sharing else (AUDIT_COLUMNS, ANSWER_COLUMNS))
    writer = csv.DictWriter(out, fieldnames=[*audit_columns, *answer_columns], extrasaction="ignore")
    writer.writeheader()
    rows = 0
    for item in items:
        fields = _audit_fields(item)
        for answer in item["answers"] or [dict.fromkeys(answer_columns)]:
            writer.writerow(safe_fields({**fields, **(answer_without(answer, sharing) if sharing else answer)}))
            rows += 1
    return rows


def write_json(items: list[dict[str, Any]], out: TextIO, campaigns: list[dict[str, Any]] | None = None,
               summary: list[dict[str, Any]] | None = None, sharing: re.Pattern[str] | None = None) -> int:
    payload = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "campaigns": campaigns or [],
        "summary": summary or [],  # the summary sheet's rows (bot.cli.export_summary)
        "audits": [_json_audit(item, sharing) for item in items],
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return len(items)


def _json_audit(item: dict[str, Any], sharing: re.Pattern[str] | None) -> dict[str, Any]:
    """One audit's record; with `sharing`, no case reference and no free text (bot.cli.export_sharing)."""
    nested = {"actions": item["actions"], "moderations": item["moderations"],
              "reflections": item.get("reflections", [])}
    if not sharing:
        return {**_audit_fields(item), "answers": item["answers"], **nested}
    fields = {key: value for key, value in _audit_fields(item).items() if key not in WITHOUT_AUDIT}
    return {**fields, "answers": [answer_without(answer, sharing) for answer in item["answers"]],
            **{name: nested_without(name, rows) for name, rows in nested.items() if name != "reflections"},
            "reflections": [{key: value for key, value in row.items() if key != "text"}
                            for row in nested["reflections"]]}


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


def private_output(path: str) -> TextIO:
    """The export file, readable by its owner only (0600, like backups): it holds case references, grades and
    free text. An existing file is emptied and narrowed to 0600 too."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    except OSError as error:
        raise UserError(f"--output: cannot write {path} ({error.strerror}); check the folder exists and "
                        "you may write there.") from None
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
        with private_output(args.output) as out:
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
    """The summary's first day: `--since`'s, else the day the first exported audit was submitted, else this month's
    first (nothing exported: the month's row still says so)."""
    if since:
        return date.fromisoformat(since[:10])
    today = runtime.services.local_now().date()
    if not items:
        return today.replace(day=1)
    first = datetime.fromisoformat(items[0]["audit"]["submitted_at"])
    return min(first.astimezone(runtime.services.settings.timezone).date(), today).replace(day=1)


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
