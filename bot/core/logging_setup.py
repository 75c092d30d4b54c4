"""Logging that never records what people typed, answers, request bodies or tokens."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from pathlib import Path

TOKEN = re.compile(r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")
# Slack's verification `token` field, as a form field, a JSON key or a Python dict key.
TOKEN_FIELD = re.compile(r"""(["']?\btoken["']?\s*[:=]\s*["']?)[^"'&,\s}]+""", re.IGNORECASE)
# Our own loggers are written to log event types, ids and error types only; everyone else's may quote payloads.
OWN_LOGGERS = ("audit_bot",)
# Where a third-party message starts quoting data: a body, a dict, a field or a parenthesised detail.
DETAIL_START = re.compile(r"[(:{\[=\n]")
NOT_LOGGED = "[details not logged]"


def _is_own(name: str) -> bool:
    return any(name == own or name.startswith(own + ".") for own in OWN_LOGGERS)


def _gist(message: str) -> str:
    """The words before any detail: "Invalid request signature detected (… body: …)" keeps its first part."""
    match = DETAIL_START.search(message)
    if match is None:
        return message
    return f"{message[:match.start()].rstrip()} {NOT_LOGGED}".lstrip()


def _exception_without_message(record: logging.LogRecord) -> None:
    """Keep the frames and the exception's type, never its message (it may quote what someone typed)."""
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        frames = "".join(traceback.format_tb(error.__traceback__))
        record.exc_text = f"Traceback (most recent call last):\n{frames}{type(error).__name__} {NOT_LOGGED}"
        record.exc_info = None
    record.stack_info = None


class RedactTokens(logging.Filter):
    """Mask anything shaped like a Slack token, or a `token` field, in any record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = TOKEN_FIELD.sub(r"\1[token]", TOKEN.sub("[token]", message))
        if masked != message:
            record.msg, record.args = masked, ()
        return True


class RedactPayloads(logging.Filter):
    """Records from Slack's libraries (and any other third party) keep only their gist.

    Bolt logs the whole request body when a signature check fails (at INFO, and its per-class loggers take the
    root level when the app is built, whatever level "slack_bolt" has), and Bolt and slack_sdk log payloads at
    DEBUG. Installed on the root handlers, this holds at every level and for loggers created later.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if _is_own(record.name):
            if record.exc_info:
                _exception_without_message(record)
            return True
        record.msg, record.args = _gist(record.getMessage()), ()
        _exception_without_message(record)
        return True


def install_redaction(handler: logging.Handler) -> None:
    """Both filters, payloads first, on a handler (the bot's own, or one a test or host adds)."""
    handler.addFilter(RedactPayloads())
    handler.addFilter(RedactTokens())


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: int = logging.INFO) -> None:
    """Our own loggers at `level`; Slack's libraries at WARNING, and whatever they log reduced to its gist."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    install_redaction(handler)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("slack_bolt", "slack_sdk", "urllib3", "apscheduler", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def log_to_file(path: Path) -> None:
    """Send the log to `path` (appended to) instead of the screen, redacted as ever, at the level already set.

    The terminal chat shares the screen with stderr: a trial read "WARNING audit_bot.knowledge: The knowledge base
    changed…" in the middle of its conversation (trial 28). The chat logs to a file beside the database."""
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    install_redaction(handler)
    logging.getLogger().handlers[:] = [handler]


def log_level_from(text: str | None, default: int) -> int:
    """AUDITBOT_LOG_LEVEL (DEBUG, INFO, WARNING, ERROR), or the default when unset or not a level name."""
    level = logging.getLevelName((text or "").strip().upper())
    return level if isinstance(level, int) else default
