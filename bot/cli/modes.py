"""`run`, `serve` and `chat`: the three ways to start the bot, all on the same engine."""

from __future__ import annotations

import argparse
import functools
import gc
import os
import signal
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from bot.cli.runtime import Runtime
from bot.core.logging_setup import log_to_file
from bot.core.services import Services
from bot.errors import UserError
from bot.settings.people import USER_ID
from bot.storage.lock import DatabaseInUse, bot_running

if TYPE_CHECKING:
    from schedules.scheduler import BackgroundJobs

NO_TOKENS = (
    "No Slack tokens set (SLACK_BOT_TOKEN and SLACK_APP_TOKEN; create the app from manifest.yml, "
    "see README): starting the local terminal chat instead."
)


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser("run", help="Slack Socket Mode if tokens are set, else the terminal chat")
    run.add_argument("--user", help="Slack user id to chat as locally (default: settings local_user)")
    run.set_defaults(func=cmd_run)
    serve = subparsers.add_parser("serve", help="Slack HTTP mode at /slack/events (needs the signing secret)")
    serve.add_argument("--port", type=int, default=3000, help="port to listen on (default 3000)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.set_defaults(func=cmd_serve)
    health = subparsers.add_parser(
        "health", help="exit 0 when the configuration loads, the knowledge base and checklists have no problems "
        "and the database is sound (and --url answers)",
        description="For container health checks and monitoring, in Socket Mode and HTTP mode alike: checks the "
        "configuration, the knowledge folder as `kb check` does, that the database exists, opens and is up to "
        "date, and with --url (or AUDITBOT_HEALTH_URL) that the HTTP server answers /healthz. Prints one line "
        "(and, for the knowledge base, every problem as `kb check` words it); exit 1 when unhealthy.")
    health.add_argument("--url", help="also check this /healthz address, e.g. http://127.0.0.1:3000/healthz")
    health.set_defaults(func=cmd_health)
    chat = subparsers.add_parser("chat", help="the local terminal chat, as a given Slack user")
    chat.add_argument("--user", help="Slack user id to chat as (default: settings local_user)")
    chat.set_defaults(func=cmd_chat)


def _user(args: argparse.Namespace, runtime: Runtime) -> str:
    user = args.user or runtime.settings.local_user
    if not USER_ID.fullmatch(user):
        raise UserError(f"--user must be a Slack member ID such as U0MGRN001 (got {user!r}): it is listed against "
                        "each person in teams.yaml.")
    return user


def write_setup_warnings(runtime: Runtime, out: TextIO) -> None:
    """One WARNING line for each half-finished part of teams.yaml (a team with no manager, a manager in no team),
    at the bot's start and in `audit-bot health`, so the admin hears of it before a manager is turned away."""
    from bot.settings.teams_file import setup_warnings

    for warning in setup_warnings(runtime.settings.directory):
        out.write(f"WARNING: {warning}\n")
    for warning in _leaver_warnings(runtime):
        out.write(f"WARNING: {warning}\n")


def _leaver_warnings(runtime: Runtime) -> list[str]:
    """What is still left with people no longer in teams.yaml: their open actions and drafts (trial 58, F1, F7)."""
    from bot.campaigns import team_changes
    from bot.oversight.leavers import start_warnings
    from bot.storage.db import Storage
    from bot.storage.maintenance import database_problem

    settings = runtime.settings
    if not settings.database.exists() or database_problem(settings.database) is not None:
        return []
    storage = Storage(settings.database)
    try:  # and the campaigns' allocations a change left wrong (trial 62 F7)
        return [*start_warnings(storage, settings.directory, runtime.clock().astimezone(settings.timezone)),
                *team_changes.start_warnings(storage, settings.directory)]
    finally:
        storage.close()


def _holds_database(command: Callable[[argparse.Namespace, Runtime], int]
                    ) -> Callable[[argparse.Namespace, Runtime], int]:
    """Run the bot holding the database's lock for the life of the process, so `restore` can tell it runs."""

    @functools.wraps(command)
    def run(args: argparse.Namespace, runtime: Runtime) -> int:
        write_setup_warnings(runtime, runtime.stderr or sys.stderr)
        with ExitStack() as held:
            try:
                held.enter_context(bot_running(runtime.settings.database))
            except DatabaseInUse as exc:
                (runtime.stderr or sys.stderr).write(f"{exc}\n")
                return 1
            return command(args, runtime)

    return run


@_holds_database
def cmd_chat(args: argparse.Namespace, runtime: Runtime) -> int:
    from bot.terminal.chat import run_chat

    user = _user(args, runtime)
    log_file = chat_log(runtime)
    if log_file is not None:  # never into the conversation on screen (trial 28)
        log_to_file(log_file)
    scheduler = start_background_jobs(runtime, chat_user=user)
    try:
        return run_chat(runtime.engine, user, runtime.stdin or sys.stdin, runtime.stdout or sys.stdout,
                        chart_dir=chart_dir(runtime), file_dir=export_dir(runtime),
                        teams_file=runtime.settings.teams_file_shown)
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=True)  # let a running job finish before storage closes


