"""`retention`, `backup`, `restore`, `trail` and `rescreen`: looking after the data a council must account for."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time
from pathlib import Path
from typing import TextIO

from bot.asking.rescreen import rescreen
from bot.audits.text_rescreen import describe, flagged_audit_texts
from bot.cli.operator import add_identity, operator
from bot.cli.runtime import Runtime
from bot.cli.since import read_since
from bot.core.replies import count_of
from bot.storage import Storage
from bot.storage.lock import DatabaseInUse, no_bot_running
from bot.storage.maintenance import (
    CHILD_TABLES,
    NotAnAuditDatabase,
    RetentionReport,
    apply_retention,
    backup_database,
    backup_entry,
    carry_over_trail,
    highest_audit_id,
    inspect_database,
    keep_audit_ids_above,
    raw_trail,
    restore_database,
    retention_report,
    trail_rows,
)
from bot.storage.trail import record_trail
from knowledge.dates import short_date

RETENTION_HELP = (
    "List audits whose last activity is older than retention_years (settings.yaml), with counts by status and "
    "year; with --apply, delete them. Deleted, not anonymised: their answers, actions, moderations, revisions and "
    "reflections go with them, as do knowledge-base questions older than the cut-off. The audit trail keeps a "
    "record of each run (counts only)."
)


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    retention = subparsers.add_parser("retention", help="list (and with --apply delete) audits past retention",
                                      description=RETENTION_HELP)
    retention.add_argument("--apply", action="store_true", help="delete them (without it, only list and count)")
    add_identity(retention)
    retention.set_defaults(func=cmd_retention)

    backup = subparsers.add_parser(
        "backup", help="copy the database safely while the bot runs",
        description="Make a consistent copy of the database with SQLite's online backup, even while the bot "
        "is running, then check the copy. Refuses to overwrite an existing file.")
    backup.add_argument("path", type=Path, help="the backup file to create")
    add_identity(backup)
    backup.set_defaults(func=cmd_backup)

    restore = subparsers.add_parser(
        "restore", help="restore the database from a backup (stop the bot first)",
        description="Check that PATH is a sound audit-bot database, keep a safety copy of the current database "
        "beside it, then restore PATH over the configured database. Stop the bot before restoring.")
    restore.add_argument("path", type=Path, help="a file made by `audit-bot backup`")
    restore.add_argument("--yes", action="store_true",
                         help="replace the live database without asking (needed from a script)")
    add_identity(restore)
    restore.set_defaults(func=cmd_restore)

    trail = subparsers.add_parser(
        "trail", help="print the audit trail (role changes, exports, reloads, moderation, retention)",
        description="Print who did what and when, in local time.")
    trail.add_argument("--since", help="only from this date on, local time (2026-11-01, 1/11/2026, last Monday)")
    trail.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    add_identity(trail)
    trail.set_defaults(func=cmd_trail)

    again = subparsers.add_parser(
        "rescreen", help="screen stored questions and learned wordings again with today's identifier screen",
        description="Screen every stored knowledge-base question and every learned wording with the identifier "
        "screen as it is now, and replace the text of each it refuses with a removal marker (a learned wording is "
        "no longer searched); then read every audit's stored texts and list, by audit and item, those it now refuses, "
        "for a QA lead or admin to read and remove with /audit redact (they are never changed unseen). Prints and "
        "trails counts and places only, never a text. The bot's start does this by itself when "
        "the screen changed; a running bot searches a withdrawn wording until its next restart or learned-wording "
        "change.")
    add_identity(again)
    again.set_defaults(func=cmd_rescreen)


def _out(runtime: Runtime) -> TextIO:
    return runtime.stdout or sys.stdout


def _err(runtime: Runtime) -> TextIO:
    return runtime.stderr or sys.stderr


def cutoff_for(now: datetime, years: int) -> datetime:
    """The same moment `years` calendar years ago (29 February falls back to the 28th)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


