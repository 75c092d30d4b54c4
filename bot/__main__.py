"""The composition root: the only place that reads the environment and wires the bot together."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import sys
from collections.abc import Callable, Sequence
from datetime import datetime

from bot.cli import build_parser, parse_command_line
from bot.cli.runtime import Runtime
from bot.core.logging_setup import configure_logging, log_level_from
from bot.core.services import utc_now
from bot.errors import UserError
from bot.settings.config import ConfigError
from bot.storage import StorageBusy
from knowledge.problems import KnowledgeBaseError

EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: what a shell reports for a command whose reader went away


def main(argv: Sequence[str] | None = None, clock: Callable[[], datetime] = utc_now) -> int:
    """Parse the command line and run it; configuration mistakes end with one clear line, not a traceback.

    `clock` is the one clock the whole bot reads (services, jobs, replies); a caller may pass another.
    Output piped into a reader that stops early (`audit-bot export | head`) ends quietly, for every command.
    """
    try:
        try:
            code = _run(argv, clock)
        except SystemExit:  # argparse's --help and usage errors: their output is flushed here as well
            sys.stdout.flush()
            raise
        sys.stdout.flush()  # here, not at exit, where Python would print the error it cannot raise any more
        return code
    except BrokenPipeError:
        if not _stdout_closed():  # a broken socket or some other pipe is a real fault: let it show
            raise
        # Python's documented advice: point stdout at devnull, so the flush at exit has nowhere to fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):  # stdout no real file (a caller swapped it): nothing to do
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE_CLOSED


def _stdout_closed() -> bool:
    """Whether standard output is a pipe whose reader has gone (poll reports an error on its write end)."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll() (Windows) or no real stdout: assume it was stdout
        return True


def _run(argv: Sequence[str] | None, clock: Callable[[], datetime]) -> int:
    args = parse_command_line(argv)
    if not getattr(args, "func", None):
        build_parser().print_help()
        return 0
    # The terminal chat shares the screen with the log: only warnings there; INFO for the Slack modes.
    # `run` is the terminal chat only when no Slack tokens are set; with them it is Socket Mode, a Slack mode.
    slack_tokens = bool(os.environ.get("SLACK_BOT_TOKEN") and os.environ.get("SLACK_APP_TOKEN"))
    chat = args.command == "chat" or (args.command == "run" and not slack_tokens)
    default_level = logging.WARNING if chat else logging.INFO
    configure_logging(log_level_from(os.environ.get("AUDITBOT_LOG_LEVEL"), default_level))
    runtime = Runtime(environ=dict(os.environ), stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr,
                      clock=clock)
    try:
        return int(args.func(args, runtime) or 0)
    except ConfigError as exc:
        sys.stderr.write(f"Configuration problem: {exc}\n")
        return 2
    except KnowledgeBaseError as exc:
        sys.stderr.write("Knowledge base problems:\n" + "".join(f"- {problem}\n" for problem in exc.problems))
        sys.stderr.write("The bot did not start: it has no version of the knowledge base that loaded cleanly from this "
                         "folder to fall back on (one is kept for each knowledge folder in the cache beside the "
                         "database after each clean load of it). Fix the "
                         "files above by hand (or put back the last working copy, e.g. with `git checkout`), run "
                         "`audit-bot kb check` until it says OK, then start the bot again.\n")
        return 4
    except UserError as exc:  # a refusal or a mistake in what was asked: say what to do instead
        sys.stderr.write(f"{exc}\n")
        return 2
    except StorageBusy as exc:
        sys.stderr.write(f"Database problem: {exc}. Try again in a moment.\n")
        return 3
    except KeyboardInterrupt:
        return 130
    finally:
        runtime.close()


if __name__ == "__main__":
    sys.exit(main())