def cmd_health(args: argparse.Namespace, runtime: Runtime) -> int:
    """One line and an exit code, so Docker's HEALTHCHECK and systemd watchdogs can use it as they are."""
    from bot.cli.knowledge import checked_folder, problems_report
    from bot.storage.maintenance import database_problem

    settings = runtime.settings  # a configuration problem ends in main() with one line and exit 2
    problem = database_problem(settings.database)
    url = args.url or runtime.environ.get("AUDITBOT_HEALTH_URL")
    if problem is None and url:
        problem = _http_problem(url)
    kb_problems, _ = checked_folder(settings.knowledge_dir, settings)
    if kb_problems:
        # A running bot keeps its live version and a restart falls back to the last good copy, but the folder
        # must be fixed: report it as `kb check` does, so the operator and the QA lead read the same words.
        kb_line = (f"the knowledge folder {settings.knowledge_dir} has problems (a running bot keeps answering "
                   "from the last version that loaded); fix them, check with `audit-bot kb check`, then "
                   "`/audit kb reload`")
        problem = f"{problem}; {kb_line}" if problem else kb_line
    write_setup_warnings(runtime, runtime.stdout or sys.stdout)  # warnings: an unfinished set-up is still healthy
    if problem:
        (runtime.stderr or sys.stderr).write(f"unhealthy: {problem}\n")
        if kb_problems:
            (runtime.stderr or sys.stderr).write(problems_report(kb_problems) + "\n")
        return 1
    (runtime.stdout or sys.stdout).write(f"healthy: configuration, knowledge base and database {settings.database} "
                                         "are sound"
                                         + (f", {url} answers" if url else "") + "\n")
    return 0


def _http_problem(url: str) -> str | None:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as reply:  # an address the operator gave: local by design
            return None if reply.status == 200 else f"{url} answered {reply.status}"
    except (OSError, ValueError) as exc:
        return f"{url} did not answer ({type(exc).__name__})"


@_holds_database
def cmd_run(args: argparse.Namespace, runtime: Runtime) -> int:
    slack = runtime.settings.slack
    if not slack.socket_mode_ready:
        (runtime.stderr or sys.stderr).write(NO_TOKENS + "\n")
        return cmd_chat(args, runtime)
    from handlers.app import create_app, run_socket_mode, stop_listeners

    app = create_app(runtime.services, runtime.engine)
    scheduler = start_background_jobs(runtime, app)
    try:
        run_socket_mode(app, cast(str, slack.app_token))  # set: socket_mode_ready
    finally:
        stop_listeners(app)  # a reply still being posted is posted, before the scheduler and storage stop
        if scheduler is not None:
            scheduler.shutdown(wait=True)  # let a running job finish before storage closes
    return 0