def cmd_retention(args: argparse.Namespace, runtime: Runtime) -> int:
    actor = operator(args, runtime).require_admin("retention").label
    services = runtime.services
    years = runtime.settings.retention_years
    now = services.clock()
    cutoff = cutoff_for(now, years)
    storage = services.storage
    report = apply_retention(storage, cutoff) if args.apply else retention_report(storage, cutoff)
    record_trail(storage, actor, "retention.apply" if args.apply else "retention.list", report.as_detail(), at=now)
    local_cutoff = cutoff.astimezone(runtime.settings.timezone)
    out = _out(runtime)
    out.write(f"Retention: audits last active before {local_cutoff:%d %B %Y} ({years} years, retention_years in "
              "settings.yaml).\n")
    out.write(format_retention(report))
    if not args.apply:
        out.write("Nothing was deleted. Run `audit-bot retention --apply` to delete these"
                  " (take a backup first: `audit-bot backup PATH`).\n" if report.audits or report.kb_asks else "")
    return 0


def format_retention(report: RetentionReport) -> str:
    """A small table of audits by status and year, then the totals."""
    lines = []
    if report.audits_by_status_year:
        lines.append(f"{'Status':<16}{'Year':<8}{'Audits':>6}")
        for (status, year), count in sorted(report.audits_by_status_year.items(), key=lambda i: (i[0][1], i[0][0])):
            lines.append(f"{status:<16}{year:<8}{count:>6}")
    children = ", ".join(count_of(report.children.get(table, 0), table.removesuffix("s"), table)
                         for table in CHILD_TABLES)
    verb = "Deleted" if report.applied else "Past retention:"
    lines.append(f"{verb} {count_of(report.audits, 'audit')} ({children}) and "
                 f"{count_of(report.kb_asks, 'knowledge-base question')}.")
    return "\n".join(lines) + "\n"


def cmd_backup(args: argparse.Namespace, runtime: Runtime) -> int:
    actor = operator(args, runtime).require_admin("making a backup").label
    target: Path = args.path.expanduser().resolve()
    if target.exists():
        _err(runtime).write(f"{target} already exists: choose a new file name, so no backup is overwritten.\n")
        return 1
    if not target.parent.is_dir():
        _err(runtime).write(f"The folder {target.parent} does not exist: create it first.\n")
        return 1
    services = runtime.services
    facts = backup_database(services.storage, target)
    record_trail(services.storage, actor, "backup", {"file": str(target), "audits": facts.audits},
                 at=services.clock())
    _out(runtime).write(f"Backed up {count_of(facts.audits, 'audit')} to {target} "
                        f"({target.stat().st_size:,} bytes, checked).\n")
    return 0


def cmd_restore(args: argparse.Namespace, runtime: Runtime) -> int:
    """Replace the database with a checked backup, never under a running bot, keeping the trail's account."""
    actor = operator(args, runtime).require_admin("restoring a backup").label
    settings = runtime.settings
    source: Path = args.path.expanduser().resolve()
    target = settings.database.resolve()
    if source == target:
        _err(runtime).write("That is the configured database itself: give the path of a backup file.\n")
        return 1
    try:  # what would refuse the restore is said before anyone is asked (checked again while replacing)
        with no_bot_running(target):
            pass
        found = inspect_database(source)
    except (DatabaseInUse, NotAnAuditDatabase) as exc:
        return _not_restored(runtime, exc)
    if not args.yes and not _restore_confirmed(runtime, args.path, found.audits, target):
        return 1
    stamp = datetime.now(settings.timezone).strftime("%Y%m%dT%H%M%S")
    safety = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix or '.db'}")
    try:
        with no_bot_running(target):
            earlier, highest = raw_trail(target), highest_audit_id(target)
            facts = restore_database(source, target, safety)
            storage = Storage(target)
            try:
                storage.migrate()
                keep_audit_ids_above(storage, highest)
                carried = carry_over_trail(storage, earlier)
                record_trail(storage, actor, "restore", {
                    "file": str(source), "audits": facts.audits, "backup_entry": backup_entry(earlier, source),
                    "before_restore_copy": str(safety) if safety.exists() else None, "trail_carried_over": carried,
                })
            finally:
                storage.close()
    except (DatabaseInUse, NotAnAuditDatabase) as exc:
        return _not_restored(runtime, exc)
    out = _out(runtime)
    out.write(f"Restored {count_of(facts.audits, 'audit')} from {source} into {target}.\n")
    if safety.exists():
        out.write(f"The database as it was before is kept at {safety}.\n")
    return 0