@_holds_database
def cmd_serve(args: argparse.Namespace, runtime: Runtime) -> int:
    slack = runtime.settings.slack
    if not slack.signing_secret:
        (runtime.stderr or sys.stderr).write(
            "SLACK_SIGNING_SECRET is not set: HTTP mode cannot check that requests come from Slack. "
            "Copy it from your app's Basic Information page.\n"
        )
        return 2
    from handlers.app import create_app, stop_listeners
    from handlers.http_server import EVENTS_PATH, make_http_server

    app = create_app(runtime.services, runtime.engine)
    server = make_http_server(app, args.host, args.port, runtime.settings.http)
    scheduler = start_background_jobs(runtime, app)
    host, port = server.address
    (runtime.stderr or sys.stderr).write(f"Listening for Slack at http://{host}:{port}{EVENTS_PATH}\n")
    previous = signal.signal(signal.SIGTERM, lambda *_: server.shutdown())  # systemd and Docker stop with SIGTERM
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.shutdown()
        stop_listeners(app)  # a reply still being posted is posted, before the scheduler and storage stop
        if scheduler is not None:
            scheduler.shutdown(wait=True)  # let a running job finish before storage closes
    return 0


def slack_sender(app: object, services: Services) -> object:
    """The scheduler's Slack sender, with services so a message Slack refuses is recorded and admins are told."""
    from handlers.delivery import SlackDelivery
    from schedules.senders import PacedSender

    delivery = SlackDelivery(app.client, services)  # type: ignore[attr-defined]
    return PacedSender(lambda reply: delivery.deliver("", [reply]) == 0)


def chat_log(runtime: Runtime) -> Path | None:
    """Where the terminal chat logs: beside the database, `audit-bot-chat.log` (None for an in-memory database,
    which keeps nothing: the log stays on stderr)."""
    database = runtime.settings.database
    return None if str(database) == ":memory:" else database.parent / "audit-bot-chat.log"


def chart_dir(runtime: Runtime) -> Path:
    """Where the terminal chat writes charts (the digest's trend), typed `digest` or the scheduled one alike: a folder
    named after the database, beside it (`audit.db` → `audit-charts/`), as README says. Trial 30: every database in a
    folder shared `charts/`, and another database's run overwrote a South chart (6 audits, where the digest said 4).
    An in-memory database gets a folder of its own process."""
    database = runtime.settings.database
    if str(database) == ":memory:":
        return Path(tempfile.gettempdir()) / f"audit-bot-charts-{os.getpid()}"
    return database.parent / f"{database.stem}-charts"


def export_dir(runtime: Runtime) -> Path:
    """Where the terminal chat writes exports (`/audit export`'s spreadsheets): the `exports_dir` setting, else a
    folder beside the charts' (`audit.db` → `audit-exports/`). Trial 46: they went into the charts folder."""
    return runtime.settings.exports_folder


def start_background_jobs(runtime: Runtime, app: object | None = None, chat_user: str | None = None,
                          stdout: TextIO | None = None) -> BackgroundJobs | None:
    """Start the scheduler: Slack delivery when the app is given, else printing the chat user's messages.

    Job output goes through a small "sender" so the scheduler itself never touches Slack's libraries.
    """
    from schedules.scheduler import build_scheduler
    from schedules.senders import TerminalSender

    if app is not None:
        sender: object = slack_sender(app, runtime.services)
    else:
        sender = TerminalSender(stdout or runtime.stdout or sys.stdout, chat_user or runtime.settings.local_user,
                                chart_dir=chart_dir(runtime), names=runtime.engine.directory.label)
    jobs = build_scheduler(runtime.services, sender)  # type: ignore[arg-type]
    jobs.start()
    # What is loaded by now (knowledge index, checklists, libraries) lives as long as the process. Moving it out
    # of the collector's view stops every full collection from rescanning it, which shows as pauses under load.
    gc.collect()
    gc.freeze()
    return jobs