def _not_restored(runtime: Runtime, exc: DatabaseInUse | NotAnAuditDatabase) -> int:
    """Why nothing was restored, on one line, and the exit status 1."""
    if isinstance(exc, DatabaseInUse):
        _err(runtime).write(f"Not restored: {exc}. Stop the bot first (every `audit-bot run`, `serve` or `chat` "
                            "using this database), then run the restore again. The current database was not "
                            "changed.\n")
    else:
        _err(runtime).write(f"Not restored: {exc}. The current database was not changed.\n")
    return 1


def _restore_confirmed(runtime: Runtime, typed: Path, audits: int, target: Path) -> bool:
    """A restore replaces every audit made since the backup, so it asks as `campaign close` does: at a terminal
    "Replace the live database with PATH? [y/N]", and a script (stdin not a terminal) must say --yes. A trial's
    admin found one typed command replaced the live database unasked. False (said why) when not confirmed."""
    stdin, err = runtime.stdin or sys.stdin, _err(runtime)
    if not stdin.isatty():
        err.write(f"Not restored: restoring replaces the live database and asks first; from a script, add --yes "
                  f"(`audit-bot restore {typed} --yes`). The current database was not changed.\n")
        return False
    err.write(f"{typed} is a sound backup holding {count_of(audits, 'audit')}. Restoring it replaces "
              f"the live database, {target}, and everything changed since the backup; the live one is kept beside "
              f"it as a pre-restore copy.\nReplace the live database with {typed}? [y/N] ")
    err.flush()
    if stdin.readline().strip().lower() in ("y", "yes"):
        return True
    err.write("Not restored: the current database was not changed.\n")
    return False


def cmd_trail(args: argparse.Namespace, runtime: Runtime) -> int:
    operator(args, runtime).require_admin("reading the audit trail")
    settings = runtime.settings
    first = read_since(args.since, runtime, "nothing in the trail from it") if args.since else None
    since = datetime.combine(first, time(0), tzinfo=settings.timezone) if first else None
    rows = trail_rows(runtime.services.storage, since)
    out = _out(runtime)
    if args.format == "json":
        items = [
            {"at": row.at.astimezone(settings.timezone).isoformat(), "actor": row.actor, "action": row.action,
             "detail": row.detail}
            for row in rows
        ]
        out.write(json.dumps(items, indent=2, sort_keys=True) + "\n")
        return 0
    if not rows:
        out.write("The trail is empty" + (f" since {short_date(first)}" if first else "") + ".\n")
        return 0
    for row in rows:
        local = row.at.astimezone(settings.timezone)
        out.write(f"{local:%Y-%m-%d %H:%M %Z}  {row.actor:<16} {row.action:<18} {format_detail(row.detail)}\n")
    return 0


def cmd_rescreen(args: argparse.Namespace, runtime: Runtime) -> int:
    actor = operator(args, runtime).require_admin("screening stored texts again").label
    done = rescreen(runtime.services, actor=actor)
    _out(runtime).write(f"Screened {done.screened} stored wordings again: replaced the text of {done.questions} "
                        f"question(s) and withdrew {done.wordings} learned wording(s) the identifier screen now "
                        "refuses" + (f", and replaced {done.notes} note(s) given with Not helpful" if done.notes
                                     else "") + ".\n")
    _out(runtime).write(describe(*flagged_audit_texts(runtime.services, actor)))
    return 0


def format_detail(detail: dict) -> str:
    """key=value pairs on one line; nested values as compact JSON."""
    parts = []
    for key, value in sorted(detail.items()):
        shown = value if isinstance(value, str | int | float) else json.dumps(value, sort_keys=True)
        parts.append(f"{key}={shown}")
    return " ".join(parts)
